/** Which indicators an assessment scores and how their figures are expressed. */
import type { Quantity } from "../model/measure";
import type { IndicatorMeta } from "../model/results";
import type { IndicatorColumn, UnitTable } from "../model/tables";
import { DISPLAY_UNITS } from "../rules/defaults";
import type { StatedWeight } from "../model/recognition";
import type { StatedScope } from "../recognize/stated-scopes";
import { indicatorCore } from "../recognize/lexicon";
import { normalizeText } from "../text";
import { aggregateFromName, partOf } from "../rules/derive";
import type { IndicatorRule, LedgerAggregateRule, RuleSet } from "../rules/schema";
import { isLastYearColumn } from "./last-year";

export interface PlannedIndicator {
  readonly rule: IndicatorRule;
  /** The targets sheet's column, or null when the rule's uniform target applies. */
  readonly column: IndicatorColumn | null;
  /** Quantity targets are expressed in; actuals convert to it. */
  readonly quantity: Quantity;
  /** Display value × factor = base value. */
  readonly factor: number;
  readonly meta: IndicatorMeta;
}

/** Indicators no rule names weigh as much as the defaults: equal weights unless someone says otherwise. */
const FALLBACK_WEIGHT = 10;

function quantityOf(rule: IndicatorRule): Quantity {
  return (
    DISPLAY_UNITS[rule.unit]?.quantity ?? (rule.aggregate?.kind === "ratio" ? "ratio" : "count")
  );
}

function numberFormatFor(q: Quantity): string {
  return q === "count" ? "0" : q === "ratio" ? "0.0" : "0.00";
}

export interface PlanOptions {
  /** Points a header states ("签约项目(20分)") beat the rules' weights only when the rules are defaults. */
  readonly headerWeights: boolean;
  /** Weights a 考核办法 sheet states by indicator name (used under the same condition). */
  readonly statedWeights?: readonly StatedWeight[];
  /** What the workbook's 统计口径 says an indicator counts ("签约项目指…5000万元以上的项目"). */
  readonly statedScopes?: readonly StatedScope[];
}

/** What the workbook states of an indicator of this name elsewhere (a 考核办法's 分值, a 统计口径's definition). */
function statedFor<T extends { readonly key: string }>(
  column: IndicatorColumn,
  stated: readonly T[]
): T | undefined {
  const name = normalizeText(column.name);
  const core = indicatorCore(name);
  return (
    stated.find((w) => w.key === name) ??
    stated.find((w) => indicatorCore(w.key) === core) ??
    stated.find((w) => w.key.length >= 3 && (name.endsWith(w.key) || w.key.endsWith(name)))
  );
}

/**
 * The rule of a targets column: the rules' own for its key, else one built from the column — its name says
 * what a ledger would count (签约项目 → projects signed in the period, 到位资金 → the sum of 到位资金) and its
 * header may state its points.
 */
function ruleFor(
  column: IndicatorColumn,
  rules: RuleSet,
  options: PlanOptions,
  /** The indicator a "其中" column is part of: the last one before it that is not itself a part. */
  parent: IndicatorRule | null
): IndicatorRule {
  const own = rules.indicators.find((r) => r.key === column.key);
  const points = column.weight ?? statedFor(column, options.statedWeights ?? [])?.weight;
  const stated = options.headerWeights && points !== undefined ? { weight: points } : {};
  const derived =
    aggregateFromName(column.name, statedFor(column, options.statedScopes ?? [])?.definition) ??
    (parent?.aggregate ? partOf(parent.aggregate, column.name) : null);
  if (own) {
    // A name with a qualifier ("其中10亿元以上") narrows what the key's default counts; a key whose default counts
    // nothing from a ledger (实际利用外资) counts what its name says when a ledger can say it (ledger-figures.ts).
    const narrowed =
      own.aggregate && derived && derived.kind === own.aggregate.kind && hasQualifier(derived)
        ? {
            aggregate: { ...own.aggregate, filter: { ...own.aggregate.filter, ...derived.filter } },
          }
        : !own.aggregate && derived
          ? { aggregate: derived }
          : {};
    return { ...own, ...narrowed, ...stated };
  }
  return {
    key: column.key,
    name: column.name,
    unit: column.unit?.label ?? "",
    weight: points !== undefined && options.headerWeights ? points : FALLBACK_WEIGHT,
    source: "actuals" as const,
    ...(derived ? { aggregate: derived } : {}),
  };
}

function hasQualifier(agg: LedgerAggregateRule): boolean {
  const f = agg.filter;
  return (
    f.threshold !== undefined ||
    f.industrial !== undefined ||
    f.origins !== undefined ||
    f.investorTypes !== undefined
  );
}

/**
 * Every numeric column of the targets sheet is an indicator (a rule with its key gives weight and source;
 * otherwise it counts with an equal weight, its actual from the actuals sheet or, failing that, from the
 * ledger as its name describes); rules with a uniform target add theirs.
 */
export function planIndicators(
  targets: UnitTable,
  rules: RuleSet,
  options: PlanOptions = { headerWeights: true }
): PlannedIndicator[] {
  const out: PlannedIndicator[] = [];
  let parent: IndicatorRule | null = null;
  for (const column of targets.indicators) {
    if (isLastYearColumn(column)) continue; // last year's figure of another indicator (同比), not an indicator

    const rule = ruleFor(column, rules, options, parent);
    if (!/^其中/.test(normalizeText(column.name))) parent = rule;
    const quantity = column.unit?.quantity ?? quantityOf(rule);
    const factor = column.unit?.factor ?? DISPLAY_UNITS[rule.unit]?.factor ?? 1;
    const unit = column.unit?.label ?? rule.unit;
    out.push({
      rule,
      column,
      quantity,
      factor,
      meta: {
        key: rule.key,
        // The workbook's own words ("新签约项目"), unless the column has no name of its own.
        name: column.name && column.name !== column.key ? column.name : rule.name,
        unit,
        weight: rule.weight,
        numberFormat: numberFormatFor(quantity),
      },
    });
  }
  for (const rule of rules.indicators) {
    if (rule.target === undefined || out.some((p) => p.rule.key === rule.key)) continue;
    const quantity = quantityOf(rule);
    out.push({
      rule,
      column: null,
      quantity,
      factor: DISPLAY_UNITS[rule.unit]?.factor ?? 1,
      meta: {
        key: rule.key,
        name: rule.name,
        unit: rule.unit,
        weight: rule.weight,
        numberFormat: numberFormatFor(quantity),
      },
    });
  }
  return out;
}

/** A value in quantity `from` expressed in `to`; null when they cannot convert (a count is not money). */
export function convertQuantity(
  value: number,
  from: Quantity | null,
  to: Quantity,
  exchangeRate: number
): number | null {
  if (from === null || from === to) return value;
  if (from === "money_usd" && to === "money_cny") return value * exchangeRate;
  if (from === "money_cny" && to === "money_usd") return value / exchangeRate;
  return null;
}
