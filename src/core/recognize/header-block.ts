/**
 * Finds the header block of a sheet: the rows between titles/notes and the first row of figures, however many
 * levels deep, and reads each column's header (header-column.ts).
 */
import { columnCount, type SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { readNumberCell } from "./cell-values";
import { isHeaderWord } from "./header-match";
import { looksLikeIndicator, unitHeaderEvidence } from "./lexicon";
import { measureOf } from "./measure-words";
import type { MergedCells } from "./merged-cells";
import { headerColumn, headerText, pureUnit, type HeaderColumn } from "./header-column";
import { parseUnitNote, splitHeaderUnit, type UnitNote } from "./measure-units";

export type { HeaderColumn } from "./header-column";
export { headerText } from "./header-column";

export interface HeaderBlock {
  /** 0-based first and last header row. */
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  readonly columns: readonly HeaderColumn[];
  /** Columns with no header text at all (a unit column left unlabelled). */
  readonly blankColumns: readonly number[];
  /** Titles and notes above the header, as written. */
  readonly above: readonly string[];
  readonly notes: readonly UnitNote[];
}

/** Titles, notes, 文号 lines and blank rows come first; a header sits within the first rows of a sheet. */
const SCAN_ROWS = 40;
const MAX_DEPTH = 4;

interface RowFacts {
  /** Known header words (dictionary fields, measures, unit-column words). */
  readonly hits: number;
  /** Distinct text labels (a merged group cell counts once). */
  readonly texts: number;
  readonly numbers: number;
  readonly nonEmpty: number;
  /** Cells that are nothing but a unit ("亿美元", "（个）"): a units row under the header. */
  readonly units: number;
  /** Texts written as "key：value" (填报单位：…, 单位：万元): notes, not headers. */
  readonly notes: number;
}

function isHeaderLabel(norm: string): boolean {
  const label = splitHeaderUnit(norm).label.replace(/\(\d+(\.\d+)?(?:分|pts?|points?)\)$/, "");
  return (
    isHeaderWord(label) ||
    measureOf(label) !== null ||
    unitHeaderEvidence(label) === 2 ||
    // 开工项目, 省外资金: a bureau's own indicator is a header word too, though no dictionary lists it.
    (label.length <= 16 && looksLikeIndicator(label))
  );
}

function isFigureText(v: string): boolean {
  const t = v.trim();
  return t.length <= 20 && /\d/.test(t) && readNumberCell(t).kind === "number";
}

function rowFacts(merged: MergedCells, row: number, width: number): RowFacts {
  let hits = 0;
  let texts = 0;
  let numbers = 0;
  let nonEmpty = 0;
  let units = 0;
  let notes = 0;
  let last: unknown = undefined;
  for (let c = 0; c < width; c++) {
    const v = merged.value(row, c);
    // Figures typed as text ("1,200", "3.5亿") and dates are data too, never header words.
    if (typeof v === "number" || v instanceof Date || (typeof v === "string" && isFigureText(v)))
      numbers++;
    if (v !== null && !(typeof v === "string" && v.trim() === "")) nonEmpty++;
    if (typeof v !== "string" || v.trim() === "" || isFigureText(v)) {
      last = v;
      continue;
    }
    // A merged group cell counts once for "how many distinct labels", but each column it covers is a hit;
    // a title merged across the whole width is one label however wide ("…招商引资完成情况" is no header).
    if (v === last && spansWidth(merged, row, width)) continue;
    if (v !== last) {
      texts++;
      if (/^[^:：]{1,12}[:：]/.test(v.trim())) notes++;
    }
    last = v;
    const norm = normalizeText(headerText(v));
    if (norm.length <= 40 && isHeaderLabel(norm)) hits++;
    if (norm.length <= 8 && pureUnit(norm)) units++;
  }
  return { hits, texts, numbers, nonEmpty, units, notes };
}

function spansRows(merged: MergedCells, upper: number, lower: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const area = merged.areaAt(lower, c);
    if (area && area.top <= upper) return true;
  }
  return false;
}

