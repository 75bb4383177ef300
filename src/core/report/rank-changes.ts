/**
 * 名次变化 as a meeting reads it: in a grouped table a unit is compared with its own group, so 3→2 within 园区 is
 * ↑1 whatever happened elsewhere. Previous ranks (a stored run's overall ranks, or a 上月排名 column that may hold
 * overall or in-group ranks) are re-ranked within the group, which gives the in-group rank in either case.
 */
import type { AssessmentResults, UnitResult } from "../model";
import { rankChange } from "./format";

export interface RankMove {
  /** Rank shown in the table: in-group when grouping is on. */
  readonly rank: number;
  /** The comparable earlier rank, null when the unit has none. */
  readonly previous: number | null;
  /** ↑2 / ↓1 / — / 新. */
  readonly text: string;
  /** Positive when the unit rose. */
  readonly delta: number | null;
}

export function rankMoves(results: AssessmentResults): Map<string, RankMove> {
  const hasRun = (results.period.previousAsOf ?? null) !== null;
  const out = new Map<string, RankMove>();
  for (const u of results.units) {
    const rank = results.grouping ? (u.groupRank ?? u.rank) : u.rank;
    const previous = results.grouping ? previousInGroup(u, results.units) : u.previousRank;
    out.set(u.unit, {
      rank,
      previous,
      text: rankChange(rank, previous, hasRun),
      delta: previous === null ? null : previous - rank,
    });
  }
  return out;
}

function previousInGroup(u: UnitResult, units: readonly UnitResult[]): number | null {
  const mine = u.previousRank;
  if (mine === null) return null;
  let better = 0;
  for (const o of units)
    if (o.group === u.group && o.previousRank !== null && o.previousRank < mine) better++;
  return better + 1;
}

/** "上月" / "上季度" / "上期": what the earlier ranking is called, from the gap between the two as-of dates. */
export function previousTerm(results: AssessmentResults, stated?: string): string {
  if (stated) return stated;
  const before = results.period.previousAsOf ?? null;
  if (before === null) return "上期";
  const months = monthsBetween(before, results.period.asOf);
  return months <= 1 ? "上月" : months === 3 ? "上季度" : "上期";
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return ((yb ?? 0) - (ya ?? 0)) * 12 + ((mb ?? 0) - (ma ?? 0));
}
