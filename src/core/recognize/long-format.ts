/**
 * One row per unit and indicator, as report systems export them: 县区 (merged over its rows) | 考核指标 |
 * 计量单位 | 年度目标 | 1-9月完成 | 完成率. Recognition reads units as rows, so such a sheet is turned into the
 * usual wide table (one row per unit, a header group per indicator) before it is read, and every address
 * found on the wide table is taken back to the cell of the sheet the user sees (long-format-origin.ts).
 */
import type { CellRange, CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { toA1 } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import { findHeaderBlock, type HeaderBlock } from "./header-block";
import { measureOf, type Measure } from "./measure-words";
import { unitByLabel } from "./measure-units";
import { MergedCells } from "./merged-cells";

/** A long sheet turned wide, and where each wide cell came from. */
export interface LongFormatSheet {
  readonly wide: SheetGrid;
  /** 0-based wide (row, col) → 0-based row and column of the user's sheet. */
  readonly origin: (row: number, col: number) => { readonly row: number; readonly col: number };
  readonly originRow: (row: number) => number;
  readonly originCol: (col: number) => number;
  /**
   * A sheet read on its side (sideways.ts) has no column per field: a wide column is named by the user's cell
   * that heads it ("A5", the indicator's label), and a unit by its header cell.
   */
  readonly columnCell?: (col: number) => string;
  /** The user's cell naming the unit of a wide row, where a row's blocks sit in other columns (two-up.ts). */
  readonly nameCellOf?: (row: number, unitColumn: number) => string;
  /** The cell naming the sheet's one unit (a unit's own report, unit-sheets.ts): its 填报单位 line or A1. */
  readonly nameCell?: string;
  /** What turning the sheet found to say (in the wide sheet's cells; origin takes them back). */
  readonly issues?: readonly Issue[];
  /** The user's header rows and the rows of the figures (1-based), when no wide row maps to one. */
  readonly rowsOfReport?: {
    readonly headerRows: readonly number[];
    readonly dataRows: { readonly first: number; readonly last: number };
  };
}

export const INDICATOR_HEADER =
  /^(考核)?指标(名称)?$|^(主要|考核|经济)指标$|^考核(内容|项目|事项)$|^(indicator|metric|kpi|measure)s?(name)?$/;
export const MEASURE_UNIT_HEADER = /^计量单位$|^单位$|^(unit|uom|unitofmeasure)$/;
/** What a column of the long table holds per indicator row. */
export const PER_INDICATOR: ReadonlySet<Measure> = new Set<Measure>([
  "target",
  "actual",
  "rate",
  "last_year",
  "yoy",
  "period",
  "current",
  "gap",
  "stretch",
  "score",
  "rank",
  "weight",
  "progress",
]);
const MAX_INDICATORS = 20;

interface Shape {
  readonly block: HeaderBlock;
  readonly indicatorCol: number;
  readonly measureUnitCol: number | null;
  readonly measureCols: readonly number[];
  readonly keyCols: readonly number[];
}

interface UnitGroup {
  readonly first: number;
  /** Indicator name → its row. */
  readonly rows: Map<string, number>;
}

/** The sheet read wide, or null when it is not one row per unit and indicator. */
export function longFormatSheet(sheet: SheetGrid): LongFormatSheet | null {
  const merged = new MergedCells(sheet);
  const block = findHeaderBlock(sheet, merged);
  if (!block) return null;
  const shape = shapeOf(sheet, merged, block);
  if (!shape) return null;
  const groups = unitGroups(sheet, merged, shape);
  const indicators = indicatorsOf(merged, shape, groups);
  if (!indicators) return null;
  return widen(sheet, merged, shape, groups, indicators);
}

function shapeOf(sheet: SheetGrid, merged: MergedCells, block: HeaderBlock): Shape | null {
  const indicator = block.columns.find((c) => INDICATOR_HEADER.test(c.leafNorm) && c.group === "");
  if (!indicator) return null;
  const measureCols: number[] = [];
  let measureUnitCol: number | null = null;
  const keyCols: number[] = [];
  for (const c of block.columns) {
    if (c.col === indicator.col) continue;
    const m = measureOf(c.leafNorm);
    if (m !== null && PER_INDICATOR.has(m)) measureCols.push(c.col);
    else if (MEASURE_UNIT_HEADER.test(c.leafNorm) && holdsMeasureUnits(sheet, merged, block, c.col))
      measureUnitCol = c.col;
    else keyCols.push(c.col);
  }
  const measures = measureCols.map((c) => measureOf(leafOf(block, c)));
  if (!measures.includes("target") && !measures.includes("actual")) return null;
  if (keyCols.length === 0) return null;
  return { block, indicatorCol: indicator.col, measureUnitCol, measureCols, keyCols };
}

function leafOf(block: HeaderBlock, col: number): string {
  return block.columns.find((c) => c.col === col)?.leafNorm ?? "";
}

/** "单位" is also what a unit column is called: here it must hold 个 / 亿元 / 万美元. */
export function holdsMeasureUnits(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  col: number,
  /** The rows to look at, when known (a unit's own report, its sign-off lines under it left out). */
  only?: readonly number[]
): boolean {
  let seen = 0;
  let units = 0;
  const first = block.bottom + 1;
  const rows =
    only ??
    Array.from({ length: Math.min(sheet.rows.length, first + 59) - first }, (_, k) => first + k);
  for (const r of rows) {
    const t = textOf(merged.value(r, col));
    if (t === "") continue;
    seen++;
    if (unitByLabel(t) !== null || /^(个|项|家|%|％)$/.test(t)) units++;
  }
  return seen > 0 && units / seen >= 0.8;
}

/** Consecutive rows of one unit: its key cells (县区, 序号) stay the same and no indicator comes twice. */
function unitGroups(sheet: SheetGrid, merged: MergedCells, shape: Shape): UnitGroup[] {
  const groups: UnitGroup[] = [];
  let current: UnitGroup | null = null;
  let keys: string[] = [];
  for (let r = shape.block.bottom + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every(isBlankCell)) continue;
    const name = normalizeText(textOf(merged.value(r, shape.indicatorCol)));
    const rowKeys = shape.keyCols.map((c) => textOf(merged.value(r, c)));
    const changed = rowKeys.some((k, i) => k !== "" && k !== keys[i]);
    if (!current || name === "" || current.rows.has(name) || (changed && current.rows.size > 0)) {
      current = { first: r, rows: new Map() };
      groups.push(current);
      keys = rowKeys;
    }
    if (name !== "") current.rows.set(name, r);
    else current = null;
  }
  return groups;
}

