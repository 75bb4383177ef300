/**
 * A table turned on its side — indicators down the rows, units across the header (指标 | 计量单位 | 南关区 |
 * 宽城区 …), as statistics offices print a few districts' figures — is read upright: one row per unit, one column
 * per indicator, the 计量单位 folded into the indicator's header. Like a long-format export (long-format.ts), the
 * upright sheet exists only for recognition; every address found on it is taken back to the user's cell
 * (long-format-origin.ts), and a unit's name cell is its header cell.
 */
import type { CellRange, CellValue, SheetGrid } from "../grid";
import { parseA1, toA1 } from "../grid";
import { normalizeText } from "../text";
import { textOf } from "./cell-values";
import { looksLikeIndicator, looksLikeUnitName } from "./lexicon";
import { measureOf } from "./measure-words";
import type { LongFormatSheet } from "./long-format";
import { MergedCells } from "./merged-cells";
import { isFootnote, isTotalLabel } from "./row-labels";

const SEQ_HEADER = /^(序号|编号|no\.?)$/;
const MEASURE_UNIT_HEADER = /^(计量)?单位$|^(unit|uom)$/;
const MAX_ROWS = 200;

interface Layout {
  /** 0-based row of the header holding the unit names. */
  readonly top: number;
  /** Header rows: 2 when a 目标 / 完成 row sits under the unit names. */
  readonly depth: number;
  readonly labelCol: number;
  readonly measureUnitCol: number | null;
  /** Leading columns that become header rows under the indicators (项目: 目标 / 完成). */
  readonly extraCols: readonly number[];
  readonly unitCols: readonly number[];
  /** 0-based last row of the indicators. */
  readonly lastRow: number;
}

/** Titles and notes come first: the header sits within the first rows. */
const SCAN_ROWS = 20;

/** The first row naming two units or more across its columns, with figures below it. */
function headerRowOf(sheet: SheetGrid, merged: MergedCells): number | null {
  const last = Math.min(sheet.rows.length - 1, SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r] ?? [];
    let units = 0;
    for (let c = 0; c < row.length; c++) {
      const area = merged.areaAt(r, c);
      if (area !== null && area.left < c) continue;
      if (looksLikeUnitName(normalizeText(textOf(row[c] ?? null)))) units++;
    }
    // A header holds no figures (a ledger row naming two districts does).
    if (units >= 2 && !row.some((v) => typeof v === "number")) return r;
  }
  return null;
}

function layoutOf(sheet: SheetGrid, merged: MergedCells): Layout | null {
  const top = headerRowOf(sheet, merged);
  if (top === null) return null;
  // A unit name merged over its 目标 / 完成 columns names each of them.
  const width = Math.max(sheet.rows[top]?.length ?? 0, sheet.rows[top + 1]?.length ?? 0);
  const header = range(0, width).map((c) => normalizeText(textOf(merged.value(top, c))));
  const isUnit = (h: string): boolean => looksLikeUnitName(h) || isTotalLabel(h);
  const first = header.findIndex(isUnit);
  if (first <= 0) return null;
  let end = first;
  while (end < header.length && isUnit(header[end]!)) end++;
  const unitCols = range(first, end);
  const leading = range(0, first).filter((c) => header[c] !== "" && !SEQ_HEADER.test(header[c]!));
  const measureUnitCol = leading.find((c) => MEASURE_UNIT_HEADER.test(header[c]!)) ?? null;
  const candidates = leading.filter((c) => c !== measureUnitCol);
  const depth = measureRow(sheet.rows[top + 1] ?? [], unitCols) ? 2 : 1;
  const rowsBelow = range(top + depth, Math.min(sheet.rows.length, top + depth + MAX_ROWS));
  const labelCol = candidates.find((c) => {
    const texts: string[] = [];
    for (const r of rowsBelow) {
      const t = textOf(merged.value(r, c));
      if (isFootnote(t)) break;
      if (t !== "") texts.push(normalizeText(t));
    }
    return texts.length > 0 && texts.filter(looksLikeIndicator).length / texts.length >= 0.5;
  });
  if (labelCol === undefined) return null;
  let lastRow = top;
  for (const r of rowsBelow) {
    const t = textOf(merged.value(r, labelCol));
    if (isFootnote(t)) break;
    const figures = unitCols.some((c) => textOf(sheet.rows[r]?.[c] ?? null) !== "");
    if (t === "" && !figures) break;
    lastRow = r;
  }
  if (lastRow < top + depth || !figuresUnder(sheet, unitCols, top + depth - 1, lastRow))
    return null;
  return {
    top,
    depth,
    labelCol,
    measureUnitCol,
    extraCols: candidates.filter((c) => c !== labelCol),
    unitCols,
    lastRow,
  };
}

