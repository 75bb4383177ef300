import type { AssessmentResults, IndicatorMeta } from "../model";

/** Sum of targets and actuals over units the indicator applies to. */
export function indicatorTotals(
  results: AssessmentResults,
  ind: IndicatorMeta
): { target: number; actual: number } | null {
  let target = 0;
  let actual = 0;
  let any = false;
  for (const u of results.units) {
    const r = u.indicators[ind.key];
    if (!r || r.status === "n_a") continue;
    if (r.target !== null) target += r.target;
    if (r.actual !== null) actual += r.actual;
    any = any || r.target !== null || r.actual !== null;
  }
  return any ? { target, actual } : null;
}
