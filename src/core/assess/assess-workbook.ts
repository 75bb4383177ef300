/**
 * The one entry point every shell calls (task pane, web page, CLI): grid in, recognition + rules + issues +
 * results out, plus the 考核规则 and state sheets to write back. Never throws on workbook content.
 */
import type { WorkbookGrid } from "../grid/types";
import { groupIssues } from "../issues/group";
import type { Issue } from "../issues/types";
import type { AssessmentResults, IncompleteItem } from "../model/results";
import type { Recognition, RecognitionOverrides } from "../model/recognition";
import { findRulesSheet, recognizeWorkbook, statedAsOf, type StatedAsOf } from "../recognize";
import type { SheetPlan } from "../plan/write-plan";
import { defaultRules, isoDay } from "../rules/defaults";
import { mergeRules, type RulesOverride } from "../rules/merge";
import { planRulesSheet, readRulesSheet } from "../rules/rules-sheet";
import type { RuleSet } from "../rules/schema";
import { statedScopes } from "../recognize/stated-scopes";
import { readSettings } from "../state/settings";
import { assessTables } from "./assess-tables";
import { assessIssue, dedupeIssues } from "./issue";
import { periodKey, planRankingState, readPreviousRun } from "./state";
import { STATE_SHEET_NAME } from "../plan/product-sheets";
import { validateForRules } from "./validate-link";
import { withStatedCap, withStatedMethod, withStatedPeriod, withStatedRate } from "./stated-rules";

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
  /** Recognition, validation, rules and assessment issues, each once, repeats of a kind in a column grouped. */
  readonly issues: readonly Issue[];
  /** null when the workbook has no targets sheet. */
  readonly results: AssessmentResults | null;
  /** False when anything could not be scored from the data (no results at all included). */
  readonly complete: boolean;
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

interface RulesRead {
  readonly rules: RuleSet;
  readonly fromSheet: string | null;
  readonly issues: readonly Issue[];
}

/**
 * The rules in force and the as-of date. Precedence: `options` > the 考核规则 sheet > what the workbook's titles
 * state ("截至2024年9月30日", "1-8月完成情况") > today; the period defaults to the as-of date's calendar year.
 */
function resolveRules(
  grid: WorkbookGrid,
  overrides: RecognitionOverrides,
  options: AssessOptions
): RulesRead {
  const issues: Issue[] = [];
  const explicit = asOfText(options.asOf) ?? asOfText(options.rules?.period?.asOf);
  const stated = explicit === undefined ? statedAsOf(grid, isoDay(options.now)) : null;
  const fallback = explicit ?? stated?.asOf ?? isoDay(options.now);
  const sheet = findRulesSheet(grid, overrides);
  let rules = defaultRules(fallback);
  if (sheet) {
    const read = readRulesSheet(sheet, rules);
    issues.push(...read.issues);
    rules = read.rules;
  } else {
    // A campaign period or exchange rate the workbook states stands in for a rules sheet that would say otherwise.
    rules = withStatedPeriod(grid, rules, fallback, issues);
    rules = withStatedRate(grid, rules, issues);
    rules = withStatedCap(grid, rules, issues);
    rules = withStatedMethod(grid, rules, issues);
  }
  if (options.rules) rules = withGivenRules(rules, options.rules, sheet?.name ?? "rules", issues);
  if (explicit !== undefined) rules = { ...rules, period: { ...rules.period, asOf: explicit } };
  else {
    const notice = asOfNotice(grid, rules, sheet?.name ?? null, stated);
    if (notice) issues.push(notice);
  }
  return { rules, fromSheet: sheet?.name ?? null, issues };
}

/** Rules given by the caller (rules.json, the pane's period) over the sheet's; invalid ones are ignored, loudly. */
function withGivenRules(
  rules: RuleSet,
  given: RulesOverride,
  sheetName: string,
  issues: Issue[]
): RuleSet {
  const merged = mergeRules(rules, given);
  if (merged.ok) return merged.rules;
  issues.push(
    assessIssue(
      "invalid_rule",
      "warning",
      sheetName,
      "A1",
      `指定的规则无效（${merged.errors.join("；")}），已忽略`,
      `The given rules are invalid (${merged.errors.join("; ")}) and were ignored`
    )
  );
  return rules;
}

/** Where an as-of date nobody gave came from: the rules sheet (when a title disagrees), a title, or today. */
function asOfNotice(
  grid: WorkbookGrid,
  rules: RuleSet,
  rulesSheet: string | null,
  stated: StatedAsOf | null
): Issue | null {
  if (rulesSheet !== null) {
    if (!stated || rules.period.asOf === stated.asOf) return null;
    // The rules sheet is the visible authority; a title that disagrees is worth a look.
    return assessIssue(
      "as_of_from_workbook",
      "warning",
      rulesSheet,
      "A1",
      `考核规则表的截至日期为 ${rules.period.asOf}，而工作簿中“${stated.text}”（${stated.where}）写的是 ${stated.asOf}；按考核规则表计算，如不对请修改考核规则表或用 --as-of 指定`,
      `the rules sheet's as-of date is ${rules.period.asOf} but "${stated.text}" (${stated.where}) says ${stated.asOf}; the rules sheet is used — change it or pass --as-of if that is wrong`
    );
  }
  if (stated) {
    const year = yearNote(stated);
    return assessIssue(
      "as_of_from_workbook",
      "info",
      stated.sheet,
      stated.cell,
      `未指定截至日期，按工作簿中的“${stated.text}”（${stated.where}）取 ${stated.asOf}${year.zh}`,
      `no as-of date was given; ${stated.asOf} is taken from "${stated.text}" (${stated.where})${year.en}`
    );
  }
  return assessIssue(
    "as_of_from_workbook",
    "info",
    grid.sheets[0]?.name ?? grid.source,
    "A1",
    `未指定截至日期，工作簿中也没有写明，按今天 ${rules.period.asOf} 计算序时进度`,
    `no as-of date was given or found in the workbook; today (${rules.period.asOf}) is used for time progress`
  );
}

