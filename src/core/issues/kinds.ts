/** A short name per kind of finding, for the headings the issue list and 校验结果 group under. */
import type { IssueCode } from "./types";

/** The two languages every shell speaks (app/locale's Locale). */
type Locale = "zh-CN" | "en-US";

type Names = readonly [zh: string, en: string];

// Partial: a code added to core shows under its own key until it is named here.
const KINDS: Readonly<Partial<Record<IssueCode, Names>>> = {
  unreadable_part: ["文件部分内容无法读取", "Unreadable part of the file"],
  empty_sheet: ["空工作表", "Empty sheet"],
  no_targets_sheet: ["没有目标分解表", "No targets sheet"],
  missing_column: ["缺少必需的列", "Missing column"],
  duplicate_column: ["重复的列", "Duplicate column"],
  unrecognised_column: ["未识别的列", "Unrecognised column"],
  override_unmatched: ["未用上的列修正", "Column correction not applied"],
  hidden_column: ["隐藏的列", "Hidden column"],
  unit_column_uncertain: ["责任单位列不确定", "Unit column uncertain"],
  role_by_order: ["按顺序判断的目标表", "Targets sheet taken by order"],
  unit_column_inferred: ["按内容判断的责任单位列", "Unit column taken from content"],
  indicator_paired: ["指标配对", "Indicator pairing"],
  excluded_row: ["不参与考核的行", "Rows left out"],
  as_of_from_workbook: ["截至日期来源", "Where the as-of date came from"],
  sheet_not_used: ["未使用的工作表", "Sheet not used"],
  sideways_table: ["行列颠倒的表", "Sideways table"],
  wrong_type: ["数据类型不对", "Wrong type of value"],
  number_as_text: ["数字存为文本", "Numbers stored as text"],
  negative_amount: ["负数", "Negative amount"],
  percent_too_large: ["比例过大", "Percentage too large"],
  formula_error: ["公式错误", "Formula error"],
  bad_date: ["日期无法识别", "Unreadable date"],
  unknown_unit: ["未知责任单位", "Unknown unit"],
  unit_name_variant: ["单位名称写法不同", "Unit name variant"],
  duplicate_unit: ["单位重复", "Unit listed twice"],
  total_mismatch: ["合计不等于各单位之和", "Total does not add up"],
  unit_of_measure_mismatch: ["计量单位不符", "Unit of measure mismatch"],
  unit_of_measure_assumed: [
    "计量单位按配对指标",
    "Unit of measure taken from the paired indicator",
  ],
  currency_mismatch: ["币种不符", "Currency mismatch"],
  unknown_stage: ["未知项目阶段", "Unknown project stage"],
  date_outside_period: ["日期不在考核期内", "Date outside the period"],
  date_in_future: ["未来日期", "Date in the future"],
  start_before_signing: ["开工早于签约", "Started before signing"],
  duplicate_project: ["重复项目", "Duplicate project"],
  below_signing_threshold: ["低于签约金额门槛", "Below the signing threshold"],
  stage_mapped: ["阶段按近义词识别", "Stage read by synonym"],
  outside_period_rows: ["考核期外的项目", "Projects outside the period"],
  undated_counted: ["未填日期按阶段计入的项目", "Undated projects counted by their stage"],
  repeated_project: ["重复报送的项目", "Project reported again"],
  source_disagreement: ["来源不一致", "Sources disagree"],
  indicator_blocked: ["指标不计分", "Indicator not scored"],
  zero_target: ["目标为零", "Zero target"],
  missing_actual: ["缺少完成数", "Missing actual"],
  no_actual_source: ["找不到完成数", "No source for actuals"],
  ranking_incomplete: ["排名不完整", "Ranking incomplete"],
  no_target_values: ["目标未下达", "No targets set"],
  unit_missing_from_actuals: ["完成情况表缺少单位", "Unit missing from actuals"],
  derived_indicator: ["由台账统计的指标", "Indicator counted from the ledger"],
  score_adjusted: ["加减分", "Score adjusted"],
  invalid_rule: ["考核规则有误", "Invalid rule"],
  merge_conflict: ["汇总冲突", "Merge conflict"],
  foreign_unit_submission: ["他单位的报送", "Another unit's submission"],
  text_truncated: ["文字过长被截断", "Text cut short"],
  state_history_trimmed: ["历史记录已精简", "History trimmed"],
  output_sheet_renamed: ["输出表已改名", "Output sheet renamed"],
  period_from_workbook: ["考核期来源", "Where the period came from"],
  exchange_rate_from_workbook: ["汇率来源", "Where the exchange rate came from"],
  cap_from_workbook: ["完成率封顶来源", "Where the completion-rate cap came from"],
  method_from_workbook: ["计分方法来源", "Where the scoring method came from"],
  merge_over_header: ["合并单元格跨越表头", "Merged cells across the header"],
  actuals_other_period: ["完成情况表属于其他考核期", "Actuals from another period"],
  actuals_summed: ["完成数由多张当期表相加", "Actuals added up from period sheets"],
  unit_name_blank: ["责任单位为空", "Blank unit name"],
  funds_summed: ["到位资金按月（季）相加", "Funds in place added up by period"],
};

export function issueKindName(code: IssueCode, locale: Locale): string {
  const names = KINDS[code];
  if (!names) return code.replace(/_/g, " ");
  return locale === "en-US" ? names[1] : names[0];
}
