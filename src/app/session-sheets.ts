/** Session operations that add a sheet and select it where it landed: sample, template, rules. */
import { readSettings } from "../core/state";
import { landedName } from "../workbook/host";
import { withSettings } from "./settings";
import type { SessionIo } from "./session-io";
import type { ScorecardSettings } from "./session-types";
import { todayIso } from "./today";

export async function planSampleFor(io: SessionIo): Promise<void> {
  const eng = await io.engine();
  const grid = await io.current();
  // The sample's figures are as of its own date: remember it so the first run matches the data.
  const settings: ScorecardSettings = { ...readSettings(grid), ...eng.sampleSettings };
  const plan = withSettings(eng.planSample(), settings, grid);
  const applied = await io.write(plan);
  if (plan.activate) await io.select(landedName(applied, plan.activate), "A1");
}

export async function planTemplateFor(io: SessionIo): Promise<void> {
  const plan = (await io.engine()).planTemplate(todayIso(io.now()));
  const applied = await io.write(plan);
  if (plan.activate) await io.select(landedName(applied, plan.activate), "A1");
}

/** Selects the 考核规则 sheet, creating it with the default rules when the workbook has none. */
export async function planDefaultRulesFor(io: SessionIo): Promise<void> {
  const grid = await io.current();
  const eng = await io.engine();
  const existing = eng.findRulesSheet(grid);
  if (existing) return io.select(existing, "A1");
  const plan = eng.planDefaultRules(readSettings(grid).asOf ?? todayIso(io.now()));
  const applied = await io.write(plan);
  const name = plan.activate ?? plan.sheets.find((s) => s.kind === "rules")?.name;
  if (name) await io.select(landedName(applied, name), "A1");
}
