import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { createOfficeHost } from "../../../src/workbook/office";
import { buildXlsx } from "../../fixtures/build-xlsx";
import { FIXTURES } from "../../fixtures/layouts";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import { comparable, fixtureWorkbook, toBytes } from "./helpers";

async function bothReadings(bytes: Uint8Array, apiVersion = "1.13") {
  const emulator = await ExcelEmulator.fromBuffer(bytes, { apiVersion, fileName: "t.xlsx" });
  const host = createOfficeHost(emulator.run, emulator.isSetSupported);
  const office = await host.readGrid();
  const exceljs = await readWorkbookBuffer(bytes, "t.xlsx");
  return { office, exceljs, host, emulator };
}

describe("Office host readGrid", () => {
  it("equals the ExcelJS reader on merged headers, errors, dates, hidden sheets and columns", async () => {
    const { office, exceljs } = await bothReadings(await toBytes(fixtureWorkbook()));
    expect(comparable(office)).toEqual(comparable(exceljs));
    const targets = office.sheets[0];
    expect(targets?.rows[5]?.[2]).toEqual({ kind: "error", code: "#REF!" });
    expect(targets?.rows[4]?.[4]).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(office.sheets.find((s) => s.name === "_scorecard_state")?.hidden).toBe(true);
    expect(office.source).toBe("t.xlsx");
  });

  it.each(FIXTURES.map((f) => [f.name, f] as const))(
    "equals the ExcelJS reader on fixture %s",
    async (_name, fixture) => {
      const { office, exceljs } = await bothReadings(await buildXlsx(fixture.sheets));
      expect(comparable(office)).toEqual(comparable(exceljs));
    }
  );

  it("on ExcelApi 1.7 reads values without merged areas, in the same number of syncs", async () => {
    const { office, host } = await bothReadings(await toBytes(fixtureWorkbook()), "1.7");
    expect(office.sheets[0]?.merges).toEqual([]);
    expect(office.sheets[0]?.rows[3]?.[2]).toBe("实际利用外资(亿美元)");
    expect(host.stats.syncs).toBe(4);
  });

  it("reads in 4 syncs: sheets, used ranges + merges, one block of values + hidden columns, the date system", async () => {
    const { host, emulator } = await bothReadings(await toBytes(fixtureWorkbook()));
    expect(host.stats.syncs).toBe(4);
    expect(emulator.stats.syncs).toBe(4);
  });

  it("a workbook without dates needs no date-system probe", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addRow(["单位", 1]);
    const { host } = await bothReadings(await toBytes(wb));
    expect(host.stats.syncs).toBe(3);
  });

  it("a workbook of empty sheets needs two syncs", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const { office, host } = await bothReadings(await toBytes(wb));
    expect(office.sheets).toEqual([expect.objectContaining({ name: "Sheet1", rows: [] })]);
    expect(host.stats.syncs).toBe(2);
  });

  it("reports read progress up to 1 and stops at a cancel", async () => {
    const bytes = await toBytes(fixtureWorkbook());
    const emulator = await ExcelEmulator.fromBuffer(bytes);
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const fractions: number[] = [];
    await host.readGrid((p) => fractions.push(p.fraction));
    expect(fractions).toEqual([0, 1]);
    const controller = new AbortController();
    controller.abort();
    await expect(host.readGrid(undefined, controller.signal)).rejects.toThrow();
  });
});
