import { createExcelJsHost } from "../../../src/workbook/exceljs/exceljs-host";
import type { XlsxCodec } from "../../../src/workbook/exceljs/xlsx-codec";
import { sheet } from "../../app/memory-host";

describe("ExcelJS host", () => {
  function setup() {
    const calls: string[] = [];
    const codec: XlsxCodec = {
      async read(buffer, source, onProgress) {
        calls.push(`read ${buffer.byteLength} ${source}`);
        onProgress?.(1);
        return { source, sheets: [sheet("表", [[buffer.byteLength]])] };
      },
      async apply(buffer, plan) {
        calls.push(`apply ${plan.sheets.length}`);
        return {
          buffer: new ArrayBuffer(buffer.byteLength + 1),
          applied: {
            sheets: plan.sheets.map((s) => ({ planned: s.name, name: s.name, replaced: false })),
          },
        };
      },
      async writeCells(buffer, sheetName, cells) {
        calls.push(`cells ${sheetName} ${cells.map((c) => `${c.address}=${c.text}`).join(",")}`);
        return new ArrayBuffer(buffer.byteLength + 2);
      },
    };
    return { calls, host: createExcelJsHost(new ArrayBuffer(4), "台账.xlsx", codec) };
  }

  it("parses once, re-parses after a write, and hands out the new bytes", async () => {
    const { host, calls } = setup();
    const progress: number[] = [];
    await host.readGrid((p) => progress.push(p.fraction));
    await host.readGrid();
    expect(calls).toEqual(["read 4 台账.xlsx"]);
    expect(host.changed()).toBe(false);
    expect(await host.applyPlan({ sheets: [] })).toEqual({ sheets: [] });
    expect(host.changed()).toBe(true);
    expect(host.bytes().byteLength).toBe(5);
    expect(host.lastGrid()).toBeNull();
    const grid = await host.readGrid();
    expect(grid.sheets[0]?.rows).toEqual([[5]]);
    expect(progress).toEqual([1]);
  });

  it("tells listeners which cell the session selected", async () => {
    const { host } = setup();
    const seen: string[] = [];
    const off = host.onSelect((s) => seen.push(`${s.sheet}!${s.address}`));
    await host.selectCell("表", "B2");
    off();
    await host.selectCell("表", "C3");
    expect(seen).toEqual(["表!B2"]);
  });
});
