/**
 * Reads the rows of a unit table (目标分解表, 完成情况表, or both in one 通报附表) once its columns are planned:
 * units, 合计/小计 rows, section rows (一、街道), rows left out of the assessment (不参与考核), units merged over
 * two rows, and tables that give each unit a 目标 row and a 完成 row.
 */
import { cellAt, type CellValue, type SheetGrid, toA1 } from "../grid";
import type { Issue } from "../issues";
import type { ScoreAdjustment, SourcedValue, UnitRow, UnitTable } from "../model";
import { normalizeText } from "../text";
import { readAmount, type Amount } from "./amounts";
import { readNumberCell, textOf } from "./cell-values";
import type { HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import { isExclusionNote, isSectionLabel, sectionName } from "./lexicon";
import { measureOf } from "./measure-words";
import type { MergedCells } from "./merged-cells";
import {
  isBreakdownLabel,
  isFootnote,
  isProse,
  isStatisticLabel,
  isTotalLabel,
} from "./row-labels";
import type { ColumnPlan, FigureColumn, PeriodPart } from "./table-columns";

export type TableData = Omit<UnitTable, "role">;

/** A unit cell someone typed spaces into: blank to the eye, so its row would vanish without a word. */
const isSpacesOnly = (v: CellValue): boolean =>
  typeof v === "string" && v !== "" && v.trim() === "";

/** Where the labels of a unit table are. */
export interface TableShape {
  readonly unitColumn: number;
  readonly seqColumn: number | null;
  readonly groupColumn: number | null;
  readonly remarksColumn: number | null;
  /** A column saying, per row, whether the row holds the unit's 目标 or its 完成 (units merged over two rows). */
  readonly rowMeasureColumn: number | null;
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

/** Row kinds of a table whose rows alternate 目标 / 完成 per unit. */
function rowMeasure(
  merged: MergedCells,
  r: number,
  col: number | null
): "target" | "actual" | "other" | null {
  if (col === null) return null;
  const m = measureOf(normalizeText(textOf(merged.value(r, col))));
  return m === "target" ? "target" : m === "actual" ? "actual" : "other";
}

class FigureReader {
  constructor(
    private readonly sheet: SheetGrid,
    private readonly asOfMonth: number | null,
    private readonly issues: Issue[]
  ) {}

  private amount(r: number, col: number, f: FigureColumn): Amount {
    return readAmount(this.sheet.rows[r]?.[col] ?? null, {
      sheet: this.sheet.name,
      row: r,
      col,
      field: f.key,
      unit: f.unit,
      quantity: f.quantity,
      issues: this.issues,
    });
  }

  /**
   * One figure of row `r`: its cell, or read from its period cells begun by the as-of month. Periods that
   * follow each other (一季度, 二季度 …) are added; a running total (上半年, 前三季度) stands for the periods it
   * covers, so from the first month on, the widest filled span is taken and the next one starts after it.
   */
  read(r: number, f: FigureColumn): SourcedValue {
    const at = { sheet: this.sheet.name, cell: toA1(r, f.col) };
    if (f.parts === null) {
      const a = this.amount(r, f.col, f);
      return { ...a, blocked: a.blocked || f.blocked, ...at };
    }
    const begun = f.parts
      .filter((p) => this.asOfMonth === null || p.start <= this.asOfMonth)
      .map((p) => ({ part: p, amount: this.amount(r, p.col, f) }));
    // A running total reaching past the quarter in progress belongs to a later report (前三季度 in May).
    const reach = this.asOfMonth === null ? 12 : Math.ceil(this.asOfMonth / 3) * 3;
    let sum: number | null = null;
    let lastCol = f.parts[0]?.col ?? f.col;
    for (let covered = 0; ;) {
      const next =
        widestNext(
          begun.filter((b) => b.part.end <= reach),
          covered
        ) ?? widestNext(begun, covered);
      if (!next) break;
      sum = (sum ?? 0) + (next.amount.value as number);
      lastCol = next.part.col;
      covered = next.part.end;
    }
    const value = sum === null ? null : Number(sum.toPrecision(12));
    return {
      value,
      notApplicable: begun.every((b) => b.amount.notApplicable) && value === null,
      blocked: f.blocked || begun.some((b) => b.amount.blocked),
      sheet: this.sheet.name,
      cell: toA1(r, lastCol),
    };
  }
}

/** The filled period starting first after month `covered`, the widest of those starting then. */
function widestNext<T extends { part: PeriodPart; amount: { value: number | null } }>(
  begun: readonly T[],
  covered: number
): T | null {
  let best: T | null = null;
  for (const b of begun) {
    if (b.amount.value === null || b.part.start <= covered) continue;
    if (
      !best ||
      b.part.start < best.part.start ||
      (b.part.start === best.part.start && b.part.end > best.part.end)
    )
      best = b;
  }
  return best;
}

/** "（续表）", "续表", or a title line repeated after a page break. */
function isContinuedTitle(name: string): boolean {
  const n = normalizeText(name);
  return (
    /续表|续上表|接上表|\(续\)$/.test(n) || (n.length > 16 && /(表|情况|通报)(\(.*\))?$/.test(n))
  );
}

/** A row that says again what the header says (a header repeated under a page break). */
function repeatsHeader(block: HeaderBlock, merged: MergedCells, r: number): boolean {
  let same = 0;
  for (const c of block.columns) {
    const v = merged.value(r, c.col);
    if (typeof v !== "string" || v.trim() === "") continue;
    const n = normalizeText(v);
    if (c.levels.some((l) => l !== "" && n.startsWith(l)) || normalizeText(c.leaf) === n) same++;
  }
  return same >= 2 && same >= block.columns.length / 2;
}

const isEmptyFigure = (v: SourcedValue | undefined): boolean =>
  v === undefined || (v.value === null && !v.notApplicable && !v.blocked);

interface RowsOut {
  readonly units: UnitRow[];
  readonly totals: UnitRow[];
}

function points(raw: CellValue): number {
  const n = readNumberCell(raw);
  return n.kind === "number" ? n.value : 0;
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
 * Reads every data row of a planned table. `outputs` are the tables to fill (one for a plain sheet, targets and
 * actuals for a combined one), each with its figure columns.
 */
export function readUnitTable(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  shape: TableShape,
  plan: ColumnPlan,
  context: TableContext
): TableRead {
  const issues: Issue[] = mergesIntoData(sheet, block);
  const reader = new FigureReader(sheet, context.asOfMonth, issues);
  const combined = plan.targets.length > 0 && plan.actuals.length > 0;
  const rowPairs = shape.rowMeasureColumn !== null;
  const kind: TableRead["kind"] =
    rowPairs || combined
      ? "combined"
      : plan.targets.length > 0
        ? "targets"
        : plan.actuals.length > 0
          ? "actuals"
          : "plain";
  const primaryFigures = rowPairs
    ? [...plan.plain, ...plan.targets]
    : kind === "combined" || kind === "targets"
      ? [...plan.targets, ...plan.plain]
      : kind === "actuals"
        ? [...plan.actuals, ...plan.plain]
        : plan.plain;
  const secondaryFigures = rowPairs
    ? [...plan.plain, ...plan.targets]
    : kind === "combined"
      ? plan.actuals
      : [];
  const outs: RowsOut[] = [
    { units: [], totals: [] },
    { units: [], totals: [] },
  ];
  const pending = new Map<string, { target: UnitRow | null; actual: UnitRow | null }>();
  const excludedRows: number[] = [];
  const excludedUnits: string[] = [];
  let first = -1;
  let last = -1;
  let section: string | null = null;
  const rowWeights = new Map<string, number>();
  const text = (r: number, c: number | null): string =>
    c === null ? "" : textOf(merged.value(r, c));

  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    // "两车配套\n产业小组" wrapped with Alt+Enter is one name, shown and matched on one line.
    const name = text(r, shape.unitColumn).replace(/[ \t]*\r?\n[ \t]*/g, "");
    const label = name || text(r, shape.seqColumn) || textOf(merged.value(r, 0));
    const total = isTotalLabel(label) || (name !== "" && isTotalLabel(text(r, shape.seqColumn)));
    // "一、街道" may sit in the 序号 or first column with the unit cell empty.
    if (
      !total &&
      (isSectionLabel(normalizeText(name || label)) || isBareGroupRow(sheet, r, name || label))
    ) {
      section = sectionName(name || label);
      continue;
    }
    // Figures with no unit to credit them to are not dropped without a word.
    const numbered = (): boolean =>
      primaryFigures.some((f) => typeof sheet.rows[r]?.[f.col] === "number");
    if (!total && name === "" && isSpacesOnly(merged.value(r, shape.unitColumn)))
      issues.push(
        issueAt("unit_name_blank", "warning", sheet.name, r, shape.unitColumn, {
          zh: `第 ${r + 1} 行的单位名称只有空格，该行不计入考核`,
          en: `the unit name in row ${r + 1} is only spaces; the row is not assessed`,
        })
      );
    else if (!total && name === "" && !rowPairs && !isFootnote(label) && numbered())
      issues.push(
        issueAt("unit_name_blank", "warning", sheet.name, r, shape.unitColumn, {
          zh: `第 ${r + 1} 行有数字但没有单位名称，该行不计入考核`,
          en: `row ${r + 1} has figures but no unit name; the row is not assessed`,
        })
      );
    if (!total && (name === "" || isFootnote(name) || isStatisticLabel(name) || isProse(name)))
      continue;
    // "制表人： | 李娜 | 审核人： | 赵刚" under the table: a form line whose name sits in the unit column.
    if (!total && leadsWithFootnote(merged, r, shape.unitColumn)) continue;
    // "其中：兴隆综保区" (or 其中 in the 序号 column) breaks the unit above down: already counted in it.
    if (!total && (isBreakdownLabel(name) || isBreakdownLabel(text(r, shape.seqColumn)))) continue;
    // A page break repeats the title ("…（续表）") and the header rows: neither is a unit.
    if (!total && (isContinuedTitle(name) || repeatsHeader(block, merged, r))) continue;
    const norm = normalizeText(name);
    // "权重 | 40% | 40% | 20%" under the header weighs the indicators; it is no unit.
    if (!total && measureOf(norm) === "weight") {
      for (const f of primaryFigures) {
        const w = readNumberCell(sheet.rows[r]?.[f.col] ?? null);
        if (w.kind === "number" && w.value > 0) rowWeights.set(f.key, w.value);
      }
      continue;
    }
    if (
      !total &&
      shape.remarksColumn !== null &&
      isExclusionNote(normalizeText(text(r, shape.remarksColumn)))
    ) {
      excludedRows.push(r + 1);
      excludedUnits.push(norm);
      issues.push(
        issueAt("excluded_row", "info", sheet.name, r, shape.remarksColumn, {
          zh: `“${name}”标注为不参与考核，不计入排名和合计`,
          en: `"${name}" is marked as not assessed; left out of the ranking and the totals`,
        })
      );
      continue;
    }
    const area = merged.areaAt(r, shape.unitColumn);
    const continuation = !rowPairs && area !== null && area.top < r && area.bottom >= r;
    const measure = rowMeasure(merged, r, shape.rowMeasureColumn);
    if (measure === "other") continue;
    const figures = measure === "actual" ? secondaryFigures : primaryFigures;
    const values: Record<string, SourcedValue> = {};
    for (const f of figures) values[f.key] = reader.read(r, f);
    const secondary: Record<string, SourcedValue> = {};
    if (!rowPairs) for (const f of secondaryFigures) secondary[f.key] = reader.read(r, f);
    for (const f of plan.lastYear) values[`${f.key}@last_year`] = reader.read(r, f);
    const empty =
      figures.every((f) => isEmptyFigure(values[f.key])) &&
      secondaryFigures.every((f) => rowPairs || isEmptyFigure(secondary[f.key]));
    // The lower half of a unit name merged over two rows adds nothing of its own.
    if (continuation && empty) continue;
    if (
      !total &&
      empty &&
      (figures.length > 0 || secondaryFigures.length > 0) &&
      !context.knownUnits.has(norm) &&
      measure === null
    ) {
      // A name with no figures that no other sheet knows as a unit heads the rows below ("开发区").
      section = sectionName(name);
      continue;
    }
    const group =
      shape.groupColumn !== null ? text(r, shape.groupColumn) || null : total ? null : section;
    const rowName = total ? label : withoutScopeNote(name);
    const adjustment = readAdjustment(sheet, r, plan);
    const prev =
      plan.previousRank === null
        ? undefined
        : readNumberCell(sheet.rows[r]?.[plan.previousRank] ?? null);
    const base = {
      name: rowName,
      key: normalizeText(rowName),
      row: r,
      group,
      ...(adjustment ? { adjustment } : {}),
      ...(prev?.kind === "number" ? { previousRank: prev.value } : {}),
    };
    if (first < 0) first = r;
    last = r;
    if (rowPairs) {
      const entry = pending.get(base.key) ?? { target: null, actual: null };
      const row: UnitRow = { ...base, values };
      if (measure === "actual") entry.actual = row;
      else entry.target = row;
      if (!pending.has(base.key)) {
        pending.set(base.key, entry);
        (total ? outs[0]!.totals : outs[0]!.units).push(row);
      }
      continue;
    }
    (total ? outs[0]!.totals : outs[0]!.units).push({ ...base, values });
    if (secondaryFigures.length > 0)
      (total ? outs[1]!.totals : outs[1]!.units).push({ ...base, values: secondary });
  }

  if (rowPairs) {
    // Each unit's 目标 row is the primary table; its 完成 row, in the same order, the secondary.
    const rebuild = (rows: UnitRow[], pick: "target" | "actual"): UnitRow[] =>
      rows.flatMap((u) => {
        const row = pending.get(u.key)?.[pick];
        return row ? [row] : [];
      });
    const units = outs[0]!.units;
    const totals = outs[0]!.totals;
    outs[0] = { units: rebuild(units, "target"), totals: rebuild(totals, "target") };
    outs[1] = { units: rebuild(units, "actual"), totals: rebuild(totals, "actual") };
  }

  const unitLabels: Record<string, string> = {};
  for (const f of [...primaryFigures, ...secondaryFigures])
    if (f.unit) unitLabels[f.key] = f.unit.label;
  const lastYear: Record<string, string> = {};
  for (const f of plan.lastYear) lastYear[f.key] = `${f.key}@last_year`;
  // Weights written as shares (0.4 / 0.4 / 0.2, or 40% read as 0.4) are points out of 100.
  const shares = [...rowWeights.values()].every((w) => w <= 1);
  const weightOf = (f: FigureColumn): number | null =>
    f.weight ??
    (rowWeights.has(f.key)
      ? Number(((rowWeights.get(f.key) as number) * (shares ? 100 : 1)).toPrecision(12))
      : null);
  const table = (figures: readonly FigureColumn[], rows: RowsOut): TableData => ({
    sheet: sheet.name,
    headerRows: range(block.top, block.bottom),
    unitColumn: shape.unitColumn,
    groupColumn: shape.groupColumn,
    indicators: figures.map((f) => {
      const weight = weightOf(f);
      return {
        key: f.key,
        name: f.name,
        col: f.col,
        unit: f.unit,
        ...(weight !== null ? { weight } : {}),
      };
    }),
    units: rows.units,
    totals: rows.totals,
    ...(Object.keys(lastYear).length ? { lastYear } : {}),
    ...(excludedUnits.length ? { excluded: excludedUnits } : {}),
  });
  return {
    kind,
    primary: table(primaryFigures, outs[0]!),
    secondary: kind === "combined" ? table(secondaryFigures, outs[1]!) : null,
    dataRows: first < 0 ? null : { first: first + 1, last: last + 1 },
    totalRows: outs[0]!.totals.map((t) => t.row + 1),
    excludedRows,
    units: unitLabels,
    unrecognised: plan.unrecognised,
    issues,
  };
}

function readAdjustment(sheet: SheetGrid, r: number, plan: ColumnPlan): ScoreAdjustment | null {
  if (plan.bonus === null && plan.penalty === null) return null;
  const cells: string[] = [];
  const at = (c: number | null): number => {
    if (c === null) return 0;
    const v = points(sheet.rows[r]?.[c] ?? null);
    if (v !== 0) cells.push(`${sheet.name}!${toA1(r, c)}`);
    return Math.abs(v);
  };
  const bonus = at(plan.bonus);
  const penalty = at(plan.penalty);
  const reason = plan.reasons
    .map((c) => textOf(sheet.rows[r]?.[c] ?? null))
    .filter((t) => t !== "")
    .join("；");
  if (bonus === 0 && penalty === 0) return null;
  return { bonus, penalty, reason: reason || null, cells };
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

/** A cell left of the unit column labels the row as a form line (制表人：, 填报日期：, 联系电话：). */
function leadsWithFootnote(merged: MergedCells, r: number, unitColumn: number): boolean {
  for (let c = 0; c < unitColumn; c++) {
    const t = textOf(merged.value(r, c));
    if (t !== "" && isFootnote(t) && /[:：]\s*$/.test(t)) return true;
  }
  return false;
}

/** "街道" / "镇" / "开发区" alone on a row, nothing else in it: a group's heading without its numbering. */
const GROUP_WORD =
  /^(街道|镇|乡|乡镇|镇街|乡镇街道|县|县市|县\(市\)|县市区|区|城区|县区|开发区|园区|功能区|开发区\(园区\)|市直部门|市直单位|部门)$/;

function isBareGroupRow(sheet: SheetGrid, r: number, label: string): boolean {
  if (!GROUP_WORD.test(normalizeText(label))) return false;
  let filled = 0;
  for (const v of sheet.rows[r] ?? [])
    if (v !== null && !(typeof v === "string" && v.trim() === "")) filled++;
  return filled === 1;
}

/** "朝阳区（含朝阳经济开发区）" → "朝阳区": what a target covers is a note on the unit, not its name. */
function withoutScopeNote(name: string): string {
  return name.replace(/\s*[(（]\s*(?:含|包括|包含)[^()（）]*[)）]\s*$/, "") || name;
}
