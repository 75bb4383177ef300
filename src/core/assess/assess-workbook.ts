/**
 * The one entry point every shell calls (task pane, web page, CLI): grid in, recognition + rules + issues +
 * results out, plus the 考核规则 and state sheets to write back. Never throws on workbook content.
 */
import type { WorkbookGrid } from "../grid/types";
import type { Issue } from "../issues/types";
import type { AssessmentResults } from "../model/results";
import type { Recognition, RecognitionOverrides } from "../model/recognition";
import { recognizeWorkbook } from "../recognize";
import type { SheetPlan } from "../report/write-plan";
import { defaultRules, isoDay } from "../rules/defaults";
import { mergeRules, type RulesOverride } from "../rules/merge";
import { planRulesSheet, readRulesSheet } from "../rules/rules-sheet";
import type { RuleSet } from "../rules/schema";
import { readSettings } from "../state/settings";
import { assessTables } from "./assess-tables";
import { assessIssue, dedupeIssues } from "./issue";
import { periodKey, planStateSheet, readPreviousRun } from "./state";
import { validateForRules } from "./validate-link";

export interface AssessOptions {
  /** 截至日期; a Date is read as its UTC day, a string must be YYYY-MM-DD. Default: the rules sheet's, else `now`. */
  readonly asOf?: Date | string;
  /** Generation time and "today" for future-date checks. */
  readonly now: Date;
  /** Partial rules (rules.json, the pane's period) over the rules sheet or the defaults. */
  readonly rules?: RulesOverride;
  /** Column/role corrections; default: those saved in the workbook's state sheet. */
  readonly overrides?: RecognitionOverrides;
}

export interface Assessment {
  readonly recognition: Recognition;
  readonly rules: RuleSet;
  /** Recognition, validation, rules and assessment issues, each once. */
  readonly issues: readonly Issue[];
  /** null when the workbook has no targets sheet. */
  readonly results: AssessmentResults | null;
  /** A 考核规则 sheet with the rules used, when the workbook has none yet (it is the user's once written). */
  readonly rulesSheet: SheetPlan | null;
  /** The hidden state sheet with this run's ranking recorded, for 名次变化 next time. */
  readonly stateSheet: SheetPlan | null;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function asOfText(asOf: Date | string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  if (asOf instanceof Date) return Number.isNaN(asOf.getTime()) ? undefined : isoDay(asOf);
  return ISO.test(asOf) ? asOf : undefined;
}

/**
 * Recognises, validates and assesses a workbook.
 * Precedence for each rule: `options` > the 考核规则 sheet > defaults (the calendar year of the as-of date).
 * @example assessWorkbook(grid, { asOf: "2008-01-31", now: new Date() }).results?.units[0]?.rank === 1
 */
export function assessWorkbook(grid: WorkbookGrid, options: AssessOptions): Assessment {
  // Corrections a person saved in the task pane travel with the file; every shell honours them.
  const recognition = recognizeWorkbook(grid, options.overrides ?? readSettings(grid).overrides);
  const issues: Issue[] = [...recognition.issues];
  const explicitAsOf = asOfText(options.asOf) ?? asOfText(options.rules?.period?.asOf);
  const today = isoDay(options.now);

  const sheet =
    recognition.rulesSheet === null
      ? undefined
      : grid.sheets.find((s) => s.name === recognition.rulesSheet);
  let rules: RuleSet;
  if (sheet) {
    const read = readRulesSheet(sheet, defaultRules(explicitAsOf ?? today));
    issues.push(...read.issues);
    rules = read.rules;
  } else {
    rules = defaultRules(explicitAsOf ?? today);
  }
  if (options.rules) {
    const merged = mergeRules(rules, options.rules);
    if (merged.ok) rules = merged.rules;
    else {
      issues.push(
        assessIssue(
          "invalid_rule",
          "warning",
          sheet?.name ?? "rules",
          "A1",
          `指定的规则无效（${merged.errors.join("；")}），已忽略`,
          `The given rules are invalid (${merged.errors.join("; ")}) and were ignored`
        )
      );
    }
  }
  if (explicitAsOf !== undefined)
    rules = { ...rules, period: { ...rules.period, asOf: explicitAsOf } };

  issues.push(...validateForRules(recognition, rules));

  let results: AssessmentResults | null = null;
  if (recognition.targets) {
    const previous = readPreviousRun(grid, periodKey(rules.period), rules.period.asOf);
    const assessed = assessTables({
      targets: recognition.targets,
      actuals: recognition.actuals,
      ledgers: recognition.ledgers,
      rules,
      previousRanks: previous?.ranks ?? null,
      previousAsOf: previous?.asOf ?? null,
    });
    results = assessed.results;
    issues.push(...assessed.issues);
  } else if (!issues.some((i) => i.code === "no_targets_sheet" && i.severity === "error")) {
    issues.push(
      assessIssue(
        "no_targets_sheet",
        "error",
        grid.sheets[0]?.name ?? grid.source,
        "A1",
        "没有找到目标分解表（含责任单位列和指标列的表），无法考核",
        "No targets sheet (a unit column and indicator columns) was found, so nothing can be assessed"
      )
    );
  }

  return {
    recognition,
    rules,
    issues: dedupeIssues(issues),
    results,
    rulesSheet: sheet ? null : planRulesSheet(rules),
    stateSheet: results ? planStateSheet(grid, results.period, results.units) : null,
  };
}