/** The indicators in order of first appearance, when they repeat unit after unit. */
function indicatorsOf(
  merged: MergedCells,
  shape: Shape,
  groups: readonly UnitGroup[]
): { key: string; label: string }[] | null {
  const order = new Map<string, { label: string; count: number }>();
  for (const g of groups)
    for (const [key, r] of g.rows) {
      const seen = order.get(key);
      if (seen) seen.count++;
      else order.set(key, { label: labelOf(merged, shape, r), count: 1 });
    }
  const withRows = groups.filter((g) => g.rows.size > 0).length;
  if (order.size < 2 || order.size > MAX_INDICATORS || withRows < 2) return null;
  // Each indicator comes back unit after unit; a ledger's 项目 column names every row once.
  const repeated = [...order.values()].filter((o) => o.count >= 2).length;
  if (repeated < Math.max(2, order.size * 0.6)) return null;
  return [...order].map(([key, o]) => ({ key, label: o.label }));
}

/** "签约金额（亿元）": the indicator as written, with its 计量单位 where the sheet has one. */
function labelOf(merged: MergedCells, shape: Shape, r: number): string {
  const name = textOf(merged.value(r, shape.indicatorCol));
  const unit = shape.measureUnitCol === null ? "" : textOf(merged.value(r, shape.measureUnitCol));
  return unit === "" || name.includes(unit) ? name : `${name}（${unit}）`;
}

