/**
 * "合心镇 | 本月 | 2 | 0.52" over "合心镇 | 累计 | 10 | 5.2": a 通报 giving each unit two rows, this month's figures
 * and the cumulative ones, its name merged down over both. The 本月 row is September alone and never the actual;
 * the 累计 row is the unit's row. (A column alternating 目标 / 完成 rows is table-sheet's row-measure column.)
 */
import type { SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { textOf } from "./cell-values";
import type { HeaderBlock } from "./header-block";
import { measureOf } from "./measure-words";
import type { MergedCells } from "./merged-cells";

/** The column whose cells say 本月 / 累计 row by row, or null. */
export function cumulativeRowColumn(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  skip: ReadonlySet<number>
): number | null {
  const last = Math.min(sheet.rows.length, block.bottom + 1 + 200);
  for (let c = 0; c < block.width; c++) {
    if (skip.has(c)) continue;
    let rows = 0;
    let current = 0;
    let actual = 0;
    for (let r = block.bottom + 1; r < last; r++) {
      const t = textOf(merged.value(r, c));
      if (t === "") continue;
      rows++;
      const m = measureOf(normalizeText(t));
      if (m === "current") current++;
      else if (m === "actual") actual++;
    }
    if (current >= 2 && actual >= 2 && (current + actual) / rows >= 0.6) return c;
  }
  return null;
}

/** A row the column marks as this month's (本月 / 当月): not the unit's figures. */
export function isCurrentRow(merged: MergedCells, r: number, col: number | null): boolean {
  return col !== null && measureOf(normalizeText(textOf(merged.value(r, col)))) === "current";
}
