/**
 * Pane settings (overrides, as-of date, period) live as key/value rows in the hidden state sheet, so they
 * travel with the file and every host can read them. Rows other shells keep there are carried over untouched.
 */
import type { CellValue, WorkbookGrid } from "../core/grid";
import type { RecognitionOverrides, SheetRole } from "../core/model/recognition";
import { OWNER_MARKER_PREFIX, STATE_SHEET_NAME, ownerMarkerText } from "../core/report/ownership";
import type { SheetPlan, WriteValue } from "../core/report";
import type { AssessPeriod, ScorecardSettings } from "./engine-port";

const KEY = "taskpane.settings";
const ROLES: readonly SheetRole[] = ["targets", "actuals", "ledger", "rules", "output", "other"];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const EMPTY_SETTINGS: ScorecardSettings = { overrides: {} };

export function readSettings(grid: WorkbookGrid): ScorecardSettings {
  const sheet = grid.sheets.find((s) => s.name === STATE_SHEET_NAME);
  const row = sheet?.rows.find((r) => r[0] === KEY);
  const raw = row?.[1];
  if (typeof raw !== "string") return EMPTY_SETTINGS;
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

/** The state sheet with this pane's row replaced and every other row kept. */
export function planSettingsSheet(
  settings: ScorecardSettings,
  grid: WorkbookGrid | null
): SheetPlan {
  const existing = grid?.sheets.find((s) => s.name === STATE_SHEET_NAME)?.rows ?? [];
  const kept = existing
    .filter((r) => r[0] !== KEY && !isMarkerRow(r) && r.some((v) => v !== null && v !== ""))
    .map((r) => r.map(toWriteValue));
  // The marker lets every adapter find and replace this sheet instead of adding a second one.
  const values: WriteValue[][] = [
    [ownerMarkerText("state")],
    ...kept,
    [KEY, JSON.stringify(settings)],
  ];
  return {
    name: STATE_SHEET_NAME,
    kind: "state",
    owned: true,
    values,
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    hyperlinks: [],
    validations: [],
    dataBars: [],
    visibility: "veryHidden",
  };
}

function isMarkerRow(row: readonly CellValue[]): boolean {
  return row.some((v) => typeof v === "string" && v.includes(`[${OWNER_MARKER_PREFIX}`));
}

function toWriteValue(value: CellValue): WriteValue {
  if (value === null || value instanceof Date || typeof value !== "object") return value;
  return value.code;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
