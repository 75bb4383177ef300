/** One unit's figures for one indicator: target, actual from the actuals sheet or the ledger, 同比, and the issues met. */
import { toA1 } from "../grid/address";
import { isoDay, isoDayMs, MS_PER_DAY } from "../grid/excel-date";
import type { Issue } from "../issues/types";
import type { IncompleteItem } from "../model/results";
import type { LedgerRow, LedgerSheet, SourcedValue, UnitRow, UnitTable } from "../model/tables";
import {
  type AggregateContext,
  filterPredicate,
  LEDGER_AGGREGATES,
  listsEachProjectOnce,
  projectKey,
} from "../rules/registry";
import { DATE_FIELD_LABELS } from "../rules/labels";
import type { LedgerAggregateRule, LedgerFilter, RuleSet } from "../rules/schema";
import { convertQuantity, type PlannedIndicator } from "./indicators";
import { assessIssue } from "./issue";
import { pairLastYearColumns } from "./last-year";
import { StageIndex } from "../rules/stages";

export interface FigureSources {
  readonly targets: UnitTable;
  readonly actuals: UnitTable | null;
  readonly ledgers: readonly LedgerSheet[];
  readonly rules: RuleSet;
  readonly lastYear?: UnitTable | null;
}

/** One indicator's figures for one unit, in base units of the indicator's quantity. */
/** Targets this small (in 万元, 万美元 or counts) are zero: dividing by them only makes noise or Infinity. */
export const ZERO_TARGET = 1e-9;
export const isZeroTarget = (t: number): boolean => Math.abs(t) < ZERO_TARGET;

export interface Figures {
  readonly target: number | null;
  readonly actual: number | null;
  readonly excluded: boolean;
  readonly targetSource: string | null;
  readonly actualSource: string | null;
  readonly yoy: number | null;
}

export const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits;
const at = (v: SourcedValue): string => `${v.sheet}!${v.cell}`;

const FIELD_COLUMNS = {
  signedDate: "signed_date",
  registeredDate: "registered_date",
  startedDate: "started_date",
  investment: "investment",
  fundsInPlace: "funds_in_place",
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
  return needed.every((alternatives) => alternatives.some((c) => c in sheet.columns));
}

/**
 * A ledger that re-reports its projects month by month counts each project as of its latest report up to the
 * as-of date; reports after it are not yet known. The report's date is its 报送月份, or — when the workbook keeps
 * one snapshot sheet per month (1月台账, 2月台账…) — the date its sheet states. Rows with neither all stay: a
 * project listed twice (增资, a second phase) still counts once where counting is by project.
 */
export function latestReports(ledgers: readonly LedgerSheet[], asOf: string): readonly LedgerRow[] {
  // One ledger without report months (the usual case) is its own rows: the same array validation has seen,
  // so what it learnt about them (listsEachProjectOnce) is reused, and a million rows are not copied.
  const only = ledgers.length === 1 ? ledgers[0] : undefined;
  if (only && only.rows.every((r) => !r.reportDate)) return only.rows;
  const limit = isoDayMs(asOf);
  const snapshots = new Set(ledgers.flatMap((l) => (l.statedAsOf ? [l.statedAsOf] : []))).size > 1;
  const latest = new Map<string, { row: LedgerRow; at: number }>();
  const rows: LedgerRow[] = [];
  for (const l of ledgers) {
    const sheetDate = snapshots && l.statedAsOf ? isoDayMs(l.statedAsOf) : null;
    for (const r of l.rows) {
      const at = r.reportDate?.getTime() ?? sheetDate;
      if (at === null || r.nameKey === "") {
        rows.push(r);
        continue;
      }
      if (at > limit) continue;
      const key = projectKey(r);
      const kept = latest.get(key);
      if (!kept || kept.at <= at) latest.set(key, { row: r, at });
    }
  }
  for (const { row } of latest.values()) rows.push(row);
  return rows;
}

export class UnitAssessor {
  private readonly ledgerRows = new Map<string, LedgerRow[]>();
  private readonly actualRows = new Map<string, UnitRow>();
  private readonly lastYearRows = new Map<string, UnitRow>();
  /** One context per currency, reused across units so compiled filters are reused too. */
  private readonly ctx: Readonly<Record<"CNY" | "USD", AggregateContext>>;
  readonly issues: Issue[] = [];
  /** Figures not scored for an error in their cell, each an item of the incomplete ranking. */
  readonly blocked: IncompleteItem[] = [];
  private readonly aggregates = new Map<LedgerAggregateRule, LedgerAggregateRule | null>();

