import type { Issue } from "../issues";
import type { AssessmentResults } from "../model";
import { fitIssueText, fitSheetText, truncationIssue } from "./cell-text";
import { ISSUES_SHEET_NAME, planIssuesSheet } from "./issues-sheet";
import { planChartSheet } from "./chart-sheet";
import { planNoticeSheet } from "./notice-sheet";
import { planRankingSheet } from "./ranking-sheet";
import type { SheetPlan, WritePlan } from "../plan/write-plan";

/** What an assessment hands to the report writer; the engine's result satisfies it structurally. */
export interface OutputsInput {
  readonly results: AssessmentResults | null;
  readonly issues: readonly Issue[];
  /** Engine-built 考核规则 sheet, written only when the workbook has none yet. */
  readonly rulesSheet?: SheetPlan | null;
  /** Hidden product-state sheet (previous ranks, overrides). */
  readonly stateSheet?: SheetPlan | null;
}

export interface OutputsOptions {
  readonly now: Date;
  readonly utcOffsetMinutes?: number;
  readonly source?: string;
  readonly title?: string;
  /** 全县 / 全区 / 全市: how the notice names the whole. */
  readonly area?: string;
  /** The jurisdiction the workbook's titles name ("清河县"), for the titles. */
  readonly areaName?: string | null;
  /** What the workbook calls the earlier ranking ("上月", "上季度"). */
  readonly previousTerm?: string;
}

/**
 * Everything written back after an assessment: ranking, issues, notice (+ rules and state when given). Echoed
 * text longer than a cell holds is cut with an ellipsis, and an info issue in 校验结果 says where.
 */
export function planOutputs(input: OutputsInput, options: OutputsOptions): WritePlan {
  const clock = {
    now: options.now,
    ...(options.utcOffsetMinutes === undefined
      ? {}
      : { utcOffsetMinutes: options.utcOffsetMinutes }),
  };
  const ranking = input.results
    ? fitSheetText(
        planRankingSheet(input.results, {
          ...clock,
          ...(options.title === undefined ? {} : { title: options.title }),
          ...(options.areaName === undefined ? {} : { areaName: options.areaName }),
        })
      )
    : null;
  const notice = input.results
    ? fitSheetText(
        planNoticeSheet(input.results, {
          ...clock,
          ...(options.area === undefined ? {} : { area: options.area }),
          ...(options.areaName === undefined ? {} : { areaName: options.areaName }),
          ...(options.previousTerm === undefined ? {} : { previousTerm: options.previousTerm }),
        })
      )
    : null;
  const charted = input.results
    ? planChartSheet(input.results, {
        ...(options.areaName === undefined ? {} : { areaName: options.areaName }),
      })
    : null;
  const chart = charted ? fitSheetText(charted) : null;
  const rules = input.rulesSheet ? fitSheetText(input.rulesSheet) : null;
  const fitted = input.issues.map(fitIssueText);
  const cutIssues = fitted.filter((f) => f.cut).length;
  const notes = [ranking, notice, chart, rules].flatMap((f) =>
    f && f.cut.length > 0 ? [truncationIssue(f.sheet.name, f.cut)] : []
  );
  const issues = planIssuesSheet(
    [
      ...fitted.map((f) => f.issue),
      ...notes,
      ...(cutIssues > 0 ? [issuesTruncated(cutIssues)] : []),
    ],
    { ...clock, ...(options.source === undefined ? {} : { source: options.source }) }
  );
  const sheets: SheetPlan[] = [
    ...(ranking ? [ranking.sheet] : []),
    // A last guard: whatever the issues sheet adds around an issue's fields stays within a cell too.
    fitSheetText(issues).sheet,
    ...(notice ? [notice.sheet] : []),
    ...(chart ? [chart.sheet] : []),
    ...(rules ? [rules.sheet] : []),
    ...(input.stateSheet ? [input.stateSheet] : []),
  ];
  return { sheets, activate: sheets[0]?.name ?? "" };
}

function issuesTruncated(count: number): Issue {
  return {
    ...truncationIssue(ISSUES_SHEET_NAME, []),
    cell: "A1",
    row: 1,
    message_zh: `${count} 条问题的文字超过 Excel 单元格上限（32,767 个字符），已截断并以“…”结尾`,
    message_en: `${count} issue(s) held more text than Excel's 32,767-character cell limit and were cut, ending with "…"`,
  };
}
