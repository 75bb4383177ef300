/** Pure: which row blocks of which used ranges to load in which sync, each sync under the payload limit. */
import { rangeToA1, type CellRange } from "../../core/grid";
import type { OfficeLimits } from "./types";

export interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  /** The used range, or null for an empty sheet. */
  readonly used: CellRange | null;
}

export interface ReadRequest {
  readonly sheet: string;
  readonly range: CellRange;
  /** A1 address of `range` inside `sheet`. */
  readonly address: string;
}

export interface ReadBatch {
  readonly requests: readonly ReadRequest[];
  readonly bytes: number;
}

function cells(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * Splits every used range into row blocks and packs the blocks into batches (one sync each) whose
 * estimated response stays under `maxPayloadBytes`. Sheets without a used range need no request.
 * A single row wider than the budget still gets a block of its own (Excel allows 16,384 columns).
 */
export function planReads(sheets: readonly SheetInfo[], limits: OfficeLimits): ReadBatch[] {
  const budget = limits.maxPayloadBytes;
  const batches: ReadBatch[] = [];
  let current: ReadRequest[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length > 0) batches.push({ requests: current, bytes });
    current = [];
    bytes = 0;
  };
  for (const sheet of sheets) {
    const used = sheet.used;
    if (!used) continue;
    const width = used.right - used.left + 1;
    const rowBytes = width * limits.readBytesPerCell;
    const rowsPerBlock = Math.max(1, Math.floor(budget / rowBytes));
    for (let top = used.top; top <= used.bottom;) {
      const room = Math.floor((budget - bytes) / rowBytes);
      if (room < 1 && current.length > 0) {
        flush();
        continue;
      }
      const rows = Math.min(Math.max(1, room), rowsPerBlock, used.bottom - top + 1);
      const range = { top, left: used.left, bottom: top + rows - 1, right: used.right };
      current.push({ sheet: sheet.name, range, address: rangeToA1(range) });
      bytes += cells(range) * limits.readBytesPerCell;
      top += rows;
    }
  }
  flush();
  return batches;
}
