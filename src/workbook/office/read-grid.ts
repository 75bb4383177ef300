/** Executor: reads every sheet into the grid in a bounded number of syncs (plus payload chunks). */
import {
  columnLetter,
  rangeToA1,
  toA1,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../../core/grid";
import type { HostProgress, ReadDetail } from "../host";
import { rangeOfAddress, rangesOfAreasAddress } from "./addresses";
import { DAYS_1900_TO_1904, MS_PER_DAY, type DateSystem } from "../../core/grid";
import { officeCellValue } from "./cell-values";
import { dateSystemFromText, type DateSample } from "./date-system";
import type { OfficeFeatures } from "./features";
import {
  cellCount,
  pendingReads,
  takeReadBatch,
  type ReadRequest,
  type SheetInfo,
} from "./plan-reads";
import { jsonBytes } from "./payload-size";
import { narrowOversized } from "./read-extent";
import { readSheetMerges } from "./read-merges";
import { officeSheetId } from "./existing-sheets";
import { isScratchSheet } from "./run-lock";
import { isPayloadTooLarge, mayBePayloadTooLarge, syncCounted } from "./sync";
import { hiddenRowsIn, queueRowHidden, type RowBand } from "./read-hidden-rows";
import type { OfficeHostStats, OfficeLimits } from "./types";

export interface ReadOptions {
  readonly features: OfficeFeatures;
  readonly limits: OfficeLimits;
  readonly stats: OfficeHostStats;
  readonly source: string;
  readonly onProgress?: ((p: HostProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface ReadOutcome {
  readonly grid: WorkbookGrid;
  readonly dateSystem: DateSystem;
}

interface SheetState {
  readonly info: SheetInfo;
  readonly rows: CellValue[][];
  readonly numberFormats: Map<string, string>;
  merges: CellRange[];
  readonly hiddenColumns: Set<number>;
}

/** Halving a block on a GeneralException stops this deep: that code may mean anything, not only the size. */
const MAX_GENERAL_HALVINGS = 6;
/** Date cells whose shown text tells the date system. */
const DATE_SAMPLES = 8;
/** Estimated bytes a cell never drops below, and the margin over what was measured. */
const MEASURE_MARGIN = 1.25;
/** Rows of each loaded block whose JSON is measured. */
const MEASURED_ROWS = 64;

/** Splits a block in two when Excel refuses it as too large. */
function halves(req: ReadRequest): ReadRequest[] {
  const r = req.range;
  if (r.top === r.bottom) return [req];
  const mid = Math.floor((r.top + r.bottom) / 2);
  return [
    { ...r, bottom: mid },
    { ...r, top: mid + 1 },
  ].map((range) => ({ sheet: req.sheet, range, address: rangeToA1(range) }));
}

/** Stores one loaded block; records up to DATE_SAMPLES date cells for the date-system probe. */
function store(
  state: SheetState,
  range: CellRange,
  loaded: { values: unknown[][]; types: unknown[][]; formats: unknown[][] },
  samples: DateSample[]
): void {
  loaded.values.forEach((row, i) => {
    const r = range.top + i;
    const out = state.rows[r] ?? [];
    row.forEach((raw, j) => {
      const c = range.left + j;
      const format = loaded.formats[i]?.[j];
      const v = officeCellValue(raw, loaded.types[i]?.[j], format);
      if (v === null) return;
      while (out.length < c) out.push(null);
      out[c] = v;
      if (typeof format === "string" && format !== "General") {
        state.numberFormats.set(toA1(r, c), format);
        const yearShown = /y/i.test(format.replace(/"[^"]*"/g, ""));
        if (
          v instanceof Date &&
          yearShown &&
          samples.length < DATE_SAMPLES &&
          typeof raw === "number"
        )
          samples.push({ sheet: state.info.name, address: toA1(r, c), serial: raw });
      }
    });
    state.rows[r] = out;
  });
}

/** Response bytes per cell of a loaded block, from a sample of its rows. */
function measuredBytesPerCell(
  values: unknown[][],
  types: unknown[][],
  formats: unknown[][]
): number {
  const step = Math.max(1, Math.ceil(values.length / MEASURED_ROWS));
  let bytes = 0;
  let cells = 0;
  for (let i = 0; i < values.length; i += step) {
    bytes += jsonBytes(values[i]) + jsonBytes(types[i]) + jsonBytes(formats[i]);
    cells += values[i]?.length ?? 0;
  }
  return cells === 0 ? 0 : bytes / cells;
}

/** Loads that ride along with the first read sync that succeeds. */
interface Rider {
  /** Queues the loads; the returned function reads them after the sync. */
  readonly queue: () => () => void;
  done: boolean;
}

interface ReadRun {
  readonly context: Excel.RequestContext;
  readonly states: ReadonlyMap<string, SheetState>;
  readonly options: ReadOptions;
  readonly rider: Rider;
  /** Estimated response bytes per cell, per sheet; raised from measured responses. */
  readonly estimate: Map<string, number>;
  readonly samples: DateSample[];
}

async function loadBlocks(
  run: ReadRun,
  requests: readonly ReadRequest[],
  depth = 0
): Promise<void> {
  const { context, options, rider } = run;
  const sheets = context.workbook.worksheets;
  const loaded = requests.map((req) => {
    const range = sheets.getItem(req.sheet).getRange(req.address);
    range.load("values,valueTypes,numberFormat");
    return { req, range };
  });
  const finish = rider.done ? undefined : rider.queue();
  try {
    await syncCounted(context, options.stats, options.signal);
  } catch (err) {
    const single = requests.every((r) => r.range.top === r.range.bottom);
    const retry =
      isPayloadTooLarge(err) || (mayBePayloadTooLarge(err) && depth < MAX_GENERAL_HALVINGS);
    if (!retry || single) throw err;
    // Our estimate was low: remember that, then load the refused blocks again in halves.
    for (const req of requests)
      run.estimate.set(
        req.sheet,
        2 * (run.estimate.get(req.sheet) ?? options.limits.readBytesPerCell)
      );
    for (const req of requests)
      for (const part of halves(req)) await loadBlocks(run, [part], depth + 1);
    return;
  }
  if (finish) {
    finish();
    rider.done = true;
  }
  for (const { req, range } of loaded) {
    const state = run.states.get(req.sheet);
    if (!state) continue;
    const block = { values: range.values, types: range.valueTypes, formats: range.numberFormat };
    store(state, req.range, block, run.samples);
    const measured =
      measuredBytesPerCell(block.values, block.types, block.formats) * MEASURE_MARGIN;
    const current = run.estimate.get(req.sheet) ?? options.limits.readBytesPerCell;
    run.estimate.set(req.sheet, Math.max(current, measured));
  }
}

/** Sync 2: used ranges and merged areas; merges sheet by sheet when the batch fails (>512 merged areas). */
async function probeSheets(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  options: ReadOptions
): Promise<Array<{ info: SheetInfo; merges: CellRange[] }>> {
  const { features, stats, signal } = options;
  const queue = (withMerges: boolean) =>
    worksheets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
      merged?.load("address");
      return { ws, used, merged };
    });
  let probes = queue(features.mergedAreas);
  let perSheet = false;
  try {
    await syncCounted(context, stats, signal);
  } catch (err) {
    if (!features.mergedAreas) throw err;
    signal?.throwIfAborted();
    probes = queue(false);
    await syncCounted(context, stats, signal);
    perSheet = true;
  }
  const out: Array<{ info: SheetInfo; merges: CellRange[] }> = [];
  for (const { ws, used, merged } of probes) {
    const info: SheetInfo = {
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      used: used.isNullObject ? null : rangeOfAddress(used.address),
    };
    const merges = perSheet
      ? await readSheetMerges(context, ws.name, info.used, stats, signal)
      : merged && !merged.isNullObject
        ? rangesOfAreasAddress(merged.address)
        : [];
    out.push({ info, merges });
  }
  return out;
}

/** Rows whose hidden flags ride along with the first read, as each sheet's blocks of one flag each. */
interface HiddenRowFlags {
  hidden: Map<string, Set<number>>;
  /** Bands where some rows are hidden and some are not: resolved after the reads. */
  mixed: RowBand[];
}

/** The hidden-column flags of the used columns and one hidden-rows flag per sheet. */
function hiddenFlagsRider(
  worksheets: Excel.WorksheetCollection,
  states: ReadonlyMap<string, SheetState>,
  limits: OfficeLimits,
  rows: HiddenRowFlags
): Rider {
  return {
    done: false,
    queue: () => {
      const bands = [...states.values()].flatMap((state) =>
        state.info.used ? [{ sheet: state.info.name, top: 0, bottom: state.info.used.bottom }] : []
      );
      const readRows = queueRowHidden(worksheets, bands);
      const probes = [...states.values()].flatMap((state) => {
        const used = state.info.used;
        if (!used) return [];
        const last = Math.min(used.right, limits.maxHiddenColumnScan - 1);
        const sheet = worksheets.getItem(state.info.name);
        return Array.from({ length: last + 1 }, (_, c) => {
          const column = sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`);
          column.load("columnHidden");
          return { state, c, column };
        });
      });
      return () => {
        for (const { state, c, column } of probes)
          if (column.columnHidden === true) state.hiddenColumns.add(c);
        Object.assign(rows, readRows());
      };
    },
  };
}

/** Dates were made as 1900-system serials; a 1904 workbook's are 1,462 days later. */
function shiftDates(states: ReadonlyMap<string, SheetState>): void {
  const ms = DAYS_1900_TO_1904 * MS_PER_DAY;
  for (const s of states.values())
    for (const row of s.rows)
      if (row) row.forEach((v, c) => v instanceof Date && (row[c] = new Date(v.getTime() + ms)));
}

function sheetGrid(
  s: SheetState,
  id: string,
  hiddenRows: ReadonlySet<number> | undefined
): SheetGrid {
  // Rows above the used range, and empty rows inside it, are empty arrays (as the ExcelJS reader gives).
  const rows = Array.from({ length: s.rows.length }, (_, r) => s.rows[r] ?? []);
  const hidden = [...(hiddenRows ?? [])].filter((r) => r < rows.length);
  return {
    name: s.info.name,
    id: officeSheetId(id),
    hidden: s.info.hidden,
    rows,
    merges: s.merges,
    numberFormats: s.numberFormats,
    hiddenColumns: s.hiddenColumns,
    ...(hidden.length > 0 ? { hiddenRows: new Set(hidden) } : {}),
  };
}

/**
 * Syncs: 1 (sheets) + 1 (used ranges, merged areas) + one per read batch (sized from measured responses; the
 * first also carries the hidden-column flags and one hidden-rows flag per sheet) + 1 when some sheet has hidden rows
 * (read-hidden-rows: more without ExcelApi 1.9) + 1 when the workbook has dates (its date system). Oversized used
 * ranges cost one more (read-extent); more than 512 merged areas one more per sheet (read-merges).
 * The product's scratch sheets (another run's temporary sheets, the run lock) are not part of the grid.
 */
export async function readWorkbookGrid(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<ReadOutcome> {
  const { features, limits, stats, signal, onProgress } = options;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  const workbook = context.workbook;
  if (features.workbookName) workbook.load("name");
  await syncCounted(context, stats, signal);
  const source = features.workbookName && workbook.name ? workbook.name : options.source;

  const own = worksheets.items.filter((ws) => !isScratchSheet(ws.name));
  const probed = await probeSheets(context, own, options);
  const infos = await narrowOversized(
    context,
    probed.map((p) => p.info),
    limits,
    stats,
    signal
  );
  const states = new Map<string, SheetState>();
  infos.forEach((info, i) =>
    states.set(info.name, {
      info,
      rows: [],
      numberFormats: new Map(),
      merges: probed[i]?.merges ?? [],
      hiddenColumns: new Set(),
    })
  );

  const rowFlags: HiddenRowFlags = { hidden: new Map(), mixed: [] };
  const run: ReadRun = {
    context,
    states,
    options,
    rider: hiddenFlagsRider(worksheets, states, limits, rowFlags),
    estimate: new Map(),
    samples: [],
  };
  let pending = pendingReads(infos);
  const total = pending.reduce((n, p) => n + cellCount(p.range), 0);
  let done = 0;
  const rowsRead = new Map<string, number>();
  onProgress?.({ phase: "read", fraction: 0 });
  while (pending.length > 0) {
    const { batch, rest } = takeReadBatch(
      pending,
      (sheet) => run.estimate.get(sheet) ?? limits.readBytesPerCell,
      limits.maxPayloadBytes
    );
    stats.plannedBytes += batch.bytes;
    await loadBlocks(run, batch.requests);
    pending = rest;
    done += batch.requests.reduce((n, r) => n + cellCount(r.range), 0);
    onProgress?.({
      phase: "read",
      fraction: total === 0 ? 1 : done / total,
      ...readDetail(batch.requests, rowsRead),
    });
  }
  if (total === 0) onProgress?.({ phase: "read", fraction: 1 });
  const hiddenRows = rowFlags.hidden;
  await hiddenRowsIn(context, rowFlags.mixed, hiddenRows, {
    rangeAreas: features.rangeAreas,
    stats,
    signal,
  });

  const dateSystem = await dateSystemFromText(context, run.samples, stats, signal);
  if (dateSystem === 1904) shiftDates(states);

  // Worksheet ids survive renames: ownership records in the state sheet name sheets by them.
  const ids = new Map(worksheets.items.map((ws) => [ws.name, ws.id]));
  // A number read as a date (a serial in a General cell) counts from the workbook's day 0 (SheetGrid.dateSystem).
  const stamp = dateSystem === 1904 ? { dateSystem: 1904 as const } : {};
  const sheets = [...states.values()].map((s) => ({
    ...sheetGrid(s, ids.get(s.info.name) ?? "", hiddenRows.get(s.info.name)),
    ...stamp,
  }));
  return { grid: { source, sheets }, dateSystem };
}

/** The sheet a batch ended in and the rows read so far (blocks are read top down: the lowest row read per sheet). */
function readDetail(
  requests: readonly ReadRequest[],
  rowsRead: Map<string, number>
): { detail?: ReadDetail } {
  for (const r of requests)
    rowsRead.set(r.sheet, Math.max(rowsRead.get(r.sheet) ?? 0, r.range.bottom + 1));
  const last = requests[requests.length - 1];
  if (!last) return {};
  let rows = 0;
  for (const n of rowsRead.values()) rows += n;
  return { detail: { sheet: last.sheet, rows } };
}
