/**
 * The rules the engine assesses the benchmark with: the same two indicators the formula workbook computes,
 * 签约项目 (stage ≥ 签约, 总投资 above 3000万元, counted) and 到位资金 (summed), 50 points each, cap 120%.
 */
import { defaultRules, mergeRules, type RuleSet, type RulesOverride } from "../../src/core/rules";
import { SIGNED_THRESHOLD } from "./dataset";

export const BENCH_NOW = new Date("2025-01-05T00:00:00Z");
export const BENCH_TODAY = "2025-01-05";

export const BENCH_RULES = {
  period: { start: "2024-01-01", end: "2024-12-31", asOf: "2024-12-31" },
  cap: 1.2,
  indicators: [
    {
      key: "signed_total",
      name: "签约项目",
      unit: "个",
      weight: 50,
      source: "ledger",
      aggregate: {
        kind: "count",
        filter: { minStage: "签约", threshold: { amount: SIGNED_THRESHOLD, inclusive: false } },
      },
    },
    {
      key: "到位资金",
      name: "到位资金",
      unit: "万元",
      weight: 50,
      source: "ledger",
      aggregate: { kind: "sum", field: "fundsInPlace", filter: {} },
    },
  ],
};

/** The override as `--rules` takes it, and the full rule set the engine derives from it. */
export function benchRules(): { override: RulesOverride; full: RuleSet } {
  const override = BENCH_RULES as unknown as RulesOverride;
  const merged = mergeRules(defaultRules(BENCH_RULES.period.asOf), override);
  if (!merged.ok) throw new Error(`benchmark rules invalid: ${merged.errors.join("; ")}`);
  return { override, full: merged.rules };
}
