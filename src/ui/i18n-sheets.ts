/** The 工作表 screen: each sheet, its role, its columns and the corrections a user can make. */
import type { SheetRole } from "../core";
import type { Measure, Structural } from "./screens/column-choices";

export interface SheetsMessages {
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
}

export type RoleNames = Readonly<Record<SheetRole, string>>;

export const sheetsZh: SheetsMessages = {
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
};

export const sheetsEn: SheetsMessages = {
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
};

export const rolesZh: RoleNames = {
  targets: "目标分解表",
  actuals: "完成情况表",
  combined: "目标与完成表",
  ledger: "项目台账",
  rules: "考核规则",
  output: "本助手生成的表",
  other: "其他",
};

export const rolesEn: RoleNames = {
  targets: "Targets",
  actuals: "Actuals",
  combined: "Targets and actuals",
  ledger: "Project ledger",
  rules: "Rules",
  output: "Written by the Scorecard",
  other: "Other",
};