/** How the year of an as-of date was chosen when the workbook's text names none. */
function yearNote(stated: StatedAsOf): { zh: string; en: string } {
  if (stated.yearFrom === "dates")
    return {
      zh: "（未写年份，按工作簿中的日期取年份）",
      en: " (no year is written; the workbook's dates give it)",
    };
  if (stated.yearFrom === "latest")
    return {
      zh: "（未写年份，取最近的一年，如不对请用 --as-of 指定）",
      en: " (no year is written; the latest year is taken — pass --as-of if that is wrong)",
    };
  if (stated.yearFrom === "past")
    return {
      zh: "（只写了年份，该年已过去，取年底；如不对请用 --as-of 指定）",
      en: " (only the year is written and it is over, so its last day is taken — pass --as-of if that is wrong)",
    };
  return { zh: "", en: "" };
}

/**
 * Recognises, validates and assesses a workbook.
 * @example assessWorkbook(grid, { asOf: "2008-01-31", now: new Date() }).results?.units[0]?.rank === 1
 */
export function assessWorkbook(grid: WorkbookGrid, options: AssessOptions): Assessment {
  // Corrections a person saved in the task pane (or with --map/--role) travel with the file.
  const overrides = options.overrides ?? readSettings(grid).overrides;
  const resolved = resolveRules(grid, overrides, options);
  const { rules } = resolved;
  const recognition = recognizeWorkbook(grid, overrides, { asOf: rules.period.asOf });
  const issues: Issue[] = [...recognition.issues, ...resolved.issues];
  issues.push(...validateForRules(recognition, rules, isoDay(options.now)));

  let results: AssessmentResults | null = null;
  let writtenRules = rules;
  if (recognition.targets) {
    const previous = readPreviousRun(grid, periodKey(rules.period), rules.period.asOf);
    const assessed = assessTables({
      targets: recognition.targets,
      actuals: recognition.actuals,
      ledgers: recognition.ledgers,
      lastYear: recognition.lastYear ?? null,
      rules,
      previousRanks: previous?.ranks ?? null,
      previousAsOf: previous?.asOf ?? null,
      // Points a header states count unless a rules sheet or --rules says otherwise.
      plan: {
        headerWeights: resolved.fromSheet === null && options.rules?.indicators === undefined,
        ...(recognition.statedWeights ? { statedWeights: recognition.statedWeights } : {}),
        statedScopes: statedScopes(grid.sheets),
      },
    });
    results = withRecognitionGaps(assessed.results, recognition.issues);
    issues.push(...assessed.issues);
    writtenRules = { ...rules, indicators: assessed.planned.map((p) => p.rule) };
  }

  const state = results ? planRankingState(grid, results.period, results.units) : null;
  if (state && state.droppedRuns > 0)
    issues.push(
      assessIssue(
        "state_history_trimmed",
        "info",
        STATE_SHEET_NAME,
        "A1",
        `排名历史过长，已删去最早的 ${state.droppedRuns} 次记录（保留最近的记录用于名次变化）`,
        `The ranking history was too long: the ${state.droppedRuns} oldest runs were dropped (recent runs are kept for rank changes)`
      )
    );

  if (results && !results.complete)
    issues.push(...incompleteWithoutError(results, issues, recognition.targets?.sheet ?? ""));

  return {
    recognition,
    rules,
    issues: groupIssues(dedupeIssues(issues)),
    results,
    complete: results?.complete ?? false,
    rulesSheet: resolved.fromSheet ? null : planRulesSheet(writtenRules),
    stateSheet: state?.sheet ?? null,
  };
}

/**
 * An incomplete ranking always exits 1: when nothing that made it so was raised as an error (each gap is meant to
 * be), one error says so, naming the first gap, so `complete: false` never comes with exit 0.
 */
function incompleteWithoutError(
  results: AssessmentResults,
  issues: readonly Issue[],
  targetsSheet: string
): Issue[] {
  if (issues.some((i) => i.severity === "error")) return [];
  const first = results.incomplete[0];
  return [
    assessIssue(
      "ranking_incomplete",
      "error",
      first && "sheet" in first ? first.sheet : targetsSheet,
      "A1",
      `排名不完整：${first?.message_zh ?? "有指标无法计分"}`,
      `the ranking is incomplete: ${first?.message_en ?? "an indicator could not be scored"}`
    ),
  ];
}

/** A unit column chosen without confidence makes the whole ranking doubtful. */
function withRecognitionGaps(
  results: AssessmentResults,
  issues: readonly Issue[]
): AssessmentResults {
  const items: IncompleteItem[] = issues
    .filter((i) => i.code === "unit_column_uncertain" && i.severity === "error")
    .map((i) => ({
      kind: "unit_column",
      sheet: i.sheet,
      message_zh: i.message_zh,
      message_en: i.message_en,
    }));
  if (items.length === 0) return results;
  const incomplete = [...items, ...results.incomplete.filter((x) => x.kind !== "all_zero")];
  const honour = { ...results.honour, red: [], black: [], byGroup: {} };
  return { ...results, complete: false, incomplete, honour };
}
