/** The 考核 screen: the period, the run and its phases, the preview, the charts and the notice. */
import type { Status } from "../core";
import type { Phase } from "../app/session-types";

export interface AssessMessages {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly asOf: string;
  readonly periodHint: string;
  readonly rulesTitle: string;
  readonly rulesDefault: string;
  readonly rulesFrom: (sheet: string) => string;
  readonly openRules: string;
  readonly createRules: string;
  readonly start: string;
  readonly running: string;
  readonly progressLabel: string;
  readonly done: (units: number, issues: number) => string;
  readonly cancelled: string;
  readonly previewTitle: string;
  readonly charts: {
    readonly title: string;
    readonly loading: string;
    readonly scores: string;
    readonly scorePace: (points: string, percent: string) => string;
    readonly scoresSummary: (top: readonly string[], pacePoints: string) => string;
    readonly pickIndicator: string;
    readonly completion: (indicator: string) => string;
    readonly completionSummary: (
      indicator: string,
      percent: string,
      behind: readonly string[]
    ) => string;
    readonly paceLine: (percent: string) => string;
  };
  readonly timeProgress: (percent: string) => string;
  readonly rank: string;
  readonly unit: string;
  readonly score: string;
  readonly status: string;
  readonly showRanking: string;
  readonly blockedByErrors: (n: number) => string;
  readonly moreUnits: (n: number) => string;
  readonly badDate: string;
  readonly endBeforeStart: string;
  /** The period, as-of date and 序时进度 a run will use (or used). */
  readonly periodEcho: (start: string, end: string, asOf: string, progress: string) => string;
  readonly matrixTitle: (progress: string) => string;
  readonly legend: string;
  readonly rankChange: string;
  readonly rankingTable: string;
  readonly incompleteTitle: string;
  readonly incompleteHint: string;
  readonly aboveFull: (
    full: number,
    cap: string | null,
    units: readonly string[],
    more: number
  ) => string;
  readonly aboveFullUnit: (
    unit: string,
    score: string,
    over: readonly string[],
    bonus: number
  ) => string;
  readonly noticeTitle: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
}

export type PhaseNames = Readonly<Record<Phase, string>>;

export type StatusNames = Readonly<Record<Status, string>>;

export const assessZh: AssessMessages = {
  periodStart: "考核期开始",
  periodEnd: "考核期结束",
  asOf: "截至日期",
  periodHint:
    "日期可写作 2024-08-31 或 2024年8月31日。考核期默认取自“考核规则”表（没有时为截至日期所在自然年），改动后按所填计算。",
  rulesTitle: "考核规则",
  rulesDefault: "工作簿中没有“考核规则”表，将使用默认规则。",
  rulesFrom: (sheet) => `规则来自“${sheet}”表：`,
  openRules: "打开考核规则表",
  createRules: "创建考核规则表",
  start: "开始考核",
  running: "正在考核…",
  progressLabel: "考核进度",
  done: (units, issues) => `考核完成：${units} 个单位已排名，${issues} 个问题。`,
  cancelled: "已取消考核，工作簿未改动。",
  previewTitle: "排名预览",
  charts: {
    title: "图表",
    loading: "正在加载图表…",
    scores: "综合得分（按名次）",
    scorePace: (points, percent) => `红线：序时进度 ${percent}，即 ${points} 分`,
    scoresSummary: (top, pace) =>
      `综合得分条形图，前三名：${top.join("，")}；序时进度线 ${pace} 分`,
    pickIndicator: "查看指标完成率",
    completion: (indicator) => `${indicator}完成率`,
    completionSummary: (indicator, percent, behind) =>
      `${indicator}完成率条形图，序时进度 ${percent}；${
        behind.length ? `低于序时进度：${behind.join("、")}` : "各单位均达到序时进度"
      }`,
    paceLine: (percent) => `红线：序时进度 ${percent}`,
  },
  timeProgress: (p) => `序时进度 ${p}`,
  rank: "排名",
  unit: "单位",
  score: "得分",
  status: "状态",
  showRanking: "查看排名表",
  blockedByErrors: (n) => `有 ${n} 个错误，相关单位的对应指标不计分。`,
  moreUnits: (n) => `另有 ${n} 个单位见排名表。`,
  badDate: "请填写有效日期，如 2024-08-31 或 2024年8月31日",
  endBeforeStart: "考核期结束早于开始",
  periodEcho: (start, end, asOf, progress) =>
    `考核期 ${start} 至 ${end}，截至 ${asOf}，序时进度 ${progress}`,
  matrixTitle: (progress) => `各指标完成率（序时进度 ${progress}）`,
  legend: "状态图例",
  rankChange: "名次变化",
  rankingTable: "排名表（可横向滚动）",
  incompleteTitle: "排名不完整，请勿印发",
  incompleteHint: "可在“工作表”页指定列或表的类型后重新考核。",
  aboveFull: (full, cap, units, more) =>
    `* 得分可高于 ${full} 分：完成率超过 100% 的指标按比例多得分${cap ? `（完成率最高按 ${cap} 计）` : ""}，加分另计。${units.join("；")}${more > 0 ? `；另有 ${more} 个单位` : ""}。`,
  aboveFullUnit: (unit, score, over, bonus) =>
    `${unit} ${score} 分${over.length ? `：${over.join("、")}` : ""}${bonus > 0 ? `${over.length ? "，" : "："}加分 ${bonus}` : ""}`,
  noticeTitle: "通报稿（总体情况段落）",
  copy: "复制",
  copied: "已复制",
  copyFailed: "无法自动复制，请选中文字后复制",
};

