/**
 * A 目标任务分解表 that breaks each indicator's target down by period (全年 / 一季度…四季度 under 签约项目):
 * on a sheet whose name or title says it holds targets, the period columns are shares of the target, never
 * actuals to add up, and the 全年 column is the target itself.
 */
import type { HeaderColumn } from "./header-block";
import { meaningOf, type ColumnMeaning } from "./column-meaning";
import { tableKindFromWords } from "./sheet-kind";

/** "全年", "年度", "全年合计": the whole year's figure beside its periods. */
const WHOLE_YEAR = /^(全年|年度|全年合计|年度合计|合计|小计|fullyear|annual|year|total)$/;

export interface TargetBreakdown {
  readonly meanings: readonly ColumnMeaning[];
  /** Period shares of a target ("key:period" → column), read as nothing. */
  readonly shares: readonly { readonly key: string; readonly col: number }[];
}

export function readTargetBreakdown(
  sheetName: string,
  above: readonly string[],
  given: readonly ColumnMeaning[]
): TargetBreakdown {
  const periods = given.filter((m) => m.measure === "period" && m.phrase.length > 0);
  if (periods.length === 0 || tableKindFromWords(sheetName, above) !== "targets")
    return { meanings: given, shares: [] };
  const shares: { key: string; col: number }[] = [];
  const meanings = given.flatMap((m): ColumnMeaning[] => {
    if (m.measure === "period" && m.phrase.length > 0) {
      shares.push({ key: `${m.key}:period`, col: m.column.col });
      return [];
    }
    const leaf = m.phrase[m.phrase.length - 1] ?? "";
    if (m.measure !== null || m.phrase.length < 2 || !WHOLE_YEAR.test(leaf)) return [m];
    return [meaningOf(asTarget(m.column, m.column.levels.lastIndexOf(leaf)))];
  });
  return { meanings, shares };
}

/** The column with its 全年 level read as 全年目标. */
function asTarget(column: HeaderColumn, at: number): HeaderColumn {
  const levels = [...column.levels];
  const shown = [...column.displayLevels];
  levels[at] = "全年目标";
  shown[at] = "全年目标";
  return { ...column, levels, displayLevels: shown };
}
