/** The ExcelJS side of the web codec, in its own lazily loaded chunk (ExcelJS is most of its weight). */
import type { WorkbookGrid } from "../../core/grid";
import type { WritePlan } from "../../core/plan";
import type { OwnershipSnapshot } from "../../core/ownership";
import { readWorkbookBuffer } from "./read";
import { DEFAULT_READ_LIMITS } from "./read-limits";
import type { ReadProgressListener } from "./read-progress";
import { writePlanIntoPackage } from "../xlsx-package";
import type { AppliedBytes } from "./xlsx-codec";
import type { CellText } from "../host";
import { writeCellTexts } from "../xlsx-package/cell-text-write";

export function readBytes(
  buffer: ArrayBuffer,
  source: string,
  onProgress?: ReadProgressListener
): Promise<WorkbookGrid> {
  return readWorkbookBuffer(buffer, source, DEFAULT_READ_LIMITS, onProgress);
}

/** Text written into a few existing cells of the workbook's own package (采用建议). */
export function writeCellsToBytes(
  buffer: ArrayBuffer,
  sheet: string,
  cells: readonly CellText[]
): ArrayBuffer {
  return toArrayBuffer(writeCellTexts(new Uint8Array(buffer), sheet, cells));
}

/** The plan written into the workbook's own package: the same bytes the CLI writes for the same input. */
export async function applyPlanToBytes(
  buffer: ArrayBuffer,
  plan: WritePlan,
  snapshot: OwnershipSnapshot
): Promise<AppliedBytes> {
  const written = writePlanIntoPackage(new Uint8Array(buffer), plan, snapshot);
  return {
    buffer: toArrayBuffer(written.bytes),
    applied: { sheets: written.sheets, notes: written.notes },
  };
}

function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
}
