/**
 * The words that name what a column of an indicator holds (目标 / 完成 / 完成率 / 一季度 …): a header label's
 * measure, a measure joined to an indicator's name, the months a period column covers.
 */
import { normalizeText } from "../text";
import { MEASURE_WORDS, type Measure } from "./measure-dictionary";

export type { Measure };

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/** The months of the year a period column covers, first and last (一季度 → 1–3, 上半年 → 1–6). */
export interface PeriodSpan {
  readonly start: number;
  readonly end: number;
}

const CN_QUARTER = "([一二三四1-4])";
// Built once: headers are asked about cell by cell, over every row a header search looks at.
const QUARTER = new RegExp(`^(?:第)?${CN_QUARTER}季度?(?:完成|累计)?$`);
const UP_TO_QUARTER = new RegExp(`^(?:前|[1一][-—~至到])${CN_QUARTER}(?:个)?季度(?:完成|累计)?$`);

/**
 * The months a period column covers: 一季度 → 1–3, 三季度 → 7–9, 下半年 → 7–12, 8月 → 8–8, and the running
 * totals 上半年 → 1–6, 前三季度 → 1–9; null when it is no period. Spans that overlap are running totals, spans
 * that follow each other are parts to add up (see unit-table's read).
 */
export function periodSpan(norm: string): PeriodSpan | null {
  const q = QUARTER.exec(norm) ?? /^q([1-4])(?:actual)?$/.exec(norm);
  if (q) {
    const n = cnNumber(q[1] as string);
    return { start: n * 3 - 2, end: n * 3 };
  }
  const upTo = UP_TO_QUARTER.exec(norm) ?? /^(?:q1-q|q1-)([1-4])$/.exec(norm);
  if (upTo) return { start: 1, end: cnNumber(upTo[1] as string) * 3 };
  if (
    /^(上半年|前两季度|前二季度|一季度至二季度)(?:完成|累计)?$/.test(norm) ||
    /^(h1|firsthalf)$/.test(norm)
  )
    return { start: 1, end: 6 };
  if (/^(下半年)$/.test(norm) || /^(h2|secondhalf)$/.test(norm)) return { start: 7, end: 12 };
  const m =
    /^(\d{1,2})月(?:份)?(?:完成)?$/.exec(norm) ??
    /^(一|二|三|四|五|六|七|八|九|十|十一|十二)月(?:份)?$/.exec(norm);
  if (m) {
    const n = cnNumber(m[1] as string);
    return n >= 1 && n <= 12 ? { start: n, end: n } : null;
  }
  const en = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/.exec(norm);
  if (en) {
    const n = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(en[1] as string) / 3 + 1;
    return { start: n, end: n };
  }
  return null;
}

/** 一 … 十二 or digits ("8") as a number: months and quarters as titles and headers write them. */
export function cnNumber(d: string): number {
  return CN_DIGITS[d] ?? Number(d);
}

/** Cumulative actuals named by their months ("1-8月完成", "1—8月累计"): actual, not a period part. */
const CUMULATIVE_MONTHS =
  /^(?:\d{4}年)?(?:1|一)[-—~至到](\d{1,2}|[二三四五六七八九十]|十[一二])月(?:份)?(?:累计)?(?:完成(?:情况)?|累计)?$/;

/** The last month a cumulative-months header covers ("1-8月" → 8), or null. */
export function cumulativeMonthEnd(norm: string): number | null {
  const m = CUMULATIVE_MONTHS.exec(norm);
  return m ? cnNumber(m[1] as string) : null;
}

/** Actuals "as of" a day or month ("截至9月底", "截止9月30日累计", "截至目前"): what was achieved up to then. */
const UP_TO =
  /^(?:截至|截止|至)(?:(?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]|十[一二])月(?:底|末|份|\d{1,2}日)?|目前|当前|本月底?)(?:累计)?(?:完成(?:数|额|值|情况)?|累计)?$/;

