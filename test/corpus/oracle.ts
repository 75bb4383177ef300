/**
 * The corpus's own arithmetic: expected rates, scores and ranks computed from the ground truth a case
 * renders (numbers before they are laid out, converted or written as text). Deliberately tiny and written
 * apart from src/: it is the yardstick, so it shares no code with what it measures.
 *
 * Rules (SPEC §6, issue 11): rate = actual ÷ full target; score = Σ wᵢ × min(rateᵢ, 120%) with the stated
 * weights or else equal ones, rescaled to 100 over the indicators that apply to the unit (a target of
 * ---/— excludes it), plus 加分 minus 扣分; ties share a rank (1, 1, 3). The period is the calendar year of
 * the as-of date unless the workbook states another (a campaign such as seed 001's 2007-07..2008-03).
 */

/** A target; null means "not applicable" (---, —, /, 无). */
export type Target = number | null;

/** How an indicator's actual comes out of a 项目台账 when there is no actuals sheet. */
export interface LedgerDerivation {
  /** count of projects, or the sum of their investment / of their 到位资金. */
  readonly aggregate: "count" | "investment" | "funds";
  /** The date that puts a project in the period (签约日期 or 开工日期); none for 到位资金. */
  readonly date?: "signed" | "started";
  /** 万元; "以上" includes the bound. */
  readonly minInvestment?: number;
  /** A threshold that depends on the project type: 3000万元以上工业项目、亿元以上其它项目. */
  readonly byType?: { readonly industrial: number; readonly other: number };
  readonly industrialOnly?: boolean;
  /** Only projects carrying one of these tags (投资方类型: 世界500强, 央企…). */
  readonly tagsAny?: readonly string[];
  /** 万元 per unit of the target (10000 for 亿元, 1 for 万元, 1 for counts). */
  readonly perTargetUnit: number;
}

export interface TruthIndicator {
  /** The name a reader would look for in results.indicators[] (normalised match). */
  readonly label: string;
  /** Other acceptable names (the simplified form of a zh-Hant header, say). */
  readonly aliases?: readonly string[];
  /** The SPEC §9 key, only for the known fields. */
  readonly key?: string;
  /** Counts expect the exact actual too. */
  readonly count: boolean;
  readonly weight?: number;
  readonly derive?: LedgerDerivation;
}

export interface TruthUnit {
  readonly name: string;
  /** One per indicator. */
  readonly targets: readonly Target[];
  /** One per indicator, in the target's unit; absent where the actual is derived or summed from periods. */
  readonly actuals?: readonly number[];
  /** Per indicator, per period (quarter or month), in the target's unit; null = not reported. */
  readonly periods?: readonly (readonly (number | null)[])[];
  readonly bonus?: number;
  readonly penalty?: number;
  /** 不参与考核: listed in the workbook, never ranked. */
  readonly excluded?: boolean;
  /** The 类别 the workbook files the unit under (县区 / 开发区): ranked again within it. */
  readonly group?: string;
}

export interface TruthProject {
  readonly name: string;
  readonly unit: string;
  /** 万元. */
  readonly investment: number;
  readonly industrial: boolean;
  readonly signed?: string;
  readonly started?: string;
  /** 万元, cumulative as of the report. */
  readonly funds?: number;
  /** YYYY-MM of the report this row belongs to; later reports of the same project supersede it. */
  readonly reported?: string;
  /** What the ledger says of the investor (世界500强, 央企, 中国500强, 民营企业…). */
  readonly tags?: readonly string[];
}

export interface Truth {
  /** YYYY-MM-DD, whether the workbook or the command line says it. */
  readonly asOf: string;
  /** First day of the assessment period when the workbook states one (a campaign); else 1 January of the as-of year. */
  readonly periodStart?: string;
  readonly indicators: readonly TruthIndicator[];
  readonly units: readonly TruthUnit[];
  /** First month of each period column when actuals are given per quarter or month. */
  readonly periodStarts?: readonly number[];
  readonly ledger?: readonly TruthProject[];
  /** The rate cap the workbook's 考核办法 states (1 for 超过100%的按100%计, null for 不设上限); else 120%. */
  readonly cap?: number | null;
}

export interface ExpectedIndicator {
  readonly rate: number | null;
  readonly actual?: number;
}

export interface ExpectedUnit {
  readonly unit: string;
  readonly rank: number;
  /** Rank within the unit's 类别, where the workbook groups its units. */
  readonly groupRank?: number;
  readonly score: number;
  readonly indicators: Readonly<Record<string, ExpectedIndicator>>;
}

const CAP = 1.2;

function inPeriod(date: string | undefined, asOf: string, start?: string): boolean {
  return date !== undefined && date >= (start ?? `${asOf.slice(0, 4)}-01-01`) && date <= asOf;
}