  private readonly lastYearColumns: { actuals: Map<string, string>; targets: Map<string, string> };

  constructor(
    private readonly input: FigureSources,
    indicators: readonly { readonly key: string; readonly name: string }[] = []
  ) {
    // Recognition pairs "签约项目 › 去年同期" itself; a lone "去年同期签约项目" column is paired by its name.
    const paired = (table: UnitTable | null | undefined): Map<string, string> =>
      new Map([
        ...pairLastYearColumns(table?.indicators ?? [], indicators),
        ...Object.entries(table?.lastYear ?? {}),
      ]);
    this.lastYearColumns = { actuals: paired(input.actuals), targets: paired(input.targets) };
    const rows = latestReports(input.ledgers, input.rules.period.asOf);
    for (const r of rows) {
      const list = this.ledgerRows.get(r.unitKey);
      if (list) list.push(r);
      else this.ledgerRows.set(r.unitKey, [r]);
    }
    for (const u of input.actuals?.units ?? [])
      if (!this.actualRows.has(u.key)) this.actualRows.set(u.key, u);
    for (const u of input.lastYear?.units ?? [])
      if (!this.lastYearRows.has(u.key)) this.lastYearRows.set(u.key, u);
    const p = input.rules.period;
    const common = {
      stages: new StageIndex(input.rules.stages, input.rules.stageSynonyms),
      from: isoDayMs(p.start),
      to: isoDayMs(p.asOf < p.end ? p.asOf : p.end),
      exchangeRate: input.rules.exchangeRate,
      distinctProjects: listsEachProjectOnce(rows),
    };
    this.ctx = { CNY: { ...common, currency: "CNY" }, USD: { ...common, currency: "USD" } };
  }

  private columnQuantity(table: UnitTable | null | undefined, key: string) {
    return table?.indicators.find((c) => c.key === key)?.unit?.quantity ?? null;
  }

  /** Whether the actuals sheet has a column for the indicator (its cells may still be blank). */
  hasActualColumn(key: string): boolean {
    return this.input.actuals?.indicators.some((c) => c.key === key) ?? false;
  }

