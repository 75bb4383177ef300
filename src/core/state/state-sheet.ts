/**
 * The hidden state sheet: one key/value row per thing the product remembers (previous rankings per period,
 * the pane's settings, which sheets it wrote). Every writer replaces only its own keys and carries the other rows
 * over, so shells that know nothing of each other can share it. Long values span several cells (state-cells.ts).
 *
 * Which sheet is the state sheet is the product's own record, not its name: the sheet starts with a signature row
 * holding the digest of every row under it, written by the product. A user's sheet that happens to be named
 * `_scorecard_state` has none, so it is never read as state nor replaced; the state then lands under a free name
 * ("_scorecard_state (2)") and is found there by its signature.
 */
import type { CellValue, WorkbookGrid } from "../grid/types";
import { cellsDigest } from "../grid/cells-digest";
import { STATE_SHEET_NAME } from "../plan/product-sheets";
import type { SheetPlan, WriteValue } from "../plan/write-plan";
import { stateRow, stateValueOf } from "./state-cells";

/** Key of the state sheet's first row; its value is the digest of the rows under it. */
export const STATE_SIGNATURE_KEY = "scorecard.state.v1";

type Rows = readonly (readonly (CellValue | WriteValue)[])[];

/** True for a name the product gives its state sheet: `_scorecard_state`, or `_scorecard_state (n)` when taken. */
export function isStateSheetName(name: string): boolean {
  if (name === STATE_SHEET_NAME) return true;
  const rest = name.startsWith(STATE_SHEET_NAME) ? name.slice(STATE_SHEET_NAME.length) : "";
  return /^ \(\d+\)$/.test(rest);
}

/** True when `rows` are a state sheet the product wrote: its signature row matches the rows under it. */
export function isSignedState(rows: Rows): boolean {
  const first = rows[0];
  return (
    first !== undefined &&
    first[0] === STATE_SIGNATURE_KEY &&
    first[1] === cellsDigest(rows.slice(1)) &&
    first.slice(2).every((v) => v === null || v === "")
  );
}

/** The rows under a signature row written first (an older one dropped), signed anew. */
export function signStateValues(values: readonly (readonly WriteValue[])[]): WriteValue[][] {
  const rows = values.filter((r) => r[0] !== STATE_SIGNATURE_KEY).map((r) => [...r]);
  return [[STATE_SIGNATURE_KEY, cellsDigest(rows)], ...rows];
}

/** The plan's state sheet signed for what it now holds (after any merge of rows). */
export function signedStatePlan(plan: SheetPlan): SheetPlan {
  return plan.kind === "state" ? { ...plan, values: signStateValues(plan.values) } : plan;
}

/** The workbook's state sheet: a sheet of a state-sheet name whose signature holds; undefined when none does. */
export function stateSheetOf<S extends { readonly name: string; readonly rows: Rows }>(
  sheets: readonly S[]
): S | undefined {
  return sheets.find((s) => isStateSheetName(s.name) && isSignedState(s.rows));
}

/** Rows of the workbook's state sheet, empty when it has none. */
export function stateRowsOf(grid: WorkbookGrid | null): readonly (readonly CellValue[])[] {
  return (grid ? stateSheetOf(grid.sheets)?.rows : undefined) ?? [];
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

/** The state sheet holding exactly `values` (under its signature row). */
export function stateSheetPlan(values: readonly (readonly WriteValue[])[]): SheetPlan {
  return {
    name: STATE_SHEET_NAME,
    kind: "state",
    owned: true,
    values: signStateValues(values),
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
        r[0] !== STATE_SIGNATURE_KEY &&
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
