/**
 * The engine proper, on recognised tables: figures per unit and indicator, completion rates, statuses, scores,
 * ranks, 等次, 评优资格, 红榜/黑榜 and the rules summary. Pure; `assessWorkbook` feeds it from a workbook.
 */
import type { Issue } from "../issues/types";
import type { AssessmentResults, IndicatorResult, Status, UnitResult } from "../model/results";
import type { LedgerRow, LedgerSheet, SourcedValue, UnitRow, UnitTable } from "../model/tables";
import {
  type AggregateContext,
  BAND_STRATEGIES,
  LEDGER_AGGREGATES,
  SCORING_METHODS,
} from "../rules/registry";
import type { LedgerAggregateRule, LedgerFilter, RuleSet } from "../rules/schema";
import { convertQuantity, planIndicators, type PlannedIndicator } from "./indicators";
import { assessIssue } from "./issue";
import { gradeOf, honourLists, rankUnits, rankWithinGroups } from "./rank";
import { summarizeRules } from "./summary";
import { timeProgress } from "./time-progress";

export interface AssessTablesInput {
  readonly targets: UnitTable;
  readonly actuals: UnitTable | null;
  readonly ledgers: readonly LedgerSheet[];
  readonly rules: RuleSet;
  /** Unit name → rank in the previous run of the same period. */
  readonly previousRanks?: ReadonlyMap<string, number> | null;
  /** 去年同期 figures, shaped like the actuals sheet. */
  readonly lastYear?: UnitTable | null;
}

/** One indicator's figures for one unit, in base units of the indicator's quantity. */
interface Figures {
  readonly target: number | null;
  readonly actual: number | null;
  readonly excluded: boolean;
  readonly targetSource: string | null;
  readonly actualSource: string | null;
  readonly yoy: number | null;
}

const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits;
const at = (v: SourcedValue): string => `${v.sheet}!${v.cell}`;
const LAST_YEAR_SUFFIXES = ["_last_year", "_ly", "_prev_year"];

function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

const FIELD_COLUMNS = {
  signedDate: "signed_date",
  registeredDate: "registered_date",
  startedDate: "started_date",
  investment: "investment",
  fundsInPlace: "funds_in_place",
} as const;

function filterColumns(f: LedgerFilter | undefined): string[] {
  if (!f) return [];
  const out: string[] = [];
  if (f.minStage !== undefined || f.maxStage !== undefined) out.push("stage");
  if (f.dateField !== undefined) out.push(FIELD_COLUMNS[f.dateField]);
  if (f.threshold) out.push("investment");
  if (f.industrial !== undefined) out.push("industrial");
  if (f.investorTypes) out.push("investor_type");
  if (f.origins) out.push("origin");
  return out;
}

export function ledgerSupports(sheet: LedgerSheet, agg: LedgerAggregateRule): boolean {
  const needed = [...filterColumns(agg.filter), ...filterColumns(agg.denominator)];
  if (agg.kind === "sum") needed.push(FIELD_COLUMNS[agg.field ?? "investment"]);
  return needed.every((c) => c in sheet.columns);
}

class UnitAssessor {
  private readonly ledgerRows = new Map<string, LedgerRow[]>();
  private readonly actualRows = new Map<string, UnitRow>();
  private readonly lastYearRows = new Map<string, UnitRow>();
  /** One context per currency, reused across units so compiled filters are reused too. */
  private readonly ctx: Readonly<Record<"CNY" | "USD", AggregateContext>>;
  readonly issues: Issue[] = [];

  constructor(private readonly input: AssessTablesInput) {
    for (const l of input.ledgers) {
      for (const r of l.rows) {
        const list = this.ledgerRows.get(r.unitKey);
        if (list) list.push(r);
        else this.ledgerRows.set(r.unitKey, [r]);
      }
    }
    for (const u of input.actuals?.units ?? [])
      if (!this.actualRows.has(u.key)) this.actualRows.set(u.key, u);
    for (const u of input.lastYear?.units ?? [])
      if (!this.lastYearRows.has(u.key)) this.lastYearRows.set(u.key, u);
    const p = input.rules.period;
    const common = {
      stageIndex: new Map(input.rules.stages.map((s, i) => [s, i])),
      from: dayMs(p.start),
      to: dayMs(p.asOf < p.end ? p.asOf : p.end),
      exchangeRate: input.rules.exchangeRate,
    };
    this.ctx = { CNY: { ...common, currency: "CNY" }, USD: { ...common, currency: "USD" } };
  }

  private columnQuantity(table: UnitTable | null | undefined, key: string) {
    return table?.indicators.find((c) => c.key === key)?.unit?.quantity ?? null;
  }

  private ledgerValue(unit: UnitRow, ind: PlannedIndicator): number | null {
    const agg = ind.rule.aggregate;
    // A ledger without the columns an aggregate reads says nothing about it (not zero).
    if (!agg || !this.input.ledgers.some((l) => ledgerSupports(l, agg))) return null;
    const def = LEDGER_AGGREGATES[agg.kind];
    if (!def) return null;
    const v = def.compute(
      this.ledgerRows.get(unit.key) ?? [],
      agg,
      this.ctx[ind.quantity === "money_usd" ? "USD" : "CNY"]
    );
    return v === null ? null : v;
  }

  private ledgerSource(unit: UnitRow): string {
    const n = this.ledgerRows.get(unit.key)?.length ?? 0;
    return `${this.input.ledgers.map((l) => l.sheet).join("、")}（${n}行 / ${n} rows）`;
  }