  /** Whether a ledger can compute the indicator (it has the columns the aggregate reads). */
  ledgerCanCompute(ind: PlannedIndicator): boolean {
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
    let usable: LedgerAggregateRule | null = this.input.ledgers.some((l) => ledgerSupports(l, agg))
      ? agg
      : null;
    const { dateField, ...dateless } = agg.filter;
    const p = this.input.rules.period;
    const year = p.start.slice(0, 4) === p.asOf.slice(0, 4) ? Number(p.asOf.slice(0, 4)) : null;
    const byStage = { ...agg, filter: dateless };
    const ledger = this.input.ledgers.find(
      (l) => l.statedYear === year && ledgerSupports(l, byStage)
    );
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
    let first = Infinity;
    let last = -Infinity;
    for (const rows of this.ledgerRows.values())
      for (const r of rows) {
        const d = r[field];
        if (d === null) continue;
        const day = Math.floor(d.getTime() / MS_PER_DAY) * MS_PER_DAY;
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

  /**
   * A figure left out for an error in its cell changes the unit's score, so the ranking is incomplete until
   * the cell is fixed (the issue on the cell says what is wrong with it).
   */
  private noteBlocked(
    unit: UnitRow,
    ind: PlannedIndicator,
    zh: string,
    en: string,
    v: SourcedValue
  ): void {
    this.blocked.push({
      kind: "unit",
      unit: unit.name,
      message_zh: `${unit.name}“${ind.meta.name}”的${zh}（${at(v)}）有错误，未计分，排名不完整`,
      message_en: `${unit.name}: the ${en} of "${ind.meta.name}" (${at(v)}) has an error and is not scored; the ranking is incomplete`,
    });
  }

  /** The unit's row of the actuals sheet, if it lists the unit. */
  actualRow(unit: UnitRow): UnitRow | undefined {
    return this.actualRows.get(unit.key);
  }

  /** Whether the actuals sheet lists the unit at all. */
  hasActualRow(unit: UnitRow): boolean {
    return this.actualRows.has(unit.key);
  }

  private ledgerValue(unit: UnitRow, ind: PlannedIndicator): number | null {
    // A ledger without the columns an aggregate reads says nothing about it (not zero).
    const agg = this.aggregateOf(ind);
    if (!agg) return null;
    const def = LEDGER_AGGREGATES[agg.kind];
    if (!def) return null;
    const v = def.compute(
      this.ledgerRows.get(unit.key) ?? [],
      agg,
      this.ctx[ind.quantity === "money_usd" ? "USD" : "CNY"]
    );
    return v === null ? null : v;
  }

  /**
   * A project the indicator's aggregate would take whose amount is written but unreadable (协议投资额 待定 / 面议):
   * the unit's sum (or thresholded count) is not known, and must not be read as if the project were 0.
   */
  private unreadableRow(unit: UnitRow, ind: PlannedIndicator): LedgerRow | null {
    const agg = this.aggregateOf(ind);
    if (!agg) return null;
    const field =
      agg.kind === "sum" ? (agg.field ?? "investment") : agg.filter.threshold ? "investment" : null;
    if (field !== "investment" && field !== "fundsInPlace") return null;
    const rows = this.ledgerRows.get(unit.key) ?? [];
    if (!rows.some((r) => r.unreadable?.includes(field))) return null;
    // Without the threshold, which an unreadable amount can neither pass nor fail.
    const { threshold: _threshold, ...filter } = agg.filter;
    const pass = filterPredicate(filter, this.ctx[ind.quantity === "money_usd" ? "USD" : "CNY"]);
    return rows.find((r) => r.unreadable?.includes(field) && pass(r)) ?? null;
  }

  private ledgerSource(unit: UnitRow): string {
    const n = this.ledgerRows.get(unit.key)?.length ?? 0;
    return `${this.input.ledgers.map((l) => l.sheet).join("、")}（${n}行 / ${n} rows）`;
  }

  private lastYearValue(unit: UnitRow, ind: PlannedIndicator): number | null {
    const rules = this.input.rules;
    const key = ind.rule.key;
    // A 去年同期 sheet first, then a 去年同期 column of the actuals sheet, then one of the targets sheet.
    const sources: [UnitTable | null | undefined, UnitRow | undefined, string | undefined][] = [
      [this.input.lastYear, this.lastYearRows.get(unit.key), key],
      [this.input.actuals, this.actualRows.get(unit.key), this.lastYearColumns.actuals.get(key)],
      [this.input.targets, unit, this.lastYearColumns.targets.get(key)],
    ];
    for (const [table, row, column] of sources) {
      const v = column === undefined ? undefined : row?.values[column];
      if (table && column !== undefined && v && v.value !== null && !v.blocked) {
        return convertQuantity(
          v.value,
          this.columnQuantity(table, column),
          ind.quantity,
          rules.exchangeRate
        );
      }
    }
    return null;
  }

  figures(unit: UnitRow, ind: PlannedIndicator): Figures {
    const { rules } = this.input;
    const key = ind.rule.key;
    const none: Figures = {
      target: null,
      actual: null,
      excluded: true,
      targetSource: null,
      actualSource: null,
      yoy: null,
    };
    let target: number | null;
    let targetSource: string | null = null;
    if (ind.column) {
      const t = unit.values[key];
      if (!t || t.notApplicable || t.value === null)
        return { ...none, targetSource: t ? at(t) : null };
      targetSource = at(t);
      if (t.blocked) {
        this.issues.push(
          assessIssue(
            "indicator_blocked",
            "warning",
            t.sheet,
            t.cell,
            `${unit.name}“${ind.meta.name}”的目标单元格有错误，该指标本次不计分`,
            `${unit.name}: the target of "${ind.meta.name}" has an error, so the indicator is not scored`,
            key
          )
        );
        this.noteBlocked(unit, ind, "目标", "target", t);
        return { ...none, targetSource };
      }
      target = t.value;
      if (isZeroTarget(target)) {
        this.issues.push(
          assessIssue(
            "zero_target",
            "info",
            t.sheet,
            t.cell,
            `${unit.name}“${ind.meta.name}”目标为0，不计算完成率，该指标不计分`,
            `${unit.name}: "${ind.meta.name}" has a zero target; no completion rate, not scored`,
            key
          )
        );
      }
    } else {
      target = (ind.rule.target ?? 0) * ind.factor;
    }

    const a = this.actualRows.get(unit.key)?.values[key];
    const fromSheet =
      a && !a.notApplicable && a.value !== null
        ? convertQuantity(
            a.value,
            this.columnQuantity(this.input.actuals, key),
            ind.quantity,
            rules.exchangeRate
          )
        : null;
    const fromLedger = this.ledgerValue(unit, ind);
    const useLedger =
      fromLedger !== null &&
      (ind.rule.source === "ledger" || fromSheet === null) &&
      !(a?.blocked && ind.rule.source === "actuals");
    const unreadable = useLedger ? this.unreadableRow(unit, ind) : null;
    if (unreadable) {
      const col = unreadable.columns["investment"] ?? unreadable.columns["funds_in_place"] ?? 0;
      const cell: SourcedValue = {
        value: null,
        notApplicable: false,
        blocked: true,
        sheet: unreadable.sheet,
        cell: toA1(unreadable.row, col),
      };
      this.issues.push(
        assessIssue(
          "indicator_blocked",
          "warning",
          cell.sheet,
          cell.cell,
          `${unit.name}“${ind.meta.name}”：台账中项目“${unreadable.name}”的金额无法读取，该指标本次不计分`,
          `${unit.name}: the amount of project "${unreadable.name}" in the ledger cannot be read, so "${ind.meta.name}" is not scored`,
          key
        )
      );
      this.noteBlocked(unit, ind, "台账金额", "ledger amount", cell);
      return { ...none, target, targetSource, actualSource: this.ledgerSource(unit) };
    }
    if (!useLedger && a?.blocked) {
      this.issues.push(
        assessIssue(
          "indicator_blocked",
          "warning",
          a.sheet,
          a.cell,
          `${unit.name}“${ind.meta.name}”的完成数单元格有错误，该指标本次不计分`,
          `${unit.name}: the actual of "${ind.meta.name}" has an error, so the indicator is not scored`,
          key
        )
      );
      this.noteBlocked(unit, ind, "完成数", "actual", a);
      return { ...none, target, targetSource, actualSource: at(a) };
    }
    if (fromSheet !== null && fromLedger !== null && a) {
      const diff = Math.abs(fromSheet - fromLedger);
      if (
        diff > 1e-9 &&
        diff > rules.sourceTolerance * Math.max(Math.abs(fromSheet), Math.abs(fromLedger))
      ) {
        const used = ind.rule.source === "ledger" ? "项目台账" : "完成情况表";
        const show = (x: number) => String(round(x / ind.factor, 4));
        this.issues.push(
          assessIssue(
            "source_disagreement",
            "warning",
            a.sheet,
            a.cell,
            `${unit.name}“${ind.meta.name}”：完成情况表为${show(fromSheet)}${ind.meta.unit}，项目台账统计为${show(fromLedger)}${ind.meta.unit}，按规则采用${used}`,
            `${unit.name} "${ind.meta.name}": actuals sheet ${show(fromSheet)}, ledger ${show(fromLedger)} (${ind.meta.unit}); the rule uses the ${ind.rule.source === "ledger" ? "ledger" : "actuals sheet"}`,
            key
          )
        );
      }
    }
    const actual = useLedger ? fromLedger : fromSheet;
    const actualSource = useLedger
      ? this.ledgerSource(unit)
      : a && fromSheet !== null
        ? at(a)
        : null;
    if (isZeroTarget(target)) return { ...none, target, actual, targetSource, actualSource };
    // Without the column or the unit's row, completeness reports the gap once; a blank cell is this unit's own.
    if (actual === null && a !== undefined) {
      const cell = a;
      this.issues.push(
        assessIssue(
          "missing_actual",
          "warning",
          cell?.sheet ?? this.input.targets.sheet,
          cell?.cell ?? `A${unit.row + 1}`,
          `${unit.name}“${ind.meta.name}”没有完成数，按0计`,
          `${unit.name}: no actual for "${ind.meta.name}", counted as 0`,
          key
        )
      );
    }
    const ly = actual === null ? null : this.lastYearValue(unit, ind);
    const yoy = ly !== null && ly > 0 && actual !== null ? actual / ly - 1 : null;
    return { target, actual, excluded: false, targetSource, actualSource, yoy };
  }
}
