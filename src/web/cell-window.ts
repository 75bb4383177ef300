/** The few rows and columns around a cell that the preview shows (the rest of a large sheet is never rendered). */
import { cellAt, columnCount, columnLetter, isCellError, parseA1 } from "../core/grid";
import type { CellValue, SheetGrid } from "../core/grid";

export interface CellWindow {
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  readonly target: { readonly row: number; readonly col: number };
  readonly text: (row: number, col: number) => string;
  readonly columnName: (col: number) => string;
}

export function cellWindow(
  sheet: SheetGrid,
  address: string,
  rowRadius = 8,
  colRadius = 3
): CellWindow | null {
  let target: { row: number; col: number };
  try {
    target = parseA1(address);
  } catch {
    return null;
  }
  const lastRow = Math.max(sheet.rows.length - 1, target.row);
  const lastCol = Math.max(columnCount(sheet) - 1, target.col);
  const top = Math.max(0, Math.min(target.row - rowRadius, lastRow - 2 * rowRadius));
  const left = Math.max(0, Math.min(target.col - colRadius, lastCol - 2 * colRadius));
  const rows = range(top, Math.min(lastRow, top + 2 * rowRadius));
  const cols = range(left, Math.min(lastCol, left + 2 * colRadius));
  return {
    rows,
    cols,
    target,
    text: (r, c) => displayValue(cellAt(sheet, r, c)),
    columnName: columnLetter,
  };
}

export function displayValue(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.code;
  return String(value);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
