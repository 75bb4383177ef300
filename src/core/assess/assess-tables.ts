/**
 * The engine proper, on recognised tables: figures per unit and indicator, completion rates, statuses, scores,
 * ranks, 等次, 评优资格, 红榜/黑榜 and the rules summary. Pure; `assessWorkbook` feeds it from a workbook.
 */
import type { Issue } from "../issues/types";
import type {
  AssessmentResults,
  IncompleteItem,
  IndicatorResult,
  Status,
  UnitResult,
} from "../model/results";
import type { LedgerSheet, UnitRow, UnitTable } from "../model/tables";
import {
  BAND_STRATEGIES,
  cappedRate,
  SCORING_METHODS,
  type BandStrategyDef,
  type ScoringMethodDef,
} from "../rules/registry";
import type { RuleSet } from "../rules/schema";
import {
  findGaps,
  implausibleRates,
  staleActuals,
  targetsMirrorLedger,
  targetsNotSet,
} from "./completeness";
import { assessIssue } from "./issue";
import { type Figures, round, UnitAssessor, ZERO_TARGET } from "./figures";
import { planIndicators, type PlannedIndicator, type PlanOptions } from "./indicators";
import {
  gradeOf,
  type PaceStanding,
  groupHonour,
  honourLists,
  indicatorHonour,
  rankUnits,
  rankWithinGroups,
} from "./rank";
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
  readonly plan?: PlanOptions;
}

interface Scored {
  readonly unit: UnitRow;
  readonly indicators: Record<string, IndicatorResult>;
  /** Weighted points before 加分/扣分. */
  readonly base: number;
  readonly adjustment: UnitRow["adjustment"];
  readonly score: number;
  /** Mid-period standing against the 序时目标, for 等次 (rank.ts gradeOf). */
  readonly pace: PaceStanding;
  readonly status: Status;
  readonly eligibility: UnitResult["eligibility"];
  readonly tieBreak: number | null;
}

const NOT_SCORED = (f: Figures, ind: PlannedIndicator): IndicatorResult => {
  const shown = (x: number | null) => (x === null ? null : round(x / ind.factor));
  return {
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
};

/** One unit's indicators, points and status. Indicators without any source (`unsourced`) do not count. */
function scoreUnit(
  unit: UnitRow,
  planned: readonly PlannedIndicator[],
  assessor: UnitAssessor,
  unsourced: ReadonlySet<string>,
  ctx: { rules: RuleSet; tp: number; method: ScoringMethodDef; strategy: BandStrategyDef }
): Scored {
  const { rules, tp, method, strategy } = ctx;
  const figs = planned.map((ind) => assessor.figures(unit, ind));
  const counted = planned.map(
    (ind, i) =>
      !(figs[i] as Figures).excluded && ind.rule.weight >= 0 && !unsourced.has(ind.rule.key)
  );
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
  let base = 0;
  let paceBase = 0;
  let lagging = false;
  let composite = 0;
  planned.forEach((ind, i) => {
    const f = figs[i] as Figures;
    if (!counted[i] || f.target === null || f.target < ZERO_TARGET) {
      indicators[ind.rule.key] = NOT_SCORED(f, ind);
      return;
    }
    const rate = (f.actual ?? 0) / f.target;
    const w = eff(i);
    const s = method.indicatorScore(rate, w, rules);
    rates.push(rate);
    base += s;
    // Against the 序时目标 (target × 序时进度), capped as the rules cap any rate.
    paceBase += tp > 0 ? method.indicatorScore(rate / tp, w, rules) : s;
    const status = strategy.classify(rate, tp, rules);
    if (status === "behind" || status === "far_behind") lagging = true;
    composite += (w / 100) * cappedRate(rate, rules);
    indicators[ind.rule.key] = {
      target: round(f.target / ind.factor),
      actual: f.actual === null ? null : round(f.actual / ind.factor),
      rate: round(rate),
      status,
      score: round(s, 4),
      weight: round(w, 4),
      targetSource: f.targetSource,
      actualSource: f.actualSource,
      yoy: f.yoy === null ? null : round(f.yoy),
    };
  });
  // 加分/扣分 sit beside the targets or, in year-end 考核情况 sheets, beside the actuals.
  const adj = unit.adjustment ?? assessor.actualRow(unit)?.adjustment;
  const net = adj ? adj.bonus - adj.penalty : 0;
  const score = base + net;
  return {
    unit,
    indicators,
    base: round(base, 4),
    adjustment: adj,
    score: round(score, 4),
    pace: { paceScore: round(paceBase + net, 4), lagging },
    status: countedN === 0 ? "n_a" : strategy.classify(composite, tp, rules),
    eligibility: method.eligibility(rates, rules),
    tieBreak: rules.tieBreak === null ? null : (indicators[rules.tieBreak]?.rate ?? null),
  };
}

/** Scores every unit of the targets sheet. Throws only on a rule set that bypassed validation (unknown method). */
export function assessTables(input: AssessTablesInput): {
  results: AssessmentResults;
  issues: Issue[];
  planned: readonly PlannedIndicator[];
} {
  const { rules, targets } = input;
  const stale = staleActuals(input.actuals, rules.period);
  if (stale) input = { ...input, actuals: null };
  const { method, strategy } = scoringOf(rules);
  const tp = timeProgress(rules.period.start, rules.period.end, rules.period.asOf);
  const planned = planIndicators(targets, rules, input.plan);
  const assessor = new UnitAssessor(
    input,
    planned.map((p) => p.meta)
  );
  const gaps = findGaps(input, planned, assessor);
  const unsourced = new Set(gaps.unsourced);
  const ctx = { rules, tp, method, strategy };
  const scored = listedOnce(targets.units).map((unit) =>
    scoreUnit(unit, planned, assessor, unsourced, ctx)
  );

  const grouping =
    rules.grouping === "on" ||
    (rules.grouping === "auto" && targets.units.some((u) => u.group !== null));
  const units = rankScored(scored, { input, assessor, grouping, tp });

  const implausible = implausibleRates(targets, planned, scored);
  const unset = targetsNotSet(targets, planned) ?? targetsMirrorLedger(input, scored);
  const incomplete: IncompleteItem[] = [
    ...(unset ? [unset.item] : []),
    ...(stale ? [stale.item] : []),
    ...gaps.items,
    ...implausible.items,
    ...assessor.blocked,
  ];
  const issues = [
    ...(unset ? [unset.issue] : []),
    ...(stale ? [stale.issue] : []),
    ...assessor.issues,
    ...gaps.issues,
    ...implausible.issues,
  ];
  if (incomplete.length === 0) flagAllZero(units, targets.sheet, incomplete, issues);

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
    ...(grouping
      ? {
          groupOrder: [
            ...new Set(targets.units.flatMap((u) => (u.group === null ? [] : [u.group]))),
          ],
        }
      : {}),
    honour: honourOf(units, planned, rules, { grouping, complete: incomplete.length === 0 }),
    rulesSummary: summarizeRules(rules, planned, tp, {
      adjustments: scored.some((s) => s.adjustment !== undefined),
    }),
    complete: incomplete.length === 0,
    incomplete,
  };
  return { results, issues, planned };
}

