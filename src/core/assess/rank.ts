/** Ranks with shared ties (1, 1, 3), an optional tie-break, ranks within groups, 等次 and 红榜/黑榜. */
import type { RuleSet } from "../rules/schema";

export interface Rankable {
  readonly unit: string;
  readonly score: number;
  readonly group: string | null;
  /** Rate of the tie-break indicator, null when it does not count for the unit. */
  readonly tieBreak: number | null;
}

/** Scores equal to this precision tie: sums of weighted rates carry binary noise. */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

function compare(a: Rankable, b: Rankable): number {
  if (!same(a.score, b.score)) return b.score - a.score;
  const ta = a.tieBreak ?? -Infinity;
  const tb = b.tieBreak ?? -Infinity;
  if (ta === tb || same(ta, tb)) return 0;
  return tb - ta;
}

/** Rank of each item (same order as `items`): 1 + how many are strictly better. */
export function rankUnits(items: readonly Rankable[]): number[] {
  const order = items
    .map((_, i) => i)
    .sort((i, j) => compare(items[i] as Rankable, items[j] as Rankable) || i - j);
  const ranks = new Array<number>(items.length).fill(0);
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    ranks[idx] =
      prev !== undefined && compare(items[prev] as Rankable, items[idx] as Rankable) === 0
        ? (ranks[prev] as number)
        : pos + 1;
  });
  return ranks;
}

/** Rank within each item's group (null groups rank together). */
export function rankWithinGroups(items: readonly Rankable[]): number[] {
  const out = new Array<number>(items.length).fill(0);
  const groups = new Map<string | null, number[]>();
  items.forEach((it, i) => groups.set(it.group, [...(groups.get(it.group) ?? []), i]));
  for (const idxs of groups.values()) {
    const ranks = rankUnits(idxs.map((i) => items[i] as Rankable));
    idxs.forEach((i, k) => (out[i] = ranks[k] as number));
  }
  return out;
}

/** What 等次 shows before the period ends under the 按全年目标 practice. */
export const GRADE_AT_PERIOD_END = "期末评定";

/** Where a unit stands against its 序时目标 before the period ends (scoreUnit computes it). */
export interface PaceStanding {
  /** The score with every rate measured against target × 序时进度, capped as the rules cap it, plus 加减分. */
  readonly paceScore: number;
  /** True when any scored indicator is behind 序时进度 (滞后 or 严重滞后). */
  readonly lagging: boolean;
}

/**
 * 等次 by score (first band whose floor the score reaches) or by rank share (rank ÷ units ≤ cumulative share).
 * Before the period ends (`timeProgress` < 1) a score is graded against the 序时目标: each rate measured against
 * target × 序时进度 and capped there (`pace.paceScore`; without it, score ÷ 序时进度), so a unit on pace is never
 * graded failing; and, as the notices reserve 评优 for units that complete their targets (seed 000: 完成目标任务
 * → 具备评优资格; seed 001: 对完成任务的单位给予表彰), a unit behind 序时进度 on any indicator is not given the top
 * band. Under `midPeriod: "full_year"` no score grade is given until the period ends.
 */
export function gradeOf(
  score: number,
  rank: number,
  count: number,
  grades: Omit<RuleSet["grades"], "midPeriod"> & Partial<Pick<RuleSet["grades"], "midPeriod">>,
  timeProgress = 1,
  pace?: PaceStanding
): string {
  const bands = grades.bands;
  if (grades.basis === "score") {
    const midPeriod = timeProgress < 1 - 1e-9;
    if (midPeriod && grades.midPeriod === "full_year") return GRADE_AT_PERIOD_END;
    const graded = !midPeriod
      ? score
      : pace
        ? pace.paceScore
        : timeProgress > 0
          ? score / timeProgress
          : score;
    const sorted = [...bands].sort((a, b) => b.value - a.value);
    const found = sorted.findIndex((g) => graded >= g.value - 1e-9);
    const at = found === -1 ? sorted.length - 1 : found;
    const lagging = midPeriod && pace?.lagging === true;
    const band = sorted[lagging && at === 0 ? Math.min(1, sorted.length - 1) : at];
    return (band ?? sorted[sorted.length - 1])?.label ?? "";
  }
  const sorted = [...bands].sort((a, b) => a.value - b.value);
  const share = count === 0 ? 1 : rank / count;
  return (sorted.find((g) => share <= g.value + 1e-9) ?? sorted[sorted.length - 1])?.label ?? "";
}

/** 红榜: ranks 1..red (best first); 黑榜: the `black` lowest positions (worst first), never a unit already on 红榜. */
export function honourLists(
  units: readonly { unit: string; rank: number; score: number }[],
  sizes: RuleSet["honour"]
): { red: string[]; black: string[] } {
  // A list that names every unit at one score singles no one out: there is nothing to praise or criticise.
  const first = units[0];
  if (first && units.every((u) => Math.abs(u.score - first.score) < 1e-6))
    return { red: [], black: [] };
  // Each list names at most a third of the units (at least one): of three units, 红榜 前3名 would praise them all,
  // the one scoring 不合格 included.
  const most = Math.max(1, Math.floor(units.length / 3));
  const redSize = Math.min(sizes.red, most);
  const blackSize = Math.min(sizes.black, most);
  const byRank = [...units].sort((a, b) => a.rank - b.rank);
  const red = redSize > 0 ? byRank.filter((u) => u.rank <= redSize).map((u) => u.unit) : [];
  const black: string[] = [];
  if (blackSize > 0) {
    for (const u of [...byRank].reverse()) {
      const worse = units.filter((o) => o.score < u.score - 1e-6).length;
      if (worse + 1 <= blackSize && !red.includes(u.unit)) black.push(u.unit);
    }
  }
  return { red, black };
}

/** 红榜/黑榜 of each group, by rank within the group (at most a third of its units on each, as overall). */
export function groupHonour(
  units: readonly { unit: string; group: string | null; groupRank: number | null; score: number }[],
  sizes: RuleSet["honour"]
): Record<string, { red: string[]; black: string[] }> {
  const groups = new Map<string, { unit: string; rank: number; score: number }[]>();
  for (const u of units) {
    if (u.group === null || u.groupRank === null) continue;
    groups.set(u.group, [
      ...(groups.get(u.group) ?? []),
      { unit: u.unit, rank: u.groupRank, score: u.score },
    ]);
  }
  return Object.fromEntries(
    [...groups].map(([group, members]) => {
      return [group, honourLists(members, sizes)];
    })
  );
}

/** 红榜/黑榜 of one indicator by completion rate, among the units where it counts. */
export function indicatorHonour(
  rates: readonly { unit: string; rate: number | null }[],
  sizes: RuleSet["honour"]
): { red: string[]; black: string[] } {
  const counted = rates.filter((r): r is { unit: string; rate: number } => r.rate !== null);
  const items = counted.map((r) => ({
    unit: r.unit,
    score: r.rate * 100,
    group: null,
    tieBreak: null,
  }));
  const ranks = rankUnits(items);
  return honourLists(
    items.map((it, i) => ({ unit: it.unit, score: it.score, rank: ranks[i] as number })),
    sizes
  );
}
