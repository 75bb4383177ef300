/**
 * The words bureaus put in headers and rows, as data: what a column measures (目标 / 完成 / 完成率 …), what a
 * unit column is called, which rows are sections or left out of the assessment. Recognition weighs these as
 * evidence beside the shape of the data; extending the product to a new bureau's wording is an entry here.
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
  | "gap";

const MEASURE_WORDS: Readonly<Record<Exclude<Measure, "period">, readonly string[]>> = {
  target: [
    "目标",
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
  bonus: ["加分", "加分项", "加分值", "奖励分", "bonus", "bonuspoints", "extrapoints"],
  penalty: ["扣分", "扣分项", "减分", "扣减分", "扣分值", "penalty", "deduction", "deductions"],
  reason: [
    "事由",
    "原因",
    "加分事由",
    "扣分事由",
    "加减分事由",
    "加减分原因",
    "依据",
    "reason",
    "reasons",
    "basis",
  ],
  score: ["得分", "分数", "综合得分", "总分", "考核得分", "score", "totalscore", "points"],
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
  progress: ["序时进度", "时间进度", "序时", "timeprogress", "expectedprogress"],
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
    const n = quarterNumber(q[1] as string);
    return { start: n * 3 - 2, end: n * 3 };
  }
  const upTo =
    new RegExp(`^(?:前|[1一][-—~至到])${CN_QUARTER}(?:个)?季度(?:完成|累计)?$`).exec(norm) ??
    /^(?:q1-q|q1-)([1-4])$/.exec(norm);
  if (upTo) return { start: 1, end: quarterNumber(upTo[1] as string) * 3 };
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
    const n = CN_DIGITS[m[1] as string] ?? Number(m[1]);
    return n >= 1 && n <= 12 ? { start: n, end: n } : null;
  }
  const en = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/.exec(norm);
  if (en) {
    const n = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(en[1] as string) / 3 + 1;
    return { start: n, end: n };
  }
  return null;
}

function quarterNumber(d: string): number {
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
  // "完成率(%)", "同比增长(%)", "权重(分)": the bracket only restates the unit.
  const bare = norm.replace(/\([^()]*\)$/, "");
  if (bare !== norm) return MEASURES.get(bare) ?? null;
  // "2023年目标", "2024年度完成": the year belongs to the column (column-meaning reads it), the rest is the measure.
  const yearless = norm.replace(/^(?:19|20)\d{2}年度?/, "");
  if (yearless !== norm && yearless !== "") return measureOf(yearless);
  return null;
}

/** Measure words longest first, for headers that join an indicator and a measure ("签约项目目标", "FDI Actual"). */
const AFFIXES = [...MEASURES.keys()]
  .filter(
    (w) => w.length >= 2 && !["同期", "增长", "增减", "实际", "累计", "任务", "计划"].includes(w)
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

/** Headers that name the unit column outright, normalised. */
const UNIT_HEADERS = [
  "责任单位",
  "单位",
  "单位名称",
  "县区",
  "县(市)区",
  "县市区",
  "区县",
  "县(市、区)",
  "县(市区)",
  "县(区)",
  "县(市)",
  "县市",
  "市州",
  "市(州)",
  "地区",
  "区域",
  "责任主体",
  "所属单位",
  "属地",
  "县区名称",
  "乡镇(街道)",
  "乡镇",
  "镇街",
  "街道",
  "镇(街道)",
  "乡镇街道",
  "乡镇(街道、园区)",
  "镇(街、区)",
  "园区",
  "开发区",
  "园区名称",
  "开发区(园区)",
  "部门",
  "责任部门",
  "部门名称",
  "单位(部门)",
  "部门(单位)",
  "责任属地",
  "牵头单位",
  "牵头部门",
  "责任单位(部门)",
  "产业小组",
  "小组",
  "工作小组",
  "专班",
  "专班名称",
  "产业链专班",
  "产业链",
  "招商专班",
  "产业招商团组",
  "招商团组",
  "团组",
  "招商单位",
  "驻外分局",
  "驻外招商分局",
  "招商分局",
  "分局",
  "考核对象",
  "被考核单位",
  "考核单位",
  "参评单位",
  "名称",
  "主责单位",
  "承办单位",
  "实施主体",
  "招商主体",
  "填报单位",
  "报送单位",
  "上报单位",
  "unit",
  "units",
  "responsibleunit",
  "unitname",
  "district",
  "districts",
  "region",
  "county",
  "department",
  "dept",
  "bureau",
  "office",
  "team",
  "taskforce",
  "workinggroup",
  "industryteam",
  "zone",
  "park",
  "developmentzone",
  "township",
  "town",
  "subdistrict",
  "entity",
  "assessedunit",
  "branch",
  "overseasoffice",
  "name",
  "city",
].map(normalizeText);
const UNIT_HEADER_SET = new Set(UNIT_HEADERS);

/** Words inside a header that point at a unit column ("所属乡镇", "驻沪招商分局", "Responsible Dept."). */
const UNIT_HEADER_PARTS =
  /所属|驻.{1,4}(分局|办事处|招商)|单位|部门|乡镇|街道|镇街|园区|开发区|专班|小组|团组|分局|属地|县区|区县|市州|对象|unit|district|county|department|dept|bureau|office|team|zone|park|township|town|branch|region/;

/** Headers of columns that hold names but are never the unit: people, phones, units of measure. */
const NOT_UNIT_HEADERS =
  /责任人|联系人|负责人|领导|局长|主任|书记|电话|手机|计量单位|填报|单位:|项目名称|项目|企业|投资方|客商|行业|产业类别|地址|指标|考核内容|contact|leader|person|phone|project|company|investor|industry|indicator|metric|measure|kpi/;

/** How strongly a header says "this is the unit column": 2 exact, 1 a telling word, 0 silent, −1 never. */
export function unitHeaderEvidence(norm: string): number {
  if (norm === "") return 0;
  if (UNIT_HEADER_SET.has(norm)) return 2;
  if (NOT_UNIT_HEADERS.test(norm)) return -1;
  if (measureOf(norm) !== null) return -1;
  if (norm.length <= 12 && UNIT_HEADER_PARTS.test(norm)) return 1;
  return 0;
}

/** "一、街道", "(二)乡镇", "第一组", "A组", "Group B": a section heading, not a unit. */
const SECTION =
  /^(?:[一二三四五六七八九十]+[、,.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(组|类|片区?|板块)|[a-z\d]{1,2}(组|类)$|(group|section|part|category)[a-z\d]{0,2}[:.]?$|[ivx]+\.)/;

export function isSectionLabel(norm: string): boolean {
  return SECTION.test(norm);
}

/** The section's name without its numbering: "一、街道" → "街道". */
export function sectionName(label: string): string {
  return (
    label.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、,，.．]\s*/, "").trim() || label.trim()
  );
}