function widen(
  sheet: SheetGrid,
  merged: MergedCells,
  shape: Shape,
  groups: readonly UnitGroup[],
  indicators: readonly { key: string; label: string }[]
): LongFormatSheet {
  const { block, keyCols, measureCols } = shape;
  const top = block.top;
  const sub = top + 1;
  const width = keyCols.length + indicators.length * measureCols.length;
  const colOrigin: number[] = [...keyCols];
  const colIndicator: (number | null)[] = keyCols.map(() => null);
  indicators.forEach((_, i) => {
    for (const c of measureCols) {
      colOrigin.push(c);
      colIndicator.push(i);
    }
  });
  const rows: CellValue[][] = sheet.rows.slice(0, top).map((r) => [...r]);
  const rowOrigin: number[] = rows.map((_, r) => r);
  const header: CellValue[] = new Array<CellValue>(width).fill(null);
  const subHeader: CellValue[] = new Array<CellValue>(width).fill(null);
  const merges: CellRange[] = [];
  keyCols.forEach((c, j) => {
    header[j] = leafText(merged, block, c);
    merges.push({ top, bottom: sub, left: j, right: j });
  });
  indicators.forEach((ind, i) => {
    const left = keyCols.length + i * measureCols.length;
    header[left] = ind.label;
    measureCols.forEach((c, k) => (subHeader[left + k] = leafText(merged, block, c)));
    if (measureCols.length > 1)
      merges.push({ top, bottom: top, left, right: left + measureCols.length - 1 });
  });
  rows.push(header, subHeader);
  rowOrigin.push(top, block.bottom);
  const cellRows: (readonly number[])[] = [];
  const formats = new Map<string, string>();
  for (const g of groups) {
    const r = rows.length;
    const row: CellValue[] = keyCols.map((c) => merged.value(g.first, c));
    const sources = keyCols.map(() => g.first);
    indicators.forEach((ind) => {
      const at = g.rows.get(ind.key);
      for (const c of measureCols) {
        row.push(at === undefined ? null : merged.value(at, c));
        sources.push(at ?? g.first);
      }
    });
    sources.forEach((src, c) => {
      const f = sheet.numberFormats.get(toA1(src, colOrigin[c] as number));
      if (f !== undefined) formats.set(toA1(r, c), f);
    });
    rows.push(row);
    rowOrigin.push(g.first);
    cellRows.push(sources);
  }
  const dataStart = top + 2;
  const originRow = (r: number): number => rowOrigin[r] ?? r;
  const originCol = (c: number): number => colOrigin[c] ?? c;
  return {
    wide: wideGrid(sheet, rows, merges, formats, colOrigin),
    origin: (r, c) => ({
      row: r >= dataStart ? (cellRows[r - dataStart]?.[c] ?? originRow(r)) : originRow(r),
      col: originCol(c),
    }),
    originRow,
    originCol,
  };
}

/** The sheet's new layout under its own name; a column is hidden when the user's column it shows is. */
export function wideGrid(
  sheet: SheetGrid,
  rows: CellValue[][],
  merges: CellRange[],
  numberFormats: Map<string, string>,
  colOrigin: readonly number[]
): SheetGrid {
  return {
    name: sheet.name,
    ...(sheet.id !== undefined ? { id: sheet.id } : {}),
    hidden: sheet.hidden,
    rows,
    merges,
    numberFormats,
    hiddenColumns: new Set(colOrigin.flatMap((c, j) => (sheet.hiddenColumns.has(c) ? [j] : []))),
  };
}

export function leafText(merged: MergedCells, block: HeaderBlock, col: number): string {
  return block.columns.find((c) => c.col === col)?.leaf ?? textOf(merged.value(block.bottom, col));
}
