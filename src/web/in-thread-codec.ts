/** XlsxCodec on the calling thread, over src/workbook/exceljs (loaded lazily: ExcelJS is large). */
import { engineUnavailable } from "../taskpane/session-error";
import type { XlsxCodec } from "./xlsx-codec";

export const inThreadCodec: XlsxCodec = {
  async read() {
    throw engineUnavailable("readWorkbookBuffer");
  },
  async apply() {
    throw engineUnavailable("applyPlanToWorkbook");
  },
};
