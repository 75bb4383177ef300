/**
 * "签约项目 › 一季度 | 二季度 | 三季度 | 合计": in a report (not a target breakdown) the 合计 beside an indicator's
 * period columns is those periods added up — the figure so far — not a target and not an indicator of its own
 * (签约项目 › 合计). It is read as one more period spanning all of them, so the widest filled span is taken
 * (periodsSoFar) and a 合计 left blank falls back to its periods.
 */
import type { ColumnMeaning } from "./column-meaning";
import { cumulativeMonthEnd } from "./measure-words";

const PERIOD_TOTAL = /^(?:合计|小计|总计|合计数|累计合计)$/;

/** The group label right above a column's leaf ("签约项目（个）"), or null for a one-level header. */
function groupLabel(m: ColumnMeaning): string | null {
  const levels = m.column.levels;
  return levels.length >= 2 ? (levels[levels.length - 2] as string) : null;
}

export function periodTotals(given: readonly ColumnMeaning[]): readonly ColumnMeaning[] {
  const periods = given.filter(
    (m) => m.measure === "period" && m.period !== null && m.phrase.length > 0
  );
  if (periods.length < 2) return given;
  return given.map((m) => {
    const leaf = m.column.levels[m.column.levels.length - 1] ?? "";
    const group = groupLabel(m);
    if (m.measure !== null || group === null || !PERIOD_TOTAL.test(leaf)) return m;
    const mine = periods.filter((p) => groupLabel(p) === group);
    const first = mine[0];
    if (mine.length < 2 || first === undefined) return m;
    const start = Math.min(...mine.map((p) => p.period?.start ?? 12));
    const end = Math.max(...mine.map((p) => p.period?.end ?? 1));
    return { ...first, column: m.column, period: { start, end } };
  });
}

/**
 * "全年目标 | 1-8月 | 9月" with no 1-9月 column: last month's running total and this month's own figure, the
 * actual so far being the two added. The 1-8月 is then a period spanning January to August, summed with the 9月
 * after it (periodsSoFar); read alone it stopped a month short, silently.
 */
export function runningTotalParts(given: readonly ColumnMeaning[]): readonly ColumnMeaning[] {
  return given.map((m) => {
    if (m.measure !== "actual") return m;
    const leaf = m.column.levels[m.column.levels.length - 1] ?? "";
    const end = cumulativeMonthEnd(leaf);
    if (end === null) return m;
    const same = given.filter((o) => o !== m && o.key === m.key);
    const follows = same.some((o) => o.measure === "period" && o.period?.start === end + 1);
    if (!follows || same.some((o) => o.measure === "actual")) return m;
    return { ...m, measure: "period", period: { start: 1, end } };
  });
}
