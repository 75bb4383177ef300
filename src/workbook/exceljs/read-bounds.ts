/**
 * A parsed worksheet → the grid the engine reads, bounded by the cells that hold values: merges apply (every cell
 * of a merged range but its master is empty), then rows after the last value, merges reaching past the values and
 * hidden columns beyond them are cut. Both readers (streaming and DOM) end here, so they agree, and a merge over
 * A1229:XFD1048576 costs four numbers instead of a billion cells.
 */
import type { CellRange, CellValue, SheetGrid } from "../../core/grid";
import type { RangeLike } from "./read-internals";
import type { Damage } from "./read-notes";
import { StreamFallback } from "./read-errors";
import { EXCEL_MAX_COLUMNS } from "./read-limits";
import type { ParsedSheet, ReadMode } from "./read-sheet";

const LETTERS: string[] = [];

/** 1-based column → its letters ("A", "AB"), cached: formatted columns ask once per row. */
export function columnLetters(col: number): string {
  const cached = LETTERS[col];
  if (cached !== undefined) return cached;
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col <= EXCEL_MAX_COLUMNS) LETTERS[col] = s;
  return s;
}

const isEmptyRow = (row: ReadonlyArray<CellValue> | undefined): boolean =>
  !row || row.every((v) => v === null || v === undefined);

/**
 * Merges that do not overlap an earlier one. ExcelJS refuses overlapping merges, so "exact" mode declines there;
 * "lenient" keeps the first and reports the rest. A sweep over merges sorted by top row keeps this near-linear.
 */
function acceptedMerges(
  merges: readonly RangeLike[],
  mode: ReadMode,
  damage: Set<Damage>
): RangeLike[] {
  const sorted = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const accepted = new Set<RangeLike>();
  let active: RangeLike[] = [];
  for (const m of sorted) {
    active = active.filter((o) => o.bottom >= m.top);
    if (active.some((o) => m.left <= o.right && m.right >= o.left)) {
      if (mode === "exact") throw new StreamFallback("overlapping merges");
      damage.add("overlapping-merges");
      continue;
    }
    active.push(m);
    accepted.add(m);
  }
  return merges.filter((m) => accepted.has(m));
}

/** Every cell of the merge but the master loses its value (ExcelJS makes them Merge cells). 1-based range. */
function clearMerged(
  rows: CellValue[][],
  formats: { delete(address: string): unknown },
  m: RangeLike
): void {
  const lastRow = Math.min(m.bottom, rows.length);
  for (let r = m.top - 1; r < lastRow; r++) {
    const out = rows[r];
    if (!out) continue;
    const from = r === m.top - 1 ? m.left : m.left - 1;
    const to = Math.min(m.right - 1, out.length - 1);
    for (let c = from; c <= to; c++) {
      if (out[c] !== null && out[c] !== undefined) {
        out[c] = null;
        formats.delete(columnLetters(c + 1) + String(r + 1));
      }
    }
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
  }
}

/** Column.fromModel: cols sorted by min; each column takes the first definition that reaches it. */
function hiddenColumnsOf(cols: ParsedSheet["cols"], width: number): Set<number> {
  const hidden = new Set<number>();
  const sorted = [...cols].sort((a, b) => a.min - b.min);
  let next = 1;
  for (const col of sorted) {
    if (next < col.min) next = col.min;
    for (; next <= col.max && next <= width; next++) if (col.hidden) hidden.add(next - 1);
    if (next <= col.max) next = col.max + 1;
  }
  return hidden;
}

/** The parsed sheet as a bounded grid, and any damage found on the way (lenient mode). */
export function toSheetGrid(
  parsed: ParsedSheet,
  name: string,
  hidden: boolean,
  mode: ReadMode
): { sheet: SheetGrid; damage: Damage[] } {
  const damage = new Set(parsed.damage);
  const { rows, numberFormats } = parsed;
  const merges = acceptedMerges(parsed.merges, mode, damage);
  for (const m of merges) clearMerged(rows, numberFormats, m);
  const dense: CellValue[][] = Array.from({ length: rows.length }, (_, r) => rows[r] ?? []);
  const sheet = boundSheet({
    name,
    hidden,
    rows: dense,
    merges: merges.map((m) => ({
      top: m.top - 1,
      left: m.left - 1,
      bottom: m.bottom - 1,
      right: m.right - 1,
    })),
    numberFormats,
    hiddenColumns: new Set<number>(),
    ...(parsed.hiddenRows.size ? { hiddenRows: parsed.hiddenRows } : {}),
  });
  const width = sheet.rows.reduce((w, row) => Math.max(w, row.length), 0);
  return {
    sheet: { ...sheet, hiddenColumns: hiddenColumnsOf(parsed.cols, width) },
    damage: [...damage],
  };
}

/**
 * Cuts a sheet to the cells holding values: trailing empty rows go, merges are clipped to the values' bounding box
 * (dropped when their master lies outside it or they shrink to one cell), hidden columns beyond it are forgotten.
 */
export function boundSheet(sheet: SheetGrid): SheetGrid {
  let last = sheet.rows.length - 1;
  while (last >= 0 && isEmptyRow(sheet.rows[last])) last--;
  const rows = last === sheet.rows.length - 1 ? sheet.rows : sheet.rows.slice(0, last + 1);
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const merges: CellRange[] = [];
  for (const m of sheet.merges) {
    if (m.top > last || m.left >= width) continue;
    const clipped = { ...m, bottom: Math.min(m.bottom, last), right: Math.min(m.right, width - 1) };
    if (clipped.bottom > clipped.top || clipped.right > clipped.left) merges.push(clipped);
  }
  const hiddenColumns = new Set([...sheet.hiddenColumns].filter((c) => c < width));
  const { hiddenRows: allHidden, ...rest } = sheet;
  const hiddenRows = new Set([...(allHidden ?? [])].filter((r) => r <= last));
  return { ...rest, rows, merges, hiddenColumns, ...(hiddenRows.size ? { hiddenRows } : {}) };
}
