/**
 * Settings the task pane keeps in the hidden state sheet (column/role overrides, as-of date, period). They
 * travel with the file, so every shell (pane, ribbon, CLI, web page) recognises the workbook the same way.
 */
import type { WorkbookGrid } from "../grid/types";
import type { RecognitionOverrides, SheetRole } from "../model/recognition";
import type { SheetPlan } from "../plan/write-plan";
import { planStateRows, readStateValue } from "./state-sheet";

export interface AssessPeriod {
  /** ISO dates, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
}

/** What the product remembers in the workbook between runs (hidden state sheet). */
export interface ScorecardSettings {
  readonly overrides: RecognitionOverrides;
  /** Last as-of date used, YYYY-MM-DD. */
  readonly asOf?: string;
  /** Period chosen in the pane; absent means "as the rules sheet says". */
  readonly period?: AssessPeriod;
}

export const SETTINGS_KEY = "taskpane.settings";
const ROLES: readonly SheetRole[] = ["targets", "actuals", "ledger", "rules", "output", "other"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const EMPTY_SETTINGS: ScorecardSettings = { overrides: {} };

export function readSettings(grid: WorkbookGrid): ScorecardSettings {
  const raw = readStateValue(grid, SETTINGS_KEY);
  if (raw === null) return EMPTY_SETTINGS;
  try {
    return parseSettings(JSON.parse(raw));
  } catch {
    // A damaged state cell must not stop the pane; the user can set overrides again.
    return EMPTY_SETTINGS;
  }
}

export function parseSettings(data: unknown): ScorecardSettings {
  if (!isRecord(data)) return EMPTY_SETTINGS;
  const settings: { overrides: RecognitionOverrides; asOf?: string; period?: AssessPeriod } = {
    overrides: parseOverrides(data["overrides"]),
  };
  const asOf = data["asOf"];
  if (typeof asOf === "string" && ISO_DATE.test(asOf)) settings.asOf = asOf;
  const period = data["period"];
  if (
    isRecord(period) &&
    typeof period["start"] === "string" &&
    typeof period["end"] === "string" &&
    ISO_DATE.test(period["start"]) &&
    ISO_DATE.test(period["end"])
  ) {
    settings.period = { start: period["start"], end: period["end"] };
  }
  return settings;
}

function parseOverrides(data: unknown): RecognitionOverrides {
  if (!isRecord(data)) return {};
  const roles: Record<string, SheetRole> = {};
  const columns: Record<string, Record<string, string>> = {};
  if (isRecord(data["roles"])) {
    for (const [sheet, role] of Object.entries(data["roles"])) {
      const known = ROLES.find((r) => r === role);
      if (known) roles[sheet] = known;
    }
  }
  if (isRecord(data["columns"])) {
    for (const [sheet, map] of Object.entries(data["columns"])) {
      if (!isRecord(map)) continue;
      const entries = Object.entries(map).filter(
        (e): e is [string, string] => typeof e[1] === "string"
      );
      if (entries.length > 0) columns[sheet] = Object.fromEntries(entries);
    }
  }
  const out: {
    roles?: Record<string, SheetRole>;
    columns?: Record<string, Record<string, string>>;
  } = {};
  if (Object.keys(roles).length > 0) out.roles = roles;
  if (Object.keys(columns).length > 0) out.columns = columns;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The state sheet with these settings recorded and every other row kept. */
export function planSettingsSheet(
  settings: ScorecardSettings,
  grid: WorkbookGrid | null
): SheetPlan {
  return planStateRows(grid, { [SETTINGS_KEY]: JSON.stringify(settings) });
}