  private lastYearValue(unit: UnitRow, ind: PlannedIndicator): number | null {
    const rules = this.input.rules;
    const fromTable = this.lastYearRows.get(unit.key)?.values[ind.rule.key];
    if (fromTable && fromTable.value !== null && !fromTable.blocked) {
      return convertQuantity(
        fromTable.value,
        this.columnQuantity(this.input.lastYear, ind.rule.key),
        ind.quantity,
        rules.exchangeRate
      );
    }
    const row = this.actualRows.get(unit.key);
    for (const suffix of LAST_YEAR_SUFFIXES) {
      const v = row?.values[ind.rule.key + suffix];
      if (v && v.value !== null && !v.blocked)
        return convertQuantity(
          v.value,
          this.columnQuantity(this.input.actuals, ind.rule.key + suffix),
          ind.quantity,
          rules.exchangeRate
        );
    }
    return null;
  }

  figures(unit: UnitRow, ind: PlannedIndicator): Figures {
    const { rules } = this.input;
    const key = ind.rule.key;
    const none: Figures = {
      target: null,
      actual: null,
      excluded: true,
      targetSource: null,
      actualSource: null,
      yoy: null,
    };
    let target: number | null;
    let targetSource: string | null = null;
    if (ind.column) {
      const t = unit.values[key];
      if (!t || t.notApplicable || t.value === null)
        return { ...none, targetSource: t ? at(t) : null };
      targetSource = at(t);
      if (t.blocked) {
        this.issues.push(
          assessIssue(
            "indicator_blocked",
            "warning",
            t.sheet,
            t.cell,
            `${unit.name}“${ind.meta.name}”的目标单元格有错误，该指标本次不计分`,
            `${unit.name}: the target of "${ind.meta.name}" has an error, so the indicator is not scored`,
            key
          )
        );
        return { ...none, targetSource };
      }
      target = t.value;
      if (target === 0) {
        this.issues.push(
          assessIssue(
            "zero_target",
            "info",
            t.sheet,
            t.cell,
            `${unit.name}“${ind.meta.name}”目标为0，不计算完成率，该指标不计分`,
            `${unit.name}: "${ind.meta.name}" has a zero target; no completion rate, not scored`,
            key
          )
        );
      }
    } else {
      target = (ind.rule.target ?? 0) * ind.factor;
    }

    const a = this.actualRows.get(unit.key)?.values[key];
    const fromSheet =
      a && !a.notApplicable && a.value !== null
        ? convertQuantity(
            a.value,
            this.columnQuantity(this.input.actuals, key),
            ind.quantity,
            rules.exchangeRate
          )
        : null;
    const fromLedger = this.ledgerValue(unit, ind);
    const useLedger =
      fromLedger !== null &&
      (ind.rule.source === "ledger" || fromSheet === null) &&
      !(a?.blocked && ind.rule.source === "actuals");
    if (!useLedger && a?.blocked) {
      this.issues.push(
        assessIssue(
          "indicator_blocked",
          "warning",
          a.sheet,
          a.cell,
          `${unit.name}“${ind.meta.name}”的完成数单元格有错误，该指标本次不计分`,
          `${unit.name}: the actual of "${ind.meta.name}" has an error, so the indicator is not scored`,
          key
        )
      );
      return { ...none, target, targetSource, actualSource: at(a) };
    }
    if (fromSheet !== null && fromLedger !== null && a) {
      const diff = Math.abs(fromSheet - fromLedger);
      if (
        diff > 1e-9 &&
        diff > rules.sourceTolerance * Math.max(Math.abs(fromSheet), Math.abs(fromLedger))
      ) {
        const used = ind.rule.source === "ledger" ? "项目台账" : "完成情况表";
        const show = (x: number) => String(round(x / ind.factor, 4));
        this.issues.push(
          assessIssue(
            "source_disagreement",
            "warning",
            a.sheet,
            a.cell,
            `${unit.name}“${ind.meta.name}”：完成情况表为${show(fromSheet)}${ind.meta.unit}，项目台账统计为${show(fromLedger)}${ind.meta.unit}，按规则采用${used}`,
            `${unit.name} "${ind.meta.name}": actuals sheet ${show(fromSheet)}, ledger ${show(fromLedger)} (${ind.meta.unit}); the rule uses the ${ind.rule.source === "ledger" ? "ledger" : "actuals sheet"}`,
            key
          )
        );
      }
    }
    const actual = useLedger ? fromLedger : fromSheet;
    const actualSource = useLedger
      ? this.ledgerSource(unit)
      : a && fromSheet !== null
        ? at(a)
        : null;
    if (target === 0) return { ...none, target, actual, targetSource, actualSource };
    if (actual === null) {
      const cell = a ?? unit.values[key];
      this.issues.push(
        assessIssue(
          "missing_actual",
          "warning",
          cell?.sheet ?? this.input.targets.sheet,
          cell?.cell ?? `A${unit.row + 1}`,
          `${unit.name}“${ind.meta.name}”没有完成数，按0计`,
          `${unit.name}: no actual for "${ind.meta.name}", counted as 0`,
          key
        )
      );
    }
    const ly = actual === null ? null : this.lastYearValue(unit, ind);
    const yoy = ly !== null && ly > 0 && actual !== null ? actual / ly - 1 : null;
    return { target, actual, excluded: false, targetSource, actualSource, yoy };
  }
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
  const assessor = new UnitAssessor(input);

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
      if (!counted[i] || f.target === null || f.target <= 0) {
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
    },
    method: rules.method as AssessmentResults["method"],
    indicators: planned.map((p) => p.meta),
    units,
    bands: rules.bands.styles.map((b) => ({ ...b })),
    grouping,
    honour: honourLists(units, rules.honour),
    rulesSummary: summarizeRules(rules, planned, tp),
  };
  return { results, issues: assessor.issues };
}
