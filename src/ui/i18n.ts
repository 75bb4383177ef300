/**
 * UI strings. Chinese is the default; English when Office (or the browser) runs in English. Each screen's messages
 * live in their own module (i18n-sheets.ts, i18n-issues.ts, i18n-assess.ts); this one holds the pane's own and
 * puts them together.
 */
import type { Locale } from "../app/locale";
import {
  assessEn,
  assessZh,
  phasesEn,
  phasesZh,
  statusesEn,
  statusesZh,
  type AssessMessages,
  type PhaseNames,
  type StatusNames,
} from "./i18n-assess";
import {
  issuesEn,
  issuesZh,
  severityEn,
  severityZh,
  type IssuesMessages,
  type SeverityNames,
} from "./i18n-issues";
import {
  rolesEn,
  rolesZh,
  sheetsEn,
  sheetsZh,
  type RoleNames,
  type SheetsMessages,
} from "./i18n-sheets";

export { pickLocale, type Locale } from "../app/locale";
export type { AssessMessages, PhaseNames, StatusNames } from "./i18n-assess";
export type { IssuesMessages, SeverityNames } from "./i18n-issues";
export type { RoleNames, SheetsMessages } from "./i18n-sheets";

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
  readonly sheets: SheetsMessages;
  readonly roles: RoleNames;
  readonly issues: IssuesMessages;
  readonly severity: SeverityNames;
  readonly assess: AssessMessages;
  readonly phases: PhaseNames;
  readonly statuses: StatusNames;
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
  sheets: sheetsZh,
  roles: rolesZh,
  issues: issuesZh,
  severity: severityZh,
  assess: assessZh,
  phases: phasesZh,
  statuses: statusesZh,
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
  sheets: sheetsEn,
  roles: rolesEn,
  issues: issuesEn,
  severity: severityEn,
  assess: assessEn,
  phases: phasesEn,
  statuses: statusesEn,
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { "zh-CN": zh, "en-US": en };

/** Picks the issue text in the pane's language. */
export function issueText(
  messages: Messages,
  issue: { readonly message_zh: string; readonly message_en: string }
): string {
  return messages.locale === "en-US" ? issue.message_en : issue.message_zh;
}