/** A merge inside the row that covers some columns but not the whole width: a header group, not a title. */
function hasGroupMerge(sheet: SheetGrid, row: number, width: number): boolean {
  return sheet.merges.some(
    (m) => m.top <= row && m.bottom >= row && m.right > m.left && m.right - m.left + 1 < width
  );
}

/** Whether one merged cell covers the whole row. */
function spansWidth(merged: MergedCells, row: number, width: number): boolean {
  const area = merged.areaAt(row, 0);
  return area !== null && area.right >= width - 1;
}

class Rows {
  private readonly cache: RowFacts[] = [];
  constructor(
    private readonly merged: MergedCells,
    private readonly width: number
  ) {}
  at(r: number): RowFacts {
    return (this.cache[r] ??= rowFacts(this.merged, r, this.width));
  }
}

/** A row of figures: two or more numbers, or one number beside a label (合计 / a unit with one indicator). */
function isDataRow(f: RowFacts): boolean {
  return f.numbers >= 2 || (f.numbers >= 1 && f.nonEmpty >= 2 && f.texts >= 1);
}

/**
 * Where the figures start: the first row of numbers that the next non-blank row confirms, so a stray year
 * in a title ("2024") is not taken for data.
 */
function firstDataRow(rows: Rows, limit: number, total: number): number {
  for (let r = 0; r < limit; r++) {
    if (!isDataRow(rows.at(r))) continue;
    let next = r + 1;
    while (next < total && rows.at(next).nonEmpty === 0) next++;
    if (next >= total || isDataRow(rows.at(next)) || rows.at(next).texts >= 1) return r;
  }
  return -1;
}

/** Whether a row above the figures belongs to the header (and is not a title, note or blank line). */
function isHeaderRow(
  rows: Rows,
  sheet: SheetGrid,
  merged: MergedCells,
  r: number,
  below: number,
  width: number
): boolean {
  const f = rows.at(r);
  if (f.nonEmpty === 0 || f.numbers > 0) return false;
  if (f.notes > 0 && f.notes >= f.texts) return false;
  // "2024年…目标 (merged) | 单位：亿元": a title with its note at the right (WPS), not a header level.
  if (f.notes > 0 && f.notes >= f.texts - 1 && !spansRows(merged, r, below, width)) return false;
  if (f.texts >= 2) return true;
  // One label: a header group or a cell merged down into the header, else a title or note.
  return spansRows(merged, r, below, width) || (f.hits >= 1 && hasGroupMerge(sheet, r, width));
}

/** The header rows directly above the first row of figures. */
function headerAboveData(
  sheet: SheetGrid,
  merged: MergedCells,
  rows: Rows,
  width: number,
  limit: number
): { top: number; bottom: number } | null {
  const data = firstDataRow(rows, limit, sheet.rows.length);
  if (data <= 0) return null;
  let bottom = data - 1;
  // Section rows ("一、街道") and blank lines may sit between the header and the first figures.
  while (
    bottom > 0 &&
    (rows.at(bottom).nonEmpty === 0 || rows.at(bottom).texts === 1) &&
    !isHeaderRow(rows, sheet, merged, bottom, bottom + 1, width)
  )
    bottom--;
  if (!isHeaderRow(rows, sheet, merged, bottom, bottom + 1, width)) return null;
  let top = bottom;
  while (
    top > 0 &&
    bottom - top + 1 < MAX_DEPTH &&
    isHeaderRow(rows, sheet, merged, top - 1, top, width)
  ) {
    // A row of several texts with no known word above a row that has them is a title block, not a header level.
    const prev = rows.at(top - 1);
    if (
      prev.hits === 0 &&
      !spansRows(merged, top - 1, top, width) &&
      !hasGroupMerge(sheet, top - 1, width)
    )
      break;
    top--;
  }
  return { top, bottom };
}

