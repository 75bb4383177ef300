/** Address parsing the emulator needs beyond core's A1 helpers: whole columns ("C:C"), whole rows ("5:5"). */
import { columnIndex, parseRangeA1, rangeToA1, type CellRange } from "../../src/core/grid";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type Rect = CellRange;

export function parseAddress(address: string): Rect {
  const bare = address
    .slice(address.lastIndexOf("!") + 1)
    .replace(/\$/g, "")
    .trim();
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (cols)
    return {
      top: 0,
      bottom: MAX_ROWS - 1,
      left: columnIndex(cols[1] ?? ""),
      right: columnIndex(cols[2] ?? ""),
    };
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows)
    return {
      top: Number(rows[1]) - 1,
      bottom: Number(rows[2]) - 1,
      left: 0,
      right: MAX_COLUMNS - 1,
    };
  return parseRangeA1(bare);
}

/** "A1:B2, D4" (comma or semicolon separated) → rectangles. */
export function parseAreas(address: string): Rect[] {
  return address.split(/[,;]/).map((a) => parseAddress(a.trim()));
}

export function sheetAddress(sheet: string, rect: Rect): string {
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
  // Excel writes whole rows as "3:5" (a whole sheet stays A1:XFD1048576 here).
  const a1 =
    isWholeRow(rect) && !isWholeColumn(rect)
      ? `${rect.top + 1}:${rect.bottom + 1}`
      : rangeToA1(rect);
  return `${quoted}!${a1}`;
}

export function isWholeColumn(r: Rect): boolean {
  return r.top === 0 && r.bottom === MAX_ROWS - 1;
}

export function isWholeRow(r: Rect): boolean {
  return r.left === 0 && r.right === MAX_COLUMNS - 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
