/** A unit's figures as the workbook's ledgers compute them: the rules' aggregates over the ledger's columns. */
import { isoDay, isoDayMs, MS_PER_DAY } from "../grid/excel-date";
import type { Issue } from "../issues/types";
import { pickRows } from "../model/ledger-builder";
import {
  ledgerRowAt,
  UNREADABLE_FUNDS,
  UNREADABLE_INVESTMENT,
  type LedgerColumns,
} from "../model/ledger-columns";
import { ledgerColumns, ledgerRows } from "../model/ledger-sheet";
import type { LedgerRow, LedgerSheet } from "../model/tables";
import { type AggregateContext, filterPredicate } from "../rules/ledger-filter";
import { listsEachProjectOnce } from "../rules/ledger-projects";
import { LEDGER_AGGREGATES } from "../rules/registry";
import { DATE_FIELD_LABELS } from "../rules/labels";
import type { LedgerAggregateRule, LedgerFilter, RuleSet } from "../rules/schema";
import { StageIndex } from "../rules/stages";
import type { PlannedIndicator } from "./indicators";
import { assessIssue } from "./issue";
import { reportIdentities } from "./report-identity";

const FIELD_COLUMNS = {
  signedDate: "signed_date",
  registeredDate: "registered_date",
  startedDate: "started_date",
  producedDate: "produced_date",
  investment: "investment",
  fundsInPlace: "funds_in_place",
  foreignInvestment: "investment_foreign",
  // Falls back to the investment row by row: a ledger with an investment column can give it.
  agreedInvestment: "investment",
} as const;

/** Columns a filter reads; each entry lists alternatives (工业 from 是否工业项目 or from 项目类型). */
function filterColumns(f: LedgerFilter | undefined): (readonly string[])[] {
  if (!f) return [];
  const out: (readonly string[])[] = [];
  if ((f.minStage !== undefined || f.maxStage !== undefined) && f.dateField === undefined)
    out.push(["stage"]);
  if (f.dateField !== undefined) out.push([FIELD_COLUMNS[f.dateField]]);
  if (f.threshold) out.push(["investment"]);
  if (f.industrial !== undefined) out.push(["industrial", "industry"]);
  if (f.investorTypes) out.push(["investor_type"]);
  if (f.origins) out.push(["origin"]);
  return out;
}

export function ledgerSupports(sheet: LedgerSheet, agg: LedgerAggregateRule): boolean {
  const needed = [...filterColumns(agg.filter), ...filterColumns(agg.denominator)];
  if (agg.kind === "sum") needed.push([FIELD_COLUMNS[agg.field ?? "investment"]]);
  if (!needed.every((alternatives) => alternatives.some((c) => c in sheet.columns))) return false;
  if (agg.filter.origins && !saysOrigin(sheet)) return false;
  // 外资 (美元) figures from a ledger kept in 元: it can say nothing of them, which is not 0.
  return agg.filter.currency !== "USD" || ledgerColumns(sheet).currency.includes(1);
}

/** Words an origin column uses when it says whether an investor is from outside: 省外, 省内, 境外, 本地 … */
const ORIGIN_WORD = /[省市县区境域]外|[省市县区境]内|本地|外商|港澳台/;
const ORIGIN_SAMPLE = 2000;

/**
 * Whether a ledger's origin column says 省外 / 省内 and the like. One that names places (北京市, 江苏省) cannot
 * tell 省外 without knowing the home province: a 省外项目 count over it would be 0, silently, so it has no source.
 */
function saysOrigin(sheet: LedgerSheet): boolean {
  const c = ledgerColumns(sheet);
  const text = c.texts.origin;
  if (!text) return false;
  for (let i = 0; i < Math.min(c.length, ORIGIN_SAMPLE); i++) {
    const t = text(i);
    if (t !== null && ORIGIN_WORD.test(t)) return true;
  }
  return false;
}

/**
 * What 合同外资 sums over a ledger that cannot give it as named: dated by its 设立 / 注册 date where it keeps no
 * 签约日期 (a 外商投资企业台账 records each company as it is set up), its investment where it keeps no 外资
 * column of its own (one amount column, in 美元). The first a ledger supports, in that order.
 */
