/**
 * The sample and the blank template as new .xlsx bytes, built in the browser (the CLI's `demo` and `template`
 * write the same plans to files). Loaded lazily: ExcelJS is large.
 */
import ExcelJS from "exceljs";
import { planSampleWorkbook, planTemplate } from "../core/samples";
import { applyPlanToWorkbook } from "../workbook/exceljs/apply-plan";

export type StarterKind = "sample" | "template";

export async function starterWorkbook(kind: StarterKind, today: string): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商考核助手 · Investment Promotion Scorecard";
  applyPlanToWorkbook(wb, kind === "sample" ? planSampleWorkbook() : planTemplate({ asOf: today }));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
