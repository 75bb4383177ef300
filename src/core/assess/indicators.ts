/** Which indicators an assessment scores and how their figures are expressed. */
import type { Quantity } from "../model/measure";
import type { IndicatorMeta } from "../model/results";
import type { IndicatorColumn, UnitTable } from "../model/tables";
import { DISPLAY_UNITS } from "../rules/defaults";
import type { IndicatorRule, RuleSet } from "../rules/schema";
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

const FALLBACK_WEIGHT = 10;

function quantityOf(rule: IndicatorRule): Quantity {
  return (
    DISPLAY_UNITS[rule.unit]?.quantity ?? (rule.aggregate?.kind === "ratio" ? "ratio" : "count")
  );
}

function numberFormatFor(q: Quantity): string {
  return q === "count" ? "0" : q === "ratio" ? "0.0" : "0.00";
}

/**
 * Every numeric column of the targets sheet is an indicator (a rule with its key gives weight and source;
 * otherwise it counts with weight 10 from the actuals sheet); rules with a uniform target add theirs.
 */
export function planIndicators(targets: UnitTable, rules: RuleSet): PlannedIndicator[] {
  const out: PlannedIndicator[] = [];
  for (const column of targets.indicators) {
    if (isLastYearColumn(column)) continue; // last year's figure of another indicator (同比), not an indicator

    const rule = rules.indicators.find((r) => r.key === column.key) ?? {
      key: column.key,
      name: column.name,
      unit: column.unit?.label ?? "",
      weight: FALLBACK_WEIGHT,
      source: "actuals" as const,
    };
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
        name: rule.name,
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
