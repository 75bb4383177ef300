/** Turns .xlsx bytes into the engine's grid and applies a WritePlan to them; in-thread or in a worker. */
import type { WorkbookGrid } from "../../core/grid";
import type { WritePlan } from "../../core/plan";
import type { OwnershipSnapshot } from "../../core/ownership";
import type { AppliedPlan, CellText, ReadDetail } from "../host";

/** How far a read or write has got: 0..1, and while reading, the sheet and the rows read so far. */
export type CodecProgress = (fraction: number, detail?: ReadDetail) => void;

export interface XlsxCodec {
  read(
    buffer: ArrayBuffer,
    source: string,
    onProgress?: CodecProgress,
    signal?: AbortSignal
  ): Promise<WorkbookGrid>;
  /**
   * New bytes with the plan written into the workbook's own package (xlsx-package/), and where each sheet landed;
   * `snapshot` is the ownership of the workbook as read from these bytes. The input buffer is left as it was.
   */
  apply(
    buffer: ArrayBuffer,
    plan: WritePlan,
    snapshot: OwnershipSnapshot,
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal
  ): Promise<AppliedBytes>;
  /** New bytes with `cells` of `sheet` holding their text (xlsx-package/cell-text-write.ts); throws HostError. */
  writeCells(
    buffer: ArrayBuffer,
    sheet: string,
    cells: readonly CellText[],
    signal?: AbortSignal
  ): Promise<ArrayBuffer>;
}

export interface AppliedBytes {
  readonly buffer: ArrayBuffer;
  readonly applied: AppliedPlan;
}
