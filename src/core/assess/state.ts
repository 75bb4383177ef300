/**
 * Previous rankings live in the hidden state sheet, one key/value row per period (`ranking:<start>..<end>`),
 * the value a JSON list of runs by as-of date, so re-running the same month shows the same 名次变化.
 */
import type { WorkbookGrid } from "../grid/types";
import type { PeriodInfo, UnitResult } from "../model/results";
import type { SheetPlan } from "../plan/write-plan";
import { planStateRows, readStateValue } from "../state/state-sheet";

export const RANKING_KEY_PREFIX = "ranking:";
/** Runs kept per period (two years of monthly runs). */
const MAX_RUNS = 24;
/**
 * Characters of ranking history kept per period: 20 state cells, so the state stays small enough to write through
 * Office.js in one request; beyond it the oldest runs go first (164 units × 24 runs is about 90,000).
 */
export const MAX_HISTORY_CHARS = 20 * 32_000;

interface StoredRun {
  readonly asOf: string;
  readonly ranks: Readonly<Record<string, number>>;
}

export function periodKey(period: Pick<PeriodInfo, "start" | "end">): string {
  return `${period.start}..${period.end}`;
}

function readRuns(grid: WorkbookGrid | null, key: string): StoredRun[] {
  const raw = readStateValue(grid, RANKING_KEY_PREFIX + key);
  if (raw === null) return [];
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return [];
    return data.filter(
      (r): r is StoredRun =>
        typeof r === "object" &&
        r !== null &&
        typeof (r as StoredRun).asOf === "string" &&
        typeof (r as StoredRun).ranks === "object" &&
        (r as StoredRun).ranks !== null
    );
  } catch {
    // A damaged state cell only loses the rank changes; the assessment itself goes on.
    return [];
  }
}

/**
 * Ranks of the latest earlier run for the period (as-of before `asOf`; without `asOf`, the latest run),
 * unit name → rank; null when there is none.
 */
export function readPreviousRanking(
  grid: WorkbookGrid | null,
  key: string,
  asOf?: string
): Map<string, number> | null {
  return readPreviousRun(grid, key, asOf)?.ranks ?? null;
}

/** The latest earlier run for the period with its as-of date, or null. */
export function readPreviousRun(
  grid: WorkbookGrid | null,
  key: string,
  asOf?: string
): { asOf: string; ranks: Map<string, number> } | null {
  const runs = readRuns(grid, key)
    .filter((r) => asOf === undefined || r.asOf < asOf)
    .sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  const last = runs[runs.length - 1];
  if (!last) return null;
  const ranks = new Map(
    Object.entries(last.ranks).filter((e): e is [string, number] => typeof e[1] === "number")
  );
  return { asOf: last.asOf, ranks };
}

export interface RankingState {
  readonly sheet: SheetPlan;
  /** Earlier runs left out to keep the history under MAX_HISTORY_CHARS (oldest first). */
  readonly droppedRuns: number;
}

/** The state sheet with this run's ranking recorded under its period, every other row kept as it was. */
export function planRankingState(
  grid: WorkbookGrid | null,
  period: Pick<PeriodInfo, "start" | "end" | "asOf">,
  units: readonly Pick<UnitResult, "unit" | "rank">[],
  maxChars: number = MAX_HISTORY_CHARS
): RankingState {
  const key = RANKING_KEY_PREFIX + periodKey(period);
  const runs = readRuns(grid, periodKey(period)).filter((r) => r.asOf !== period.asOf);
  runs.push({ asOf: period.asOf, ranks: Object.fromEntries(units.map((u) => [u.unit, u.rank])) });
  runs.sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  let kept = runs.slice(-MAX_RUNS);
  let json = JSON.stringify(kept);
  // This run always stays, even alone over the limit: it is what the next run compares with.
  while (json.length > maxChars && kept.length > 1) {
    kept = kept.slice(1);
    json = JSON.stringify(kept);
  }
  return {
    sheet: planStateRows(grid, { [key]: json }),
    droppedRuns: Math.min(runs.length, MAX_RUNS) - kept.length,
  };
}

/** The state sheet with this run's ranking recorded under its period, every other row kept as it was. */
export function planStateSheet(
  grid: WorkbookGrid | null,
  period: Pick<PeriodInfo, "start" | "end" | "asOf">,
  units: readonly Pick<UnitResult, "unit" | "rank">[]
): SheetPlan {
  return planRankingState(grid, period, units).sheet;
}
