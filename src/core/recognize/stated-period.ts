/**
 * The assessment period a workbook states of itself when it is not a calendar year: seed 001's 九个月攻坚行动
 * says "考核期限：2007年7月1日至2008年3月31日" in its 考核办法 and "（2007年7月—2008年3月）" in its titles.
 * A range in an actuals title ("2024年1月-8月完成情况") is how far the figures run, not the period, so only
 * statements that name the period (考核期限, 攻坚期…) and titles of targets (目标, 任务) count.
 */
import type { SheetGrid } from "../grid";
import { toHalfWidth } from "../text";
import { titleTexts } from "./title-texts";

export interface StatedPeriod {
  /** YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  readonly text: string;
  readonly sheet: string;
  readonly cell: string;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const PERIOD_WORDS =
  /考核期限|考核期间|考核时间|考核周期|考核期为|攻坚期|攻坚时间|行动时间|活动时间|起止时间/;
const RANGE =
  /((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:起)?[至到—–\-~～－]{1,2}((?:19|20)\d{2})?年?(\d{1,2})月(?:(\d{1,2})日)?/;

/** The range one text states, or null; a range of one month or of more than two years is no period. */
function rangeIn(text: string): { start: string; end: string } | null {
  const m = RANGE.exec(toHalfWidth(text).replace(/\s+/g, ""));
  if (!m) return null;
  const y1 = Number(m[1]);
  const m1 = Number(m[2]);
  const y2 = m[4] ? Number(m[4]) : y1;
  const m2 = Number(m[5]);
  if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return null;
  const months = (y2 - y1) * 12 + (m2 - m1);
  if (months < 1 || months > 24) return null;
  const d1 = m[3] ? Math.min(Number(m[3]), lastDay(y1, m1)) : 1;
  const d2 = m[6] ? Math.min(Number(m[6]), lastDay(y2, m2)) : lastDay(y2, m2);
  const start = `${y1}-${pad(m1)}-${pad(d1)}`;
  const end = `${y2}-${pad(m2)}-${pad(d2)}`;
  // A calendar year is the default already; saying so changes nothing.
  if (start.endsWith("-01-01") && end === `${y1}-12-31`) return null;
  return { start, end };
}

/**
 * The period the workbook states: a sentence naming it anywhere in the first rows of a visible sheet first, else a
 * range in the title of targets. Null when none is stated.
 */
export function statedPeriod(sheets: readonly SheetGrid[]): StatedPeriod | null {
  const visible = sheets.filter((s) => !s.hidden);
  for (const sheet of visible) {
    for (const { text, cell } of titleTexts(sheet, 30)) {
      if (!PERIOD_WORDS.test(text)) continue;
      const range = rangeIn(text);
      if (range) return { ...range, text: text.trim(), sheet: sheet.name, cell };
    }
  }
  for (const sheet of visible) {
    for (const { text, cell } of titleTexts(sheet, 3)) {
      if (!/目标|任务/.test(text)) continue;
      const range = rangeIn(text);
      if (range) return { ...range, text: text.trim(), sheet: sheet.name, cell };
    }
  }
  return null;
}
