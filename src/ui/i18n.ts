/** UI strings. Chinese is the default; English when Office (or the browser) runs in English. */
import type { Severity } from "../core/issues";
import type { SheetRole, Status } from "../core";
import type { Locale } from "../app/locale";
import type { Phase } from "../app/session-types";

export { pickLocale, type Locale } from "../app/locale";

export interface Messages {
  readonly locale: Locale;
  readonly productName: string;
  readonly tagline: string;
  readonly introTitle: string;
  readonly stepRecognise: string;
  readonly stepCheck: string;
  readonly stepCompute: string;
  readonly stepWrite: string;
  readonly tabs: {
    readonly sheets: string;
    readonly issues: string;
    readonly assess: string;
    readonly label: string;
  };
  readonly refresh: string;
  readonly loading: string;
  readonly cancel: string;
  readonly dismiss: string;
  readonly errorTitle: string;
  readonly where: (sheet: string | undefined, cell: string | undefined) => string;
  readonly empty: {
    readonly title: string;
    readonly body: string;
    readonly sample: string;
    readonly template: string;
  };
  readonly sheets: {
    readonly none: string;
    readonly role: string;
    readonly confidence: (percent: number) => string;
    readonly columns: string;
    readonly unrecognised: string;
    readonly headerRows: (rows: string) => string;
    readonly dataRows: (first: number, last: number) => string;
    readonly noData: string;
    readonly hidden: string;
    readonly overridden: string;
    readonly columnFor: (column: string) => string;
    readonly unmapped: string;
    /** The row-number column (序号), recognised but not offered as a choice. */
    readonly seq: string;
    readonly saved: string;
  };
  readonly roles: Readonly<Record<SheetRole, string>>;
  readonly issues: {
    readonly none: string;
    readonly filterLabel: string;
    readonly all: string;
    readonly count: (n: number) => string;
    readonly goTo: (sheet: string, cell: string) => string;
    readonly suggestion: (text: string) => string;
    readonly noneForFilter: string;
    readonly more: (n: number) => string;
  };
  readonly severity: Readonly<Record<Severity, string>>;
  readonly assess: {
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
    readonly timeProgress: (percent: string) => string;
    readonly rank: string;
    readonly unit: string;
    readonly score: string;
    readonly status: string;
    readonly showRanking: string;
    readonly blockedByErrors: (n: number) => string;
    readonly moreUnits: (n: number) => string;
  };
  readonly phases: Readonly<Record<Phase, string>>;
  readonly statuses: Readonly<Record<Status, string>>;
}

const zh: Messages = {
  locale: "zh-CN",
  productName: "招商考核助手",
  tagline: "目标分解 · 完成情况 · 项目台账 → 考核排名",
  introTitle: "在这个工作簿上，考核助手会：",
  stepRecognise:
    "识别目标分解表、完成情况表和项目台账，包括标题行、多行合并表头、同义列名和计量单位；",
  stepCheck: "逐格校验数据，列出每个问题所在的单元格；",
  stepCompute: "按“考核规则”表计算完成率、序时进度、得分、状态和排名；",
  stepWrite: "写回彩色的“考核排名”表（可直接打印）和“校验结果”表，不改动任何原始数据。",
  tabs: { sheets: "工作表", issues: "校验", assess: "考核", label: "功能" },
  refresh: "重新识别",
  loading: "正在读取工作簿…",
  cancel: "取消",
  dismiss: "关闭",
  errorTitle: "出错了",
  where: (sheet, cell) => (sheet ? `（工作表“${sheet}”${cell ? `，单元格 ${cell}` : ""}）` : ""),
  empty: {
    title: "这个工作簿里还没有考核数据",
    body: "没有找到目标分解表、完成情况表或项目台账。可以先插入示例数据看看效果，或插入空白模板后填写。",
    sample: "插入示例数据",
    template: "插入空白模板",
  },
  sheets: {
    none: "工作簿中没有工作表。",
    role: "类型",
    confidence: (p) => `把握 ${p}%`,
    columns: "列对应",
    unrecognised: "未识别的列",
    headerRows: (rows) => `表头行：${rows}`,
    dataRows: (first, last) => `数据行：${first}–${last}`,
    noData: "没有数据行",
    hidden: "隐藏",
    overridden: "已手动指定",
    columnFor: (column) => `${column} 列对应的字段`,
    unmapped: "（不使用）",
    seq: "序号",
    saved: "已保存到工作簿，重新识别中…",
  },
  roles: {
    targets: "目标分解表",
    actuals: "完成情况表",
    combined: "目标与完成表",
    ledger: "项目台账",
    rules: "考核规则",
    output: "本助手生成的表",
    other: "其他",
  },
  issues: {
    none: "没有发现问题。",
    filterLabel: "按严重程度筛选",
    all: "全部",
    count: (n) => `${n} 个问题`,
    goTo: (sheet, cell) => `定位到 ${sheet}!${cell}`,
    suggestion: (text) => `建议：${text}`,
    noneForFilter: "此筛选条件下没有问题。",
    more: (n) => `再显示 100 个（还有 ${n} 个）`,
  },
  severity: { error: "错误", warning: "警告", info: "提示" },
  assess: {
    periodStart: "考核期开始",
    periodEnd: "考核期结束",
    asOf: "截至日期",
    periodHint: "不填考核期时，按“考核规则”表或截至日期所在自然年。",
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
    timeProgress: (p) => `序时进度 ${p}`,
    rank: "排名",
    unit: "单位",
    score: "得分",
    status: "状态",
    showRanking: "查看排名表",
    blockedByErrors: (n) => `有 ${n} 个错误，相关单位的对应指标不计分。`,
    moreUnits: (n) => `另有 ${n} 个单位见排名表。`,
  },
  phases: { read: "读取", recognise: "识别", validate: "校验", compute: "计算", write: "写入" },
  statuses: {
    exceeded: "超额完成",
    completed: "完成",
    on_pace: "达到序时进度",
    behind: "滞后",
    far_behind: "严重滞后",
    n_a: "不适用",
  },
};