const MEASURES = new Map<string, Measure>();
for (const [measure, words] of Object.entries(MEASURE_WORDS) as [Measure, readonly string[]][])
  for (const w of words) MEASURES.set(normalizeText(w), measure);

/** The measure a whole header label names ("累计完成" → actual), or null. */
export function measureOf(norm: string): Measure | null {
  const exact = MEASURES.get(norm);
  if (exact) return exact;
  if (periodSpan(norm) !== null) return "period";
  if (CUMULATIVE_MONTHS.test(norm) || UP_TO.test(norm)) return "actual";
  // "主要指标完成情况", "招商引资完成情况": a group saying its columns are what was achieved.
  // Anchored: unanchored, `.{2,}` retried from every position is quadratic (3 s on a 40,000-character label).
  if (/^.{2,}(完成情况|完成数|完成值)$/.test(norm) && !/率/.test(norm)) return "actual";
  // "已完成数", "年度任务数", "达成值": a measure word counted as a number is that measure.
  if (/[数额值]$/.test(norm)) {
    const counted = MEASURES.get(norm.slice(0, -1));
    if (counted) return counted;
  }
  // "完成率(%)", "同比增长(%)", "权重(分)": the bracket only restates the unit.
  const bare = norm.replace(/\([^()]*\)$/, "");
  if (bare !== norm) return MEASURES.get(bare) ?? null;
  // "2023年目标", "2024年度完成": the year belongs to the column (column-meaning reads it), the rest is the measure;
  // "年度目标任务", "全年目标任务": the year's, as the bare words say.
  const yearless = norm.replace(/^(?:(?:19|20)\d{2}年度?|年度|全年|本年度?)/, "");
  if (yearless !== norm && yearless !== "") return measureOf(yearless);
  // "Plan 2024", "Target FY2024": an English measure followed by its year.
  const trailing = norm.replace(/(?:fy)?(?:19|20)\d{2}$/, "");
  if (trailing !== norm && /^[a-z%]{2,}$/.test(trailing)) return MEASURES.get(trailing) ?? null;
  return null;
}

/** Measure words longest first, for headers that join an indicator and a measure ("签约项目目标", "FDI Actual"). */
const AFFIXES = [...MEASURES.keys()]
  .filter(
    (w) =>
      w.length >= 2 &&
      // "全年" / "年度" join a name as its period (年度考核得分, 全年签约项目), not as its measure.
      !["同期", "增长", "增减", "全年", "年度", "占比"].includes(w) &&
      // "加减分说明" is no 加减分 of an indicator named 说明.
      !/^加.?[减扣].?分/.test(w)
  )
  .sort((a, b) => b.length - a.length);

/**
 * Measure words that join an indicator only after it: 签约项目任务 is its target, but 计划总投资, 实际利用外资 and
 * 累计到位资金 are indicators (or ledger fields) of their own.
 */
const SUFFIX_ONLY = new Set(["实际", "实现", "累计", "任务", "计划"]);

/** Splits "新签约项目目标" into ("新签约项目", target), "Target FDI" into ("fdi", target); null when nothing splits. */
export function splitMeasureAffix(norm: string): { phrase: string; measure: Measure } | null {
  for (const w of AFFIXES) {
    const m = MEASURES.get(w) as Measure;
    if (norm.length > w.length + 1 && norm.endsWith(w)) {
      const phrase = norm.slice(0, norm.length - w.length).replace(/[-_:/·]+$/, "");
      if (phrase.length >= 2) return { phrase, measure: m };
    }
    if (norm.length > w.length + 1 && norm.startsWith(w) && !SUFFIX_ONLY.has(w)) {
      const phrase = norm.slice(w.length).replace(/^[-_:/·]+/, "");
      // "完成签约项目" reads as an actual; "同比签约" would be odd but harmless.
      if (phrase.length >= 2 && !/^率|^比|^情况/.test(phrase)) return { phrase, measure: m };
    }
  }
  return null;
}
