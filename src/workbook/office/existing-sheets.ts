/** Executor: the workbook's sheets with their positions and ownership markers (3 syncs, or 1 when none is owned). */
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

export async function listExistingSheets(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  limits: OfficeLimits,
  scanMarkers: boolean,
  signal?: AbortSignal
): Promise<ExistingSheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position");
  await syncCounted(context, stats, signal);
  const sheets = worksheets.items;
  if (!scanMarkers)
    return sheets.map((ws) => ({ name: ws.name, position: ws.position, ownedKind: null }));

  const used = sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("address");
    return range;
  });
  await syncCounted(context, stats, signal);

  // The marker sits in the footer: the last rows of the used range.
  const tails = sheets.map((ws, i) => {
    const u = used[i];
    if (!u || u.isNullObject) return null;
    const r = rangeOfAddress(u.address);
    const top = Math.max(r.top, r.bottom - limits.markerScanRows + 1);
    const right = Math.min(r.right, r.left + MAX_SCAN_COLUMNS - 1);
    const tail = ws.getRange(`${toA1(top, r.left)}:${toA1(r.bottom, right)}`);
    tail.load("values");
    return tail;
  });
  if (tails.some((t) => t !== null)) await syncCounted(context, stats, signal);
  return sheets.map((ws, i) => {
    const tail = tails[i];
    return {
      name: ws.name,
      position: ws.position,
      ownedKind: tail ? markerKind(tail.values) : null,
    };
  });
}
