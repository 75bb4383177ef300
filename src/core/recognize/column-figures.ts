/**
 * How much of a header column holds figures, and a known indicator's column whose cells are words that try to
 * state figures — passed over, the ranking would go on without the indicator.
 */
import type { SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { isFigureLike, isNotReportedText, readNumberCell } from "./cell-values";
import type { ColumnMeaning } from "./column-meaning";
import { issueAt } from "./issue";

/** Cells below `from` holding figures (numbers, marks, formula errors) and holding words. */
export function columnShare(
  sheet: SheetGrid,
  col: number,
  from: number
): { numeric: number; other: number } {
  let numeric = 0;
  let other = 0;
  const last = Math.min(sheet.rows.length, from + 200);
  for (let r = from; r < last; r++) {
    const cell = readNumberCell(sheet.rows[r]?.[col] ?? null);
    if (cell.kind === "number" || cell.kind === "na" || cell.kind === "error" || isFigureLike(cell))
      numeric++;
    // 未报送 is a figure missing from a column of figures, not a word that makes the column text.
    else if (cell.kind === "invalid" && !isNotReportedText(cell.text)) other++;
  }
  return { numeric, other };
}

/** Cells of words that try to state a figure (十个, 约8个): not 详见台账, which points elsewhere. */
function figureWords(sheet: SheetGrid, col: number, from: number): number {
  let n = 0;
  for (let r = from; r < Math.min(sheet.rows.length, from + 200); r++) {
    const v = sheet.rows[r]?.[col];
    if (typeof v === "string" && /[0-9０-９一二三四五六七八九十两]/.test(v)) n++;
  }
  return n;
}

/**
 * A column whose header names a known indicator but whose cells are mostly words, not figures (十个, 约八个): passed
 * over with an info, the ranking went on without the indicator, silently. It is an error.
 */
export function unreadableIndicator(sheet: SheetGrid, m: ColumnMeaning, from: number): Issue[] {
  if (m.field?.kind !== "indicator") return [];
  const { numeric, other } = columnShare(sheet, m.column.col, from);
  if (other < 2 || numeric >= other || figureWords(sheet, m.column.col, from) < 2) return [];
  return [
    issueAt(
      "wrong_type",
      "error",
      sheet.name,
      m.column.headerRow,
      m.column.col,
      {
        zh: `“${m.column.name}”列有 ${other} 个单元格不是数字，该列无法读取，此指标不计分；请填入数字`,
        en: `${other} cells of "${m.column.name}" are not figures: the column cannot be read and the indicator is not scored — enter figures`,
      },
      m.key
    ),
  ];
}
