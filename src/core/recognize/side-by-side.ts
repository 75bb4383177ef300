/**
 * 目标 and 完成 printed as two tables side by side on one sheet (一、年度目标 | blank column | 二、1-9月完成),
 * each repeating the unit column, are one table whose header groups say what each column holds. The sheet is read
 * with the blank column and the repeated unit column taken out, which is the measure-first layout recognition
 * reads; every address found is taken back to the user's cell (long-format-origin.ts).
 */
import { columnIndex, columnLetter, type CellRange, type CellValue, type SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import type { LongFormatSheet } from "./long-format";

const MAX_ROWS = 2000;
/** Rows of the two tables that name the same unit on the same line. */
const SAME_LINES = 0.8;

/** The blank column between two tables and the right table's repeat of the left one's unit column. */
function splitOf(sheet: SheetGrid): { gap: number; repeat: number } | null {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (let gap = 1; gap < width - 1; gap++) {
    if (!sheet.rows.every((row) => isBlankCell(row[gap]))) continue;
    if (sheet.merges.some((m) => m.left < gap && m.right >= gap && m.top > 0)) continue;
    const repeat = gap + 1;
    for (let left = 0; left < gap; left++)
      if (sameLines(sheet, left, repeat)) return { gap, repeat };
  }
  return null;
}

function sameLines(sheet: SheetGrid, a: number, b: number): boolean {
  let filled = 0;
  let same = 0;
  for (const row of sheet.rows) {
    const right = normalizeText(textOf(row[b] ?? null));
    if (right === "") continue;
    filled++;
    if (normalizeText(textOf(row[a] ?? null)) === right) same++;
  }
  return filled >= 3 && same / filled >= SAME_LINES;
}

/** The sheet read as one table when it holds two side by side with the same units; null otherwise. */
export function joinedSheet(sheet: SheetGrid): LongFormatSheet | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const split = splitOf(sheet);
  if (!split) return null;
  const { gap, repeat } = split;
  const originCol = (col: number): number => (col < gap ? col : col + 2);
  const kept = (col: number): number | null => (col < gap ? col : col > repeat ? col - 2 : null);
  // A group header merged from the repeated unit column on ("二、1-9月完成" over 镇 | 签约 | 到位) keeps its text.
  const carried = new Map<number, CellValue>();
  for (const m of sheet.merges)
    if (m.left === repeat && m.right > repeat)
      carried.set(m.top, sheet.rows[m.top]?.[repeat] ?? null);
  const rows = sheet.rows.map((row, r) => {
    const out = [...row.slice(0, gap), ...row.slice(repeat + 1)];
    const text = carried.get(r);
    if (text !== undefined && out[gap] == null) out[gap] = text;
    return out;
  });
  const merges: CellRange[] = sheet.merges.flatMap((m) => {
    const left = kept(m.left) ?? gap;
    const right = kept(m.right) ?? gap - 1;
    return right >= left && (right > left || m.bottom > m.top)
      ? [{ top: m.top, bottom: m.bottom, left, right }]
      : [];
  });
  const numberFormats = new Map<string, string>();
  for (const [a1, fmt] of sheet.numberFormats) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    const col = m ? kept(columnIndex(m[1]!)) : null;
    if (m && col !== null) numberFormats.set(`${columnLetter(col)}${m[2]}`, fmt);
  }
  const hiddenColumns = new Set(
    [...sheet.hiddenColumns].flatMap((c) => {
      const k = kept(c);
      return k === null ? [] : [k];
    })
  );
  return {
    wide: { ...sheet, rows, merges, numberFormats, hiddenColumns },
    origin: (row, col) => ({ row, col: originCol(col) }),
    originRow: (row) => row,
    originCol,
  };
}
