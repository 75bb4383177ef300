/**
 * Executor: the workbook's sheets with their positions and ownership markers (3 syncs, or 1 when none is owned),
 * and the rows of the state sheet as they are now (read in the same syncs), so the state written is merged
 * with what another runtime wrote since this one read the workbook.
 */
import { toA1 } from "../../core/grid";
import { OWNER_MARKER_PREFIX, parseOwnerMarker, type SheetKind } from "../../core/report";
import { rangeOfAddress } from "./addresses";
import type { ExistingSheet } from "./sheet-targets";
import { syncCounted } from "./sync";
import type { OfficeHostStats, OfficeLimits } from "./types";

const MAX_SCAN_COLUMNS = 64;

function markerKind(values: unknown[][]): SheetKind | null {
  for (let r = values.length - 1; r >= 0; r--) {
    for (const v of values[r] ?? []) {
      if (typeof v === "string" && v.includes(`[${OWNER_MARKER_PREFIX}`)) {
        const kind = parseOwnerMarker(v);
        if (kind) return kind;
      }
    }
  }
  return null;
}

export interface ExistingWorkbook {
  /** Every sheet but `skip` ones (the product's scratch sheets). */
  readonly sheets: ExistingSheet[];
  /** Names of the skipped sheets. */
  readonly skipped: string[];
  /** Values of the sheet named `readWhole`, or null when there is none. */
  readonly wholeSheet: unknown[][] | null;
}

export interface ListOptions {
  readonly scanMarkers: boolean;
  readonly skip: (name: string) => boolean;
  /** A sheet read in full along with the markers (the state sheet). */
  readonly readWhole?: string;
}

/**
 * Expects `worksheets.load("items/name,items/position")` to be queued and synced by the caller (it rides along
 * the run's first sync).
 */
export async function listExistingSheets(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  limits: OfficeLimits,
  options: ListOptions,
  signal?: AbortSignal
): Promise<ExistingWorkbook> {
  const all = context.workbook.worksheets.items;
  const skipped = all.filter((ws) => options.skip(ws.name)).map((ws) => ws.name);
  const sheets = all.filter((ws) => !options.skip(ws.name));
  if (!options.scanMarkers) {
    return {
      sheets: sheets.map((ws) => ({ name: ws.name, position: ws.position, ownedKind: null })),
      skipped,
      wholeSheet: null,
    };
  }

  const used = sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("address");
    return range;
  });
  await syncCounted(context, stats, signal);

  // The marker sits in the footer: the last rows of the used range.
  let whole: Excel.Range | null = null;
  const tails = sheets.map((ws, i) => {
    const u = used[i];
    if (!u || u.isNullObject) return null;
    const r = rangeOfAddress(u.address);
    if (ws.name === options.readWhole) {
      whole = ws.getRange(`${toA1(0, 0)}:${toA1(r.bottom, r.right)}`);
      whole.load("values");
      return whole;
    }
    const top = Math.max(r.top, r.bottom - limits.markerScanRows + 1);
    const right = Math.min(r.right, r.left + MAX_SCAN_COLUMNS - 1);
    const tail = ws.getRange(`${toA1(top, r.left)}:${toA1(r.bottom, right)}`);
    tail.load("values");
    return tail;
  });
  if (tails.some((t) => t !== null)) await syncCounted(context, stats, signal);
  return {
    sheets: sheets.map((ws, i) => {
      const tail = tails[i];
      return {
        name: ws.name,
        position: ws.position,
        ownedKind: tail ? markerKind(tail.values) : null,
      };
    }),
    skipped,
    wholeSheet: whole ? (whole as Excel.Range).values : null,
  };
}
