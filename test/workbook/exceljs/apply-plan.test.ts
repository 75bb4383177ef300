import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { planOutputs } from "../../../src/core/report";
import { STATE_SHEET_NAME, type SheetPlan, type WritePlan } from "../../../src/core/plan";
import { productSheetKinds, safeSheetName } from "../../../src/core/ownership";
import { applyPlanToWorkbook } from "../../../src/workbook/exceljs/apply-plan";
import { gridFromWorkbook, readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import {
  loadWorkbook,
  WorkbookFileError,
  writeWorkbookAtomic,
} from "../../../src/workbook/exceljs/file-io";
import { NOW, issue, results } from "../../core/report/builders";

function plan(): WritePlan {
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
  t.getCell("D3").value = { formula: "C3*2", result: 9.44 };
  t.getCell("E3").value = "=SUM(A1)";
  const l = wb.addWorksheet("项目台账");
  l.addRow(["项目名称", "责任单位"]);
  l.addRow(["+86 电话项目", "高新区"]);
  return wb;
}

/** Everything a user could see in a sheet's cells, as a hash. */
function checksum(ws: ExcelJS.Worksheet): string {
  const h = createHash("sha256");
  ws.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) =>
      h.update(`${r},${c}=${JSON.stringify(cell.value)}|${cell.numFmt ?? ""};`)
    )
  );
  return h.digest("hex");
}

function snapshot(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    state: ws.state,
    sum: checksum(ws),
    merges: [
      ...Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges),
    ].sort(),
  }));
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return out;
}

