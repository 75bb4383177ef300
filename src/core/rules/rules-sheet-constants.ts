/** Names and texts of the 考核规则 sheet shared by its writer and reader. */
export const RULES_SHEET_NAME = "考核规则";
export const RULES_SECTIONS = {
  basic: "【基本设置】",
  bands: "【状态分档】",
  grades: "【等次】",
  indicators: "【考核指标】",
} as const;
export const TIME_PROGRESS_NOTE =
  "序时进度 = 已过月数 ÷ 考核期月数；截至日期所在月按已过天数折算（年度考核截至10月31日为 10/12，截至10月15日为 (9+15/31)/12）";

export const BAND_HEADERS = ["状态代码", "名称", "英文名称", "填充色", "字体色", "符号"] as const;
export const GRADE_HEADERS = ["等次", "界限（得分下限；按名次比例时为累计比例）"] as const;