/** Each project once: its latest report up to the as-of month is its state. */
export function projectStates(ledger: readonly TruthProject[], asOf: string): TruthProject[] {
  const latest = new Map<string, TruthProject>();
  const asOfMonth = asOf.slice(0, 7);
  for (const p of ledger) {
    if (p.reported !== undefined && p.reported > asOfMonth) continue;
    const id = `${p.unit}\u0000${p.name.replace(/\s+/g, "")}`;
    const seen = latest.get(id);
    if (!seen || (p.reported ?? "") >= (seen.reported ?? "")) latest.set(id, p);
  }
  return [...latest.values()];
}

function qualifies(p: TruthProject, d: LedgerDerivation): boolean {
  if (d.industrialOnly && !p.industrial) return false;
  if (d.minInvestment !== undefined && p.investment < d.minInvestment) return false;
  if (d.byType && p.investment < (p.industrial ? d.byType.industrial : d.byType.other))
    return false;
  if (d.tagsAny && !d.tagsAny.some((t) => p.tags?.includes(t))) return false;
  return true;
}

export function deriveFromLedger(
  states: readonly TruthProject[],
  unit: string,
  d: LedgerDerivation,
  asOf: string,
  periodStart?: string
): number {
  const mine = states.filter((p) => p.unit === unit);
  if (d.aggregate === "funds")
    return mine.reduce((s, p) => s + (p.funds ?? 0), 0) / d.perTargetUnit;
  const counted = mine.filter(
    (p) =>
      (d.date === undefined ||
        inPeriod(d.date === "signed" ? p.signed : p.started, asOf, periodStart)) &&
      qualifies(p, d)
  );
  if (d.aggregate === "count") return counted.length;
  return counted.reduce((s, p) => s + p.investment, 0) / d.perTargetUnit;
}

function periodSum(
  values: readonly (number | null)[],
  starts: readonly number[],
  asOf: string
): number {
  const month = Number(asOf.slice(5, 7));
  return values.reduce<number>((s, v, k) => s + ((starts[k] ?? 13) <= month ? (v ?? 0) : 0), 0);
}

function actualOf(t: Truth, unit: TruthUnit, i: number, states: readonly TruthProject[]): number {
  const ind = t.indicators[i] as TruthIndicator;
  if (ind.derive) return deriveFromLedger(states, unit.name, ind.derive, t.asOf, t.periodStart);
  const periods = unit.periods?.[i];
  if (periods && t.periodStarts) return periodSum(periods, t.periodStarts, t.asOf);
  const a = unit.actuals?.[i];
  if (a === undefined) throw new Error(`truth: no actual for ${unit.name} / ${ind.label}`);
  return a;
}

/** Scores rounded this far are equal; scores closer than MIN_GAP but unequal would make a fragile case. */
const SCORE_EPS = 1e-6;
export const MIN_GAP = 0.01;

export function expectedUnits(t: Truth): ExpectedUnit[] {
  const states = projectStates(t.ledger ?? [], t.asOf);
  const stated = t.indicators.some((i) => i.weight !== undefined);
  if (stated && t.indicators.some((i) => i.weight === undefined))
    throw new Error("truth: weights are stated for some indicators only");
  const scored = t.units
    .filter((u) => !u.excluded)
    .map((u) => {
      const indicators: Record<string, ExpectedIndicator> = {};
      let weights = 0;
      let points = 0;
      t.indicators.forEach((ind, i) => {
        const target = u.targets[i];
        if (target === undefined)
          throw new Error(`truth: ${u.name} lacks a target for ${ind.label}`);
        if (target === null) {
          indicators[ind.label] = { rate: null };
          return;
        }
        const actual = actualOf(t, u, i, states);
        const rate = actual / target;
        const w = ind.weight ?? 1;
        weights += w;
        const cap = t.cap === undefined ? CAP : (t.cap ?? Infinity);
        points += w * Math.min(Math.max(rate, 0), cap);
        indicators[ind.label] = ind.count ? { rate, actual } : { rate };
      });
      const base = weights === 0 ? 0 : (points / weights) * 100;
      const score = base + (u.bonus ?? 0) - (u.penalty ?? 0);
      return { unit: u.name, score, indicators, ...(u.group ? { group: u.group } : {}) };
    });
  return scored
    .map(({ group, ...u }) => ({
      ...u,
      rank: 1 + scored.filter((o) => o.score - u.score > SCORE_EPS).length,
      ...(group === undefined
        ? {}
        : {
            groupRank:
              1 + scored.filter((o) => o.group === group && o.score - u.score > SCORE_EPS).length,
          }),
    }))
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit));
}

/** Scores that differ by less than MIN_GAP would make a case's ranking hinge on rounding. */
export function fragileScores(units: readonly ExpectedUnit[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < units.length; i++)
    for (let j = i + 1; j < units.length; j++) {
      const a = units[i] as ExpectedUnit;
      const b = units[j] as ExpectedUnit;
      const d = Math.abs(a.score - b.score);
      if (d > SCORE_EPS && d < MIN_GAP) out.push(`${a.unit} ${a.score} ~ ${b.unit} ${b.score}`);
    }
  return out;
}
