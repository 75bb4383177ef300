/** The pane's settings row written with a plan: one state sheet, the engine's rows kept. */
import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/plan";
import { planSettingsSheet, signedStatePlan } from "../core/state";
import type { ScorecardSettings } from "./session-types";

/** Adds the pane's settings row to the plan's state sheet, or adds a state sheet when the plan has none. */
export function withSettings(
  plan: WritePlan,
  settings: ScorecardSettings,
  grid: WorkbookGrid
): WritePlan {
  const ours = planSettingsSheet(settings, grid);
  const index = plan.sheets.findIndex((s) => s.kind === "state");
  if (index < 0) return { ...plan, sheets: [...plan.sheets, ours] };
  const theirs = plan.sheets[index]!;
  const mine = ours.values[ours.values.length - 1]!;
  const merged = signedStatePlan({
    ...theirs,
    values: [...theirs.values.filter((r) => r[0] !== mine[0]), mine],
  });
  return { ...plan, sheets: plan.sheets.map((s, i) => (i === index ? merged : s)) };
}
