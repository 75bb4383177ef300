/** Used ranges as Excel computes them. */
import type ExcelJS from "exceljs";
import type { Rect } from "./addresses";
import { hasValue } from "./cells";

/**
 * The used range: "the smallest range that encompasses any cells that have a value or formatting assigned to
 * them"; with `valuesOnly`, cells with values only (Excel.Worksheet.getUsedRange reference,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
 * Merge slaves hold no value. `within` narrows it to a range (Range.getUsedRangeOrNullObject).
 */
export function usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean, within?: Rect): Rect | null {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  // ExcelJS keeps rows and cells in sparse arrays; its eachRow({ includeEmpty: true }) would create every row.
  const rows = (ws as unknown as { _rows: Array<ExcelJS.Row | undefined> })._rows;
  // Object.keys lists only the rows and cells present (forEach would walk all 1,048,576 indexes of a sparse array).
  for (const ri of Object.keys(rows)) {
    const i = Number(ri);
    const row = rows[i];
    if (!row || (within && (i < within.top || i > within.bottom))) continue;
    const cells = (row as unknown as { _cells: Array<ExcelJS.Cell | undefined> })._cells;
    for (const ci of Object.keys(cells)) {
      const j = Number(ci);
      const cell = cells[j];
      if (!cell || (within && (j < within.left || j > within.right))) continue;
      if (!(valuesOnly ? hasValue(cell) : hasValue(cell) || hasFormatting(cell))) continue;
      top = Math.min(top, i);
      bottom = Math.max(bottom, i);
      left = Math.min(left, j);
      right = Math.max(right, j);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

function hasFormatting(cell: ExcelJS.Cell): boolean {
  const style = cell.style as Record<string, unknown> | undefined;
  return style !== undefined && Object.values(style).some((v) => v !== undefined);
}
