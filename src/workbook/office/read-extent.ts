/**
 * Where the data is when a used range is too large to read: one stray value at XFD1048576 makes the used range
 * the whole sheet (17 billion cells). The used range is cut into tiles and each tile's own used range is asked
 * for in one sync (addresses only); the data is the union of those. A workbook whose data is still larger than
 * the limit is refused with a message instead of being read for hours.
 */
import { rangeToA1, type CellRange } from "../../core/grid";
import { rangeOfAddress } from "./addresses";
import { OfficeHostError } from "./host-error";
import { cellCount, type SheetInfo } from "./plan-reads";
import { syncCounted } from "./sync";
import type { OfficeHostStats, OfficeLimits } from "./types";

/** Pure: the tiles of `used`, at most `tiles` × `tiles`. */
export function tilesOf(used: CellRange, tiles: number): CellRange[] {
  const bands = (from: number, to: number): Array<[number, number]> => {
    const size = Math.ceil((to - from + 1) / tiles);
    const out: Array<[number, number]> = [];
    for (let a = from; a <= to; a += size) out.push([a, Math.min(to, a + size - 1)]);
    return out;
  };
  return bands(used.top, used.bottom).flatMap(([top, bottom]) =>
    bands(used.left, used.right).map(([left, right]) => ({ top, left, bottom, right }))
  );
}

function tooLarge(sheet: string, used: CellRange, cells: number, limit: number): OfficeHostError {
  const extent = rangeToA1(used);
  const n = cells.toLocaleString("en-US");
  const max = limit.toLocaleString("en-US");
  return new OfficeHostError(
    "sheet_too_large",
    `工作表“${sheet}”的数据范围 ${extent} 约有 ${n} 个单元格，超过一次可读取的 ${max} 个。请删除远处多余的内容（按 Ctrl+End 可找到最后一个单元格）后重试，或改用网页版/命令行处理该文件。`,
    `The sheet "${sheet}" holds data across ${extent}, about ${n} cells, more than the ${max} one read can load. Delete stray content far from the table (Ctrl+End finds the last cell) and try again, or use the web page or the CLI for this file.`,
    sheet,
    extent
  );
}

/**
 * Gives every sheet whose used range exceeds the limit the regions that hold its data (one extra sync for all
 * such sheets, none when there are none). Throws OfficeHostError when the data itself is too large.
 */
export async function narrowOversized(
  context: Excel.RequestContext,
  sheets: readonly SheetInfo[],
  limits: OfficeLimits,
  stats: OfficeHostStats,
  signal?: AbortSignal
): Promise<SheetInfo[]> {
  const total = sheets.reduce((n, s) => n + (s.used ? cellCount(s.used) : 0), 0);
  if (total <= limits.maxCellsRead) return [...sheets];
  const probes = sheets.map((s) => {
    if (!s.used || cellCount(s.used) <= limits.maxCellsRead / 4) return null;
    const ws = context.workbook.worksheets.getItem(s.name);
    return tilesOf(s.used, limits.extentTiles).map((t) => {
      const tile = ws.getRangeByIndexes(t.top, t.left, t.bottom - t.top + 1, t.right - t.left + 1);
      const used = tile.getUsedRangeOrNullObject(true);
      used.load("address");
      return used;
    });
  });
  if (probes.some((p) => p !== null)) await syncCounted(context, stats, signal);
  const narrowed = sheets.map((s, i): SheetInfo => {
    const tiles = probes[i];
    if (!tiles) return s;
    const regions = tiles.filter((t) => !t.isNullObject).map((t) => rangeOfAddress(t.address));
    return { ...s, regions };
  });
  let cells = 0;
  for (const s of narrowed) {
    const own = (s.regions ?? (s.used ? [s.used] : [])).reduce((n, r) => n + cellCount(r), 0);
    cells += own;
    if (cells > limits.maxCellsRead && s.used)
      throw tooLarge(s.name, s.used, own, limits.maxCellsRead);
  }
  return narrowed;
}