/** The row richest in known header words, extended through merges: for sheets whose figures are text. */
function headerByWords(
  sheet: SheetGrid,
  merged: MergedCells,
  rows: Rows,
  width: number,
  limit: number
): { top: number; bottom: number } | null {
  let best = -1;
  for (let r = 0; r < limit; r++) {
    const f = rows.at(r);
    if (f.hits >= 2 && (best < 0 || f.hits > rows.at(best).hits)) best = r;
  }
  if (best < 0) {
    // A header with a single known word ("单位 | 签约率 | 注册率"): text only, directly above numbers.
    for (let r = 0; r < limit && best < 0; r++) {
      const f = rows.at(r);
      if (f.hits >= 1 && f.texts >= 2 && f.numbers === 0 && rows.at(r + 1).numbers > 0) best = r;
    }
  }
  if (best < 0) return null;
  let top = best;
  let bottom = best;
  while (bottom + 1 < sheet.rows.length && bottom - top + 1 < MAX_DEPTH) {
    const next = rows.at(bottom + 1);
    if (next.numbers > 0 || next.nonEmpty === 0) break;
    if (
      spansRows(merged, bottom, bottom + 1, width) ||
      (next.hits >= 1 && hasGroupMerge(sheet, bottom, width))
    )
      bottom++;
    else break;
  }
  while (top > 0 && bottom - top + 1 < MAX_DEPTH) {
    const prev = rows.at(top - 1);
    if (prev.numbers > 0 || prev.texts < 2) break;
    if (
      spansRows(merged, top - 1, top, width) ||
      hasGroupMerge(sheet, top - 1, width) ||
      prev.hits >= 1
    )
      top--;
    else break;
  }
  return { top, bottom };
}

/**
 * Finds the header block. The figures decide where it ends (the rows of text right above the first row of
 * numbers), the known words confirm it; sheets whose figures are all text fall back to the words alone.
 */
export function findHeaderBlock(sheet: SheetGrid, merged: MergedCells): HeaderBlock | null {
  const width = columnCount(sheet);
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  const rows = new Rows(merged, width);
  const byData = headerAboveData(sheet, merged, rows, width, limit);
  const byWords = headerByWords(sheet, merged, rows, width, limit);
  let span = byData;
  if (byData) {
    let hits = 0;
    for (let r = byData.top; r <= byData.bottom; r++) hits = Math.max(hits, rows.at(r).hits);
    // Figures right under a row of words the dictionary does not know, with a known header further up
    // (a ledger whose first rows are all text): trust the words.
    if (hits === 0 && byWords && byWords.bottom < byData.top) span = byWords;
  } else span = byWords;
  if (!span) return null;
  let { bottom } = span;
  const below = bottom + 1 < sheet.rows.length ? rows.at(bottom + 1) : null;
  if (below && below.units > 0 && below.units === below.texts && below.numbers === 0) bottom++;
  return blockAt(sheet, merged, span.top, bottom, width);
}

/**
 * The first row holding text, as a one-row header: for a sheet the user has told us the role of, whose
 * headers the dictionary does not know.
 */
export function firstTextRowBlock(sheet: SheetGrid, merged: MergedCells): HeaderBlock | null {
  const width = columnCount(sheet);
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (rowFacts(merged, r, width).texts >= 2) return blockAt(sheet, merged, r, r, width);
  }
  return null;
}

function blockAt(
  sheet: SheetGrid,
  merged: MergedCells,
  top: number,
  bottom: number,
  width: number
): HeaderBlock {
  const columns: HeaderColumn[] = [];
  const blankColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    const column = headerColumn(merged, top, bottom, c);
    if (column) columns.push(column);
    else blankColumns.push(c);
  }
  const above: string[] = [];
  const notes: UnitNote[] = [];
  for (let r = 0; r < top; r++) {
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v !== "string" || v.trim() === "") continue;
      above.push(v.trim());
      const note = parseUnitNote(normalizeText(v));
      if (note) notes.push(note);
    }
  }
  return { top, bottom, width, columns, blankColumns, above, notes };
}
