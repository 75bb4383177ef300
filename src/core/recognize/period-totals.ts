/**
 * "签约项目 › 一季度 | 二季度 | 三季度 | 合计": in a report (not a target breakdown) the 合计 beside an indicator's
 * period columns is those periods added up — the figure so far — not a target and not an indicator of its own
 * (签约项目 › 合计). It is read as one more period spanning all of them, so the widest filled span is taken
 * (periodsSoFar) and a 合计 left blank falls back to its periods.
 */
import type { ColumnMeaning } from "./column-meaning";

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