function foreignAlternatives(agg: LedgerAggregateRule): LedgerAggregateRule[] {
  if (agg.kind !== "sum" || agg.field !== "foreignInvestment") return [];
  const registered: LedgerAggregateRule | null =
    agg.filter.dateField === "signedDate"
      ? { ...agg, filter: { ...agg.filter, dateField: "registeredDate" } }
      : null;
  const invested = (a: LedgerAggregateRule): LedgerAggregateRule => ({ ...a, field: "investment" });
  return registered ? [registered, invested(agg), invested(registered)] : [invested(agg)];
}

/**
 * A ledger that re-reports its projects month by month counts each project as of its latest report up to the
 * as-of date; reports after it are not yet known. The report's date is its 报送月份, or — when the workbook keeps
 * one snapshot sheet per month (1月台账, 2月台账…) — the date its sheet states. Rows with neither all stay: a
 * project listed twice (增资, a second phase) still counts once where counting is by project.
 */
export function latestReportColumns(ledgers: readonly LedgerSheet[], asOf: string): LedgerColumns {
  // One ledger without report months (the usual case) is its own columns: the same validation has seen, so
  // what it learnt about them (listsEachProjectOnce) is reused, and a million rows are not copied.
  const only = ledgers.length === 1 ? ledgers[0] : undefined;
  if (only && ledgerColumns(only).reportDate === null) return ledgerColumns(only);
  // Validation (its notes) and the figures both ask: the rows are picked once.
  const memo = picked.get(ledgers);
  if (memo?.asOf === asOf) return memo.columns;
  const columns = pickLatest(ledgers, asOf);
  picked.set(ledgers, { asOf, columns });
  return columns;
}

const picked = new WeakMap<readonly LedgerSheet[], { asOf: string; columns: LedgerColumns }>();

function pickLatest(ledgers: readonly LedgerSheet[], asOf: string): LedgerColumns {
  const limit = isoDayMs(asOf);
  const snapshots = new Set(ledgers.flatMap((l) => (l.statedAsOf ? [l.statedAsOf] : []))).size > 1;
  type Pick = { readonly from: LedgerColumns; readonly i: number };
  const latest = new Map<string, Pick & { readonly at: number }>();
  const picks: Pick[] = [];
  const identity = reportIdentities(ledgers.map(ledgerColumns));
  for (const l of ledgers) {
    const from = ledgerColumns(l);
    const sheetDate = snapshots && l.statedAsOf ? isoDayMs(l.statedAsOf) : null;
    for (let i = 0; i < from.length; i++) {
      const reported = from.reportDate?.[i] ?? NaN;
      const at = Number.isNaN(reported) ? sheetDate : reported;
      const nameKey = from.nameKey[i] as string;
      if (at === null || nameKey === "") {
        picks.push({ from, i });
        continue;
      }
      if (at > limit) continue;
      const key = identity(from, i);
      const kept = latest.get(key);
      if (!kept || kept.at <= at) latest.set(key, { from, i, at });
    }
  }
  for (const pick of latest.values()) picks.push(pick);
  return pickRows(picks);
}

/**
 * What the rules' ledger aggregates are computed over: the ledgers' latest reports, the period counted (up to the
 * as-of date), the stage words; in 万元 (a copy with currency USD serves 万美元 indicators).
 */
export function ledgerContext(ledgers: readonly LedgerSheet[], rules: RuleSet): AggregateContext {
  const p = rules.period;
  const ledger = latestReportColumns(ledgers, p.asOf);
  return {
    ledger,
    stages: new StageIndex(rules.stages, rules.stageSynonyms),
    from: isoDayMs(p.start),
    to: isoDayMs(p.asOf < p.end ? p.asOf : p.end),
    exchangeRate: rules.exchangeRate,
    currency: "CNY",
    distinctProjects: listsEachProjectOnce(ledger),
  };
}

/** `latestReportColumns` as row objects. */
export function latestReports(ledgers: readonly LedgerSheet[], asOf: string): readonly LedgerRow[] {
  return ledgerRows(latestReportColumns(ledgers, asOf));
}

const NO_ROWS = new Int32Array(0);

