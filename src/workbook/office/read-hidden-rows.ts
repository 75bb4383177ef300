/**
 * Which rows are hidden (by hand or by an AutoFilter), as the xlsx readers report them in SheetGrid.hiddenRows:
 * a row a clerk filtered out of a unit table is not a unit. Excel's `rowHidden` on a block of rows is true when all
 * are hidden, false when none are, null when some are. One flag per sheet rides along with the first read sync, so
 * a workbook without hidden rows costs nothing more. A sheet with some hidden rows costs one more sync with
 * ExcelApi 1.9 (its visible cells as areas), else a few rounds that split mixed blocks until each is all or none.
 */
import { rowSpansOfAreasAddress } from "./addresses";
import { syncCounted } from "./sync";
import type { OfficeHostStats } from "./types";

/** Rows 0..bottom of a sheet (the grid's rows: hidden rows above the used range are reported as the xlsx readers do). */
export interface RowBand {
  readonly sheet: string;
  readonly top: number;
  readonly bottom: number;
}

/** Blocks one mixed block splits into per round without ExcelApi 1.9. */
const FAN_OUT = 32;
/** Most rowHidden loads queued in one sync (each a request entry of some tens of bytes). */
const MAX_PROBES_PER_SYNC = 4096;

/** Whole rows, as Excel addresses them ("3:7"). */
function rowsAddress(top: number, bottom: number): string {
  return `${top + 1}:${bottom + 1}`;
}

/**
 * Queues one `rowHidden` load per band; the returned function reads them after the sync: the bands whose rows are
 * all hidden, and those where some are (to be resolved by hiddenRowsIn).
 */
export function queueRowHidden(
  worksheets: Excel.WorksheetCollection,
  bands: readonly RowBand[]
): () => { hidden: Map<string, Set<number>>; mixed: RowBand[] } {
  const probes = bands.map((band) => {
    const rows = worksheets.getItem(band.sheet).getRange(rowsAddress(band.top, band.bottom));
    rows.load("rowHidden");
    return { band, rows };
  });
  return () => {
    const hidden = new Map<string, Set<number>>();
    const mixed: RowBand[] = [];
    for (const { band, rows } of probes) {
      if (rows.rowHidden === true) addRows(hidden, band);
      else if (rows.rowHidden !== false) mixed.push(band);
    }
    return { hidden, mixed };
  };
}

function addRows(hidden: Map<string, Set<number>>, band: RowBand): void {
  const set = hidden.get(band.sheet) ?? new Set<number>();
  for (let r = band.top; r <= band.bottom; r++) set.add(r);
  hidden.set(band.sheet, set);
}

function mergeRows(into: Map<string, Set<number>>, from: ReadonlyMap<string, Set<number>>): void {
  for (const [sheet, rows] of from) {
    const set = into.get(sheet) ?? new Set<number>();
    for (const r of rows) set.add(r);
    into.set(sheet, set);
  }
}

export interface HiddenRowsOptions {
  /** ExcelApi 1.9: `getSpecialCellsOrNullObject`. */
  readonly rangeAreas: boolean;
  readonly stats: OfficeHostStats;
  readonly signal?: AbortSignal | undefined;
}

/** Adds to `hidden` the hidden rows of bands where some rows are hidden and some are not. */
export async function hiddenRowsIn(
  context: Excel.RequestContext,
  mixed: readonly RowBand[],
  hidden: Map<string, Set<number>>,
  options: HiddenRowsOptions
): Promise<void> {
  if (mixed.length === 0) return;
  if (options.rangeAreas) {
    try {
      await fromVisibleCells(context, mixed, hidden, options);
      return;
    } catch {
      // Too many areas for one RangeAreas, or an older build: split blocks instead.
      options.signal?.throwIfAborted();
    }
  }
  await bySplitting(context, mixed, hidden, options);
}

/** One sync: each band's visible cells as areas; a row no area covers is hidden. */
async function fromVisibleCells(
  context: Excel.RequestContext,
  mixed: readonly RowBand[],
  hidden: Map<string, Set<number>>,
  options: HiddenRowsOptions
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const probes = mixed.map((band) => {
    const rows = worksheets.getItem(band.sheet).getRange(rowsAddress(band.top, band.bottom));
    const visible = rows.getSpecialCellsOrNullObject("Visible");
    visible.load("address");
    return { band, visible };
  });
  await syncCounted(context, options.stats, options.signal);
  const found = new Map<string, Set<number>>();
  for (const { band, visible } of probes) {
    const shown = new Uint8Array(band.bottom - band.top + 1);
    if (!visible.isNullObject)
      for (const [top, bottom] of rowSpansOfAreasAddress(visible.address))
        for (let r = Math.max(top, band.top); r <= Math.min(bottom, band.bottom); r++)
          shown[r - band.top] = 1;
    const set = found.get(band.sheet) ?? new Set<number>();
    shown.forEach((s, i) => s === 0 && set.add(band.top + i));
    found.set(band.sheet, set);
  }
  // Only once every band was read: a failed sync leaves `hidden` as it was for the fallback.
  mergeRows(hidden, found);
}

/** Rounds of `rowHidden` loads on ever smaller blocks, until each block is all hidden or all shown. */
async function bySplitting(
  context: Excel.RequestContext,
  mixed: readonly RowBand[],
  hidden: Map<string, Set<number>>,
  options: HiddenRowsOptions
): Promise<void> {
  let pending: RowBand[] = mixed.flatMap(split);
  while (pending.length > 0) {
    const batch = pending.slice(0, MAX_PROBES_PER_SYNC);
    const read = queueRowHidden(context.workbook.worksheets, batch);
    await syncCounted(context, options.stats, options.signal);
    const { hidden: all, mixed: still } = read();
    mergeRows(hidden, all);
    pending = [...pending.slice(MAX_PROBES_PER_SYNC), ...still.flatMap(split)];
  }
}

/** A block in up to FAN_OUT parts (a one-row block is never mixed). */
function split(band: RowBand): RowBand[] {
  const size = Math.ceil((band.bottom - band.top + 1) / FAN_OUT);
  const parts: RowBand[] = [];
  for (let top = band.top; top <= band.bottom; top += size)
    parts.push({ sheet: band.sheet, top, bottom: Math.min(band.bottom, top + size - 1) });
  return parts;
}
