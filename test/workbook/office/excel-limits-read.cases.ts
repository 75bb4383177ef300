/**
 * Reading through Office.js where Excel's documented limits bite (issue 15): payload error codes, CJK response
 * sizes, the 512-merged-area limit, a stray value at XFD1048576, the 1904 date system.
 */
import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { createOfficeHost } from "../../../src/workbook/office";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import { comparable, fixtureWorkbook, toBytes } from "./helpers";

/** Rows of long Chinese text: 3 UTF-8 bytes a character, far above a 96-bytes-a-cell estimate. */
function chineseLedger(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目台账");
  ws.addRow(["项目名称", "责任单位", "项目简介"]);
  for (let i = 1; i <= rows; i++)
    ws.addRow([
      `项目${i}号`,
      `单位${i % 7}`,
      "智能制造产业园区建设项目，含研发中心、标准厂房及配套设施。".repeat(3),
    ]);
  return wb;
}

async function exceljsGrid(wb: ExcelJS.Workbook) {
  return readWorkbookBuffer(await toBytes(wb), "Book1.xlsx");
}

describe("Office host reads within Excel's payload limits", () => {
  it.each([
    ["ResponsePayloadSizeLimitExceeded", false],
    ["GeneralException (older builds)", true],
  ])(
    "an oversized response refused as %s is read again in smaller blocks",
    async (_code, oldBuild) => {
      const wb = chineseLedger(600);
      const emulator = new ExcelEmulator(wb, { payloadLimit: 120_000, oldBuild });
      const host = createOfficeHost(emulator.run, emulator.isSetSupported, {
        limits: { maxPayloadBytes: 100_000 },
      });
      const grid = await host.readGrid();
      expect(comparable(grid)).toEqual(comparable(await exceljsGrid(wb)));
      expect(emulator.stats.refusedSyncs).toBeGreaterThan(0);
      expect(emulator.stats.maxSyncBytes).toBeLessThanOrEqual(120_000);
    }
  );

  it("sizes later blocks from the measured response bytes of Chinese text: one refusal, not one per block", async () => {
    const wb = chineseLedger(3_000);
    const emulator = new ExcelEmulator(wb, { payloadLimit: 120_000 });
    const host = createOfficeHost(emulator.run, emulator.isSetSupported, {
      limits: { maxPayloadBytes: 100_000 },
    });
    await host.readGrid();
    expect(emulator.stats.refusedSyncs).toBeLessThanOrEqual(1);
    // ~3,000 rows × ~500 bytes = 1.5 MB: about 15 full blocks of 100 KB, plus the halves of the refused one.
    expect(emulator.stats.syncs).toBeLessThan(30);
  });
});

describe("Office host reads merged areas within Excel's 512 limit", () => {
  function manyMerges(count: number): ExcelJS.Workbook {
    const wb = fixtureWorkbook();
    const ws = wb.addWorksheet("合并很多");
    for (let i = 0; i < count; i++) {
      ws.getCell(i + 1, 1).value = `分组${i}`;
      // A value right of each merge: the ExcelJS reader clips merges to the cells that hold values.
      ws.getCell(i + 1, 3).value = i;
      ws.mergeCells(i + 1, 1, i + 1, 2);
    }
    return wb;
  }

  it("a sheet with 600 merged areas is read sheet by sheet in row bands, and equals the ExcelJS reader", async () => {
    const wb = manyMerges(600);
    const emulator = new ExcelEmulator(wb);
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const grid = await host.readGrid();
    expect(comparable(grid)).toEqual(comparable(await exceljsGrid(wb)));
    expect(grid.sheets.find((s) => s.name === "合并很多")?.merges).toHaveLength(600);
    // The first try, the used ranges again, one probe per sheet, and a few row bands for the crowded one.
    expect(host.stats.syncs).toBeLessThan(20);
  });

  it("the emulator refuses above 512 and returns only merges whose top-left cell is in the range", async () => {
    const wb = manyMerges(513);
    wb.getWorksheet("目标分解表")?.mergeCells("H1:I3");
    const emulator = new ExcelEmulator(wb);
    await expect(
      emulator.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem("合并很多")
          .getRange()
          .getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
      })
    ).rejects.toThrow(/512/);
    const inner = await emulator.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("目标分解表");
      const below = ws.getRange("H2:I9").getMergedAreasOrNullObject();
      const whole = ws.getRange("H1:I9").getMergedAreasOrNullObject();
      below.load("address");
      whole.load("address");
      await context.sync();
      return { below: below.isNullObject, whole: whole.address };
    });
    expect(inner).toEqual({ below: true, whole: "目标分解表!H1:I3" });
  });
});

