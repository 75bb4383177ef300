import type { CellError, CellValue, SheetGrid } from "./types";

export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  return sheet.rows[row]?.[col] ?? null;
}

export function isCellError(value: CellValue): value is CellError {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    value.kind === "error"
  );
}

export function isEmptyCell(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

export function columnCount(sheet: SheetGrid): number {
  let max = 0;
  for (const row of sheet.rows) if (row.length > max) max = row.length;
  return max;
}

/** The value shown in a merged area lives in its top-left cell; this returns it for any cell of the area. */
export function mergedValueAt(sheet: SheetGrid, row: number, col: number): CellValue {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)
      return cellAt(sheet, m.top, m.left);
  }
  return cellAt(sheet, row, col);
}
