/** Executor: reads every sheet into the grid in a bounded number of syncs (plus payload chunks). */
import {
  columnLetter,
  toA1,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../../core/grid";
import type { HostProgress } from "../host";
import { rangeOfAddress, rangesOfAreasAddress } from "./addresses";
import { officeCellValue } from "./cell-values";
import type { OfficeFeatures } from "./features";
import { planReads, type ReadBatch, type ReadRequest, type SheetInfo } from "./plan-reads";
import { isPayloadTooLarge, syncCounted } from "./sync";
import type { OfficeHostStats, OfficeLimits } from "./types";

export interface ReadOptions {
  readonly features: OfficeFeatures;
  readonly limits: OfficeLimits;
  readonly stats: OfficeHostStats;
  readonly source: string;
  readonly onProgress?: ((p: HostProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface SheetState {
  readonly info: SheetInfo;
  readonly rows: CellValue[][];
  readonly numberFormats: Map<string, string>;
  merges: CellRange[];
  readonly hiddenColumns: Set<number>;
}

/** Splits a block in two when Excel refuses it as too large (our per-cell estimate was low). */
function halves(req: ReadRequest): ReadRequest[] {
  const r = req.range;
  if (r.top === r.bottom) return [req];
  const mid = Math.floor((r.top + r.bottom) / 2);
  const a = { ...r, bottom: mid };
  const b = { ...r, top: mid + 1 };
  return [a, b].map((range) => ({
    sheet: req.sheet,
    range,
    address: `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`,
  }));
}

function store(
  state: SheetState,
  range: CellRange,
  values: unknown[][],
  types: unknown[][],
  formats: unknown[][]
): void {
  values.forEach((row, i) => {
    const r = range.top + i;
    const out = state.rows[r] ?? [];
    row.forEach((raw, j) => {
      const c = range.left + j;
      const format = formats[i]?.[j];
      const v = officeCellValue(raw, types[i]?.[j], format);
      if (v === null) return;
      while (out.length < c) out.push(null);
      out[c] = v;
      if (typeof format === "string" && format !== "General")
        state.numberFormats.set(toA1(r, c), format);
    });
    state.rows[r] = out;
  });
}

/** Loads that ride along with the first read sync that succeeds. */
interface Rider {
  /** Queues the loads; the returned function reads them after the sync. */
  readonly queue: () => () => void;
  done: boolean;
}

async function loadBlocks(
  context: Excel.RequestContext,
  requests: readonly ReadRequest[],
  states: ReadonlyMap<string, SheetState>,
  options: ReadOptions,
  extra: Rider
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const loaded = requests.map((req) => {
    const range = sheets.getItem(req.sheet).getRange(req.address);
    range.load("values,valueTypes,numberFormat");
    return { req, range };
  });
  const finish = extra.done ? undefined : extra.queue();
  try {
    await syncCounted(context, options.stats, options.signal);
  } catch (err) {
    if (!isPayloadTooLarge(err) || requests.every((r) => r.range.top === r.range.bottom)) throw err;
    // Nothing of a refused request was applied: load it again in halves, each half in its own sync.
    for (const req of requests) {
      const parts = halves(req);
      for (const part of parts) await loadBlocks(context, [part], states, options, extra);
    }
    return;
  }
  if (finish) {
    finish();
    extra.done = true;
  }
  for (const { req, range } of loaded) {
    const state = states.get(req.sheet);
    if (state) store(state, req.range, range.values, range.valueTypes, range.numberFormat);
  }
}

/**
 * Syncs: 1 (sheets) + 1 (used ranges, merged areas) + one per read batch; the first batch also carries the
 * hidden-column flags. Row count changes only the number of batches, which the 5 MB limit dictates.
 */
export async function readWorkbookGrid(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<WorkbookGrid> {
  const { features, limits, stats, signal, onProgress } = options;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const workbook = context.workbook;
  if (features.workbookName) workbook.load("name");
  await syncCounted(context, stats, signal);
  const source = features.workbookName && workbook.name ? workbook.name : options.source;

  const probes = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    const merged = features.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { ws, used, merged };
  });
  await syncCounted(context, stats, signal);

  const states = new Map<string, SheetState>();
  for (const { ws, used, merged } of probes) {
    const info: SheetInfo = {
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      used: used.isNullObject ? null : rangeOfAddress(used.address),
    };
    const merges = merged && !merged.isNullObject ? rangesOfAreasAddress(merged.address) : [];
    states.set(ws.name, {
      info,
      rows: [],
      numberFormats: new Map(),
      merges,
      hiddenColumns: new Set(),
    });
  }
  const batches: ReadBatch[] = planReads(
    [...states.values()].map((s) => s.info),
    limits
  );
  onProgress?.({ phase: "read", fraction: 0 });

  // Hidden columns ride along with the first batch (best-effort: only columns of the used range).
  const hiddenColumns: Rider = {
    done: false,
    queue: () => {
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
      };
    },
  };

  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i];
    if (!batch) continue;
    stats.plannedBytes += batch.bytes;
    await loadBlocks(context, batch.requests, states, options, hiddenColumns);
    onProgress?.({ phase: "read", fraction: (i + 1) / batches.length });
  }

  const sheets: SheetGrid[] = [...states.values()].map((s) => {
    // Rows above the used range, and empty rows inside it, are empty arrays (as the ExcelJS reader gives).
    const rows = Array.from({ length: s.rows.length }, (_, r) => s.rows[r] ?? []);
    return {
      name: s.info.name,
      hidden: s.info.hidden,
      rows,
      merges: s.merges,
      numberFormats: s.numberFormats,
      hiddenColumns: s.hiddenColumns,
    };
  });
  return { source, sheets };
}
