/** One unit's figures for one indicator: target, actual from the actuals sheet or the ledger, 同比, and the issues met. */
import { toA1 } from "../grid/address";
import type { Issue } from "../issues/types";
import type { IncompleteItem } from "../model/results";
import type { LedgerRow, LedgerSheet, SourcedValue, UnitRow, UnitTable } from "../model/tables";
import type { RuleSet } from "../rules/schema";
import { convertQuantity, type PlannedIndicator } from "./indicators";
import { assessIssue } from "./issue";
import { pairLastYearColumns } from "./last-year";
import { LedgerFigures } from "./ledger-figures";

export { latestReports } from "./ledger-figures";

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

/** The figures of an indicator left out for this unit. */
const NONE: Figures = {
  target: null,
  actual: null,
  excluded: true,
  targetSource: null,
  actualSource: null,
  yoy: null,
};

export const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits;
const at = (v: SourcedValue): string => `${v.sheet}!${v.cell}`;

export class UnitAssessor {
  private readonly ledger: LedgerFigures;
  private readonly actualRows = new Map<string, UnitRow>();
  private readonly lastYearRows = new Map<string, UnitRow>();
  readonly issues: Issue[] = [];
  /** Figures not scored for an error in their cell, each an item of the incomplete ranking. */
  readonly blocked: IncompleteItem[] = [];
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
    this.ledger = new LedgerFigures(input.ledgers, input.rules, this.issues);
    for (const u of input.actuals?.units ?? [])
      if (!this.actualRows.has(u.key)) this.actualRows.set(u.key, u);
    for (const u of input.lastYear?.units ?? [])
      if (!this.lastYearRows.has(u.key)) this.lastYearRows.set(u.key, u);
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
    return this.ledger.canCompute(ind);
  }

  /** The ledger dates an indicator counts by, when none of them falls in the period (LedgerFigures'). */
  datesAllOutside(
    ind: PlannedIndicator
  ): { first: string; last: string; label: string; start: string; asOf: string } | null {
    return this.ledger.datesAllOutside(ind);
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

  /** The unit's target, or its figures when the target leaves the indicator out (blank, 不适用, an error). */
  private targetOf(
    unit: UnitRow,
    ind: PlannedIndicator
  ): { readonly target: number; readonly targetSource: string | null } | Figures {
    const key = ind.rule.key;
    if (!ind.column) return { target: (ind.rule.target ?? 0) * ind.factor, targetSource: null };
    const t = unit.values[key];
    if (!t) return { ...NONE, targetSource: null };
    const targetSource = at(t);
    // A cell with an error (a negative figure, 增长15%) holds no value, yet is no blank: it blocks, never n/a.
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
      return { ...NONE, targetSource };
    }
    if (t.notApplicable || t.value === null) return { ...NONE, targetSource };
    if (isZeroTarget(t.value)) {
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
    return { target: t.value, targetSource };
  }

  /** The ledger's figure is not known: a project it would take has an unreadable amount (LedgerFigures'). */
  private blockedByLedger(unit: UnitRow, ind: PlannedIndicator, unreadable: LedgerRow): void {
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
        ind.rule.key
      )
    );
    this.noteBlocked(unit, ind, "台账金额", "ledger amount", cell);
  }

  /** The actuals sheet and the ledger disagree beyond the rules' tolerance: said, and the rule's source used. */
  private noteDisagreement(
    unit: UnitRow,
    ind: PlannedIndicator,
    a: SourcedValue,
    fromSheet: number,
    fromLedger: number
  ): void {
    const diff = Math.abs(fromSheet - fromLedger);
    const tolerance = this.input.rules.sourceTolerance;
    if (!(diff > 1e-9 && diff > tolerance * Math.max(Math.abs(fromSheet), Math.abs(fromLedger))))
      return;
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
        ind.rule.key
      )
    );
  }

  figures(unit: UnitRow, ind: PlannedIndicator): Figures {
    const { rules } = this.input;
    const key = ind.rule.key;
    const t = this.targetOf(unit, ind);
    if ("excluded" in t) return t;
    const { target, targetSource } = t;
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
    const fromLedger = this.ledger.value(unit.key, ind);
    const useLedger =
      fromLedger !== null &&
      (ind.rule.source === "ledger" || fromSheet === null) &&
      !(a?.blocked && ind.rule.source === "actuals");
    const unreadable = useLedger ? this.ledger.unreadableRow(unit.key, ind) : null;
    if (unreadable) {
      this.blockedByLedger(unit, ind, unreadable);
      return { ...NONE, target, targetSource, actualSource: this.ledger.source(unit.key) };
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
      return { ...NONE, target, targetSource, actualSource: at(a) };
    }
    if (fromSheet !== null && fromLedger !== null && a)
      this.noteDisagreement(unit, ind, a, fromSheet, fromLedger);
    const actual = useLedger ? fromLedger : fromSheet;
    const actualSource = useLedger
      ? this.ledger.source(unit.key)
      : a && fromSheet !== null
        ? at(a)
        : null;
    if (isZeroTarget(target)) return { ...NONE, target, actual, targetSource, actualSource };
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
