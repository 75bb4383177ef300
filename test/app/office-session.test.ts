import ExcelJS from "exceljs";
import { OWNERSHIP_KEY, STATE_SHEET_NAME } from "../../src/core/plan";
import { createCoreEngine } from "../../src/app/core-engine";
import { inThreadRunner } from "../../src/app/runners/in-thread-runner";
import { createSession } from "../../src/app/session";
import { createOfficeHost } from "../../src/workbook/office";
import { ExcelEmulator } from "../emulator/excel-emulator";

describe("session over the Office.js adapter (Excel API emulator)", () => {
  it("inserts the sample, remembers overrides and settings, assesses twice and shows the ranking", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const excel = new ExcelEmulator(wb, { apiVersion: "1.7" });
    const engine = createCoreEngine();
    const load = async () => engine;
    const host = createOfficeHost(excel.run, excel.isSetSupported, { source: "工作簿1" });
    const session = createSession({
      host,
      loadEngine: load,
      runner: inThreadRunner(load),
      now: () => new Date("2026-11-23T08:00:00Z"),
    });

    expect((await session.recognise()).empty).toBe(true);
    await session.insertSample();
    expect(excel.lastSelection).toMatchObject({
      sheet: "目标分解表",
      address: expect.stringMatching(/A1$/),
    });

    await session.saveOverrides({ roles: { Sheet1: "other" } });
    const overview = await session.recognise();
    expect(overview.settings).toMatchObject({
      overrides: { roles: { Sheet1: "other" } },
      asOf: "2008-01-31",
    });
    expect(overview.reports.find((r) => r.name === "目标分解表")?.role).toBe("targets");

    const first = await session.assess({ asOf: "2007-12-31" }, () => undefined);
    expect(first.results.units.length).toBeGreaterThan(5);
    const second = await session.assess({ asOf: "2008-01-31" }, () => undefined);
    expect(second.results.units.some((u) => u.previousRank !== null)).toBe(true);

    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("考核排名"))).toEqual(["考核排名"]);
    const state = wb.getWorksheet(STATE_SHEET_NAME)!;
    const keys: string[] = [];
    state.eachRow((row) => keys.push(String(row.getCell(1).value ?? "")));
    expect(keys.some((k) => k === "taskpane.settings")).toBe(true);
    expect(keys.some((k) => k.startsWith("ranking:"))).toBe(true);
    expect(keys.filter((k) => k === OWNERSHIP_KEY)).toHaveLength(1);

    await session.showRanking();
    expect(excel.lastSelection).toMatchObject({
      sheet: "考核排名",
      address: expect.stringMatching(/A1$/),
    });
  });
});
