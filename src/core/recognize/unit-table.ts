/**
 * Reads the rows of a unit table (目标分解表, 完成情况表, or both in one 通报附表) once its columns are planned:
 * units, 合计/小计 rows, section rows (一、街道), rows left out of the assessment (不参与考核), units merged over
 * two rows, and tables that give each unit a 目标 row and a 完成 row.
 */
import { cellAt, type SheetGrid, toA1 } from "../grid";
import type { Issue } from "../issues";
import type { MeasureUnit, SourcedValue, UnitRow, UnitTable } from "../model";
import { normalizeText } from "../text";
import { readNumberCell, textOf } from "./cell-values";
import { FigureReader } from "./figure-reader";
import type { HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import { isExclusionNote, isSectionLabel, sectionName } from "./lexicon";
import { measureOf } from "./measure-words";
import { unitByLabel } from "./measure-units";
import type { MergedCells } from "./merged-cells";
import { isAppendixHeading, isFootnote, isTotalLabel } from "./row-labels";
import type { ColumnPlan, FigureColumn } from "./table-columns";
import { isCurrentRow } from "./cumulative-rows";
import {
  isBareGroupRow,
  isSpacesOnly,
  namesNoUnit,
  readAdjustment,
  rowMeasure,
  withoutScopeNote,
  plainUnitName,
} from "./table-rows";

export type TableData = Omit<UnitTable, "role">;

/** Where the labels of a unit table are. */
export interface TableShape {
  readonly unitColumn: number;
  readonly seqColumn: number | null;
  readonly groupColumn: number | null;
  readonly remarksColumn: number | null;
  /** A column saying, per row, whether the row holds the unit's 目标 or its 完成 (units merged over two rows). */
  readonly rowMeasureColumn: number | null;
  /** A column saying, per row, 本月 or 累计: the 本月 rows are skipped (cumulative-rows.ts). */
  readonly rowPeriodColumn?: number | null;
}

export interface TableContext {
  /** Month of the as-of date (1..12), for summing 一季度…四季度 so far; null sums every period filled in. */
  readonly asOfMonth: number | null;
  /** Year of the as-of date, to tell "2023年1-9月" (last year) from "2024年1-9月". */
  readonly asOfYear?: number | null;
  /** Unit labels (normalised) the other sheets hold: a row with such a name and no figures is still a unit. */
  readonly knownUnits: ReadonlySet<string>;
}

export interface TableRead {
  /** What the headers say the sheet is; "plain" when they name only indicators (the sheet's role decides). */
  readonly kind: "targets" | "actuals" | "combined" | "plain";
  /** Targets (targets, combined), actuals (actuals) or the only table (plain). */
  readonly primary: TableData;
  /** The actuals of a combined sheet. */
  readonly secondary: TableData | null;
  readonly dataRows: { readonly first: number; readonly last: number } | null;
  readonly totalRows: readonly number[];
  /** 1-based rows marked 不参与考核. */
  readonly excludedRows: readonly number[];
  readonly units: Readonly<Record<string, string>>;
  readonly unrecognised: readonly string[];
  readonly issues: readonly Issue[];
}

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

const isEmptyFigure = (v: SourcedValue | undefined): boolean =>
  v === undefined || (v.value === null && !v.notApplicable && !v.blocked);

interface RowsOut {
  readonly units: UnitRow[];
  readonly totals: UnitRow[];
}

/**
 * A merge that starts in or above the header and reaches into the rows below it hides the header or the first
 * figures under its own text (a title merged over the header row): the table reads wrongly, so say which merge.
 */
function mergesIntoData(sheet: SheetGrid, block: HeaderBlock): Issue[] {
  return sheet.merges
    .filter((m) => m.top <= block.bottom && m.bottom > block.bottom && m.left < block.width)
    .slice(0, 3)
    .map((m) => {
      const range = `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`;
      const text = textOf(cellAt(sheet, m.top, m.left)).slice(0, 40) || "（空白 / blank）";
      return issueAt("merge_over_header", "error", sheet.name, m.top, m.left, {
        zh: `合并单元格 ${range} 从表头延伸到数据行，区域内各单元格都按“${text}”读取，表头或数据被遮住；请取消合并后再考核`,
        en: `the merged range ${range} reaches from the header into the data rows, so every cell in it reads as "${text}" and hides the header or figures; unmerge it and assess again`,
      });
    });
}

/**
 * The measure of a figure column: its header's, or — when the header states none — the one every filled cell
 * states itself ("15亿元", "20亿元"), so the figures show in 亿元 rather than in the 万元 they are held in.
 */
function unitOfColumn(f: FigureColumn, rows: RowsOut): MeasureUnit | null {
  if (f.unit) return f.unit;
  let label: string | null = null;
  for (const u of rows.units) {
    const v = u.values[f.key];
    if (!v || v.value === null) continue;
    if (v.ownUnit === undefined || (label !== null && v.ownUnit !== label)) return null;
    label = v.ownUnit;
  }
  return label === null ? null : unitByLabel(normalizeText(label));
}

/** Which figure columns fill the primary table and which the secondary, by what the headers say the sheet is. */
function figureSets(plan: ColumnPlan, rowPairs: boolean): FigureSets {
  const combined = plan.targets.length > 0 && plan.actuals.length > 0;
  if (rowPairs) {
    const both = [...plan.plain, ...plan.targets];
    return { kind: "combined", primary: both, secondary: both };
  }
  if (combined)
    return { kind: "combined", primary: [...plan.targets, ...plan.plain], secondary: plan.actuals };
  if (plan.targets.length > 0)
    return { kind: "targets", primary: [...plan.targets, ...plan.plain], secondary: [] };
  if (plan.actuals.length > 0)
    return { kind: "actuals", primary: [...plan.actuals, ...plan.plain], secondary: [] };
  return { kind: "plain", primary: plan.plain, secondary: [] };
}

interface FigureSets {
  readonly kind: TableRead["kind"];
  readonly primary: readonly FigureColumn[];
  readonly secondary: readonly FigureColumn[];
}

type RowBase = Omit<UnitRow, "values">;

/**
 * Collects unit and total rows into the primary and secondary tables. When each unit has a 目标 row and a 完成
 * row, the 目标 rows are the primary table and the 完成 rows, in the same order, the secondary.
 */
class RowCollector {
  private readonly outs: [RowsOut, RowsOut] = [
    { units: [], totals: [] },
    { units: [], totals: [] },
  ];
  private readonly pending = new Map<string, { target: UnitRow | null; actual: UnitRow | null }>();
  first = -1;
  last = -1;

  constructor(private readonly rowPairs: boolean) {}

  add(
    base: RowBase,
    total: boolean,
    measure: "target" | "actual" | null,
    values: Record<string, SourcedValue>,
    secondary: Record<string, SourcedValue> | null
  ): void {
    if (this.first < 0) this.first = base.row;
    this.last = base.row;
    const into = (out: RowsOut): UnitRow[] => (total ? out.totals : out.units);
    const row: UnitRow = { ...base, values };
    if (this.rowPairs) {
      const entry = this.pending.get(base.key) ?? { target: null, actual: null };
      if (measure === "actual") entry.actual = row;
      else entry.target = row;
      if (!this.pending.has(base.key)) {
        this.pending.set(base.key, entry);
        into(this.outs[0]).push(row);
      }
      return;
    }
    into(this.outs[0]).push(row);
    if (secondary) into(this.outs[1]).push({ ...base, values: secondary });
  }

  tables(): [RowsOut, RowsOut] {
    if (!this.rowPairs) return this.outs;
    const rebuild = (rows: UnitRow[], pick: "target" | "actual"): UnitRow[] =>
      rows.flatMap((u) => {
        const row = this.pending.get(u.key)?.[pick];
        return row ? [row] : [];
      });
    const { units, totals } = this.outs[0];
    return [
      { units: rebuild(units, "target"), totals: rebuild(totals, "target") },
      { units: rebuild(units, "actual"), totals: rebuild(totals, "actual") },
    ];
  }
}

/** Reads the rows under a planned table's header, one at a time, keeping the section a row falls under. */
class TableRowsReader {
  readonly issues: Issue[];
  readonly sets: FigureSets;
  readonly collector: RowCollector;
  readonly excludedRows: number[] = [];
  readonly excludedUnits: string[] = [];
  readonly rowWeights = new Map<string, number>();
  private readonly reader: FigureReader;
  private readonly rowPairs: boolean;
  private section: string | null = null;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly merged: MergedCells,
    private readonly block: HeaderBlock,
    private readonly shape: TableShape,
    private readonly plan: ColumnPlan,
    private readonly context: TableContext
  ) {
    this.issues = mergesIntoData(sheet, block);
    this.reader = new FigureReader(sheet, context.asOfMonth, this.issues);
    this.rowPairs = shape.rowMeasureColumn !== null;
    this.sets = figureSets(plan, this.rowPairs);
    this.collector = new RowCollector(this.rowPairs);
  }

  private text(r: number, c: number | null): string {
    return c === null ? "" : textOf(this.merged.value(r, c));
  }

  readAll(): void {
    for (let r = this.block.bottom + 1; r < this.sheet.rows.length; r++) {
      if (this.endsHere(r)) break;
      this.readRow(r);
    }
  }

  /** An 附：… heading (in the unit or first column) closes the table: the rows under it are an appendix. */
  private endsHere(r: number): boolean {
    return (
      isAppendixHeading(this.text(r, this.shape.unitColumn)) ||
      isAppendixHeading(textOf(this.merged.value(r, 0)))
    );
  }

  private readRow(r: number): void {
    const { shape } = this;
    // "两车配套\n产业小组" wrapped with Alt+Enter is one name, shown and matched on one line.
    const cell = this.text(r, shape.unitColumn).replace(/[ \t]*\r?\n[ \t]*/g, "");
    const seqText = this.text(r, shape.seqColumn);
    const label = cell || seqText || textOf(this.merged.value(r, 0));
    const total = isTotalLabel(label) || (cell !== "" && isTotalLabel(seqText));
    const name = total ? cell : plainUnitName(cell);
    if (!total) {
      // "一、街道" may sit in the 序号 or first column with the unit cell empty.
      if (
        isSectionLabel(normalizeText(name || label)) ||
        isBareGroupRow(this.sheet, r, name || label)
      ) {
        this.section = sectionName(name || label);
        return;
      }
      if (name === "") this.warnBlankName(r, label);
      if (namesNoUnit(this.block, this.merged, r, name, seqText, shape.unitColumn)) return;
      if (this.readWeightRow(r, normalizeText(name))) return;
      if (this.readExclusion(r, name)) return;
      if (this.readHiddenRow(r, name)) return;
    }
    this.readUnitRow(r, name, label, total);
  }

  /** Figures with no unit to credit them to are not dropped without a word. */
  private warnBlankName(r: number, label: string): void {
    const { sheet, shape } = this;
    const numbered = (): boolean =>
      this.sets.primary.some((f) => typeof sheet.rows[r]?.[f.col] === "number");
    if (isSpacesOnly(this.merged.value(r, shape.unitColumn)))
      this.issues.push(
        issueAt("unit_name_blank", "warning", sheet.name, r, shape.unitColumn, {
          zh: `第 ${r + 1} 行的单位名称只有空格，该行不计入考核`,
          en: `the unit name in row ${r + 1} is only spaces; the row is not assessed`,
        })
      );
    else if (!this.rowPairs && !isFootnote(label) && numbered())
      this.issues.push(
        issueAt("unit_name_blank", "warning", sheet.name, r, shape.unitColumn, {
          zh: `第 ${r + 1} 行有数字但没有单位名称，该行不计入考核`,
          en: `row ${r + 1} has figures but no unit name; the row is not assessed`,
        })
      );
  }

  /** "权重 | 40% | 40% | 20%" under the header weighs the indicators; it is no unit. */
  private readWeightRow(r: number, norm: string): boolean {
    if (measureOf(norm) !== "weight") return false;
    for (const f of this.sets.primary) {
      const w = readNumberCell(this.sheet.rows[r]?.[f.col] ?? null);
      if (w.kind === "number" && w.value > 0) this.rowWeights.set(f.key, w.value);
    }
    return true;
  }

  private readExclusion(r: number, name: string): boolean {
    const col = this.shape.remarksColumn;
    if (col === null || !isExclusionNote(normalizeText(this.text(r, col)))) return false;
    this.excludedRows.push(r + 1);
    this.excludedUnits.push(normalizeText(name));
    this.issues.push(
      issueAt("excluded_row", "info", this.sheet.name, r, col, {
        zh: `“${name}”标注为不参与考核，不计入排名和合计`,
        en: `"${name}" is marked as not assessed; left out of the ranking and the totals`,
      })
    );
    return true;
  }

  /**
   * A unit row the clerk hid, by hand or with an AutoFilter (类型 = 产业小组), is not shown in the table sent round:
   * like a row marked 不参与考核 it is left out of the ranking and the totals, and said so.
   */
  private readHiddenRow(r: number, name: string): boolean {
    if (name === "" || !this.sheet.hiddenRows?.has(r)) return false;
    this.excludedRows.push(r + 1);
    this.excludedUnits.push(normalizeText(name));
    this.issues.push(
      issueAt("excluded_row", "info", this.sheet.name, r, this.shape.unitColumn, {
        zh: `“${name}”所在行已隐藏（手动隐藏或筛选），不计入排名和合计`,
        en: `the row of "${name}" is hidden (by hand or by a filter); left out of the ranking and the totals`,
      })
    );
    return true;
  }

  private readUnitRow(r: number, name: string, label: string, total: boolean): void {
    const { sheet, shape, plan, sets, rowPairs } = this;
    const area = this.merged.areaAt(r, shape.unitColumn);
    const continuation = !rowPairs && area !== null && area.top < r && area.bottom >= r;
    const measure = rowMeasure(this.merged, r, shape.rowMeasureColumn);
    if (measure === "other" || isCurrentRow(this.merged, r, shape.rowPeriodColumn ?? null)) return;
    const figures = measure === "actual" ? sets.secondary : sets.primary;
    const values: Record<string, SourcedValue> = {};
    for (const f of figures) values[f.key] = this.reader.read(r, f);
    const secondary: Record<string, SourcedValue> = {};
    if (!rowPairs) for (const f of sets.secondary) secondary[f.key] = this.reader.read(r, f);
    for (const f of plan.lastYear) values[`${f.key}@last_year`] = this.reader.read(r, f);
    const empty =
      figures.every((f) => isEmptyFigure(values[f.key])) &&
      sets.secondary.every((f) => rowPairs || isEmptyFigure(secondary[f.key]));
    // The lower half of a unit name merged over two rows adds nothing of its own.
    if (continuation && empty) return;
    const norm = normalizeText(name);
    if (
      !total &&
      empty &&
      (figures.length > 0 || sets.secondary.length > 0) &&
      !this.context.knownUnits.has(norm) &&
      measure === null
    ) {
      // A name with no figures that no other sheet knows as a unit heads the rows below ("开发区").
      this.section = sectionName(name);
      return;
    }
    const group =
      shape.groupColumn !== null
        ? this.text(r, shape.groupColumn) || null
        : total
          ? null
          : this.section;
    const rowName = total ? label : withoutScopeNote(name);
    const adjustment = readAdjustment(sheet, r, plan, this.issues);
    const prev =
      plan.previousRank === null
        ? undefined
        : readNumberCell(sheet.rows[r]?.[plan.previousRank] ?? null);
    const base: RowBase = {
      name: rowName,
      key: normalizeText(rowName),
      row: r,
      group,
      ...(adjustment ? { adjustment } : {}),
      ...(prev?.kind === "number" ? { previousRank: prev.value } : {}),
    };
    this.collector.add(base, total, measure, values, sets.secondary.length > 0 ? secondary : null);
  }

  /** The indicators of a table with their points: stated in the header, or in a 权重 row under it. */
  indicators(figures: readonly FigureColumn[], rows: RowsOut): TableData["indicators"] {
    // Weights written as shares (0.4 / 0.4 / 0.2, or 40% read as 0.4) are points out of 100.
    const shares = [...this.rowWeights.values()].every((w) => w <= 1);
    return figures.map((f) => {
      const stated = this.rowWeights.get(f.key);
      const weight =
        f.weight ??
        (stated !== undefined ? Number((stated * (shares ? 100 : 1)).toPrecision(12)) : null);
      return {
        key: f.key,
        name: f.name,
        col: f.col,
        unit: unitOfColumn(f, rows),
        ...(weight !== null ? { weight } : {}),
      };
    });
  }
}

