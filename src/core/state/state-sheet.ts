/**
 * The hidden state sheet: one key/value row per thing the product remembers (previous rankings per period,
 * the pane's settings, which sheets it wrote). Every writer replaces only its own keys and carries the other rows
 * over, so shells that know nothing of each other can share it. Long values span several cells (state-cells.ts).
 */
import type { CellValue, WorkbookGrid } from "../grid/types";
import { STATE_SHEET_NAME } from "../plan/product-sheets";
import type { SheetPlan, WriteValue } from "../plan/write-plan";
import { stateRow, stateValueOf } from "./state-cells";

/** Rows of the workbook's state sheet, empty when it has none. */
export function stateRowsOf(grid: WorkbookGrid | null): readonly (readonly CellValue[])[] {
  return grid?.sheets.find((s) => s.name === STATE_SHEET_NAME)?.rows ?? [];
}

/** The text stored under `key`, or null when the workbook has none. */
export function readStateValue(grid: WorkbookGrid | null, key: string): string | null {
  return stateValueOf(stateRowsOf(grid), key);
}

/** Earlier versions wrote a marker row (its text in column A); ownership is recorded now, so it is dropped. */
function isOldMarkerRow(row: readonly CellValue[]): boolean {
  return typeof row[0] === "string" && row[0].includes("[scorecard:state]");
}

function toWriteValue(value: CellValue): WriteValue {
  return typeof value === "object" && value !== null && !(value instanceof Date) ? null : value;
}

/** The state sheet holding exactly `values`. */
export function stateSheetPlan(values: readonly (readonly WriteValue[])[]): SheetPlan {
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

/** The state rows with `entries` written (each key once, at the end) and every other non-empty row kept. */
export function stateRowsWith(
  rows: readonly (readonly CellValue[])[],
  entries: Readonly<Record<string, string>>
): WriteValue[][] {
  const kept = rows
    .filter(
      (r) =>
        !(typeof r[0] === "string" && r[0] in entries) &&
        !isOldMarkerRow(r) &&
        r.some((v) => v !== null && v !== "")
    )
    .map((r) => r.map(toWriteValue));
  return [...kept, ...Object.entries(entries).map(([key, value]) => stateRow(key, value))];
}

/** The state sheet with `entries` written and every other row kept. */
export function planStateRows(
  grid: WorkbookGrid | null,
  entries: Readonly<Record<string, string>>
): SheetPlan {
  return stateSheetPlan(stateRowsWith(stateRowsOf(grid), entries));
}