const en: Messages = {
  locale: "en-US",
  productName: "Investment Promotion Scorecard",
  tagline: "Targets · actuals · project ledger → ranking",
  introTitle: "On this workbook the Scorecard will:",
  stepRecognise:
    "recognise the target-breakdown, actuals and project-ledger sheets, including title rows, merged multi-row headers, synonyms and units;",
  stepCheck: "check every cell and list each problem with its address;",
  stepCompute:
    "compute completion rates, time progress, scores, statuses and ranks under the workbook's rules sheet;",
  stepWrite:
    "write back a colour-coded, print-ready ranking sheet and a check-result sheet, never changing your source data.",
  tabs: { sheets: "Sheets", issues: "Checks", assess: "Assess", label: "Sections" },
  refresh: "Recognise again",
  loading: "Reading the workbook…",
  cancel: "Cancel",
  dismiss: "Dismiss",
  errorTitle: "Something went wrong",
  where: (sheet, cell) => (sheet ? ` (sheet "${sheet}"${cell ? `, cell ${cell}` : ""})` : ""),
  empty: {
    title: "This workbook has no assessment data yet",
    body: "No targets, actuals or project-ledger sheet was found. Insert the sample data to see how it works, or insert a blank template to fill in.",
    sample: "Insert sample data",
    template: "Insert blank template",
  },
  sheets: {
    none: "The workbook has no sheets.",
    role: "Role",
    confidence: (p) => `${p}% sure`,
    columns: "Columns",
    unrecognised: "Unrecognised columns",
    headerRows: (rows) => `Header rows: ${rows}`,
    dataRows: (first, last) => `Data rows: ${first}–${last}`,
    noData: "No data rows",
    hidden: "hidden",
    overridden: "set by you",
    columnFor: (column) => `Field for column ${column}`,
    unmapped: "(not used)",
    seq: "No.",
    saved: "Saved in the workbook; recognising again…",
  },
  roles: {
    targets: "Targets",
    actuals: "Actuals",
    combined: "Targets and actuals",
    ledger: "Project ledger",
    rules: "Rules",
    output: "Written by the Scorecard",
    other: "Other",
  },
  issues: {
    none: "No problems found.",
    filterLabel: "Filter by severity",
    all: "All",
    count: (n) => (n === 1 ? "1 problem" : `${n} problems`),
    goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
    suggestion: (text) => `Suggestion: ${text}`,
    noneForFilter: "No problems match this filter.",
    more: (n) => `Show 100 more (${n} left)`,
  },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  assess: {
    periodStart: "Period start",
    periodEnd: "Period end",
    asOf: "As of",
    periodHint:
      "Leave the period empty to use the rules sheet, or the calendar year of the as-of date.",
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
    timeProgress: (p) => `Time progress ${p}`,
    rank: "Rank",
    unit: "Unit",
    score: "Score",
    status: "Status",
    showRanking: "View the ranking sheet",
    blockedByErrors: (n) =>
      `${n} ${n === 1 ? "error blocks" : "errors block"} scoring of the affected indicators.`,
    moreUnits: (n) => `${n} more ${n === 1 ? "unit" : "units"} in the ranking sheet.`,
  },
  phases: {
    read: "Read",
    recognise: "Recognise",
    validate: "Check",
    compute: "Compute",
    write: "Write",
  },
  statuses: {
    exceeded: "Exceeded",
    completed: "Completed",
    on_pace: "On pace",
    behind: "Behind",
    far_behind: "Far behind",
    n_a: "N/A",
  },
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { "zh-CN": zh, "en-US": en };

/** Picks the issue text in the pane's language. */
export function issueText(
  messages: Messages,
  issue: { readonly message_zh: string; readonly message_en: string }
): string {
  return messages.locale === "en-US" ? issue.message_en : issue.message_zh;
}
