/** XlsxCodec on the calling thread, over src/workbook/exceljs (loaded lazily: ExcelJS is large). */
import { engineUnavailable } from "../taskpane/session-error";
import type * as ExcelJsCodecModule from "./exceljs-codec";
import type { XlsxCodec } from "./xlsx-codec";

function loadCodec(): Promise<typeof ExcelJsCodecModule> {
  // @ts-expect-error TS2835: the file is CommonJS to tsc, but webpack and ts-jest resolve the extensionless path.
  return import(/* webpackChunkName: "exceljs-codec" */ "./exceljs-codec");
}

export const inThreadCodec: XlsxCodec = {
  async read() {
    throw engineUnavailable("readWorkbookBuffer");
  },
  async apply(buffer, plan, onProgress) {
    onProgress?.(0);
    const codec = await loadCodec();
    const out = await codec.applyPlanToBytes(buffer, plan);
    onProgress?.(1);
    return out;
  },
};