export const assessEn: AssessMessages = {
  periodStart: "Period start",
  periodEnd: "Period end",
  asOf: "As of",
  periodHint:
    "Dates as 2024-08-31 or 2024年8月31日. The period comes from the rules sheet (else the calendar year of the as-of date); edit it to override.",
  rulesTitle: "Rules",
  rulesDefault: "The workbook has no rules sheet; the default rules apply.",
  rulesFrom: (sheet) => `Rules from sheet "${sheet}":`,
  openRules: "Open the rules sheet",
  createRules: "Create the rules sheet",
  start: "Start assessment",
  running: "Assessing…",
  progressLabel: "Assessment progress",
  done: (units, issues) =>
    `Done: ${units} units ranked, ${issues} ${issues === 1 ? "problem" : "problems"}.`,
  cancelled: "Assessment cancelled; the workbook was not changed.",
  previewTitle: "Ranking preview",
  charts: {
    title: "Charts",
    loading: "Loading the charts…",
    scores: "Scores by rank",
    scorePace: (points, percent) => `Red line: time progress ${percent}, ${points} points`,
    scoresSummary: (top, pace) =>
      `Bar chart of scores; top three: ${top.join(", ")}; time-progress line at ${pace} points`,
    pickIndicator: "Completion of indicator",
    completion: (indicator) => `${indicator}: completion`,
    completionSummary: (indicator, percent, behind) =>
      `Bar chart of ${indicator} completion, time progress ${percent}; ${
        behind.length ? `below time progress: ${behind.join(", ")}` : "every unit on pace"
      }`,
    paceLine: (percent) => `Red line: time progress ${percent}`,
  },
  timeProgress: (p) => `Time progress ${p}`,
  rank: "Rank",
  unit: "Unit",
  score: "Score",
  status: "Status",
  showRanking: "View the ranking sheet",
  blockedByErrors: (n) =>
    `${n} ${n === 1 ? "error blocks" : "errors block"} scoring of the affected indicators.`,
  moreUnits: (n) => `${n} more ${n === 1 ? "unit" : "units"} in the ranking sheet.`,
  badDate: "Enter a valid date, e.g. 2024-08-31 or 2024年8月31日",
  endBeforeStart: "The period ends before it starts",
  periodEcho: (start, end, asOf, progress) =>
    `Period ${start} to ${end}, as of ${asOf}, time progress ${progress}`,
  matrixTitle: (progress) => `Completion by indicator (time progress ${progress})`,
  legend: "Status legend",
  rankChange: "Change",
  rankingTable: "Ranking table (scrolls sideways)",
  incompleteTitle: "Ranking incomplete: do not publish",
  incompleteHint: "Set the column or sheet roles on the Sheets tab, then assess again.",
  aboveFull: (full, cap, units, more) =>
    `* Scores can pass ${full}: indicators completed above 100% earn proportionally more${cap ? ` (rates count up to ${cap})` : ""}, and bonus points add on. ${units.join("; ")}${more > 0 ? `; ${more} more ${more === 1 ? "unit" : "units"}` : ""}.`,
  aboveFullUnit: (unit, score, over, bonus) =>
    `${unit} ${score}${over.length ? `: ${over.join(", ")}` : ""}${bonus > 0 ? `${over.length ? "," : ":"} bonus ${bonus}` : ""}`,
  noticeTitle: "Notice draft (overall paragraph, Chinese)",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Could not copy: select the text and copy it",
};

export const phasesZh: PhaseNames = {
  read: "读取",
  recognise: "识别",
  validate: "校验",
  compute: "计算",
  write: "写入",
};

export const phasesEn: PhaseNames = {
  read: "Read",
  recognise: "Recognise",
  validate: "Check",
  compute: "Compute",
  write: "Write",
};

export const statusesZh: StatusNames = {
  exceeded: "超额完成",
  completed: "完成",
  on_pace: "达到序时进度",
  behind: "滞后",
  far_behind: "严重滞后",
  n_a: "不适用",
};

export const statusesEn: StatusNames = {
  exceeded: "Exceeded",
  completed: "Completed",
  on_pace: "On pace",
  behind: "Behind",
  far_behind: "Far behind",
  n_a: "N/A",
};
