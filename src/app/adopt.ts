/**
 * 采用建议: which cells take an issue's suggestion. The issue names one cell, but a ledger repeats a misspelt unit on
 * many rows ("共 12 行"): every cell of that column holding the very same text takes the suggestion, so one click
 * fixes the finding rather than its first row. Never more than MAX_ADOPTED_CELLS (a suggestion is a small fix).
 */
import { cellAt, parseA1, toA1, type WorkbookGrid } from "../core/grid";
import type { Issue } from "../core/issues";
import type { CellText } from "../workbook/host";

export const MAX_ADOPTED_CELLS = 200;

/** The cells to write for `issue`'s suggestion: its own cell, and its column's cells with the same text. */
export function adoptionCells(grid: WorkbookGrid, issue: Issue): CellText[] {
  const text = issue.suggestion;
  if (text === undefined) return [];
  const sheet = grid.sheets.find((s) => s.name === issue.sheet);
  const own = { address: issue.cell, text };
  if (!sheet) return [own];
  const { row, col } = parseA1(issue.cell);
  const original = cellAt(sheet, row, col);
  if (typeof original !== "string" || original.trim() === "") return [own];
  const cells: CellText[] = [];
  sheet.rows.forEach((_, r) => {
    if (cells.length < MAX_ADOPTED_CELLS && cellAt(sheet, r, col) === original)
      cells.push({ address: toA1(r, col), text });
  });
  return cells.some((c) => c.address === issue.cell) ? cells : [own, ...cells];
}
