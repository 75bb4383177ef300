/**
 * The words that name what a column of an indicator holds (目标 / 完成 / 完成率 / 一季度 …): a header label's
 * measure, a measure joined to an indicator's name, the months a period column covers.
 */
import { normalizeText } from "../text";

/** What a column of an indicator holds. */
export type Measure =
  | "target"
  | "actual"
  | "rate"
  | "last_year"
  | "yoy"
  | "period"
  | "bonus"
  | "penalty"
  | "reason"
  | "score"
  | "rank"
  | "previous_rank"
  | "weight"
  | "progress"
  | "grade"
  /** 本月 / 当月: this month's figure beside the cumulative one; never the actual. */
  | "current"
  /** 差额 / 缺口: 完成 − 目标, derived from the other two; never an indicator of its own. */
  | "gap"
  /**
   * 力争目标 / 奋斗目标 beside 保底目标: a higher aim for 评先评优, never the target a rate is taken against
   * nor an indicator of its own. The 保底 (基本) target is the one assessed.
   */
  | "stretch";

const MEASURE_WORDS: Readonly<Record<Exclude<Measure, "period">, readonly string[]>> = {
  target: [
    "目标",
    "保底目标",
    "保底",
    "保底任务",
    "基本目标",
    "基础目标",
    "底线目标",
    "目标任务",
    "全年目标",
    "年度目标",
    "年目标",
    "目标数",
    "目标值",
    "考核目标",
    "下达目标",
    "任务",
    "任务数",
    "全年任务",
    "年度任务",
    "目标任务数",
    "计划",
    "年度计划",
    "全年计划",
    "计划数",
    // A quarter's own task (季度打擂): the target when the table rates the quarter (see table-columns).
    "季度任务",
    "季度目标",
    "季度计划",
    "本季度任务",
    "本季度目标",
    "当季任务",
    "当季目标",
    "target",
    "targets",
    "goal",
    "plan",
    "annualtarget",
    "full-yeartarget",
    "fullyeartarget",
    "yeartarget",
    "quota",
  ],
  actual: [
    "完成",
    "累计完成",
    "实际完成",
    "完成数",
    "完成额",
    "完成值",
    "完成情况",
    "本年累计",
    "本年累计完成",
    "累计",
    "本期完成",
    "截至目前完成",
    "截止目前完成",
    "已完成",
    "实绩",
    "实绩值",
    "实际值",
    "实际数",
    "达成",
    "达成值",
    "达成数",
    "实际",
    "当年累计",
    "年累计",
    "actual",
    "actuals",
    "achieved",
    "completed",
    "done",
    "ytd",
    "yeartodate",
    "todate",
    "cumulative",
    "actualytd",
  ],
  rate: [
    "完成率",
    // Under an indicator beside its 任务 and 完成: how far the target is done (序时进度 is the yardstick).
    "进度",
    "完成进度",
    "目标进度",
    "完成比例",
    "完成比率",
    "目标完成率",
    "任务完成率",
    "完成进度",
    "完成百分比",
    "完成%",
    "完成(%)",
    "占目标",
    "占全年目标",
    "达成率",
    "达成比例",
    "达标率",
    "执行率",
    "rate",
    "completionrate",
    "completion",
    "%complete",
    "completion%",
    "achievementrate",
    "%oftarget",
  ],
  last_year: [
    "去年同期",
    "上年同期",
    "同期",
    "去年",
    "上年",
    "去年同期完成",
    "上年同期完成",
    "上年同期数",
    "lastyear",
    "prioryear",
    "samemonthlastyear",
    "sameperiodlastyear",
    "ly",
  ],
  yoy: [
    "同比",
    "同比增长",
    "同比增减",
    "同比增长率",
    "同比增幅",
    "增长",
    "增幅",
    "增速",
    "增长率",
    "增减",
    "yoy",
    "growth",
    "change",
    "yoy%",
  ],
  // 加（减）分 / 加扣分: one signed column, a negative figure is a deduction (table-rows reads the sign).
  bonus: [
    "加分",
    "加分项",
    "加分值",
    "奖励分",
    "加(减)分",
    "加减分",
    "加减分值",
    "加(扣)分",
    "加扣分",
    "奖扣分",
    "bonus",
    "bonuspoints",
    "extrapoints",
  ],
  penalty: ["扣分", "扣分项", "减分", "扣减分", "扣分值", "penalty", "deduction", "deductions"],
  reason: [
    "事由",
    "原因",
    "加分事由",
    "扣分事由",
    "加减分事由",
    "加减分原因",
    "加减分说明",
    "加(减)分说明",
    "加扣分事由",
    "加扣分说明",
    "依据",
    "reason",
    "reasons",
    "basis",
  ],
  score: [
    "得分",
    "分数",
    "综合得分",
    "总分",
    "总得分",
    "考核得分",
    "考核总分",
    "最终得分",
    "基础分",
    "基本分",
    "基础得分",
    "指标得分",
    "score",
    "totalscore",
    "basescore",
    "points",
  ],
  rank: ["排名", "名次", "位次", "本期排名", "本月排名", "rank", "ranking"],
  previous_rank: [
    "上月排名",
    "上季度排名",
    "上期排名",
    "上次排名",
    "上月名次",
    "上季度名次",
    "previousrank",
    "lastmonthrank",
    "lastquarterrank",
    "priorrank",
  ],
  weight: ["权重", "分值", "满分", "标准分", "weight", "weights", "maxpoints"],
  // 序时目标 (the year's target × 序时进度) is a yardstick beside the target, never a target of its own.
  progress: [
    "序时进度",
    "时间进度",
    "序时",
    "时序进度",
    "序时目标",
    "序时任务",
    "序时进度目标",
    "序时计划",
    "时序目标",
    "序时应完成",
    "按序时应完成",
    "timeprogress",
    "expectedprogress",
    "pro-ratatarget",
    "proratatarget",
  ],
  grade: ["等次", "等级", "考核等次", "grade"],
  gap: [
    "差额",
    "差距",
    "缺口",
    "超欠",
    "超欠额",
    "超（欠）",
    "超额",
    "欠额",
    "与目标差距",
    "距目标差额",
    "尚差",
    "还差",
    "gap",
    "shortfall",
    "variance",
  ],
  stretch: [
    "力争目标",
    "力争",
    "力争任务",
    "奋斗目标",
    "奋斗",
    "冲刺目标",
    "挑战目标",
    "争取目标",
    "stretchtarget",
    "stretch",
  ],
  current: [
    "本月",
    "当月",
    "本月完成",
    "当月完成",
    "本月新增",
    "当月新增",
    "本期",
    "本期新增",
    "本周",
    "本周完成",
    "季度完成",
    "本季度完成",
    "当季完成",
    "thismonth",
    "month",
    "currentmonth",
    "mtd",
  ],
};

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

