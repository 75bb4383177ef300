/**
 * Writing through Office.js the way Excel really behaves (issue 15): two runtimes over one workbook, text that
 * Excel would convert, hidden sheets, workbook protection, cell-edit mode, the 32,767-character cell, 1904 dates.
 */
import ExcelJS from "exceljs";
import { planOutputs } from "../../../src/core/report";
import { STATE_SHEET_NAME, type SheetPlan, type WritePlan } from "../../../src/core/plan";
import { planStateRows, readStateValue } from "../../../src/core/state";
import { applyPlanToWorkbook } from "../../../src/workbook/exceljs/apply-plan";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { createOfficeHost } from "../../../src/workbook/office";
import { LOCK_SHEET, lockText } from "../../../src/workbook/office/run-lock";
import { NOW, issue, results } from "../../core/report/builders";
import { ExcelEmulator } from "../../emulator/excel-emulator";
import { toBytes } from "./helpers";
import { digestWorkbook } from "./workbook-digest";

function outputsPlan(): WritePlan {
  return planOutputs({ results: results(), issues: [issue()] }, { now: NOW });
}

function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("目标分解表");
  t.addRow(["序号", "责任单位", "实际利用外资(亿美元)"]);
  t.addRow([1, "经开区", 4.72]);
  return wb;
}

function textSheet(values: SheetPlan["values"]): SheetPlan {
  return {
    name: "文本",
    kind: "issues",
    owned: false,
    values,
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    hyperlinks: [],
    validations: [],
    dataBars: [],
    visibility: "visible",
  };
}

const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => ws.name);

describe("two runtimes (ribbon command and task pane) over one workbook", () => {
  it("a second run while the first writes is refused clearly, and the first one completes", async () => {
    const wb = userWorkbook();
    const ribbon = new ExcelEmulator(wb);
    const ribbonHost = createOfficeHost(ribbon.run, ribbon.isSetSupported);
    let refused: unknown = null;
    const pane = new ExcelEmulator(wb, {
      // Sync 3 is the pane's swap (1 lock, 2 content): its temporary sheets are written, not yet swapped in.
      beforeSync: async (n) => {
        if (n === 3) refused = await ribbonHost.applyPlan(outputsPlan()).catch((e: unknown) => e);
      },
    });
    const paneHost = createOfficeHost(pane.run, pane.isSetSupported);
    await paneHost.applyPlan(outputsPlan());
    expect(refused).toMatchObject({
      code: "busy",
      message_zh: expect.stringContaining("另一次考核"),
    });
    expect(names(wb)).toEqual([
      "目标分解表",
      "考核排名",
      "校验结果",
      "通报稿",
      "图表",
      STATE_SHEET_NAME,
    ]);
    const alone = await digestWorkbook(wb);
    const clean = new ExcelEmulator(userWorkbook());
    await createOfficeHost(clean.run, clean.isSetSupported).applyPlan(outputsPlan());
    expect(alone).toEqual(await digestWorkbook(clean.workbook));
  });

  it("a run left behind by a runtime that died (lock and temporary sheets) is cleaned up by the next run", async () => {
    const wb = userWorkbook();
    const now = 1_800_000_000_000;
    wb.addWorksheet("~scorecard tmp dead00 1", { state: "hidden" }).getCell("A1").value = "half";
    wb.addWorksheet(LOCK_SHEET, { state: "veryHidden" }).getCell("A1").value = lockText(
      "dead00",
      now - 600_000
    );
    const emulator = new ExcelEmulator(wb);
    await createOfficeHost(emulator.run, emulator.isSetSupported, { now: () => now }).applyPlan(
      outputsPlan()
    );
    expect(names(wb)).toEqual([
      "目标分解表",
      "考核排名",
      "校验结果",
      "通报稿",
      "图表",
      STATE_SHEET_NAME,
    ]);
  });

  it("a fresh lock of another runtime refuses the run and leaves the workbook as it was", async () => {
    const wb = userWorkbook();
    const now = 1_800_000_000_000;
    wb.addWorksheet(LOCK_SHEET, { state: "veryHidden" }).getCell("A1").value = lockText(
      "alive0",
      now - 5_000
    );
    const before = await digestWorkbook(wb);
    const emulator = new ExcelEmulator(wb);
    const host = createOfficeHost(emulator.run, emulator.isSetSupported, { now: () => now });
    await expect(host.applyPlan(outputsPlan())).rejects.toMatchObject({ code: "busy" });
    expect(await digestWorkbook(wb)).toEqual(before);
  });

  it("a stale grid does not drop the state the other runtime wrote since (ranking history)", async () => {
    const wb = userWorkbook();
    const base = planStateRows(null, { "ranking:2024": "old" });
    applyPlanToWorkbook(wb, { sheets: [base] });
    const pane = new ExcelEmulator(wb);
    const paneHost = createOfficeHost(pane.run, pane.isSetSupported);
    const paneGrid = await paneHost.readGrid();
    // Meanwhile the ribbon reads, assesses and stores this year's ranking.
    const ribbon = new ExcelEmulator(wb);
    const ribbonHost = createOfficeHost(ribbon.run, ribbon.isSetSupported);
    const ribbonGrid = await ribbonHost.readGrid();
    await ribbonHost.applyPlan({ sheets: [planStateRows(ribbonGrid, { "ranking:2025": "new" })] });
    // The pane saves its settings from the grid it read before.
    await paneHost.applyPlan({ sheets: [planStateRows(paneGrid, { settings: "{}" })] });
    const after = await readWorkbookBuffer(await toBytes(wb), "Book1.xlsx");
    expect(readStateValue(after, "ranking:2024")).toBe("old");
    expect(readStateValue(after, "ranking:2025")).toBe("new");
    expect(readStateValue(after, "settings")).toBe("{}");
  });
});

