/**
 * A digest of a sheet's values that every host reads back the same way: the values a plan writes and the grid
 * an adapter reads from that sheet later give the same digest, whoever saved the file in between (Excel keeps 15
 * significant digits, hosts read dates as Dates or serials, line ends may become \n). Here, below the ownership
 * records and the state sheet, because both check what was written with it.
 */
import { dateToSerial } from "./excel-date";
import type { CellValue } from "./types";

/** Cells as a grid holds them or a plan writes them (every write value is a cell value). */
export type DigestCells = readonly (readonly CellValue[])[];

function numberToken(n: number): string {
  if (!Number.isFinite(n)) return `n${String(n)}`;
  const rounded = Number(n.toPrecision(15));
  return `n${rounded === 0 ? 0 : rounded}`;
}

function token(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v === "" ? null : `s${v.replace(/\r\n?/g, "\n")}`;
  if (typeof v === "number") return numberToken(v);
  if (typeof v === "boolean") return v ? "b1" : "b0";
  if (v instanceof Date) return numberToken(dateToSerial(v));
  return `e${v.code}`;
}

/**
 * 16 hex digits over the parts (each ended by a newline): two independent 32-bit multiply-xorshift lanes
 * (cyrb53-style), ample for telling edits apart; not a defence against someone forging a collision.
 */
export function textDigest(parts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const ch = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x0a, 2654435761);
    h2 = Math.imul(h2 ^ 0x0a, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h2) + hex(h1);
}

/** Digest of the non-empty cells (position and value) of a sheet anchored at A1. */
export function cellsDigest(rows: DigestCells): string {
  const parts: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const t = token(v);
      if (t !== null) parts.push(`${r},${c},${t}`);
    })
  );
  return textDigest(parts);
}
