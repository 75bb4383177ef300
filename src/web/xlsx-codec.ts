/** Turns .xlsx bytes into the engine's grid and applies a WritePlan to them; in-thread or in a worker. */
import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/report";

export interface XlsxCodec {
  read(
    buffer: ArrayBuffer,
    source: string,
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal
  ): Promise<WorkbookGrid>;
  /** New bytes with the plan applied; the input buffer is left as it was. */
  apply(
    buffer: ArrayBuffer,
    plan: WritePlan,
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal
  ): Promise<ArrayBuffer>;
}
