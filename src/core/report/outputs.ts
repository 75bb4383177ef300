import type { Issue } from "../issues";
import type { AssessmentResults } from "../model";
import { planIssuesSheet } from "./issues-sheet";
import { planNoticeSheet } from "./notice-sheet";
import { planRankingSheet } from "./ranking-sheet";
import type { SheetPlan, WritePlan } from "./write-plan";

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
  readonly area?: string;
}

/** Everything written back after an assessment: ranking, issues, notice (+ rules and state when given). */
export function planOutputs(input: OutputsInput, options: OutputsOptions): WritePlan {
  const clock = {
    now: options.now,
    ...(options.utcOffsetMinutes === undefined
      ? {}
      : { utcOffsetMinutes: options.utcOffsetMinutes }),
  };
  const sheets: SheetPlan[] = [];
  if (input.results) {
    sheets.push(
      planRankingSheet(input.results, {
        ...clock,
        ...(options.title === undefined ? {} : { title: options.title }),
      })
    );
  }
  sheets.push(
    planIssuesSheet(input.issues, {
      ...clock,
      ...(options.source === undefined ? {} : { source: options.source }),
    })
  );
  if (input.results) {
    sheets.push(
      planNoticeSheet(input.results, {
        ...clock,
        ...(options.area === undefined ? {} : { area: options.area }),
      })
    );
  }
  if (input.rulesSheet) sheets.push(input.rulesSheet);
  if (input.stateSheet) sheets.push(input.stateSheet);
  return { sheets, activate: sheets[0]?.name ?? "" };
}
