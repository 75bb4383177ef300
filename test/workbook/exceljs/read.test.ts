import ExcelJS from "exceljs";
import { readWorkbookBuffer, WorkbookReadError } from "../../../src/workbook/exceljs/read";
import { countRows } from "../../../src/workbook/exceljs/read-progress";
import { buildXlsx } from "../../fixtures/build-xlsx";
import { checkGrid, expectFixture } from "../../fixtures/expect";
import { FIXTURES } from "../../fixtures/layouts";

describe("readWorkbookBuffer", () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))(
    "%s reads back from .xlsx with the same findings",
    async (_name, fixture) => {
      const grid = await readWorkbookBuffer(
        await buildXlsx(fixture.sheets),
        `${fixture.name}.xlsx`
      );
      expectFixture(fixture, checkGrid(grid, fixture.asOf));
    }
  );

  it("turns rich text, formulas, errors, dates, merges and hidden state into plain grid values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("A1").value = {
      richText: [{ text: "责任" }, { text: "单位", font: { bold: true } }],
    };
    ws.getCell("B1").value = { formula: "1+1", result: 2 };
    ws.getCell("C1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("D1").value = new Date(Date.UTC(2023, 2, 5));
    ws.getCell("E1").value = { text: "链接", hyperlink: "https://example.org" };
    ws.getCell("A2").value = "合并";
    ws.mergeCells("A2:C2");
    ws.getCell("B3").value = 1.5;
    ws.getCell("B3").numFmt = "0.00";
    ws.getColumn(4).hidden = true;
    wb.addWorksheet("藏", { state: "veryHidden" }).getCell("A1").value = "x";
    const grid = await readWorkbookBuffer(
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
      "t.xlsx"
    );
    const [sheet, hidden] = grid.sheets;
    expect(sheet?.rows[0]).toEqual([
      "责任单位",
      2,
      { kind: "error", code: "#DIV/0!" },
      new Date(Date.UTC(2023, 2, 5)),
      "链接",
    ]);
    expect(sheet?.rows[1]).toEqual(["合并"]);
    expect(sheet?.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 2 }]);
    expect(sheet?.numberFormats.get("B3")).toBe("0.00");
    expect([...(sheet?.hiddenColumns ?? [])]).toEqual([3]);
    expect(sheet?.hidden).toBe(false);
    expect(hidden?.hidden).toBe(true);
  });

  it("names the source when the bytes are not a workbook", async () => {
    await expect(
      readWorkbookBuffer(new TextEncoder().encode("not a zip"), "bad.xlsx")
    ).rejects.toThrow(WorkbookReadError);
    await expect(
      readWorkbookBuffer(new TextEncoder().encode("not a zip"), "bad.xlsx")
    ).rejects.toThrow(/bad\.xlsx/);
  });
});

describe("readWorkbookBuffer's progress", () => {
  it("reports the sheet being read and the rows read so far, ending with every row", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("项目台账");
    for (let r = 0; r < 3000; r++) a.addRow([`项目${r}`, "朝阳区", r]);
    const b = wb.addWorksheet("完成情况");
    for (let r = 0; r < 20; r++) b.addRow(["南关区", r]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const seen: { sheet: string; rows: number; fraction: number }[] = [];
    await readWorkbookBuffer(bytes, "t.xlsx", undefined, (p) => seen.push(p));
    expect(new Set(seen.map((p) => p.sheet))).toEqual(new Set(["项目台账", "完成情况"]));
    expect(seen.at(-1)).toEqual({ sheet: "完成情况", rows: 3020, fraction: 1 });
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    // Throttled by time: far fewer reports than chunks, never one per row.
    expect(seen.length).toBeLessThan(100);
  });

  it("counts row tags, not rowBreaks", () => {
    expect(countRows('<row r="1"><c/></row><row r="2"/><rowBreaks count="1"/><row>')).toBe(3);
  });
});

describe("countRows across chunks", () => {
  it("counts a <row split between two chunks once", () => {
    const xml = '<sheetData><row r="1"/><row r="2"><c/></row><row r="3"/></sheetData>';
    for (let cut = 1; cut < xml.length; cut++) {
      const a = xml.slice(0, cut);
      const b = xml.slice(cut);
      expect([cut, countRows(a) + countRows(a.slice(-4) + b, Math.min(4, a.length))]).toEqual([
        cut,
        3,
      ]);
    }
  });
});