describe("text lands exactly as text", () => {
  const tricky = [
    "#N/A",
    "#REF!",
    "'引号开头",
    "1E+5",
    "＝SUM(A1)",
    "１２３",
    "=SUM(A1)",
    "+86 1234",
    "-5",
    "@user",
    "TRUE",
    "2022-03",
    "1,200",
    "001",
  ];

  it.each(tricky)("%s", async (text) => {
    const emulator = new ExcelEmulator(userWorkbook());
    await createOfficeHost(emulator.run, emulator.isSetSupported).applyPlan({
      sheets: [textSheet([[text]])],
    });
    expect(emulator.workbook.getWorksheet("文本")?.getCell("A1").value).toBe(text);
  });

  it("the emulator converts each of them when written plainly (the test has teeth)", async () => {
    const emulator = new ExcelEmulator(userWorkbook());
    await emulator.run(async (context) => {
      context.workbook.worksheets.getItem("目标分解表").getRange("A5:F5").values = [
        ["#N/A", "'引号开头", "1E+5", "＝SUM(A1)", "１２３", "1,200"],
      ];
      await context.sync();
    });
    const row = emulator.workbook.getWorksheet("目标分解表")?.getRow(5);
    expect([1, 2, 3, 4, 5, 6].map((c) => row?.getCell(c).value)).toEqual([
      { error: "#N/A" },
      "引号开头",
      100000,
      expect.objectContaining({ formula: "SUM(A1)" }),
      123,
      1200,
    ]);
  });
});

describe("Excel's refusals, each with a clear message", () => {
  it("freeze panes and page layout land on the visible result sheet (they fail on a hidden one)", async () => {
    const emulator = new ExcelEmulator(userWorkbook(), { apiVersion: "1.9" });
    await createOfficeHost(emulator.run, emulator.isSetSupported).applyPlan(outputsPlan());
    const ranking = emulator.workbook.getWorksheet("考核排名");
    expect(ranking?.views[0]).toMatchObject({ state: "frozen" });
    expect(ranking?.pageSetup.orientation).toBe("landscape");
  });

  it("a protected workbook structure is refused before anything changes", async () => {
    const wb = userWorkbook();
    const before = await digestWorkbook(wb);
    const emulator = new ExcelEmulator(wb, { structureProtected: true });
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    await expect(host.applyPlan(outputsPlan())).rejects.toMatchObject({
      code: "structure_protected",
      message_zh: expect.stringContaining("保护工作簿"),
    });
    expect(await digestWorkbook(wb)).toEqual(before);
  });

  it("cell-edit mode is explained on read, write and select", async () => {
    const emulator = new ExcelEmulator(userWorkbook(), { cellEditMode: true });
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    const editing = { code: "cell_edit_mode", message_en: expect.stringContaining("Enter") };
    await expect(host.readGrid()).rejects.toMatchObject(editing);
    await expect(host.applyPlan(outputsPlan())).rejects.toMatchObject(editing);
    await expect(host.selectCell("目标分解表", "A1")).rejects.toMatchObject(editing);
    emulator.options.cellEditMode = false;
    await expect(host.readGrid()).resolves.toBeDefined();
  });

  it("a cell beyond 32,767 characters is refused before any round trip", async () => {
    const emulator = new ExcelEmulator(userWorkbook());
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    // State values are split over cells (core/state/state-cells.ts); any other overlong cell is refused.
    const huge = textSheet([["x".repeat(40_000)]]);
    await expect(host.applyPlan({ sheets: [huge] })).rejects.toMatchObject({
      code: "cell_too_long",
    });
    expect(host.stats.syncs).toBe(0);
  });

  it("selecting a cell of a hidden sheet says to unhide it", async () => {
    const wb = userWorkbook();
    wb.addWorksheet("隐藏表", { state: "hidden" });
    const emulator = new ExcelEmulator(wb);
    const host = createOfficeHost(emulator.run, emulator.isSetSupported);
    await expect(host.selectCell("隐藏表", "A1")).rejects.toMatchObject({
      code: "hidden_sheet",
      sheet: "隐藏表",
    });
  });

  it("the emulator enforces sheet-name rules and workbook protection", async () => {
    const emulator = new ExcelEmulator(userWorkbook());
    for (const bad of ["History", "a:b", "x".repeat(32), "'q"]) {
      await expect(
        emulator.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        })
      ).rejects.toThrow(/InvalidArgument/);
    }
    emulator.options.structureProtected = true;
    await expect(
      emulator.run(async (context) => {
        context.workbook.worksheets.add("ok");
        await context.sync();
      })
    ).rejects.toThrow(/AccessDenied/);
  });
});

describe("1904 date system on write", () => {
  it("dates land on the same day as through the ExcelJS host", async () => {
    const wb = userWorkbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const day = new Date(Date.UTC(2024, 2, 5));
    const plan: WritePlan = { sheets: [textSheet([["签约日期", day]])] };
    const emulator = await ExcelEmulator.fromBuffer(await toBytes(wb));
    await createOfficeHost(emulator.run, emulator.isSetSupported).applyPlan(plan);
    const office = await readWorkbookBuffer(await emulator.toBuffer(), "Book1.xlsx");
    const viaExcelJs = new ExcelJS.Workbook();
    await viaExcelJs.xlsx.load((await toBytes(wb)).buffer as ArrayBuffer);
    applyPlanToWorkbook(viaExcelJs, plan);
    const exceljs = await readWorkbookBuffer(await toBytes(viaExcelJs), "Book1.xlsx");
    const cell = (g: typeof office) => g.sheets.find((s) => s.name === "文本")?.rows[0]?.[1];
    expect(cell(office)).toEqual(day);
    expect(cell(exceljs)).toEqual(day);
  });
});