/**
 * Reads every data row of a planned table into its primary table (targets, actuals or the only one) and, for a
 * combined sheet, the secondary table of actuals.
 */
export function readUnitTable(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  shape: TableShape,
  plan: ColumnPlan,
  context: TableContext
): TableRead {
  const rows = new TableRowsReader(sheet, merged, block, shape, plan, context);
  rows.readAll();
  const { kind, primary, secondary } = rows.sets;
  const [primaryRows, secondaryRows] = rows.collector.tables();
  const lastYear: Record<string, string> = {};
  for (const f of plan.lastYear) lastYear[f.key] = `${f.key}@last_year`;
  const table = (figures: readonly FigureColumn[], out: RowsOut): TableData => ({
    sheet: sheet.name,
    headerRows: range(block.top, block.bottom),
    unitColumn: shape.unitColumn,
    groupColumn: shape.groupColumn,
    indicators: rows.indicators(figures, out),
    units: out.units,
    totals: out.totals,
    ...(Object.keys(lastYear).length ? { lastYear } : {}),
    ...(rows.excludedUnits.length ? { excluded: rows.excludedUnits } : {}),
  });
  const primaryTable = table(primary, primaryRows);
  const secondaryTable = kind === "combined" ? table(secondary, secondaryRows) : null;
  const unitLabels: Record<string, string> = {};
  for (const t of [primaryTable, secondaryTable])
    for (const i of t?.indicators ?? []) if (i.unit) unitLabels[i.key] = i.unit.label;
  const { first, last } = rows.collector;
  return {
    kind,
    primary: primaryTable,
    secondary: secondaryTable,
    dataRows: first < 0 ? null : { first: first + 1, last: last + 1 },
    totalRows: primaryRows.totals.map((t) => t.row + 1),
    excludedRows: rows.excludedRows,
    units: unitLabels,
    unrecognised: plan.unrecognised,
    issues: rows.issues,
  };
}

/**
 * A unit listed twice has no single figure: every value of both rows is blocked (the duplicate itself is
 * reported by validation), so the engine scores the other units and leaves this one out.
 */
export function blockDuplicateUnits<T extends Omit<UnitTable, "role">>(table: T): T {
  const count = new Map<string, number>();
  for (const u of table.units) count.set(u.key, (count.get(u.key) ?? 0) + 1);
  if (table.units.every((u) => count.get(u.key) === 1)) return table;
  const units = table.units.map((u) => {
    if (count.get(u.key) === 1) return u;
    const values: Record<string, SourcedValue> = {};
    for (const [k, v] of Object.entries(u.values)) values[k] = { ...v, blocked: true };
    return { ...u, values };
  });
  return { ...table, units };
}
