/** XlsxCodec on the calling thread, over src/workbook/exceljs (loaded lazily: ExcelJS is large). */
import type * as ExcelJsCodecModule from "./exceljs-codec";
import type { XlsxCodec } from "./xlsx-codec";

export type ExcelJsCodec = typeof ExcelJsCodecModule;

function loadCodec(): Promise<ExcelJsCodec> {
  // @ts-expect-error TS2835: the file is CommonJS to tsc, but webpack resolves the extensionless path.
  return import(/* webpackChunkName: "exceljs-codec" */ "./exceljs-codec");
}

/** `load` is injectable because jest (CommonJS) cannot run the dynamic import. */
export function createInThreadCodec(load: () => Promise<ExcelJsCodec> = loadCodec): XlsxCodec {
  return {
    async read(buffer, source, onProgress) {
      onProgress?.(0);
      const grid = await (
        await load()
      ).readBytes(buffer, source, (p) =>
        onProgress?.(p.fraction, { sheet: p.sheet, rows: p.rows })
      );
      onProgress?.(1);
      return grid;
    },
    async apply(buffer, plan, snapshot, onProgress) {
      onProgress?.(0);
      const out = await (await load()).applyPlanToBytes(buffer, plan, snapshot);
      onProgress?.(1);
      return out;
    },
    async writeCells(buffer, sheet, cells) {
      return (await load()).writeCellsToBytes(buffer, sheet, cells);
    },
  };
}

export const inThreadCodec: XlsxCodec = createInThreadCodec();
