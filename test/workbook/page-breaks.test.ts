import ExcelJS from "exceljs";
import { planIssuesSheet } from "../../src/core/report";
import { applyPlanToWorkbook } from "../../src/workbook/exceljs/apply-plan";
import { createOfficeHost } from "../../src/workbook/office";
import { NOW, issue } from "../core/report/builders";
import { ExcelEmulator } from "../emulator/excel-emulator";

type Breaks = { rowBreaks: { id: number }[] };

/** 校验结果 prints its summary alone on page 1 in both hosts: the break lands after the summary's last row. */
describe("page breaks of a plan", () => {
  const plan = planIssuesSheet([issue(), issue({ severity: "warning", code: "bad_date" })], {
    now: NOW,
  });
  const first = plan.print?.pageBreaks?.[0] ?? 0;

  it("ExcelJS: a manual break after the row before", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    applyPlanToWorkbook(wb, { sheets: [plan] });
    const ws = wb.getWorksheet(plan.name) as unknown as Breaks;
    expect(first).toBeGreaterThan(10);
    expect(ws.rowBreaks.map((b) => b.id)).toEqual([first - 1]);
  });

  it("Office.js: horizontalPageBreaks.add above the row (ExcelApi 1.9), none where pageLayout is missing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const excel = new ExcelEmulator(wb, { apiVersion: "1.9" });
    await createOfficeHost(excel.run, excel.isSetSupported).applyPlan({ sheets: [plan] });
    const ws = wb.getWorksheet(plan.name) as unknown as Breaks;
    expect(ws.rowBreaks.map((b) => b.id)).toEqual([first - 1]);

    const older = new ExcelJS.Workbook();
    older.addWorksheet("Sheet1");
    const old = new ExcelEmulator(older, { apiVersion: "1.8" });
    await createOfficeHost(old.run, old.isSetSupported).applyPlan({ sheets: [plan] });
    expect((older.getWorksheet(plan.name) as unknown as Breaks).rowBreaks).toEqual([]);
  });
});
