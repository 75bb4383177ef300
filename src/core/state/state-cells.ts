/**
 * How one state value sits in its row: the key in column A, the text in as many cells as it needs from column B
 * on, each under Excel's 32,767-character cell limit (a longer cell is cut by Excel and the JSON breaks).
 */
import type { CellValue } from "../grid/types";

/** Characters per state cell: under Excel's 32,767 limit with room to spare. */
export const STATE_CELL_CHARS = 32_000;

/** The value stored under `key` in the state rows (its cells joined), or null when there is none. */
export function stateValueOf(rows: readonly (readonly CellValue[])[], key: string): string | null {
  const row = rows.find((r) => r[0] === key);
  if (!row) return null;
  const parts = row.slice(1).filter((v): v is string => typeof v === "string");
  return parts.length > 0 ? parts.join("") : null;
}

/** `[key, chunk1, chunk2, …]`: the value split at STATE_CELL_CHARS, never inside a surrogate pair. */
export function stateRow(key: string, value: string): string[] {
  const cells = [key];
  let start = 0;
  while (start < value.length) {
    let end = Math.min(value.length, start + STATE_CELL_CHARS);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
    cells.push(value.slice(start, end));
    start = end;
  }
  if (cells.length === 1) cells.push("");
  return cells;
}
