/**
 * Metadata tables (HyperFormula-style): scoring methods, status-band strategies and ledger aggregates are
 * registered here by key, so adding one is one entry. The rules sheet offers exactly these keys in its lists.
 */
import { MS_PER_DAY } from "../grid/excel-date";
import type { LedgerRow } from "../model/tables";
import type { Eligibility, ScoringMethod, Status } from "../model/results";
import type { LedgerFilter, LedgerAggregateRule, RuleSet } from "./schema";
import type { StageIndex } from "./stages";

export interface Labelled {
  readonly label_zh: string;
  readonly label_en: string;
}

export interface ScoringMethodDef extends Labelled {
  /** Points one indicator earns; `weight` is already rescaled so a unit's weights sum to 100. */
  readonly indicatorScore: (rate: number, weight: number, rules: RuleSet) => number;
  /** 评优资格 from the unit's applicable rates, or null when the method does not decide it. */
  readonly eligibility: (rates: readonly number[], rules: RuleSet) => Eligibility | null;
  /** One line on the rules sheet's 计分方法 row, beside the other methods'. */
  readonly note_zh: string;
  /** The method in a sentence, with the rules' own numbers, for the ranking sheet and the pane. */
  readonly summary_zh: (rules: RuleSet) => string;
  readonly summary_en: (rules: RuleSet) => string;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

export const SCORING_METHODS: Readonly<Record<ScoringMethod, ScoringMethodDef>> = {
  proportional: {
    label_zh: "按比例计分",
    label_en: "proportional",
    indicatorScore: (rate, weight, rules) => weight * Math.min(Math.max(rate, 0), rules.cap),
    eligibility: () => null,
    note_zh: "按比例计分：得分=权重×完成率（封顶）",
    summary_zh: (r) =>
      `按比例计分：得分 = 权重 × 完成率（完成率封顶${pct(r.cap)}），各单位权重合计折算为100分`,
    summary_en: (r) =>
      `Proportional scoring: score = weight × completion rate (rate capped at ${pct(r.cap)}), each unit's weights rescaled to 100`,
  },
  threshold: {
    label_zh: "达标计分",
    label_en: "threshold",
    // Seed 000: 完成 (or 超额完成) earns the indicator's full marks, 未完成 earns nothing.
    indicatorScore: (rate, weight, rules) => (rate >= 1 - rules.tolerance ? weight : 0),
    eligibility: (rates, rules) => {
      if (rates.length === 0) return null;
      if (rates.some((r) => r < 1 - rules.tolerance)) return "ineligible";
      return rates.every((r) => r > 1 + rules.tolerance) ? "priority" : "eligible";
    },
    note_zh: "达标计分：完成得满分，未完成不得分",
    summary_zh: () =>
      "达标计分：超额完成得满分、优先评优；完成得满分、具备评优资格；未完成不得分、取消评优资格",
    summary_en: () =>
      "Threshold scoring: exceeded earns full marks and award priority; completed earns full marks and eligibility; not completed earns nothing and loses eligibility",
  },
};

export interface BandStrategyDef extends Labelled {
  /** Status of a completion rate, given 序时进度 (0..1). */
  readonly classify: (rate: number, timeProgress: number, rules: RuleSet) => Status;
}

function classifyAgainst(rate: number, yardstick: number, rules: RuleSet): Status {
  const tol = rules.tolerance;
  if (rate > 1 + tol) return "exceeded";
  if (rate >= 1 - tol) return "completed";
  if (rate >= yardstick - rules.bands.onPaceTolerance - 1e-12) return "on_pace";
  if (rate >= yardstick - rules.bands.farBehindPoints - 1e-12) return "behind";
  return "far_behind";
}

export const BAND_STRATEGIES: Readonly<Record<string, BandStrategyDef>> = {
  time_progress: {
    label_zh: "对照序时进度",
    label_en: "against time progress",
    classify: (rate, tp, rules) => classifyAgainst(rate, tp, rules),
  },
  absolute: {
    label_zh: "对照全年目标",
    label_en: "against the full target",
    classify: (rate, _tp, rules) => classifyAgainst(rate, 1, rules),
  },
};

/** What a ledger aggregate needs besides the rows. */
export interface AggregateContext {
  /** Stage words (已签约, 洽谈中 …) to their position in the rules' stage list. */
  readonly stages: StageIndex;
  /** Inclusive day bounds, ms since epoch (UTC midnight). */
  readonly from: number;
  readonly to: number;
  /** 元 per 美元. */
  readonly exchangeRate: number;
  /** Currency sums are expressed in. */
  readonly currency: "CNY" | "USD";
  /**
   * Set when no two of the rows aggregated share a project identity (listsEachProjectOnce): a count is then the
   * number of rows passing, with no per-row project map.
   */
  readonly distinctProjects?: boolean;
}

export interface LedgerAggregateDef extends Labelled {
  readonly compute: (
    rows: readonly LedgerRow[],
    rule: LedgerAggregateRule,
    ctx: AggregateContext
  ) => number | null;
}

/** Amount in the currency `to` (万元 or 万美元). */
export function convertMoney(
  amount: number,
  from: "CNY" | "USD",
  to: "CNY" | "USD",
  rate: number
): number {
  if (from === to) return amount;
  return from === "USD" ? amount * rate : amount / rate;
}

/** A project's whole investment in `to`: its own amount plus a 外资 part kept in a column of its own. */
export function investmentIn(row: LedgerRow, to: "CNY" | "USD", rate: number): number | null {
  const own = row.investment === null ? null : convertMoney(row.investment, row.currency, to, rate);
  if (row.foreignInvestment === undefined) return own;
  return (own ?? 0) + convertMoney(row.foreignInvestment, "USD", to, rate);
}

export type RowPredicate = (row: LedgerRow) => boolean;

const norm = (s: string): string => s.replace(/\s+/g, "");

/** A filter as one predicate: built once per filter and context, then run over every ledger row. */
function buildPredicate(f: LedgerFilter, ctx: AggregateContext): RowPredicate {
  const tests: RowPredicate[] = [];
  if (f.minStage !== undefined || f.maxStage !== undefined) {
    const at = (s: string): number => {
      const i = ctx.stages.position(s);
      return i < 0 ? NaN : i;
    };
    const lo = f.minStage === undefined ? -Infinity : at(f.minStage);
    const hi = f.maxStage === undefined ? Infinity : at(f.maxStage);
    // A ledger without stages but with the event's date (签约日期) is read by the date alone.
    const dateDecides = f.dateField !== undefined;
    tests.push((r) => {
      if (r.stage === null) return dateDecides;
      const m = ctx.stages.match(r.stage);
      // A progress note no stage can be read from ("设备安装调试中") leaves the date to decide; a withdrawn
      // project (已终止) never counts.
      if (m.how === "none") return dateDecides;
      return m.index >= 0 && m.index >= lo && m.index <= hi;
    });
  }
  const field = f.dateField;
  if (field !== undefined) {
    tests.push((r) => {
      const d = r[field];
      if (d === null) return false;
      const day = Math.floor(d.getTime() / MS_PER_DAY) * MS_PER_DAY;
      return day >= ctx.from && day <= ctx.to;
    });
  }
  const t = f.threshold;
  if (t) {
    tests.push((r) => {
      const cny = investmentIn(r, "CNY", ctx.exchangeRate);
      if (cny === null) return false;
      const industrial = r.industrial === true && t.industrialAmount !== undefined;
      const amount = industrial ? (t.industrialAmount ?? t.amount) : t.amount;
      const inclusive = industrial ? (t.industrialInclusive ?? t.inclusive) : t.inclusive;
      // Ledger amounts are typed by people in 万元/亿元: compare at a precision that ignores binary noise.
      const diff = Math.round((cny - amount) * 1e6);
      return inclusive ? diff >= 0 : diff > 0;
    });
  }
  if (f.industrial !== undefined) tests.push((r) => r.industrial === f.industrial);
  // "世界500强（央企）" is both a 世界500强 and a 央企; "省外（江苏）" is 省外: the word, not the whole cell.
  const mentions = (words: readonly string[]) => {
    const wanted = words.map(norm);
    return (text: string | null): boolean => {
      if (text === null) return false;
      const t = norm(text);
      return wanted.some((w) => t.includes(w));
    };
  };
  if (f.investorTypes) {
    const test = mentions(f.investorTypes);
    tests.push((r) => test(r.investorType));
  }
  if (f.origins) {
    const test = mentions(f.origins);
    tests.push((r) => test(r.origin));
  }
  if (f.currency !== undefined) tests.push((r) => r.currency === f.currency);
  // A loop, not tests.every(test => test(r)): no closure per row, and this runs per row per indicator per unit.
  return (r) => {
    for (const test of tests) if (!test(r)) return false;
    return true;
  };
}

const compiled = new WeakMap<AggregateContext, WeakMap<LedgerFilter, RowPredicate>>();

/** The predicate of a filter under a context, memoised on both (reuse one context object across units). */
export function filterPredicate(f: LedgerFilter, ctx: AggregateContext): RowPredicate {
  let byFilter = compiled.get(ctx);
  if (!byFilter) compiled.set(ctx, (byFilter = new WeakMap()));
  let p = byFilter.get(f);
  if (!p) byFilter.set(f, (p = buildPredicate(f, ctx)));
  return p;
}

/** Whether a ledger row passes a filter (stage, date in period, threshold, type, origin, currency). */
export function matchesFilter(row: LedgerRow, f: LedgerFilter, ctx: AggregateContext): boolean {
  return filterPredicate(f, ctx)(row);
}

/** A project's identity: the same name under the same unit is the same project, however often it is listed. */
export function projectKey(r: Pick<LedgerRow, "unitKey" | "nameKey">): string {
  return `${r.unitKey}\u0000${r.nameKey}`;
}

type ProjectIdentity = Pick<LedgerRow, "unitKey" | "nameKey">;

/**
 * A map keyed by project identity (projectKey's), held as unit → name → value so that no key string is built
 * per row: ledgers run to a million rows, and every check and count keys each one.
 */
export class ProjectMap<V> {
  private readonly byUnit = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(p: ProjectIdentity): V | undefined {
    return this.byUnit.get(p.unitKey)?.get(p.nameKey);
  }