/**
 * The months a period column covers: 一季度 → 1–3, 三季度 → 7–9, 下半年 → 7–12, 8月 → 8–8, and the running
 * totals 上半年 → 1–6, 前三季度 → 1–9; null when it is no period. Spans that overlap are running totals, spans
 * that follow each other are parts to add up (see unit-table's read).
 */
export function periodSpan(norm: string): PeriodSpan | null {
  const q =
    new RegExp(`^(?:第)?${CN_QUARTER}季度?(?:完成|累计)?$`).exec(norm) ??
    /^q([1-4])(?:actual)?$/.exec(norm);
  if (q) {
    const n = cnNumber(q[1] as string);
    return { start: n * 3 - 2, end: n * 3 };
  }
  const upTo =
    new RegExp(`^(?:前|[1一][-—~至到])${CN_QUARTER}(?:个)?季度(?:完成|累计)?$`).exec(norm) ??
    /^(?:q1-q|q1-)([1-4])$/.exec(norm);
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

const MEASURES = new Map<string, Measure>();
for (const [measure, words] of Object.entries(MEASURE_WORDS) as [Measure, readonly string[]][])
  for (const w of words) MEASURES.set(normalizeText(w), measure);

/** The measure a whole header label names ("累计完成" → actual), or null. */
export function measureOf(norm: string): Measure | null {
  const exact = MEASURES.get(norm);
  if (exact) return exact;
  if (periodSpan(norm) !== null) return "period";
  if (CUMULATIVE_MONTHS.test(norm)) return "actual";
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
  return null;
}

/** Measure words longest first, for headers that join an indicator and a measure ("签约项目目标", "FDI Actual"). */
const AFFIXES = [...MEASURES.keys()]
  .filter(
    (w) =>
      w.length >= 2 &&
      !["同期", "增长", "增减", "实际", "累计", "任务", "计划"].includes(w) &&
      // "加减分说明" is no 加减分 of an indicator named 说明.
      !/^加.?[减扣].?分/.test(w)
  )
  .sort((a, b) => b.length - a.length);

/** Splits "新签约项目目标" into ("新签约项目", target), "Target FDI" into ("fdi", target); null when nothing splits. */
export function splitMeasureAffix(norm: string): { phrase: string; measure: Measure } | null {
  for (const w of AFFIXES) {
    const m = MEASURES.get(w) as Measure;
    if (norm.length > w.length + 1 && norm.endsWith(w)) {
      const phrase = norm.slice(0, norm.length - w.length).replace(/[-_:/·]+$/, "");
      if (phrase.length >= 2) return { phrase, measure: m };
    }
    if (norm.length > w.length + 1 && norm.startsWith(w)) {
      const phrase = norm.slice(w.length).replace(/^[-_:/·]+/, "");
      // "完成签约项目" reads as an actual; "同比签约" would be odd but harmless.
      if (phrase.length >= 2 && !/^率|^比|^情况/.test(phrase)) return { phrase, measure: m };
    }
  }
  return null;
}
