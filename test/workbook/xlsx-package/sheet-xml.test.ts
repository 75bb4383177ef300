import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetPlan, WritePlan } from "../../../src/core/plan";
import { snapshotOwnership } from "../../../src/core/ownership";
import type { WorkbookGrid } from "../../../src/core/grid";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { readWorkbookFileStreaming } from "../../../src/workbook/exceljs/read-stream";
import { writePlanIntoPackage } from "../../../src/workbook/xlsx-package";
import { cellText } from "../../../src/workbook/xlsx-package/sheet-xml";
import { partText } from "./package-parts";

const TEXTS = [
  "=SUM(A1:A9)",
  "+86 138",
  "-5%",
  "@张三",
  "a & b <c> \"d\" 'e'",
  "  前后空格  ",
  "两行\n第二行",
  "表情 😀",
];
/**
 * Characters XML cannot carry, a CR (XML reads it back as LF), and text shaped like their escapes: written as
 * OOXML's _xHHHH_ escapes, which Excel, LibreOffice and both our readers read back as the text itself.
 */
const ESCAPED = ["控制\u0001\u001f字符", "_x0041_ 字面", "回车\r\n换行", "_x000d_ 小写"];

function plan(values: SheetPlan["values"]): WritePlan {
  return {
    sheets: [
      {
        name: "校验结果",
        kind: "issues",
        owned: true,
        values,
        styles: [{ style: { bold: true, fill: "FFEEAA", border: "thin" }, ranges: ["A1:B2"] }],
        merges: ["A1:B1"],
        columnWidths: [12, 30],
        rowHeights: { 1: 28 },
        freeze: { rows: 1, columns: 0 },
        print: { orientation: "landscape", paperSize: "A4", fitToWidth: 1, fitToHeight: 0 },
        hyperlinks: [{ cell: "B2", sheet: "台账", target: "C7" }],
        validations: [],
        dataBars: [{ range: "C2:C4", color: "5B9BD5" }],
        visibility: "visible",
      },
    ],
  };
}

async function userBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账").getCell("A1").value = "项目名称";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function written(values: SheetPlan["values"]): Promise<Uint8Array> {
  const input = await userBook();
  const grid = await readWorkbookBuffer(input, "book.xlsx");
  return writePlanIntoPackage(input, plan(values), snapshotOwnership(grid)).bytes;
}

/** The grid of `bytes` through both readers (the DOM one for small files, the streaming one the CLI uses). */
async function bothReaders(bytes: Uint8Array): Promise<WorkbookGrid[]> {
  const dir = mkdtempSync(join(tmpdir(), "sheet-xml-"));
  try {
    const path = join(dir, "out.xlsx");
    writeFileSync(path, bytes);
    return [await readWorkbookBuffer(bytes, "out.xlsx"), await readWorkbookFileStreaming(path)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("our sheets written as SpreadsheetML", () => {
  it("writes every text as text, never a formula, and reads back each character", async () => {
    const bytes = await written([["标题", null], ...[...TEXTS, ...ESCAPED].map((t) => [t, 1])]);
    const sheetXml = partText(bytes, "xl/worksheets/sheet2.xml");
    // The only formula is the plan's internal link.
    expect(sheetXml.match(/<f>/g)).toHaveLength(1);
    const [dom, streamed] = await bothReaders(bytes);
    const texts = (grid: WorkbookGrid | undefined) =>
      grid?.sheets
        .find((s) => s.name === "校验结果")
        ?.rows.slice(1)
        .map((r) => r[0]);
    expect(texts(dom)).toEqual([...TEXTS, ...ESCAPED]);
    expect(texts(streamed)).toEqual(texts(dom));
  });

  it("escapes what XML cannot carry and what would read as an escape", () => {
    expect(cellText("a<b&c>")).toBe("a&lt;b&amp;c&gt;");
    expect(cellText("\u0001")).toBe("_x0001_");
    expect(cellText("_x0041_")).toBe("_x005F_x0041_");
    expect(cellText("a\r\nb")).toBe("a_x000D_\nb");
    expect(cellText("\ud800")).toBe("_xD800_");
    expect(cellText("😀")).toBe("😀");
  });

  it("writes numbers, booleans, dates and links with their cached text", async () => {
    const date = new Date(Date.UTC(2024, 8, 30));
    const bytes = await written([
      ["标题", null],
      [12.5, null, 1],
      [true, null, 2],
      [date, null, 3],
    ]);
    for (const grid of await bothReaders(bytes)) {
      const rows = grid.sheets.find((s) => s.name === "校验结果")?.rows ?? [];
      expect(rows[1]?.slice(0, 2)).toEqual([12.5, "C7"]);
      expect(rows[2]?.[0]).toBe(true);
      expect(rows[3]?.[0]).toEqual(date);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet("校验结果") as ExcelJS.Worksheet;
    expect(ws.getCell("B2").value).toEqual({
      formula: `HYPERLINK("#'台账'!C7","C7")`,
      result: "C7",
    });
    expect(ws.getCell("A4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getCell("A1").font).toEqual(expect.objectContaining({ name: "等线", bold: true }));
    expect(ws.getCell("A2").fill).toEqual(
      expect.objectContaining({ fgColor: { argb: "FFFFEEAA" } })
    );
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: "frozen", ySplit: 1 }));
    expect(ws.pageSetup).toEqual(
      expect.objectContaining({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0 })
    );
  });
});