  set(p: ProjectIdentity, value: V): void {
    let names = this.byUnit.get(p.unitKey);
    if (!names) this.byUnit.set(p.unitKey, (names = new Map()));
    const before = names.size;
    names.set(p.nameKey, value);
    this.count += names.size - before;
  }

  delete(p: ProjectIdentity): void {
    if (this.byUnit.get(p.unitKey)?.delete(p.nameKey)) this.count--;
  }

  /** Every value, unit by unit, each name in the order it was first set. */
  values(): V[] {
    const out: V[] = [];
    for (const names of this.byUnit.values()) for (const v of names.values()) out.push(v);
    return out;
  }
}

const eachProjectOnce = new WeakMap<readonly LedgerRow[], boolean>();

/**
 * Whether no two rows share a project identity (projectKey's; rows without a name share the empty one), as
 * most ledgers are. Memoised per rows array: validation and every count of the assessment ask about the same
 * ledger, and the answer lets them skip keying each of up to a million rows again.
 */
export function listsEachProjectOnce(rows: readonly LedgerRow[]): boolean {
  let once = eachProjectOnce.get(rows);
  if (once === undefined) {
    once = namesDiffer(rows) || identitiesDiffer(rows);
    eachProjectOnce.set(rows, once);
  }
  return once;
}

/** No name twice, whatever the unit: one set insertion per row, the quick answer for most ledgers. */
function namesDiffer(rows: readonly LedgerRow[]): boolean {
  const names = new Set<string>();
  for (const r of rows) names.add(r.nameKey);
  return names.size === rows.length;
}

/** No (unit, name) twice: the same name under two units is two projects. */
function identitiesDiffer(rows: readonly LedgerRow[]): boolean {
  const seen = new ProjectMap<true>();
  for (const r of rows) seen.set(r, true);
  return seen.size === rows.length;
}

/** Each project counts once (a re-signing or capital increase is not a new project). */
/**
 * The rows a filter takes, one per project (its last passing row): a project listed on a 签约 sheet and again on a
 * 开工 sheet, or twice in one ledger, is one project. With a date filter, a project signed (or started) before the
 * period and listed again this year (增资, 二期) is not new.
 */
function passingProjects(
  rows: readonly LedgerRow[],
  f: LedgerFilter,
  ctx: AggregateContext
): readonly LedgerRow[] {
  const pass = filterPredicate(f, ctx);
  // Rows of distinct projects: a passing row's own date is in the period, so none is taken out below either.
  if (ctx.distinctProjects === true) return rows.filter(pass);
  const seen = new ProjectMap<LedgerRow>();
  for (const r of rows) if (pass(r)) seen.set(r, r);
  const field = f.dateField;
  if (field !== undefined && seen.size > 0)
    for (const r of rows) {
      const d = r[field];
      if (d !== null && d.getTime() < ctx.from) seen.delete(r);
    }
  return seen.values();
}

function countProjects(rows: readonly LedgerRow[], f: LedgerFilter, ctx: AggregateContext): number {
  if (ctx.distinctProjects === true) {
    const pass = filterPredicate(f, ctx);
    let n = 0;
    for (const r of rows) if (pass(r)) n++;
    return n;
  }
  return passingProjects(rows, f, ctx).length;
}

export const LEDGER_AGGREGATES: Readonly<Record<string, LedgerAggregateDef>> = {
  count: {
    label_zh: "计数",
    label_en: "count",
    compute: (rows, rule, ctx) => countProjects(rows, rule.filter, ctx),
  },
  sum: {
    label_zh: "求和",
    label_en: "sum",
    compute: (rows, rule, ctx) => {
      const field = rule.field ?? "investment";
      let total = 0;
      const amount = (r: LedgerRow): number | null => {
        if (field === "investment") return investmentIn(r, ctx.currency, ctx.exchangeRate);
        const v = r[field];
        return v === null ? null : convertMoney(v, r.currency, ctx.currency, ctx.exchangeRate);
      };
      if (ctx.distinctProjects !== true) {
        // Each project once, as counts take it: not its amount again for every sheet that lists it.
        for (const r of passingProjects(rows, rule.filter, ctx)) total += amount(r) ?? 0;
        return total;
      }
      const pass = filterPredicate(rule.filter, ctx);
      for (const r of rows) {
        const v = amount(r);
        if (v !== null && pass(r)) total += v;
      }
      return total;
    },
  },
  ratio: {
    label_zh: "比率",
    label_en: "ratio",
    compute: (rows, rule, ctx) => {
      const den = countProjects(rows, rule.denominator ?? {}, ctx);
      return den === 0 ? null : countProjects(rows, rule.filter, ctx) / den;
    },
  },
};
