/** Every finding the product reports: stable code, where it is, and what to do, in both languages (SPEC §5). */
export type Severity = "error" | "warning" | "info";

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the offending cell, or of the sheet's first cell when the whole sheet is at fault. */
  readonly cell: string;
  /** 1-based Excel row number (matches `cell`). */
  readonly row: number;
  /** Canonical field key the cell belongs to, when known. */
  readonly field?: string;
  readonly message_zh: string;
  readonly message_en: string;
  readonly suggestion?: string;
  /** How many cells this finding stands for, when repeats of one kind in one column were grouped. */
  readonly count?: number;
  /** The first of those cells (A1), in sheet order. */
  readonly cells?: readonly string[];
}

/**
 * Stable issue codes. Scripts and reviewers match on these, so never rename one; add new ones instead.
 */
export const ISSUE_CODES = [
  // workbook / sheet level
  "unreadable_part",
  "empty_sheet",
  "no_targets_sheet",
  "missing_column",
  "duplicate_column",
  "unrecognised_column",
  "override_unmatched",
  "hidden_column",
  "unit_column_uncertain",
  "role_by_order",
  "unit_column_inferred",
  "indicator_paired",
  "excluded_row",
  "as_of_from_workbook",
  "period_from_workbook",
  "exchange_rate_from_workbook",
  "cap_from_workbook",
  "method_from_workbook",
  "sheet_not_used",
  "sideways_table",
  "merge_over_header",
  "actuals_other_period",
  "actuals_summed",
  // cell values
  "wrong_type",
  "number_as_text",
  "negative_amount",
  "percent_too_large",
  "formula_error",
  "bad_date",
  // units (责任单位)
  "unknown_unit",
  "unit_name_variant",
  "duplicate_unit",
  "total_mismatch",
  "unit_name_blank",
  // measurement units and currency
  "unit_of_measure_mismatch",
  "unit_of_measure_assumed",
  "currency_mismatch",
  // ledger
  "unknown_stage",
  "date_outside_period",
  "date_in_future",
  "start_before_signing",
  "duplicate_project",
  "below_signing_threshold",
  "stage_mapped",
  "outside_period_rows",
  "undated_counted",
  "repeated_project",
  "funds_summed",
  // assessment
  "source_disagreement",
  "indicator_blocked",
  "zero_target",
  "missing_actual",
  "no_actual_source",
  "ranking_incomplete",
  "no_target_values",
  "unit_missing_from_actuals",
  "derived_indicator",
  "score_adjusted",
  // rules sheet
  "invalid_rule",
  // merge
  "merge_conflict",
  "foreign_unit_submission",
  // writing back
  "text_truncated",
  "state_history_trimmed",
  "output_sheet_renamed",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