/** The ledger rows of each unit key, in ledger order (one array of row indices per unit). */
function rowsByUnit(c: LedgerColumns): Map<string, Int32Array> {
  const groupOf = new Int32Array(c.units.length);
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  c.unitKeys.forEach((key, u) => {
    let g = byKey.get(key);
    if (g === undefined) byKey.set(key, (g = keys.push(key) - 1));
    groupOf[u] = g;
  });
  // One array of every row, unit after unit (a counting sort); each unit's list is its stretch of it.
  const starts = new Int32Array(keys.length + 1);
  for (let i = 0; i < c.length; i++)
    (starts[(groupOf[c.unit[i] as number] as number) + 1] as number)++;
  for (let g = 0; g < keys.length; g++)
    starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
  const order = new Int32Array(c.length);
  const next = starts.slice(0, keys.length);
  for (let i = 0; i < c.length; i++) {
    const g = groupOf[c.unit[i] as number] as number;
    order[(next[g] as number)++] = i;
  }
  return new Map(
    keys.map((key, g) => [key, order.subarray(starts[g] as number, starts[g + 1] as number)])
  );
}

/** The ledgers' side of a unit's figures: which aggregate an indicator can use, and its value per unit. */
export class LedgerFigures {
  private readonly ledger: LedgerColumns;
  private readonly rowsOf: Map<string, Int32Array>;
  /** One context per currency, reused across units so compiled filters are reused too. */
  private readonly ctx: Readonly<Record<"CNY" | "USD", AggregateContext>>;
  private readonly aggregates = new Map<LedgerAggregateRule, LedgerAggregateRule | null>();

  constructor(
    private readonly ledgers: readonly LedgerSheet[],
    private readonly rules: RuleSet,
    /** Where the warnings of a derived aggregate go (the assessor's issues, in the order they arise). */
    private readonly issues: Issue[]
  ) {
    const common = ledgerContext(ledgers, rules);
    this.ledger = common.ledger;
    this.rowsOf = rowsByUnit(this.ledger);
    this.ctx = { CNY: common, USD: { ...common, currency: "USD" } };
  }

  private context(ind: PlannedIndicator): AggregateContext {
    return this.ctx[ind.quantity === "money_usd" ? "USD" : "CNY"];
  }

  /** Whether a ledger can compute the indicator (it has the columns the aggregate reads). */
  canCompute(ind: PlannedIndicator): boolean {
    return this.aggregateOf(ind) !== undefined;
  }

  /**
   * The indicator's ledger aggregate as the workbook's ledgers can compute it. A ledger with stages and no
   * date column whose title states the period's year ("2024年新引进项目推进台账") holds this year's projects
   * only: it is counted by stage, and a warning says so.
   */
  private aggregateOf(ind: PlannedIndicator): LedgerAggregateRule | undefined {
    const agg = ind.rule.aggregate;
    if (!agg) return undefined;
    if (this.aggregates.has(agg)) return this.aggregates.get(agg) ?? undefined;
    let usable: LedgerAggregateRule | null = this.ledgers.some((l) => ledgerSupports(l, agg))
      ? agg
      : this.alternativeOf(agg, ind);
    const { dateField, ...dateless } = agg.filter;
    const p = this.rules.period;
    const year = p.start.slice(0, 4) === p.asOf.slice(0, 4) ? Number(p.asOf.slice(0, 4)) : null;
    // A 项目进展 sentence may still date the event in another year (2023年11月签约): that row is not this period's.
    const byStage = {
      ...agg,
      filter: { ...dateless, ...(dateField ? { notOutside: dateField } : {}) },
    };
    const ledger = this.ledgers.find((l) => l.statedYear === year && ledgerSupports(l, byStage));
    if (!usable && dateField !== undefined && dateless.minStage !== undefined && ledger) {
      usable = byStage;
      const date = [DATE_FIELD_LABELS[dateField] ?? dateField, dateField.replace(/Date$/, " date")];
      this.issues.push(
        assessIssue(
          "derived_indicator",
          "warning",
          ledger.sheet,
          "A1",
          `台账“${ledger.sheet}”没有${date[0]}列，“${ind.meta.name}”按项目阶段统计：表题注明为${year}年，台账中的项目都视为本期项目`,
          `ledger "${ledger.sheet}" has no ${date[1]} column, so "${ind.meta.name}" is counted by stage: its title states ${year}, so every project in it is taken as this period's`,
          ind.rule.key
        )
      );
    }
    this.aggregates.set(agg, usable);
    return usable ?? undefined;
  }

