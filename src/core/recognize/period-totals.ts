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

const monthsEnd = (m: ColumnMeaning): number | null =>
  cumulativeMonthEnd(m.column.levels[m.column.levels.length - 1] ?? "");

/**
 * "全年目标 | 1-8月 | 9月" with no 1-9月 column: last month's running total and this month's own figure, the
 * actual so far being the two added. The 1-8月 is then a period spanning January to August, summed with the 9月
 * after it (periodsSoFar); read alone it stopped a month short, silently. Beside a 1-9月累计 (a template's
 * =1-8月累计+9月) the 1-8月累计 is last month's figure, not a second actual: taken first as one, every unit was
 * a month short behind a mere duplicate-column warning.
 */
export function runningTotalParts(given: readonly ColumnMeaning[]): readonly ColumnMeaning[] {
  return given.map((m) => {
    if (m.measure !== "actual") return m;
    const end = monthsEnd(m);
    if (end === null) return m;
    const same = given.filter((o) => o !== m && o.key === m.key);
    const follows = same.some((o) => o.measure === "period" && o.period?.start === end + 1);
    const actuals = same.filter((o) => o.measure === "actual");
    const later = actuals.some((o) => (monthsEnd(o) ?? 0) > end);
    if (!(follows || later) || actuals.some((o) => monthsEnd(o) === null)) return m;
    return { ...m, measure: "period", period: { start: 1, end } };
  });
}