describe("Office host reads where the data is, not the whole used range", () => {
  function strayValue(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("目标分解表");
    ws.addRow(["序号", "责任单位", "签约项目"]);
    for (let i = 1; i <= 200; i++) ws.addRow([i, `单位${i}`, 10 + i]);
    ws.getCell("XFD1048576").value = "x";
    return wb;
  }

  it("a stray value at XFD1048576 costs a few syncs, and both the table and the stray value are read", async () => {
    const emulator = new ExcelEmulator(strayValue(), { maxSyncs: 12 });
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const grid = await host.readGrid();
    const sheet = grid.sheets[0];
    expect(sheet?.rows[200]).toEqual([200, "单位200", 210]);
    expect(sheet?.rows).toHaveLength(1_048_576);
    expect(sheet?.rows[1_048_575]?.[16_383]).toBe("x");
    expect(host.stats.syncs).toBeLessThanOrEqual(5);
  });

  it("refuses a workbook whose data is really too large, naming the sheet and its extent", async () => {
    const emulator = new ExcelEmulator(strayValue(), { maxSyncs: 12 });
    const host = createOfficeHost(emulator.run, emulator.isSetSupported, {
      limits: { maxCellsRead: 500 },
    });
    await expect(host.readGrid()).rejects.toMatchObject({
      code: "sheet_too_large",
      sheet: "目标分解表",
      message_zh: expect.stringContaining("A1:XFD1048576"),
      message_en: expect.stringContaining("Ctrl+End"),
    });
  });
});

describe("Office host and the 1904 date system", () => {
  it("reads the same dates as the ExcelJS host from a 1904 workbook", async () => {
    const wb = fixtureWorkbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const bytes = await toBytes(wb);
    const emulator = await ExcelEmulator.fromBuffer(bytes);
    const office = await createOfficeHost(emulator.run, emulator.isSetSupported).readGrid();
    const exceljs = await readWorkbookBuffer(bytes, "Book1.xlsx");
    expect(office.sheets[0]?.rows[4]?.[4]).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(comparable(office)).toEqual(comparable(exceljs));
  });

  it("the emulator gives the workbook's own serials (1,462 days apart)", async () => {
    const serial = async (date1904: boolean) => {
      const wb = fixtureWorkbook();
      (wb.properties as { date1904?: boolean }).date1904 = date1904;
      const emulator = await ExcelEmulator.fromBuffer(await toBytes(wb));
      return emulator.run(async (context) => {
        const cell = context.workbook.worksheets.getItem("目标分解表").getRange("E5");
        cell.load("values,text");
        await context.sync();
        return [cell.values[0]?.[0], cell.text[0]?.[0]];
      });
    };
    expect(await serial(false)).toEqual([45356, "2024-03-05"]);
    expect(await serial(true)).toEqual([45356 - 1462, "2024-03-05"]);
  });
});

describe("Excel API emulator: used ranges", () => {
  it("getUsedRange(valuesOnly) leaves out cells that only carry formatting", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = 1;
    ws.getCell("D9").numFmt = "0.00";
    const emulator = new ExcelEmulator(wb);
    const [all, values] = await emulator.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const a = sheet.getUsedRange();
      const v = sheet.getUsedRange(true);
      a.load("address");
      v.load("address");
      await context.sync();
      return [a.address, v.address];
    });
    expect(all).toBe("S!B2:D9");
    expect(values).toBe("S!B2");
  });
});
