/** The ExcelJS side of the web codec, in its own lazily loaded chunk (ExcelJS is most of its weight). */
import type { WorkbookGrid } from "../../core/grid";
import type { WritePlan } from "../../core/plan";
import type { OwnershipSnapshot } from "../../core/ownership";
import { readWorkbookBuffer } from "./read";
import { writeIntoPackage } from "./render-sheets";
import type { AppliedBytes } from "./xlsx-codec";

export function readBytes(buffer: ArrayBuffer, source: string): Promise<WorkbookGrid> {
  return readWorkbookBuffer(buffer, source);
}

/** The plan written into the workbook's own package: the same bytes the CLI writes for the same input. */
export async function applyPlanToBytes(
  buffer: ArrayBuffer,
  plan: WritePlan,
  snapshot: OwnershipSnapshot
): Promise<AppliedBytes> {
  const written = await writeIntoPackage(new Uint8Array(buffer), plan, snapshot);
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
