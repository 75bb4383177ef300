/**
 * Pane settings (overrides, as-of date, period) live as key/value rows in the hidden state sheet, so they
 * travel with the file and every host can read them. Rows other shells keep there are carried over untouched.
 */
import type { CellValue, WorkbookGrid } from "../core/grid";
import { OWNER_MARKER_PREFIX, STATE_SHEET_NAME, ownerMarkerText } from "../core/report/ownership";
import type { SheetPlan, WriteValue } from "../core/report";
import { SETTINGS_KEY, type ScorecardSettings } from "../core/state";

export { EMPTY_SETTINGS, parseSettings, readSettings } from "../core/state";

/** The state sheet with this pane's row replaced and every other row kept. */
export function planSettingsSheet(
  settings: ScorecardSettings,
  grid: WorkbookGrid | null
): SheetPlan {
  const existing = grid?.sheets.find((s) => s.name === STATE_SHEET_NAME)?.rows ?? [];
  const kept = existing
    .filter((r) => r[0] !== SETTINGS_KEY && !isMarkerRow(r) && r.some((v) => v !== null && v !== ""))
    .map((r) => r.map(toWriteValue));
  // The marker lets every adapter find and replace this sheet instead of adding a second one.
  const values: WriteValue[][] = [
    [ownerMarkerText("state")],
    ...kept,
    [SETTINGS_KEY, JSON.stringify(settings)],
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
