import ExcelJS from "exceljs";
import { planOutputs } from "../../../src/core/report";
import { STATE_SHEET_NAME, type WritePlan } from "../../../src/core/plan";
import { planSampleWorkbook } from "../../../src/core/samples/sample-workbook";
import { applyPlanToWorkbook } from "../../../src/workbook/exceljs/apply-plan";
import { createOfficeHost } from "../../../src/workbook/office";
import { NOW, issue, results } from "../../core/report/builders";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import { toBytes } from "./helpers";
import { digestWorkbook } from "./workbook-digest";

function outputsPlan(): WritePlan {
  return planOutputs(
    {
      results: results(),
      issues: [issue(), issue({ message_zh: "=SUM(A1)", cell: "A1", row: 1 })],
    },
    { now: NOW }
  );
}

function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("目标分解表");
  t.addRow(["招商引资攻坚目标分解表"]);
  t.addRow(["序号", "责任单位", "实际利用外资(亿美元)"]);
  t.addRow([1, "经开区", 4.72]);
  wb.addWorksheet("考核排名").addRow(["a user's own sheet of that name"]);
  return wb;
}

async function viaOffice(start: Uint8Array, plan: WritePlan, apiVersion: string) {
  const emulator = await ExcelEmulator.fromBuffer(start, { apiVersion });
  const host = createOfficeHost(emulator.run, emulator.isSetSupported);
  await host.applyPlan(plan);
  return { emulator, host };
}

async function viaExcelJs(start: Uint8Array, plan: WritePlan) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(start.buffer.slice(0) as ArrayBuffer);
  applyPlanToWorkbook(wb, plan);
  return wb;
}

