/** What the results screen derives from an assessment, without React: rank changes and scores above the weights. */
import type { AssessmentResults, UnitResult } from "../../core/model/results";
import type { Locale } from "../../app/locale";
import { rankChange } from "../../core/report/format";

/** ↑2 / ↓1 / — / 新 as on 考核排名 (new in English). */
export function rankChangeText(
  unit: UnitResult,
  results: AssessmentResults,
  locale: Locale
): string {
  const hasPrevious = results.period.previousAsOf != null;
  const text = rankChange(unit.rank, unit.previousRank, hasPrevious);
  return text === "新" && locale === "en-US" ? "new" : text;
}

/** The score a unit gets for exactly 100% everywhere: its effective (rescaled) weights. */
export function unitFullMarks(unit: UnitResult): number {
  let sum = 0;
  for (const r of Object.values(unit.indicators)) if (r.score !== null) sum += r.weight;
  return sum;
}

/** Full marks as the rules state them (rescaled weights make it the same for every unit). */
export function fullMarks(results: AssessmentResults): number {
  const each = results.units.map(unitFullMarks).filter((w) => w > 0);
  return each.length > 0 ? Math.round(Math.max(...each)) : 100;
}

export interface AboveFull {
  readonly unit: string;
  readonly score: number;
  /** Indicators completed above 100%, with their rate (fraction). */
  readonly over: readonly { readonly name: string; readonly rate: number }[];
  readonly bonus: number;
}

/** Units scoring above full marks, and why: rates above 100% (up to the cap) and 加分. */
export function aboveFullMarks(results: AssessmentResults): AboveFull[] {
  return results.units
    .filter((u) => {
      const full = unitFullMarks(u);
      return full > 0 && u.score > full + 1e-9;
    })
    .map((u) => ({
      unit: u.unit,
      score: u.score,
      over: results.indicators.flatMap((ind) => {
        const r = u.indicators[ind.key];
        return r && r.rate !== null && r.rate > 1 ? [{ name: ind.name, rate: r.rate }] : [];
      }),
      bonus: u.adjustment?.bonus ?? 0,
    }));
}

export function percentText(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}
