/**
 * 去年同期 columns: a header such as "去年同期签约项目" or "签约项目 › 上年同期" is last year's figure of an
 * indicator, not an indicator of its own. Recognition keeps such headers apart from the field (they never match
 * loosely), so they arrive as bureau-specific columns; this pairs them with the indicator they shadow.
 */
import type { IndicatorColumn } from "../model/tables";

const LAST_YEAR = /去年同期|上年同期|去年|上年|同期|last[\s_]*year|prior[\s_]*year/gi;
const NOISE = /[\s（(][^）)]*[）)]|[\s:：_\-·]|完成数?|实际/g;

export function isLastYearColumn(column: Pick<IndicatorColumn, "key" | "name">): boolean {
  LAST_YEAR.lastIndex = 0;
  const hit = LAST_YEAR.test(`${column.name} ${column.key}`);
  LAST_YEAR.lastIndex = 0;
  return hit;
}

const squash = (s: string): string => s.replace(LAST_YEAR, "").replace(NOISE, "").toLowerCase();

/** Indicator key → the column key holding its last-year figure, among `columns`. */
export function pairLastYearColumns(
  columns: readonly Pick<IndicatorColumn, "key" | "name">[],
  indicators: readonly { readonly key: string; readonly name: string }[]
): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of columns) {
    if (!isLastYearColumn(c)) continue;
    // "签约项目 › 去年同期" names the indicator in its group part; "去年同期签约项目" in the rest.
    const parts = c.name
      .split("›")
      .map(squash)
      .filter((p) => p !== "");
    const keyRest = c.key.replace(/[_\s]*(last[_\s]*year|ly|prev[_\s]*year)$/i, "").toLowerCase();
    const hit = indicators.find((ind) => {
      const name = squash(ind.name);
      return parts.includes(name) || keyRest === ind.key.toLowerCase() || parts.join("") === name;
    });
    if (hit && !out.has(hit.key)) out.set(hit.key, c.key);
  }
  return out;
}
