/**
 * A ledger aggregate's filter (stage, date in period, threshold, type, origin, currency) as one predicate over
 * the rows of a ledger's columns, built once per filter and context.
 */
import { MS_PER_DAY } from "../grid/excel-date";
import { currencyAt, currencyCode, type LedgerColumns } from "../model/ledger-columns";
import type { LedgerFilter } from "./schema";
import type { StageIndex } from "./stages";

/** What a ledger aggregate needs besides the rows. */
export interface AggregateContext {
  /** The ledger aggregated: rows are indices into it. */
  readonly ledger: LedgerColumns;
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
export function investmentIn(
  c: LedgerColumns,
  i: number,
  to: "CNY" | "USD",
  rate: number
): number | null {
  const amount = c.investment[i] as number;
  const own = Number.isNaN(amount) ? null : convertMoney(amount, currencyAt(c, i), to, rate);
  const foreign = c.foreignInvestment?.[i] ?? NaN;
  if (Number.isNaN(foreign)) return own;
  return (own ?? 0) + convertMoney(foreign, "USD", to, rate);
}

/** Whether row `i` of the context's ledger passes. */
export type RowPredicate = (i: number) => boolean;

const norm = (s: string): string => s.replace(/\s+/g, "");

const positions = new WeakMap<AggregateContext, Float64Array>();

/**
 * Where each distinct stage word of the context's ledger stands in the rules' stage list: its position for a stage
 * the rules know (已签约 → 签约's), −1 for a withdrawn project (已终止), NaN for a progress note no stage can be
 * read from (项目推进中), which leaves the date to decide. Matched once per context.
 */
function stagePositions(ctx: AggregateContext): Float64Array {
  let out = positions.get(ctx);
  if (!out) {
    const words = ctx.ledger.stages;
    out = new Float64Array(words.length);
    words.forEach((word, w) => {
      const m = ctx.stages.match(word);
      (out as Float64Array)[w] = m.how === "none" ? NaN : m.index;
    });
    positions.set(ctx, out);
  }
  return out;
}

/** The stage test of a filter: decided once per distinct stage word of the ledger, then looked up per row. */
function stageTest(f: LedgerFilter, ctx: AggregateContext): RowPredicate {
  const at = (s: string): number => {
    const i = ctx.stages.position(s);
    return i < 0 ? NaN : i;
  };
  const lo = f.minStage === undefined ? -Infinity : at(f.minStage);
  const hi = f.maxStage === undefined ? Infinity : at(f.maxStage);
  // A ledger without stages but with the event's date (签约日期) is read by the date alone.
  const dateDecides = f.dateField !== undefined;
  // A withdrawn project never counts; a progress note leaves the date to decide.
  const passes = Array.from(stagePositions(ctx), (p) =>
    Number.isNaN(p) ? dateDecides : p >= 0 && p >= lo && p <= hi
  );
  const stage = ctx.ledger.stage;
  return (i) => {
    const s = stage[i] as number;
    return s < 0 ? dateDecides : (passes[s] as boolean);
  };
}

/**
 * A context's period as day bounds, ms: a date's day is within [from, to] exactly when the date is within [first
 * day's start, last day's end), so dates are compared as they are, with no day taken per row.
 */
function dayBounds(ctx: AggregateContext): readonly [lo: number, hi: number] {
  return [
    Math.ceil(ctx.from / MS_PER_DAY) * MS_PER_DAY,
    (Math.floor(ctx.to / MS_PER_DAY) + 1) * MS_PER_DAY,
  ];
}

/**
 * Rows without the event's date whose stage says the event happened (签约日期 left blank, 项目进展 已签约) count
 * in the period when the ledger is the period's own — some row dated in it and none outside it (a 1-8月 签约项目
 * 台账) — and never otherwise: in a cumulative ledger they may be any year's. Null when they never count.
 */
function undatedAtStage(
  ctx: AggregateContext,
  dates: ArrayLike<number>,
  lo: number,
  hi: number
): RowPredicate | null {
  let inside = false;
  for (let i = 0; i < dates.length; i++) {
    const t = dates[i] as number;
    if (Number.isNaN(t)) continue;
    if (t < lo || t >= hi) return null;
    inside = true;
  }
  if (!inside) return null;
  // A stage the rules know (已签约), not a progress note the date was left to decide (项目推进中).
  const known = stagePositions(ctx);
  const stage = ctx.ledger.stage;
  return (i) => {
    const s = stage[i] as number;
    return s >= 0 && (known[s] as number) >= 0;
  };
}

/**
 * The rows a filter counts although they lack its date (undatedAtStage, within the filter's stages): what the
 * counting does, for the note that tells the user. Null when the filter counts no undated row.
 */
export function undatedRowsCounted(f: LedgerFilter, ctx: AggregateContext): RowPredicate | null {
  if (f.dateField === undefined || f.minStage === undefined) return null;
  const dates = ctx.ledger.dates[f.dateField];
  const [lo, hi] = dayBounds(ctx);
  const undated = undatedAtStage(ctx, dates, lo, hi);
  if (undated === null) return null;
  const stage = stageTest(f, ctx);
  return (i) => Number.isNaN(dates[i] as number) && undated(i) && stage(i);
}

/** A filter as one predicate: built once per filter and context, then run over every ledger row. */
function buildPredicate(f: LedgerFilter, ctx: AggregateContext): RowPredicate {
  const c = ctx.ledger;
  const tests: RowPredicate[] = [];
  if (f.minStage !== undefined || f.maxStage !== undefined) tests.push(stageTest(f, ctx));
  const field = f.dateField;
  if (field !== undefined) {
    const dates = c.dates[field];
    // NaN (no date) fails both comparisons.
    const [lo, hi] = dayBounds(ctx);
    const undated = f.minStage !== undefined ? undatedAtStage(ctx, dates, lo, hi) : null;
    tests.push((i) => {
      const t = dates[i] as number;
      return (t >= lo && t < hi) || (undated !== null && Number.isNaN(t) && undated(i));
    });
  }
  if (f.notOutside !== undefined) {
    const dates = c.dates[f.notOutside];
    const [lo, hi] = dayBounds(ctx);
    tests.push((i) => {
      const t = dates[i] as number;
      return Number.isNaN(t) || (t >= lo && t < hi);
    });
  }
  const t = f.threshold;
  if (t) {
    tests.push((i) => {
      const cny = investmentIn(c, i, "CNY", ctx.exchangeRate);
      if (cny === null) return false;
      const industrial = c.industrial[i] === 1 && t.industrialAmount !== undefined;
      const amount = industrial ? (t.industrialAmount ?? t.amount) : t.amount;
      const inclusive = industrial ? (t.industrialInclusive ?? t.inclusive) : t.inclusive;
      // Ledger amounts are typed by people in 万元/亿元: compare at a precision that ignores binary noise.
      const diff = Math.round((cny - amount) * 1e6);
      return inclusive ? diff >= 0 : diff > 0;
    });
  }
  if (f.industrial !== undefined) {
    const wanted = f.industrial ? 1 : 0;
    tests.push((i) => c.industrial[i] === wanted);
  }
  // "世界500强（央企）" is both a 世界500强 and a 央企; "省外（江苏）" is 省外: the word, not the whole cell.
  const mentions = (words: readonly string[], field: "investorType" | "origin"): RowPredicate => {
    const wanted = words.map(norm);
    const texts = c.texts[field];
    return (i) => {
      const text = texts?.(i) ?? null;
      if (text === null) return false;
      const t = norm(text);
      return wanted.some((w) => t.includes(w));
    };
  };
  if (f.investorTypes) tests.push(mentions(f.investorTypes, "investorType"));
  if (f.origins) tests.push(mentions(f.origins, "origin"));
  if (f.currency !== undefined) {
    const code = currencyCode(f.currency);
    tests.push((i) => c.currency[i] === code);
  }
  return allOf(tests);
}

/**
 * Tests that must all pass, as one predicate. This runs per row per indicator per unit: the usual one to three
 * tests are called directly (no loop over closures, no closure per row).
 */
function allOf(tests: readonly RowPredicate[]): RowPredicate {
  const [a, b, c] = tests;
  if (!a) return () => true;
  if (!b) return a;
  if (!c) return (i) => a(i) && b(i);
  if (tests.length === 3) return (i) => a(i) && b(i) && c(i);
  return (i) => {
    for (const test of tests) if (!test(i)) return false;
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