describe("applyPlanToWorkbook", () => {
  it("adds the owned sheets after the user's and never changes a source cell", () => {
    const wb = userWorkbook();
    const before = wb.worksheets.map(checksum);
    const applied = applyPlanToWorkbook(wb, plan());
    expect(applied.sheets.map((a) => [a.name, a.replaced])).toEqual([
      ["考核排名", false],
      ["校验结果", false],
      ["通报稿", false],
      ["图表", false],
      [STATE_SHEET_NAME, false],
    ]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "目标分解表",
      "项目台账",
      "考核排名",
      "校验结果",
      "通报稿",
      "图表",
      STATE_SHEET_NAME,
    ]);
    expect(wb.worksheets.slice(0, 2).map(checksum)).toEqual(before);
    const kinds = productSheetKinds(gridFromWorkbook(wb, "t"));
    expect(kinds.get("考核排名")).toBe("ranking");
    expect(kinds.get("目标分解表")).toBeUndefined();
  });

  it("is idempotent, also across a save and reload, and replaces owned sheets in place", async () => {
    const wb = userWorkbook();
    applyPlanToWorkbook(wb, plan());
    const inMemory = snapshot(wb);
    expect(applyPlanToWorkbook(wb, plan()).sheets.every((a) => a.replaced)).toBe(true);
    expect(snapshot(wb)).toEqual(inMemory);

    // A user sheet added after ours stays after ours: replaced sheets keep their positions.
    wb.addWorksheet("备注").getCell("A1").value = "note";
    const saved = await roundTrip(wb);
    const first = snapshot(saved);
    const applied = applyPlanToWorkbook(saved, plan());
    expect(applied.sheets.every((a) => a.replaced)).toBe(true);
    const twice = await roundTrip(saved);
    expect(snapshot(twice)).toEqual(first);
    expect(twice.worksheets.map((w) => w.name)).toEqual([
      "目标分解表",
      "项目台账",
      "考核排名",
      "校验结果",
      "通报稿",
      "图表",
      STATE_SHEET_NAME,
      "备注",
    ]);
  });

  it("leaves source sheets byte-for-byte the same through save, apply and save", async () => {
    const saved = await roundTrip(userWorkbook());
    const before = saved.worksheets.map(checksum);
    applyPlanToWorkbook(saved, plan());
    const after = await roundTrip(saved);
    expect(after.worksheets.slice(0, 2).map(checksum)).toEqual(before);
    const source = after.getWorksheet("目标分解表") as ExcelJS.Worksheet;
    expect(source.getCell("E3").value).toBe("=SUM(A1)");
    expect(source.getCell("E3").type).toBe(ExcelJS.ValueType.String);
    expect(source.getCell("D3").value).toEqual({ formula: "C3*2", result: 9.44 });
    expect((after.getWorksheet("项目台账") as ExcelJS.Worksheet).getCell("A2").value).toBe(
      "+86 电话项目"
    );
  });

  it("keeps a user's sheet that shares a name and writes ours as 考核排名 (2), then reuses that", async () => {
    const wb = userWorkbook();
    const mine = wb.addWorksheet("考核排名");
    mine.getCell("A1").value = "我自己的排名";
    const mySum = checksum(mine);
    const applied = applyPlanToWorkbook(wb, plan());
    expect(applied.sheets[0]).toEqual({
      planned: "考核排名",
      name: "考核排名 (2)",
      replaced: false,
    });
    expect(applied.notes?.[0]?.message_en).toMatch(/"考核排名" was not written by this tool/);
    const again = await roundTrip(wb);
    applyPlanToWorkbook(again, plan());
    expect(again.worksheets.map((w) => w.name)).toEqual([
      "目标分解表",
      "项目台账",
      "考核排名",
      "考核排名 (2)",
      "校验结果",
      "通报稿",
      "图表",
      STATE_SHEET_NAME,
    ]);
    expect(checksum(again.getWorksheet("考核排名") as ExcelJS.Worksheet)).toBe(mySum);
  });

  it("writes strings that start with = + - @ as text, never as formulas", async () => {
    const p: SheetPlan = {
      ...(plan().sheets[1] as SheetPlan),
      values: [["=SUM(A1)", "+1", "-2", "@x", "=1+1"]],
      merges: [],
      styles: [],
      hyperlinks: [],
    };
    const wb = new ExcelJS.Workbook();
    applyPlanToWorkbook(wb, { sheets: [p] });
    const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const ws = back.worksheets[0] as ExcelJS.Worksheet;
    expect(["A1", "B1", "C1", "D1", "E1"].map((a) => ws.getCell(a).value)).toEqual([
      "=SUM(A1)",
      "+1",
      "-2",
      "@x",
      "=1+1",
    ]);
    expect(["A1", "E1"].map((a) => ws.getCell(a).type)).toEqual([
      ExcelJS.ValueType.String,
      ExcelJS.ValueType.String,
    ]);
  });

  it("writes text holding a CR, a control character or an escape's shape so every reader reads it as typed", async () => {
    const texts = ["回车\r\n换行", "控制\u0001字符", "原样_x000D_", "_x005f_"];
    const p: SheetPlan = {
      ...(plan().sheets[1] as SheetPlan),
      values: [texts],
      merges: [],
      styles: [],
      hyperlinks: [],
    };
    const wb = new ExcelJS.Workbook();
    applyPlanToWorkbook(wb, { sheets: [p] });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const grid = await readWorkbookBuffer(bytes, "out.xlsx");
    expect(grid.sheets[0]?.rows[0]).toEqual(texts);
  });

  it("carries formats, merges, widths, freeze panes, print setup, links, dropdowns, data bars and visibility", async () => {
    const wb = userWorkbook();
    const hidden: SheetPlan = {
      ...(plan().sheets[1] as SheetPlan),
      name: "_scorecard_state",
      kind: "state",
      visibility: "veryHidden",
    };
    const withExtras: WritePlan = {
      sheets: [
        ...plan().sheets,
        hidden,
        {
          ...(plan().sheets[1] as SheetPlan),
          name: "下拉",
          kind: "sample",
          owned: false,
          validations: [
            { range: "A2:A9", values: ["线索", "在谈"] },
            { range: "B2:B9", values: [], source: { sheet: "目标分解表", range: "B3:B9" } },
          ],
        },
      ],
      activate: "考核排名",
    };
    applyPlanToWorkbook(wb, withExtras);
    const back = await roundTrip(wb);
    const ranking = back.getWorksheet("考核排名") as ExcelJS.Worksheet;
    expect(ranking.pageSetup).toEqual(
      expect.objectContaining({
        orientation: "landscape",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "3:4",
      })
    );
    expect(ranking.views[0]).toEqual(
      expect.objectContaining({ state: "frozen", xSplit: 2, ySplit: 4 })
    );
    // The first unit's first 完成率 (columns follow the indicators, so no fixed letter).
    const rateCol = (ranking.getRow(4).values as unknown[]).indexOf("完成率");
    const rate = ranking.getRow(5).getCell(rateCol);
    expect(rate.fill).toEqual(expect.objectContaining({ fgColor: { argb: "FF0072B2" } }));
    expect(rate.numFmt).toBe('"▲ "0.0%');
    expect(ranking.getCell("D3").isMerged).toBe(true);
    expect(ranking.getColumn(2).width).toBeGreaterThan(5);
    expect(ranking.properties.tabColor).toEqual({ argb: "FF0072B2" });
    const cfs = (
      ranking as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(cfs[0]?.rules[0]?.type).toBe("dataBar");
    const issues = back.getWorksheet("校验结果") as ExcelJS.Worksheet;
    // The summary page and the details both link the issue to its cell.
    const links: unknown[] = [];
    issues.eachRow((row) => row.eachCell((c) => links.push(c.value)));
    expect(links).toContainEqual({
      formula: `HYPERLINK("#'项目台账'!C7","C7")`,
      result: "C7",
    });
    expect((back.getWorksheet("_scorecard_state") as ExcelJS.Worksheet).state).toBe("veryHidden");
    const dropdowns = back.getWorksheet("下拉") as ExcelJS.Worksheet;
    expect(dropdowns.getCell("A5").dataValidation).toEqual(
      expect.objectContaining({ type: "list", formulae: ['"线索,在谈"'] })
    );
    expect(dropdowns.getCell("B5").dataValidation).toEqual(
      expect.objectContaining({ formulae: ["'目标分解表'!$B$3:$B$9"] })
    );
    expect(back.views[0]?.activeTab).toBe(2);
  });
});