/** Notes in a 备注 column that take a row out of the assessment (and out of 合计). */
const EXCLUDED =
  /已?撤并|已?撤销|已并入|并入.{1,12}(考核|统计|计算)?$|不参与(考核|排名|评比|评价)|不参加(考核|排名)|不纳入(考核|排名)|不列入(考核|排名)|不考核|不参评|免于?考核|单独考核|不计入(考核|排名|合计)|excluded|notassessed|notranked/;

export function isExclusionNote(norm: string): boolean {
  return EXCLUDED.test(norm);
}

/**
 * Words that qualify how much a column is (个数, 金额) rather than what: "新开工项目 › 个数" is the same
 * indicator as "新开工项目（个）". Stripped when indicators of two sheets are paired.
 */
const QUANTITY_WORDS =
  /(个数|数量|项目数|总数|金额|总额|数额|额度|规模|数|额|count|number|amount|value)$/;

/** The core of an indicator phrase for pairing across sheets: no quantity words, no brackets, no 其中/新. */
export function indicatorCore(phrase: string): string {
  let s = phrase
    .replace(/\([^()]*\)/g, "")
    .replace(/^(其中|其中:|新|本年|年度|全年|累计|实际)/, "")
    .replace(/›/g, "");
  for (let i = 0; i < 2; i++) {
    const next = s.replace(QUANTITY_WORDS, "");
    if (next.length >= 2) s = next;
  }
  return s;
}

/** Endings of unit names: 区, 县, 镇, 街道, 园区, 专班, 分局, 局 … */
const UNIT_NAME_END =
  /(区|县|市|州|盟|旗|镇|乡|街道|园|园区|开发区|专班|小组|组|团组|分局|局|委|办|中心|部|department|district|county|town|township|zone|park|team|office|bureau)$/;

/** Endings of indicator names: 项目, 资金, 外资, 率 … */
const INDICATOR_END =
  /(项目|资金|外资|内资|投资|投资额|金额|总额|个数|数量|率|企业|target|projects?|investment|capital|funds|rate)$/;

/** Whether a row label names an indicator rather than a unit ("签约项目", "实际利用外资"). */
export function looksLikeIndicator(norm: string): boolean {
  const bare = norm.replace(/\([^()]*\)$/, "");
  return INDICATOR_END.test(bare) && !UNIT_NAME_END.test(bare);
}

/** Whether a label reads as a unit's name ("经开区", "合心镇", "驻沪招商分局"). */
export function looksLikeUnitName(norm: string): boolean {
  return UNIT_NAME_END.test(norm.replace(/\([^()]*\)$/, ""));
}

/** Group headers that only hold indicators ("主要指标", "考核指标"): no part of any indicator's name. */
const CONTAINER = /^(主要|考核|重点|核心|经济|招商引资|招商|年度|全年)*(指标|任务|内容|指标任务)$/;

export function isContainerLabel(norm: string): boolean {
  return CONTAINER.test(norm);
}
