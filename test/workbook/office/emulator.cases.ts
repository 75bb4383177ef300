import ExcelJS from "exceljs";
import { ExcelEmulator, isEmulatorError } from "../../emulator/excel-emulator";

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["a", 1]);
  return wb;
}

describe("Excel API emulator", () => {
  it("throws PropertyNotLoaded for a property read without load() and sync()", async () => {
    const emulator = new ExcelEmulator(workbook());
    const forgotten = emulator.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.load("address");
      await context.sync();
      return range.values;
    });
    await expect(forgotten).rejects.toThrow(/PropertyNotLoaded/);
    await expect(
      forgotten.catch((e: unknown) => isEmulatorError(e, "PropertyNotLoaded"))
    ).resolves.toBe(true);
  });

  it("throws PropertyNotLoaded when a load was queued but not yet synced", async () => {
    const emulator = new ExcelEmulator(workbook());
    await expect(
      emulator.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
        range.load("values");
        return range.values;
      })
    ).rejects.toThrow(/PropertyNotLoaded/);
  });

  it("applies queued writes only at sync, and reads values, types and formats as Office does", async () => {
    const emulator = new ExcelEmulator(workbook());
    const seen = await emulator.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C1").values = [[2]];
      const before = emulator.workbook.getWorksheet("Sheet1")?.getCell("C1").value ?? null;
      const range = ws.getRange("A1:C1");
      range.load("values,valueTypes,numberFormat");
      await context.sync();
      return { before, values: range.values, types: range.valueTypes, formats: range.numberFormat };
    });
    expect(seen).toEqual({
      before: null,
      values: [["a", 1, 2]],
      types: [["String", "Double", "Double"]],
      formats: [["General", "General", "General"]],
    });
    expect(emulator.stats.syncs).toBe(1);
  });

  it("fails a sync whose request exceeds 5 MB, as Excel on the web does", async () => {
    const emulator = new ExcelEmulator(workbook());
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await expect(
      emulator.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A60000").values = big;
        await context.sync();
      })
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(emulator.workbook.getWorksheet("Sheet1")?.getCell("A2").value ?? null).toBeNull();
  });

  it("refuses APIs above the configured requirement set, and resolves null objects", async () => {
    const emulator = new ExcelEmulator(workbook(), { apiVersion: "1.7" });
    expect(emulator.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(emulator.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const isNull = await emulator.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      expect(() => ws.getRanges("A1, B2")).toThrow(/ApiNotFound/);
      const missing = context.workbook.worksheets.getItemOrNullObject("nope");
      missing.load("name");
      await context.sync();
      return missing.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});