describe("sheet names", () => {
  it("replaces characters Excel rejects and keeps the 31-character limit with the (2) suffix", () => {
    expect(safeSheetName("2008/01 排名[终稿]?")).toBe("2008_01 排名_终稿__");
    expect(safeSheetName("'x'")).toBe("x");
    const wb = new ExcelJS.Workbook();
    const long = "很长的工作表名称".repeat(5);
    wb.addWorksheet(long.slice(0, 31));
    const p = plan().sheets[1] as SheetPlan;
    const [applied] = applyPlanToWorkbook(wb, { sheets: [{ ...p, name: long }] }).sheets;
    expect(applied?.name).toBe(`${long.slice(0, 27)} (2)`);
  });
});

describe("file helpers", () => {
  it("names the file it cannot read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-io-"));
    await expect(loadWorkbook(join(dir, "missing.xlsx"))).rejects.toThrow(
      /missing\.xlsx: 文件不存在/
    );
    writeFileSync(join(dir, "junk.xlsx"), "not a zip");
    await expect(loadWorkbook(join(dir, "junk.xlsx"))).rejects.toBeInstanceOf(WorkbookFileError);
  });

  it("writes atomically and leaves nothing behind when it fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-io-"));
    const wb = userWorkbook();
    await writeWorkbookAtomic(wb, join(dir, "ok.xlsx"));
    writeFileSync(join(dir, "blocker"), "a file where a folder should be");
    await expect(writeWorkbookAtomic(wb, join(dir, "blocker", "out.xlsx"))).rejects.toThrow(
      /blocker/
    );
    expect(readdirSync(dir).sort()).toEqual(["blocker", "ok.xlsx"]);
    const back = await loadWorkbook(join(dir, "ok.xlsx"));
    expect(back.worksheets.map((w) => w.name)).toEqual(["目标分解表", "项目台账"]);
  });
});
