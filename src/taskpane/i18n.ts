/** UI strings. Chinese is the default; English when Office (or the browser) runs in English. */
export type Locale = "zh-CN" | "en-US";

export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

export const MESSAGES = {
  "zh-CN": {
    productName: "招商考核助手",
    tagline: "目标分解 · 完成情况 · 项目台账 → 考核排名",
    introTitle: "在这个工作簿上，考核助手会：",
    stepRecognise: "识别目标分解表、完成情况表和项目台账，包括标题行、多行合并表头、同义列名和计量单位；",
    stepCheck: "逐格校验数据，列出每个问题所在的单元格；",
    stepCompute: "按“考核规则”表计算完成率、序时进度、得分、状态和排名；",
    stepWrite: "写回彩色的“考核排名”表（可直接打印）和“校验结果”表，不改动任何原始数据。",
  },
  "en-US": {
    productName: "Investment Promotion Scorecard",
    tagline: "Targets · actuals · project ledger → ranking",
    introTitle: "On this workbook the Scorecard will:",
    stepRecognise: "recognise the target-breakdown, actuals and project-ledger sheets, including title rows, merged multi-row headers, synonyms and units;",
    stepCheck: "check every cell and list each problem with its address;",
    stepCompute: "compute completion rates, time progress, scores, statuses and ranks under the workbook's rules sheet;",
    stepWrite: "write back a colour-coded, print-ready ranking sheet and a check-result sheet, never changing your source data.",
  },
} as const;

export type Messages = (typeof MESSAGES)[Locale];
