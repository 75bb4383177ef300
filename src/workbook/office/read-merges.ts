/**
 * Merged areas, sheet by sheet when they must be. `getMergedAreasOrNullObject` fails on a range holding more
 * than 512 merged areas (Excel.Range reference), which would fail the whole batch: the first attempt asks for
 * every sheet at once; on failure each sheet is probed alone and a failing sheet in bands of its rows, down to
 * a single row (whose merges are then left out: the grid stays readable).
 */
import type { CellRange } from "../../core/grid";
import { rangesOfAreasAddress } from "./addresses";
import { syncCounted } from "./sync";
import type { OfficeHostStats } from "./types";

const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

function rowBand(ws: Excel.Worksheet, top: number, bottom: number): Excel.RangeAreas {
  const band = ws.getRangeByIndexes(top, 0, bottom - top + 1, SHEET_COLUMNS);
  const merged = band.getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

function key(r: CellRange): string {
  return `${r.top}:${r.left}:${r.bottom}:${r.right}`;
}

/** Pure: a failing band in up to `parts` bands; rows outside `used` go in two bands of their own. */
export function splitBand(
  top: number,
  bottom: number,
  used: CellRange | null,
  parts = 8
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = top;
  let to = bottom;
  if (used && used.top <= bottom && used.bottom >= top) {
    if (used.top > top) out.push([top, used.top - 1]);
    if (used.bottom < bottom) out.push([used.bottom + 1, bottom]);
    from = Math.max(top, used.top);
    to = Math.min(bottom, used.bottom);
  }
  const size = Math.ceil((to - from + 1) / parts);
  for (let a = from; a <= to; a += size) out.push([a, Math.min(to, a + size - 1)]);
  return out;
}

async function probeBand(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  band: [number, number],
  used: CellRange | null,
  stats: OfficeHostStats,
  out: Map<string, CellRange>,
  signal?: AbortSignal
): Promise<void> {
  const [top, bottom] = band;
  const merged = rowBand(ws, top, bottom);
  try {
    await syncCounted(context, stats, signal);
  } catch {
    signal?.throwIfAborted();
    if (top === bottom) return;
    for (const part of splitBand(top, bottom, used))
      await probeBand(context, ws, part, used, stats, out, signal);
    return;
  }
  // Excel returns the merges whose top-left cell is in the band; dedupe in case a build returns intersecting ones.
  if (!merged.isNullObject)
    for (const r of rangesOfAreasAddress(merged.address)) out.set(key(r), r);
}

/** Merges of one sheet, probing row bands when the whole sheet fails. One sync when it does not. */
export async function readSheetMerges(
  context: Excel.RequestContext,
  sheet: string,
  used: CellRange | null,
  stats: OfficeHostStats,
  signal?: AbortSignal
): Promise<CellRange[]> {
  const out = new Map<string, CellRange>();
  const ws = context.workbook.worksheets.getItem(sheet);
  await probeBand(context, ws, [0, SHEET_ROWS - 1], used, stats, out, signal);
  return [...out.values()];
}