  /** A 合同外资 sum as the ledgers can give it (foreignAlternatives), said when it goes by another date. */
  private alternativeOf(
    agg: LedgerAggregateRule,
    ind: PlannedIndicator
  ): LedgerAggregateRule | null {
    for (const alt of foreignAlternatives(agg)) {
      const ledger = this.ledgers.find((l) => ledgerSupports(l, alt));
      if (!ledger) continue;
      if (alt.filter.dateField !== agg.filter.dateField)
        this.issues.push(
          assessIssue(
            "derived_indicator",
            "info",
            ledger.sheet,
            "A1",
            `台账“${ledger.sheet}”没有签约日期列，“${ind.meta.name}”按注册（设立）日期统计本期设立的企业`,
            `ledger "${ledger.sheet}" has no signing date column, so "${ind.meta.name}" counts the companies registered (set up) in the period`,
            ind.rule.key
          )
        );
      return alt;
    }
    return null;
  }

  /**
   * The ledger dates an indicator counts by (签约日期 for 签约项目), when the ledger has some and not one of them
   * falls in the period: the period is most likely wrong (no as-of given, a title without its year), not a
   * year in which nobody signed anything.
   */
  datesAllOutside(
    ind: PlannedIndicator
  ): { first: string; last: string; label: string; start: string; asOf: string } | null {
    const field = this.aggregateOf(ind)?.filter.dateField;
    if (field === undefined) return null;
    const { from, to } = this.ctx.CNY;
    const dates = this.ledger.dates[field];
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < this.ledger.length; i++) {
      const t = dates[i] as number;
      if (Number.isNaN(t)) continue;
      const day = Math.floor(t / MS_PER_DAY) * MS_PER_DAY;
      if (day >= from && day <= to) return null;
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    if (first === Infinity) return null;
    const iso = (ms: number): string => isoDay(new Date(ms));
    return {
      first: iso(first),
      last: iso(last),
      label: DATE_FIELD_LABELS[field] ?? field,
      start: iso(from),
      asOf: iso(to),
    };
  }

  /** The unit's figure by the indicator's aggregate; null when no ledger can compute it (never zero then). */
  value(unitKey: string, ind: PlannedIndicator): number | null {
    const agg = this.aggregateOf(ind);
    if (!agg) return null;
    const def = LEDGER_AGGREGATES[agg.kind];
    if (!def) return null;
    return def.compute(this.rowsOf.get(unitKey) ?? NO_ROWS, agg, this.context(ind));
  }

  /**
   * A project the indicator's aggregate would take whose amount is written but unreadable (协议投资额 待定 / 面议):
   * the unit's sum (or thresholded count) is not known, and must not be read as if the project were 0.
   */
  unreadableRow(unitKey: string, ind: PlannedIndicator): LedgerRow | null {
    const agg = this.aggregateOf(ind);
    if (!agg) return null;
    const field =
      agg.kind === "sum" ? (agg.field ?? "investment") : agg.filter.threshold ? "investment" : null;
    if (field !== "investment" && field !== "agreedInvestment" && field !== "fundsInPlace")
      return null;
    const bit = field === "fundsInPlace" ? UNREADABLE_FUNDS : UNREADABLE_INVESTMENT;
    if (((this.unreadableBits().get(unitKey) ?? 0) & bit) === 0) return null;
    const rows = this.rowsOf.get(unitKey) ?? NO_ROWS;
    const unreadable = this.ledger.unreadable;
    // Without the threshold, which an unreadable amount can neither pass nor fail.
    const { threshold: _threshold, ...filter } = agg.filter;
    const pass = filterPredicate(filter, this.context(ind));
    const found = rows.find((i) => ((unreadable[i] as number) & bit) !== 0 && pass(i));
    return found === undefined ? null : ledgerRowAt(this.ledger, found);
  }

  private unreadableOf: Map<string, number> | null = null;

  /** The `UNREADABLE_*` bits any row of each unit has: found in one pass, not per unit and indicator. */
  private unreadableBits(): Map<string, number> {
    if (this.unreadableOf) return this.unreadableOf;
    const bits = new Map<string, number>();
    const c = this.ledger;
    const byUnit = new Uint8Array(c.units.length);
    for (let i = 0; i < c.length; i++) {
      const u = c.unit[i] as number;
      byUnit[u] = (byUnit[u] as number) | (c.unreadable[i] as number);
    }
    byUnit.forEach((b, u) => {
      const key = c.unitKeys[u] as string;
      bits.set(key, (bits.get(key) ?? 0) | b);
    });
    return (this.unreadableOf = bits);
  }

  /** Where a ledger figure comes from, for the report. */
  source(unitKey: string): string {
    const n = this.rowsOf.get(unitKey)?.length ?? 0;
    return `${this.ledgers.map((l) => l.sheet).join("、")}（${n}行 / ${n} rows）`;
  }
}
