/**
 * A sheet given to one indicator names it only in its tab or title ("到位资金": 县区 | 年度目标 | 1-9月完成 |
 * 完成率): its columns say what they hold but not of what. Recognition reads such a sheet with the indicator's
 * name put before each of those headers ("实际到位资金年度目标"), rows and columns unchanged, so every address
 * stays the user's.
 */
import type { CellValue, SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { findHeaderBlock } from "./header-block";
import { looksLikeIndicator } from "./lexicon";
import { measureOf, type Measure } from "./measure-words";
import { MergedCells } from "./merged-cells";

const MAX_ROWS = 2000;
/** What a bare header may say of the indicator it belongs to. */
const OF_INDICATOR: ReadonlySet<Measure> = new Set<Measure>(["target", "actual", "rate", "period"]);

/** "2024年1-9月各县区实际到位资金完成情况" → "实际到位资金"; the tab name when it names an indicator. */
function indicatorNamed(sheet: SheetGrid, above: readonly string[]): string | null {
  const title = (t: string): string =>
    normalizeText(t)
      .replace(
        /^.*?\d{4}年度?(?:\d{1,2}[-—~至到]\d{1,2}月份?|\d{1,2}月份?|第?[一二三四]季度|上半年|前三季度)?/,
        ""
      )
      .replace(
        /^(?:全[市县区]|各(?:县|市|区|乡镇|街道|单位|部门|开发区|园区)[^实签到新招引外内]*?(?=[实签到新招引外内]))/,
        ""
      )
      .replace(/(?:完成情况|进展情况|情况)?(?:统计|通报|汇总)?表?$/, "");
  for (const text of [normalizeText(sheet.name), ...above.map(title)])
    if (
      text.length >= 2 &&
      text.length <= 16 &&
      looksLikeIndicator(text) &&
      measureOf(text) === null
    )
      return text;
  return null;
}

/** The sheet with the indicator's name before its bare target / actual headers; null for any other sheet. */
export function namedIndicatorSheet(sheet: SheetGrid): SheetGrid | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const merged = new MergedCells(sheet);
  const block = findHeaderBlock(sheet, merged);
  if (!block || block.top !== block.bottom) return null;
  const bare = block.columns.filter((c) => {
    const m = measureOf(c.leafNorm);
    return m !== null && OF_INDICATOR.has(m);
  });
  const kinds = new Set(bare.map((c) => measureOf(c.leafNorm)));
  if (!kinds.has("target")) return null;
  // A targets-only sheet per indicator (签约项目目标任务分解表: 全年目标 / 一季度…四季度): its 全年目标 is the
  // indicator's target; the quarters spread that target over the year and are not the indicator's figures.
  const renamed = kinds.has("actual")
    ? bare
    : bare.filter((c) => measureOf(c.leafNorm) === "target");
  // Any header naming an indicator of its own, or a column of indicator names (one row per unit and indicator),
  // means the table is not one indicator's.
  if (
    block.columns.some(
      (c) =>
        !bare.includes(c) && (looksLikeIndicator(c.leafNorm) || /指标|indicator/.test(c.leafNorm))
    )
  )
    return null;
  const name = indicatorNamed(sheet, block.above);
  if (!name) return null;
  const rows = sheet.rows.map((row, r) => {
    if (r !== block.top) return row;
    const out: CellValue[] = [...row];
    for (const c of renamed) {
      const v = out[c.col];
      if (typeof v === "string") out[c.col] = `${name}${v.trim()}`;
    }
    return out;
  });
  return { ...sheet, rows };
}
