/** Pure: which row blocks of which regions to load in which sync, each sync under the payload limit. */
import { rangeToA1, type CellRange } from "../../core/grid";
import type { OfficeLimits } from "./types";

export interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  /** The used range, or null for an empty sheet. */
  readonly used: CellRange | null;
  /** Where the data really is when the used range is mostly empty (a stray cell far away); else the used range. */
  readonly regions?: readonly CellRange[];
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

/** A rectangle still to be read. */
export interface PendingRead {
  readonly sheet: string;
  readonly range: CellRange;
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function pendingReads(sheets: readonly SheetInfo[]): PendingRead[] {
  return sheets.flatMap((s) =>
    (s.regions ?? (s.used ? [s.used] : [])).map((range) => ({ sheet: s.name, range }))
  );
}

/**
 * The next batch: whole regions while they fit, then the rows of the next one that fit, with `bytesPerCell`
 * estimating each sheet's response. A single row wider than the budget still gets a block of its own.
 */
export function takeReadBatch(
  pending: readonly PendingRead[],
  bytesPerCell: (sheet: string) => number,
  budget: number
): { batch: ReadBatch; rest: PendingRead[] } {
  const requests: ReadRequest[] = [];
  let bytes = 0;
  let i = 0;
  const rest: PendingRead[] = [];
  for (; i < pending.length; i++) {
    const p = pending[i];
    if (!p) continue;
    const rowBytes = (p.range.right - p.range.left + 1) * bytesPerCell(p.sheet);
    const room = Math.floor((budget - bytes) / rowBytes);
    if (room < 1 && requests.length > 0) break;
    const height = p.range.bottom - p.range.top + 1;
    const rows = Math.min(Math.max(1, room), height);
    const range = { ...p.range, bottom: p.range.top + rows - 1 };
    requests.push({ sheet: p.sheet, range, address: rangeToA1(range) });
    bytes += rows * rowBytes;
    if (rows < height) {
      rest.push({ sheet: p.sheet, range: { ...p.range, top: p.range.top + rows } });
      i++;
      break;
    }
  }
  rest.push(...pending.slice(i));
  return { batch: { requests, bytes }, rest };
}

/**
 * Every batch at a fixed estimate of `readBytesPerCell` (the executor re-estimates from measured responses
 * as it goes, so this is its plan before the first response).
 */
export function planReads(sheets: readonly SheetInfo[], limits: OfficeLimits): ReadBatch[] {
  const batches: ReadBatch[] = [];
  let pending = pendingReads(sheets);
  while (pending.length > 0) {
    const { batch, rest } = takeReadBatch(
      pending,
      () => limits.readBytesPerCell,
      limits.maxPayloadBytes
    );
    batches.push(batch);
    pending = rest;
  }
  return batches;
}
