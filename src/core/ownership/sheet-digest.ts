/**
 * A digest of a sheet's values that every host reads back the same way: the values a plan writes and the grid
 * an adapter reads from that sheet later give the same digest, whoever saved the file in between (Excel keeps 15
 * significant digits, hosts read dates as Dates or serials, line ends may become \n).
 */
import { parseA1 } from "../grid/address";
import { dateToSerial } from "../grid/excel-date";
import type { CellValue } from "../grid/types";
import type { SheetPlan, WriteValue } from "../plan/write-plan";

export type DigestCells = readonly (readonly (CellValue | WriteValue)[])[];

function numberToken(n: number): string {
  if (!Number.isFinite(n)) return `n${String(n)}`;
  const rounded = Number(n.toPrecision(15));
  return `n${rounded === 0 ? 0 : rounded}`;
}

function token(v: CellValue | WriteValue): string | null {
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

/** The values a sheet shows once the plan is written: a link without text shows its target. */
export function writtenValues(plan: SheetPlan): WriteValue[][] {
  const values = plan.values.map((row) => [...row]);
  for (const link of plan.hyperlinks) {
    const { row: r, col: c } = parseA1(link.cell);
    while (values.length <= r) values.push([]);
    const row = values[r] as WriteValue[];
    while (row.length <= c) row.push(null);
    if (row[c] === null || row[c] === undefined) row[c] = link.target;
  }
  return values;
}

/** Digest of what writing `plan` puts in the sheet; equals `cellsDigest` of the sheet read back. */
export function planDigest(plan: SheetPlan): string {
  return cellsDigest(writtenValues(plan));
}
