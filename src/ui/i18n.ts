/** UI strings. Chinese is the default; English when Office (or the browser) runs in English. */
import type { Severity } from "../core/issues";
import type { SheetRole, Status } from "../core";
import type { Locale } from "../app/locale";
import type { Phase } from "../app/session-types";
import type { Measure, Structural } from "./screens/column-choices";

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
  /** What 重新识别 is for, shown beside it. */
  readonly refreshHint: string;
  readonly loading: string;
  /** While reading: the sheet being read and the rows read so far. */
  readonly readingRows: (sheet: string, rows: number) => string;
  /** Every row read; the cells are being put in order (a few seconds on a large file). */
  readonly readingSettle: (rows: number) => string;
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
    readonly columnFor: (column: string, header: string) => string;
    readonly columnsIntro: string;
    readonly noHeader: string;
    readonly sample: (value: string) => string;
    readonly noSample: string;
    readonly recognisedAs: (what: string) => string;
    readonly notUsed: string;
    readonly auto: string;
    readonly ignore: string;
    readonly structuralGroup: string;
    readonly ledgerFields: string;
    readonly newIndicator: (header: string) => string;
    readonly structural: Readonly<Record<Structural | "previous_rank", string>>;
    readonly measures: Readonly<Record<Measure, string>>;
    readonly noTargetsTitle: string;
    readonly noTargetsSteps: readonly string[];
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
    /** Findings that change how figures are read (units of measure), called out above the list. */
    readonly measureNote: (n: number) => string;
    readonly measureBadge: string;
    /** A grouped finding: how many cells, and the first of them. */
    readonly repeated: (n: number, cells: string) => string;
    readonly adopt: string;
    readonly adoptFor: (suggestion: string, cell: string) => string;
    /** After 采用建议: what was written where; the list below is the re-check's. */
    readonly adopted: (suggestion: string, cells: readonly string[]) => string;
    /** The tab's count, the same number the filter's 全部 shows. */
    readonly tabCount: (all: number, errors: number) => string;
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
  refreshHint: "改过工作簿后点此重新读取",
  loading: "正在读取工作簿…",
  readingRows: (sheet, rows) => `正在读取“${sheet}”，已读 ${rows.toLocaleString("zh-CN")} 行…`,
  readingSettle: (rows) => `已读完 ${rows.toLocaleString("zh-CN")} 行，正在整理…`,
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
    columnFor: (column, header) => `${column} 列${header ? `“${header}”` : ""}的含义`,
    columnsIntro:
      "每一列的表头、示例值和识别结果；识别不对时在下拉框中改正（保存在工作簿中，CLI 的 --map 用同样的写法）。",
    noHeader: "（无表头）",
    sample: (value) => `示例：${value}`,
    noSample: "无数据",
    recognisedAs: (what) => `识别为：${what}`,
    notUsed: "未使用",
    auto: "自动识别",
    ignore: "忽略此列",
    structuralGroup: "单位、序号、备注与加减分",
    ledgerFields: "台账字段",
    newIndicator: (header) => `作为新指标“${header}”`,
    structural: {
      unit: "责任单位",
      seq: "序号",
      group: "类别（分组）",
      remarks: "备注",
      bonus: "加分",
      penalty: "扣分",
      reason: "加减分事由",
      previous_rank: "上期名次",
    },
    measures: { target: "目标", actual: "完成", rate: "完成率", last_year: "去年同期" },
    noTargetsTitle: "没有找到目标分解表，暂时无法考核",
    noTargetsSteps: [
      "在下面找到记录各单位目标任务的工作表，把它的“类型”改为“目标分解表”；目标和完成数在同一张表里时选“目标与完成表”。",
      "在该表的列中，把单位名称所在列设为“责任单位”，把各指标的目标列设为“某指标 · 目标”（完成数列设为“· 完成”）。",
      "回到“考核”页点“开始考核”。这些设置保存在工作簿中，下次打开仍然有效。",
    ],
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
    measureNote: (n) =>
      `有 ${n} 处数值按单位换算读取或单位不符（已标为“单位换算”），会改变数字，请先核对。`,
    measureBadge: "单位换算",
    repeated: (n, cells) => `同类共 ${n} 处${cells ? `：${cells}…` : ""}`,
    adopt: "采用建议",
    adoptFor: (suggestion, cell) => `采用建议：在 ${cell} 填入“${suggestion}”`,
    adopted: (suggestion, cells) =>
      `已在 ${cells.length > 3 ? `${cells.slice(0, 3).join("、")} 等 ${cells.length} 个单元格` : cells.join("、")} 填入“${suggestion}”，并已重新检查。`,
    tabCount: (all, errors) => (errors > 0 ? `${all}，错误 ${errors}` : `${all}`),
  },
  severity: { error: "错误", warning: "警告", info: "提示" },
  assess: {
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
  refreshHint: "Changed the workbook? Read it again",
  loading: "Reading the workbook…",
  readingRows: (sheet, rows) => `Reading "${sheet}": ${rows.toLocaleString("en-US")} rows so far…`,
  readingSettle: (rows) => `Read all ${rows.toLocaleString("en-US")} rows; putting them in order…`,
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
    columnFor: (column, header) => `Meaning of column ${column}${header ? ` "${header}"` : ""}`,
    columnsIntro:
      "Each column's header, a sample value and what it was read as; correct it in the list (saved in the workbook; the CLI's --map takes the same values).",
    noHeader: "(no header)",
    sample: (value) => `e.g. ${value}`,
    noSample: "no data",
    recognisedAs: (what) => `read as: ${what}`,
    notUsed: "not used",
    auto: "Recognise automatically",
    ignore: "Ignore this column",
    structuralGroup: "Unit, number, notes, bonus and penalty",
    ledgerFields: "Ledger fields",
    newIndicator: (header) => `As a new indicator "${header}"`,
    structural: {
      unit: "Responsible unit",
      seq: "No.",
      group: "Group",
      remarks: "Remarks",
      bonus: "Bonus points",
      penalty: "Penalty points",
      reason: "Reason for bonus/penalty",
      previous_rank: "Previous rank",
    },
    measures: {
      target: "target",
      actual: "actual",
      rate: "completion rate",
      last_year: "last year",
    },
    noTargetsTitle: "No targets sheet was found, so nothing can be assessed yet",
    noTargetsSteps: [
      "Find the sheet below that holds each unit's targets and set its role to “Targets”; if targets and actuals share one table, choose “Targets and actuals”.",
      "In its columns, set the column with the unit names to “Responsible unit” and each indicator's target column to “<indicator> · target” (actual columns to “· actual”).",
      "Go back to Assess and start the assessment. The settings are saved in the workbook.",
    ],
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
    measureNote: (n) =>
      `${n} ${n === 1 ? "figure was" : "figures were"} read through a unit conversion or ${n === 1 ? "has" : "have"} a unit clash (marked "unit"): ${n === 1 ? "it changes" : "they change"} numbers, check first.`,
    measureBadge: "unit",
    repeated: (n, cells) => `${n} cells like this${cells ? `: ${cells}…` : ""}`,
    adopt: "Use suggestion",
    adoptFor: (suggestion, cell) => `Use suggestion: put "${suggestion}" in ${cell}`,
    adopted: (suggestion, cells) =>
      `Put "${suggestion}" in ${cells.length > 3 ? `${cells.slice(0, 3).join(", ")} and ${cells.length - 3} more cells` : cells.join(", ")}, and checked again.`,
    tabCount: (all, errors) =>
      errors > 0 ? `${all}, ${errors} ${errors === 1 ? "error" : "errors"}` : `${all}`,
  },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  assess: {
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