/** The rule set's scoring method and band strategy; a name outside the registry got past validation. */
function scoringOf(rules: RuleSet): { method: ScoringMethodDef; strategy: BandStrategyDef } {
  const method = SCORING_METHODS[rules.method as keyof typeof SCORING_METHODS];
  const strategy = BAND_STRATEGIES[rules.bands.strategy];
  if (!method || !strategy)
    throw new RangeError(
      `Unknown scoring method or band strategy: ${rules.method} / ${rules.bands.strategy}`
    );
  return { method, strategy };
}

/** A unit listed twice is reported (duplicate_unit, and incomplete) and ranked nowhere. */
function listedOnce(units: readonly UnitRow[]): UnitRow[] {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.key, (counts.get(u.key) ?? 0) + 1);
  return units.filter((u) => counts.get(u.key) === 1);
}

/** Ranks (overall and, when grouped, within the group), 等次 and previous rank of each scored unit, best first. */
function rankScored(
  scored: readonly Scored[],
  ctx: { input: AssessTablesInput; assessor: UnitAssessor; grouping: boolean; tp: number }
): UnitResult[] {
  const { input, assessor, grouping, tp } = ctx;
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
    const adj = s.adjustment;
    return {
      unit: s.unit.name,
      group: s.unit.group,
      rank,
      groupRank: groupRanks ? (groupRanks[i] as number) : null,
      score: s.score,
      grade: gradeOf(s.score, rank, scored.length, input.rules.grades, tp, s.pace),
      eligibility: s.eligibility,
      status: s.status,
      // A stored run of this period first; else the 上月排名 column the targets or actuals sheet carries.
      previousRank:
        input.previousRanks?.get(s.unit.name) ??
        s.unit.previousRank ??
        assessor.actualRow(s.unit)?.previousRank ??
        null,
      indicators: s.indicators,
      ...(adj
        ? {
            adjustment: {
              base: s.base,
              bonus: adj.bonus,
              penalty: adj.penalty,
              reason: adj.reason,
            },
          }
        : {}),
    };
  });
  return units.sort((a, b) => a.rank - b.rank);
}

/** A ranking where every unit scores 0 is otherwise complete only in appearance: the actuals were not read. */
function flagAllZero(
  units: readonly UnitResult[],
  sheet: string,
  incomplete: IncompleteItem[],
  issues: Issue[]
): void {
  if (units.length === 0 || !units.every((u) => u.score === 0)) return;
  const zh = "所有单位得分均为0：完成数很可能没有被读到，排名无效";
  const en =
    "every unit scores 0: the actuals were most likely not read, so the ranking is not valid";
  incomplete.push({ kind: "all_zero", message_zh: zh, message_en: en });
  issues.push(assessIssue("ranking_incomplete", "error", sheet, "A1", zh, en));
}

/** 红榜/黑榜 overall, per group and per indicator. */
function honourOf(
  units: readonly UnitResult[],
  planned: readonly PlannedIndicator[],
  rules: RuleSet,
  opts: { grouping: boolean; complete: boolean }
): AssessmentResults["honour"] {
  // An incomplete ranking names no one on 红榜/黑榜: those lists are what a meeting would act on.
  const listed = opts.complete ? rules.honour : { red: 0, black: 0 };
  return {
    ...honourLists(units, listed),
    ...(opts.grouping ? { byGroup: groupHonour(units, listed) } : {}),
    byIndicator: Object.fromEntries(
      planned.map((p) => [
        p.rule.key,
        indicatorHonour(
          units.map((u) => ({ unit: u.unit, rate: u.indicators[p.rule.key]?.rate ?? null })),
          rules.honour
        ),
      ])
    ),
  };
}
