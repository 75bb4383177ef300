import ExcelJS from "exceljs";
import type { SheetGrid, WorkbookGrid } from "../../../src/core/grid";

/** A grid as plain data, so two hosts' readings compare with toEqual. */
export function comparable(grid: WorkbookGrid): unknown {
  return grid.sheets.map((s: SheetGrid) => ({
    name: s.name,
    hidden: s.hidden,
    rows: s.rows.map((row) => [...row]),
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    numberFormats: [...s.numberFormats.entries()].sort(),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
    hiddenRows: [...(s.hiddenRows ?? [])].sort((a, b) => a - b),
  }));
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Targets with a merged title and two-row merged header, an error, a date, a hidden column; a hidden state sheet; an empty sheet. */
export function fixtureWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("目标分解表");
  t.getCell("A1").value = "招商引资攻坚目标分解表";
  t.mergeCells("A1:E1");
  t.getCell("A2").value = "单位：亿元";
  t.getCell("A3").value = "序号";
  t.getCell("B3").value = "责任单位";
  t.getCell("C3").value = "实际利用内、外资指标";
  t.mergeCells("C3:D3");
  t.getCell("E3").value = "签约日期";
  t.mergeCells("A3:A4");
  t.mergeCells("B3:B4");
  t.getCell("C4").value = "实际利用外资(亿美元)";
  t.getCell("D4").value = "实际利用内资(亿元)";
  t.addRow([1, "经开区", 4.72, 30.5, new Date(Date.UTC(2024, 2, 5))]);
  t.addRow([
    2,
    "高新区",
    { error: "#REF!" },
    { formula: "1/0", result: { error: "#DIV/0!" } },
    "2024年3月5日",
  ]);
  t.addRow([3, "合 计", { formula: "C5+C6", result: 4.72 }, true, "---"]);
  t.getCell("E5").numFmt = "yyyy-mm-dd";
  t.getCell("C5").numFmt = "0.00";
  t.getColumn(6).hidden = true;
  t.getCell("F5").value = "helper";
  const s = wb.addWorksheet("_scorecard_state", { state: "hidden" });
  s.addRow(["key", "value"]);
  s.addRow(["previous", '{"a":1}']);
  wb.addWorksheet("空表");
  const l = wb.addWorksheet("项目台账");
  l.getCell("C3").value = "项目名称";
  l.getCell("D3").value = "金额";
  l.getCell("C4").value = "=not a formula";
  l.getCell("D4").value = 3000;
  return wb;
}
