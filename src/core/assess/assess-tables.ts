/**
 * The engine proper, on recognised tables: figures per unit and indicator, completion rates, statuses, scores,
 * ranks, 等次, 评优资格, 红榜/黑榜 and the rules summary. Pure; `assessWorkbook` feeds it from a workbook.
 */
import type { Issue } from "../issues/types";
import type { AssessmentResults, IndicatorResult, Status, UnitResult } from "../model/results";
import type { UnitTable, LedgerSheet } from "../model/tables";
import { BAND_STRATEGIES, SCORING_METHODS } from "../rules/registry";
import type { RuleSet } from "../rules/schema";
import { type Figures, round, UnitAssessor, ZERO_TARGET } from "./figures";
import { planIndicators, type PlannedIndicator } from "./indicators";
import { gradeOf, honourLists, indicatorHonour, rankUnits, rankWithinGroups } from "./rank";
import { summarizeRules } from "./summary";
import { timeProgress } from "./time-progress";

export interface AssessTablesInput {
  readonly targets: UnitTable;
  readonly actuals: UnitTable | null;
  readonly ledgers: readonly LedgerSheet[];
  readonly rules: RuleSet;
  /** Unit name → rank in the previous run of the same period. */
  readonly previousRanks?: ReadonlyMap<string, number> | null;
  /** As-of date of that run. */
  readonly previousAsOf?: string | null;
  /** 去年同期 figures, shaped like the actuals sheet. */
  readonly lastYear?: UnitTable | null;
}

/** Scores every unit of the targets sheet. Throws only on a rule set that bypassed validation (unknown method). */
export function assessTables(input: AssessTablesInput): {
  results: AssessmentResults;
  issues: Issue[];
} {
  const { rules, targets } = input;
  const method = SCORING_METHODS[rules.method as keyof typeof SCORING_METHODS];
  const strategy = BAND_STRATEGIES[rules.bands.strategy];
  if (!method || !strategy)
    throw new RangeError(
      `Unknown scoring method or band strategy: ${rules.method} / ${rules.bands.strategy}`
    );
  const tp = timeProgress(rules.period.start, rules.period.end, rules.period.asOf);
  const planned = planIndicators(targets, rules);
  const assessor = new UnitAssessor(
    input,
    planned.map((p) => p.meta)
  );

  const scored = targets.units.map((unit) => {
    const figs = planned.map((ind) => assessor.figures(unit, ind));
    const counted = planned.map((ind, i) => !(figs[i] as Figures).excluded && ind.rule.weight >= 0);
    const weightSum = planned.reduce((s, ind, i) => s + (counted[i] ? ind.rule.weight : 0), 0);
    const countedN = counted.filter(Boolean).length;
    // Weights rescale to 100 over the indicators that apply (all-zero weights count equally).
    const eff = (i: number): number =>
      !counted[i]
        ? 0
        : weightSum > 0
          ? ((planned[i] as PlannedIndicator).rule.weight / weightSum) * 100
          : 100 / countedN;
    const indicators: Record<string, IndicatorResult> = {};
    const rates: number[] = [];
    let score = 0;
    let composite = 0;
    planned.forEach((ind, i) => {
      const f = figs[i] as Figures;
      const shown = (x: number | null) => (x === null ? null : round(x / ind.factor));
      if (!counted[i] || f.target === null || f.target < ZERO_TARGET) {
        indicators[ind.rule.key] = {
          target: shown(f.target),
          actual: shown(f.actual),
          rate: null,
          status: "n_a",
          score: null,
          weight: 0,
          targetSource: f.targetSource,
          actualSource: f.actualSource,
          yoy: null,
        };
        return;
      }
      const rate = (f.actual ?? 0) / f.target;
      const w = eff(i);
      const s = method.indicatorScore(rate, w, rules);
      rates.push(rate);
      score += s;
      composite += (w / 100) * Math.min(Math.max(rate, 0), rules.cap);
      indicators[ind.rule.key] = {
        target: shown(f.target),
        actual: shown(f.actual),
        rate: round(rate),
        status: strategy.classify(rate, tp, rules),
        score: round(s, 4),
        weight: round(w, 4),
        targetSource: f.targetSource,
        actualSource: f.actualSource,
        yoy: f.yoy === null ? null : round(f.yoy),
      };
    });
    const status: Status = countedN === 0 ? "n_a" : strategy.classify(composite, tp, rules);
    const tieKey = rules.tieBreak;
    return {
      unit,
      indicators,
      score: round(score, 4),
      status,
      eligibility: method.eligibility(rates, rules),
      tieBreak: tieKey === null ? null : (indicators[tieKey]?.rate ?? null),
    };
  });

  const grouping =
    rules.grouping === "on" ||
    (rules.grouping === "auto" && targets.units.some((u) => u.group !== null));
  const rankables = scored.map((s) => ({
    unit: s.unit.name,
    score: s.score,
    group: s.unit.group,
    tieBreak: s.tieBreak,
  }));
  const ranks = rankUnits(rankables);
  const groupRanks = grouping ? rankWithinGroups(rankables) : null;
  const units: UnitResult[] = scored.map((s, i) => {
    const rank = ranks[i] as number;
    return {
      unit: s.unit.name,
      group: s.unit.group,
      rank,
      groupRank: groupRanks ? (groupRanks[i] as number) : null,
      score: s.score,
      grade: gradeOf(s.score, rank, scored.length, rules.grades),
      eligibility: s.eligibility,
      status: s.status,
      previousRank: input.previousRanks?.get(s.unit.name) ?? null,
      indicators: s.indicators,
    };
  });
  units.sort((a, b) => a.rank - b.rank);

  const results: AssessmentResults = {
    period: {
      start: rules.period.start,
      end: rules.period.end,
      asOf: rules.period.asOf,
      timeProgress: round(tp),
      previousAsOf: input.previousAsOf ?? null,
    },
    method: rules.method as AssessmentResults["method"],
    indicators: planned.map((p) => p.meta),
    units,
    bands: rules.bands.styles.map((b) => ({ ...b })),
    grouping,
    honour: {
      ...honourLists(units, rules.honour),
      byIndicator: Object.fromEntries(
        planned.map((p) => [
          p.rule.key,
          indicatorHonour(
            units.map((u) => ({ unit: u.unit, rate: u.indicators[p.rule.key]?.rate ?? null })),
            rules.honour
          ),
        ])
      ),
    },
    rulesSummary: summarizeRules(rules, planned, tp),
  };
  return { results, issues: assessor.issues };
}
