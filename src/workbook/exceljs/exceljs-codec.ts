/** The ExcelJS side of the web codec, in its own lazily loaded chunk (ExcelJS is most of its weight). */
import ExcelJS from "exceljs";
import type { WritePlan } from "../../core/report";
import type { WorkbookGrid } from "../../core/grid";
import type { AppliedBytes } from "./xlsx-codec";
import { applyPlanToWorkbook } from "./apply-plan";
import { readWorkbookBuffer } from "./read";

export function readBytes(buffer: ArrayBuffer, source: string): Promise<WorkbookGrid> {
  return readWorkbookBuffer(buffer, source);
}

export async function loadWorkbookBytes(buffer: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return wb;
}

export async function applyPlanToBytes(
  buffer: ArrayBuffer,
  plan: WritePlan
): Promise<AppliedBytes> {
  const wb = await loadWorkbookBytes(buffer);
  const applied = applyPlanToWorkbook(wb, plan);
  return { buffer: toArrayBuffer(await wb.xlsx.writeBuffer()), applied };
}

function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (!ArrayBuffer.isView(data)) return data;
  const copy = new Uint8Array(data.byteLength);
  copy.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return copy.buffer;
}