describe("Office host applyPlan", () => {
  it.each([
    ["outputs", outputsPlan],
    ["sample workbook", () => planSampleWorkbook()],
  ])(
    "writes the same cells, merges and formats as the ExcelJS adapter (%s, ExcelApi 1.13)",
    async (_name, makePlan) => {
      const start = await toBytes(userWorkbook());
      const plan = makePlan();
      const { emulator } = await viaOffice(start, plan, "1.13");
      const office = await digestWorkbook(emulator.workbook);
      const exceljs = await digestWorkbook(await viaExcelJs(start, plan));
      expect(office.grid).toEqual(exceljs.grid);
      expect(office.sheets).toEqual(exceljs.sheets);
    }
  );

  it("links each issue to its cell with a native hyperlink (ExcelApi 1.7), not a formula", async () => {
    const { emulator } = await viaOffice(await toBytes(userWorkbook()), outputsPlan(), "1.7");
    const links: unknown[] = [];
    emulator.workbook.getWorksheet("校验结果")?.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === "object" && "hyperlink" in v) links.push(v.hyperlink);
      })
    );
    expect(links).toContain("#'项目台账'!C7");
  });

  it("re-runs when its one owned sheet is the only visible sheet", async () => {
    const emulator = new ExcelEmulator(new ExcelJS.Workbook());
    emulator.workbook.addWorksheet("Sheet1");
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const single: WritePlan = { sheets: outputsPlan().sheets.slice(0, 1) };
    await host.applyPlan(single);
    const sheet1 = emulator.workbook.getWorksheet("Sheet1");
    if (sheet1) emulator.workbook.removeWorksheet(sheet1.id);
    const first = await digestWorkbook(emulator.workbook);
    await host.applyPlan(single);
    expect(await digestWorkbook(emulator.workbook)).toEqual(first);
    expect(emulator.workbook.worksheets.map((ws) => ws.name)).toEqual([
      "考核排名",
      STATE_SHEET_NAME,
    ]);
  });

  it("is idempotent: a second run replaces its own sheets in place and keeps the user's", async () => {
    const start = await toBytes(userWorkbook());
    const { emulator, host } = await viaOffice(start, outputsPlan(), "1.9");
    const first = await digestWorkbook(emulator.workbook);
    const applied = await host.applyPlan(outputsPlan());
    // The port reports where each sheet landed, so the pane selects ours, not the user's.
    expect(applied.sheets[0]).toEqual({
      planned: "考核排名",
      name: "考核排名 (2)",
      replaced: true,
    });
    const second = await digestWorkbook(emulator.workbook);
    expect(second).toEqual(first);
    const names = emulator.workbook.worksheets.map((ws) => ws.name);
    expect(names).toContain("考核排名");
    expect(names).toContain("考核排名 (2)");
    expect(emulator.workbook.getWorksheet("考核排名")?.getCell("A1").value).toBe(
      "a user's own sheet of that name"
    );
  });

  it("on ExcelApi 1.7 writes values, merges and styles rectangle by rectangle, skipping 1.8/1.9 features", async () => {
    const start = await toBytes(userWorkbook());
    const plan = outputsPlan();
    const { emulator } = await viaOffice(start, plan, "1.7");
    const office = await digestWorkbook(emulator.workbook);
    const exceljs = await digestWorkbook(await viaExcelJs(start, plan));
    expect(office.grid).toEqual(exceljs.grid);
    const strip = (sheets: unknown[]) =>
      sheets.map((s) => ({ ...(s as object), print: null, validations: null }));
    expect(strip(office.sheets)).toEqual(strip(exceljs.sheets));
  });

  it("writes text that begins with = + - @ or looks like a number or date as text", async () => {
    const plan: WritePlan = {
      sheets: [
        {
          name: "文本",
          kind: "issues",
          owned: false,
          values: [["=SUM(A1)", "+86 1234", "-5", "@user", "2022-03", "001", "TRUE", "plain"]],
          styles: [],
          merges: [],
          columnWidths: [],
          rowHeights: {},
          hyperlinks: [],
          validations: [],
          dataBars: [],
          visibility: "visible",
        },
      ],
    };
    const { emulator } = await viaOffice(await toBytes(userWorkbook()), plan, "1.9");
    const row = emulator.workbook.getWorksheet("文本")?.getRow(1);
    const values = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => row?.getCell(c).value);
    expect(values).toEqual([
      "=SUM(A1)",
      "+86 1234",
      "-5",
      "@user",
      "2022-03",
      "001",
      "TRUE",
      "plain",
    ]);
    expect(row?.getCell(1).numFmt ?? "General").toBe("General");
  });

  it("the emulator would have turned such text into a formula without the text format (the test has teeth)", async () => {
    const emulator = new ExcelEmulator(userWorkbook());
    await emulator.run(async (context) => {
      context.workbook.worksheets.getItem("目标分解表").getRange("D1:E1").values = [
        ["=SUM(A1)", "-5"],
      ];
      await context.sync();
    });
    const ws = emulator.workbook.getWorksheet("目标分解表");
    expect(ws?.getCell("D1").value).toEqual(expect.objectContaining({ formula: "SUM(A1)" }));
    expect(ws?.getCell("E1").value).toBe(-5);
  });

  async function failingRun(failAt: { sync: number; afterActions: number }) {
    const start = await toBytes(userWorkbook());
    const { emulator } = await viaOffice(start, outputsPlan(), "1.9");
    const before = await digestWorkbook(emulator.workbook);
    const failing = new ExcelEmulator(emulator.workbook, { apiVersion: "1.9", failAt });
    const host = createOfficeHost(failing.run, failing.isSetSupported);
    const next = planOutputs({ results: results(), issues: [issue()] }, { now: NOW });
    await expect(host.applyPlan(next)).rejects.toThrow("forced failure");
    const after = await digestWorkbook(emulator.workbook);
    const clean = await digestWorkbook(
      await viaExcelJs(start, next).then(async (wb) => {
        applyPlanToWorkbook(wb, outputsPlan());
        applyPlanToWorkbook(wb, next);
        return wb;
      })
    );
    return { before, after, clean, emulator };
  }

  it("a failure while writing (before the swap) leaves the workbook exactly as it was", async () => {
    // Syncs 1-3 find the owned sheets; sync 4 is the first write batch.
    const { before, after } = await failingRun({ sync: 4, afterActions: 3 });
    expect(after).toEqual(before);
  });

  it("a failure part-way through the swap leaves every sheet wholly old or wholly new, and no temporary sheet", async () => {
    for (const afterActions of [1, 2, 3, 5, 7]) {
      const { before, after, clean, emulator } = await failingRun({ sync: 5, afterActions });
      expect(
        emulator.workbook.worksheets.map((ws) => ws.name).filter((n) => n.startsWith("~"))
      ).toEqual([]);
      const byName = (d: { sheets: unknown[] }) =>
        new Map(d.sheets.map((s) => [(s as { name: string }).name, s]));
      const old = byName(before);
      const fresh = byName(clean);
      for (const sheet of after.sheets) {
        const name = (sheet as { name: string }).name;
        expect([old.get(name), fresh.get(name)]).toContainEqual(sheet);
      }
      expect(after.sheets).toHaveLength(before.sheets.length);
    }
  });

  it("a cancel before the swap leaves the workbook as it was", async () => {
    const start = await toBytes(userWorkbook());
    const emulator = await ExcelEmulator.fromBuffer(start);
    const before = await digestWorkbook(emulator.workbook);
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const controller = new AbortController();
    const done = host.applyPlan(
      outputsPlan(),
      (p) => {
        if (p.fraction > 0) controller.abort();
      },
      controller.signal
    );
    await expect(done).rejects.toThrow();
    expect(await digestWorkbook(emulator.workbook)).toEqual(before);
  });

  it("selectCell activates the sheet and selects the cell", async () => {
    const emulator = new ExcelEmulator(userWorkbook());
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    await host.selectCell("目标分解表", "C3");
    expect(emulator.lastSelection).toEqual({ sheet: "目标分解表", address: "目标分解表!C3" });
    expect(emulator.lastActive).toBe("目标分解表");
    expect(host.stats.syncs).toBe(1);
  });
});