/** "目标 | 完成 | 目标 | 完成" under the unit names: what each of their columns holds. */
function measureRow(row: ReadonlyArray<CellValue>, cols: readonly number[]): boolean {
  if (row.some((v) => typeof v === "number")) return false;
  const kinds = new Set(cols.map((c) => measureOf(normalizeText(textOf(row[c] ?? null)))));
  return kinds.has("target") && kinds.has("actual");
}

/** Most cells under the unit names are figures: a sideways table's, not a list's. */
function figuresUnder(
  sheet: SheetGrid,
  cols: readonly number[],
  top: number,
  last: number
): boolean {
  let filled = 0;
  let numbers = 0;
  for (let r = top + 1; r <= last; r++)
    for (const c of cols) {
      const v = sheet.rows[r]?.[c] ?? null;
      if (textOf(v) === "") continue;
      filled++;
      if (typeof v === "number" || /^[\d.,%\s-]+$/.test(textOf(v))) numbers++;
    }
  return filled > 0 && numbers / filled >= 0.5;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** The indicator's header: its label with the 计量单位 the row states ("签约项目（个）"). */
function labelCell(sheet: SheetGrid, l: Layout, r: number): CellValue {
  const raw = sheet.rows[r]?.[l.labelCol] ?? null;
  const unit = l.measureUnitCol === null ? "" : textOf(sheet.rows[r]?.[l.measureUnitCol] ?? null);
  const text = textOf(raw);
  if (text === "" || unit === "" || /[)）]$/.test(text)) return raw;
  return `${text}（${unit}）`;
}

/**
 * The sheet read upright when it is a table turned on its side; null for any other sheet. Rows above the header
 * (titles) stay where they are.
 */
export function uprightSheet(sheet: SheetGrid): LongFormatSheet | null {
  if (sheet.rows.length > MAX_ROWS * 2) return null;
  const merged = new MergedCells(sheet);
  const l = layoutOf(sheet, merged);
  if (!l) return null;
  const top = l.top;
  // Wide row top + i is the user's column kept[i]; wide column j is the user's row top + j.
  const kept = [l.labelCol, ...l.extraCols, ...l.unitCols];
  const cellAt = (r: number, c: number): CellValue => sheet.rows[r]?.[c] ?? null;
  const width = l.lastRow - top + 1;
  const depth = l.depth;
  const rows: ReadonlyArray<CellValue>[] = sheet.rows.slice(0, top);
  kept.forEach((col, i) => {
    const row: CellValue[] = [];
    for (let j = 0; j < width; j++) {
      const r = top + j;
      const header = i < 1 + l.extraCols.length;
      if (j < depth) row.push(i === 0 && j === 0 ? "单位" : header ? null : cellAt(r, col));
      else row.push(col === l.labelCol ? labelCell(sheet, l, r) : cellAt(r, col));
    }
    rows.push(row);
  });
  const at = new Map(kept.map((c, i) => [c, i]));
  const merges: CellRange[] = sheet.merges.filter((m) => m.bottom < top);
  for (const m of sheet.merges) {
    if (m.top < top || m.bottom > l.lastRow) continue;
    const a = at.get(m.left);
    const b = at.get(m.right);
    if (a === undefined || b === undefined || b - a !== m.right - m.left) continue;
    // The corner (指标 merged over the header rows) is replaced by 单位 above the unit names.
    if (m.left === l.labelCol && m.top === top) continue;
    merges.push({ top: top + a, bottom: top + b, left: m.top - top, right: m.bottom - top });
  }
  const extras = l.extraCols.length;
  if (extras > 0) merges.push({ top, bottom: top + extras, left: 0, right: depth - 1 });
  const origin = (row: number, col: number): { row: number; col: number } => {
    if (row < top) return { row, col };
    const user = kept[row - top] ?? l.labelCol;
    return { row: top + Math.min(col, width - 1), col: user };
  };
  const numberFormats = new Map<string, string>();
  for (const [a1, fmt] of sheet.numberFormats)
    if (parseA1(a1).row < top) numberFormats.set(a1, fmt);
  kept.forEach((col, i) => {
    for (let j = 0; j < width; j++) {
      const fmt = sheet.numberFormats.get(toA1(top + j, col));
      if (fmt !== undefined) numberFormats.set(toA1(top + i, j), fmt);
    }
  });
  return {
    wide: { ...sheet, rows, merges, numberFormats, hiddenColumns: new Set() },
    origin,
    originRow: (row) => (row < top ? row : top),
    originCol: () => l.labelCol,
    columnCell: (col) => {
      const o = origin(top, col);
      return toA1(o.row, o.col);
    },
    rowsOfReport: {
      headerRows: Array.from({ length: depth }, (_, j) => top + j + 1),
      dataRows: { first: top + depth + 1, last: l.lastRow + 1 },
    },
  };
}
