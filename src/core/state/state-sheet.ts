/**
 * The hidden state sheet: one key/value row per thing the product remembers (previous rankings per period,
 * the pane's settings). Every writer replaces only its own keys and carries the other rows over, so shells
 * that know nothing of each other can share it.
 */
import type { CellValue, WorkbookGrid } from "../grid/types";
import { OWNER_MARKER_PREFIX, STATE_SHEET_NAME, ownerMarkerText } from "../report/ownership";
import type { SheetPlan, WriteValue } from "../report/write-plan";

/** The text stored under `key`, or null when the workbook has none. */
export function readStateValue(grid: WorkbookGrid | null, key: string): string | null {
  const sheet = grid?.sheets.find((s) => s.name === STATE_SHEET_NAME);
  const value = sheet?.rows.find((r) => r[0] === key)?.[1];
  return typeof value === "string" ? value : null;
}

function isMarkerRow(row: readonly CellValue[]): boolean {
  return row.some((v) => typeof v === "string" && v.includes(`[${OWNER_MARKER_PREFIX}`));
}

function toWriteValue(value: CellValue): WriteValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) ? null : value;
}

/** The state sheet with `entries` written (each key once, at the end) and every other row kept. */
export function planStateRows(
  grid: WorkbookGrid | null,
  entries: Readonly<Record<string, string>>
): SheetPlan {
  const existing = grid?.sheets.find((s) => s.name === STATE_SHEET_NAME)?.rows ?? [];
  const kept = existing
    .filter(
      (r) =>
        !(typeof r[0] === "string" && r[0] in entries) &&
        !isMarkerRow(r) &&
        r.some((v) => v !== null && v !== "")
    )
    .map((r) => r.map(toWriteValue));
  // The marker lets every adapter find and replace this sheet instead of adding a second one.
  const values: WriteValue[][] = [[ownerMarkerText("state")], ...kept, ...Object.entries(entries)];
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
