import ExcelJS from "exceljs";
import { assessWorkbook } from "../../../src/core/assess";
import { planOutputs } from "../../../src/core/report";
import { STATE_SHEET_NAME, type SheetPlan, type WritePlan } from "../../../src/core/plan";
import { snapshotOwnership } from "../../../src/core/ownership";
import { planSampleWorkbook } from "../../../src/core/samples";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { isProductPackage, stampPackage } from "../../../src/workbook/xlsx-package";
import { workbookBytes } from "../../../src/workbook/exceljs/file-io";
import { writePlanIntoPackage } from "../../../src/workbook/xlsx-package";
import { applyPlanToWorkbook } from "../../../src/workbook/exceljs/apply-plan";
import { NOW, issue, results } from "../../core/report/builders";
import {
  editContentTypes,
  Package,
  parseRelationships,
  removeRelationship,
} from "../../../src/workbook/xlsx-package/opc";
import type { XmlText } from "../../../src/workbook/xlsx-package/xml-text";
import { writeZip } from "../../../src/workbook/xlsx-package/zip";
import { addedParts, changedParts, EDITED_PARTS, partText } from "./package-parts";

function outputs(): WritePlan {
  return planOutputs(
    {
      results: results(),
      issues: [issue(), issue({ message_zh: "=SUM(A1)", cell: "A1", row: 1 })],
    },
    { now: NOW }
  );
}

async function userBook(edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t = wb.addWorksheet("目标分解表");
  t.addRow(["招商引资攻坚目标分解表"]);
  t.addRow(["序号", "责任单位", "实际利用外资(亿美元)"]);
  t.addRow([1, "经开区", 4.72]);
  t.getCell("D3").value = { formula: "C3*2", result: 9.44 };
  t.getCell("E3").value = "=SUM(A1)";
  t.getCell("B3").note = "领导批示：请加快进度";
  const l = wb.addWorksheet("项目台账");
  l.addRow(["项目名称", "责任单位"]);
  l.addRow(["+86 电话项目", "高新区"]);
  edit?.(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Reads `bytes` as the CLI and web page do and writes `plan` into them. */
async function write(bytes: Uint8Array, plan: WritePlan = outputs()) {
  const grid = await readWorkbookBuffer(bytes, "book.xlsx");
  return writePlanIntoPackage(bytes, plan, snapshotOwnership(grid));
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

describe("surgical write-back", () => {
  it("keeps every part of the user's package byte for byte except the edited ones, and adds ours", async () => {
    const input = await userBook();
    const { bytes, sheets } = await write(input);
    expect(changedParts(input, bytes).sort()).toEqual([...EDITED_PARTS].sort());
    expect(addedParts(input, bytes)).toEqual([
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/sheet5.xml",
      // 图表 and its native charts.
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/worksheets/_rels/sheet6.xml.rels",
      "xl/worksheets/sheet6.xml",
      "xl/worksheets/sheet7.xml",
    ]);
    expect(sheets.map((s) => [s.name, s.replaced])).toEqual([
      ["考核排名", false],
      ["校验结果", false],
      ["通报稿", false],
      ["图表", false],
      [STATE_SHEET_NAME, false],
    ]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["目标分解表", "visible"],
      ["项目台账", "visible"],
      ["考核排名", "visible"],
      ["校验结果", "visible"],
      ["通报稿", "visible"],
      ["图表", "visible"],
      [STATE_SHEET_NAME, "veryHidden"],
    ]);
    // File → Info lists the sheets: ours join the user's.
    expect(partText(bytes, "docProps/app.xml")).toContain("<vt:i4>7</vt:i4>");
    expect(partText(bytes, "docProps/app.xml")).toMatch(
      /<vt:vector size="7" baseType="lpstr"><vt:lpstr>目标分解表<\/vt:lpstr><vt:lpstr>项目台账<\/vt:lpstr><vt:lpstr>考核排名<\/vt:lpstr>/
    );
    const source = wb.getWorksheet("目标分解表") as ExcelJS.Worksheet;
    expect(source.getCell("B3").note).toBe("领导批示：请加快进度");
    expect(source.getCell("E3").value).toBe("=SUM(A1)");
  });

  it("never modifies the input bytes it is given", async () => {
    const input = Buffer.from(await userBook());
    const copy = Buffer.from(input);
    await write(input);
    expect(input.equals(copy)).toBe(true);
  });

  it("is idempotent: writing its own result again gives the same bytes, replacing its sheets in place", async () => {
    const first = await write(await userBook());
    const second = await write(first.bytes);
    expect(second.sheets.every((s) => s.replaced)).toBe(true);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it("keeps a user's sheet that holds the name, writes 考核排名 (2), says so, and reuses (2) next time", async () => {
    const input = await userBook((wb) => {
      wb.addWorksheet("考核排名").getCell("A1").value = "我自己的排名 [scorecard:ranking]";
    });
    const first = await write(input);
    expect(first.sheets[0]).toEqual({ planned: "考核排名", name: "考核排名 (2)", replaced: false });
    expect(first.notes.map((n) => n.sheet)).toEqual(["考核排名 (2)"]);
    const second = await write(first.bytes);
    expect(second.sheets[0]).toEqual({ planned: "考核排名", name: "考核排名 (2)", replaced: true });
    const wb = await load(second.bytes);
    expect(wb.getWorksheet("考核排名")?.getCell("A1").value).toBe(
      "我自己的排名 [scorecard:ranking]"
    );
    expect(wb.worksheets.filter((w) => w.name.startsWith("考核排名"))).toHaveLength(2);
  });

  it("a renamed owned sheet is an archive: kept as it is, and a new 考核排名 is written", async () => {
    const first = await write(await userBook());
    const wb = await load(first.bytes);
    (wb.getWorksheet("考核排名") as ExcelJS.Worksheet).name = "2008年1月排名(存档)";
    const renamed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const grid = await readWorkbookBuffer(renamed, "b.xlsx");
    const archive = assessWorkbook(grid, { now: NOW }).recognition.reports.find(
      (r) => r.name === "2008年1月排名(存档)"
    );
    expect(archive?.role).toBe("output");
    const second = await write(renamed);
    expect(second.sheets[0]).toEqual({ planned: "考核排名", name: "考核排名", replaced: false });
    expect(changedParts(renamed, second.bytes)).not.toContain("xl/worksheets/sheet3.xml");
  });

  it("an owned sheet the user edited is kept and ours is written beside it", async () => {
    const first = await write(await userBook());
    const wb = await load(first.bytes);
    (wb.getWorksheet("考核排名") as ExcelJS.Worksheet).getCell("A40").value = "备注：已报市政府";
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const second = await write(edited);
    expect(second.sheets[0]?.name).toBe("考核排名 (2)");
    expect(second.notes[0]?.message_en).toContain('"考核排名"');
  });

  it("carries print titles, freeze panes, merges, number formats, fills, data bars, tab colour and links", async () => {
    const { bytes } = await write(await userBook());
    const workbookXml = partText(bytes, "xl/workbook.xml");
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'考核排名'!$3:$4</definedName>`
    );
    const wb = await load(bytes);
    const ranking = wb.getWorksheet("考核排名") as ExcelJS.Worksheet;
    expect(ranking.views[0]).toEqual(
      expect.objectContaining({ state: "frozen", xSplit: 2, ySplit: 4 })
    );
    expect(ranking.getCell("D3").isMerged).toBe(true);
    // The first unit's first 完成率 (columns follow the indicators, so no fixed letter).
    const rateCol = (ranking.getRow(4).values as unknown[]).indexOf("完成率");
    const rate = ranking.getRow(5).getCell(rateCol);
    expect(rate.numFmt).toBe('"▲ "0.0%');
    expect(rate.fill).toEqual(expect.objectContaining({ fgColor: { argb: "FF0072B2" } }));
    expect(ranking.getCell("A1").font).toEqual(
      expect.objectContaining({ name: "等线", bold: true })
    );
    expect(ranking.properties.tabColor).toEqual({ argb: "FF0072B2" });
    expect(ranking.pageSetup).toEqual(
      expect.objectContaining({ orientation: "landscape", fitToWidth: 1 })
    );
    const cfs = (ranking as unknown as { conditionalFormattings: { rules: { type: string }[] }[] })
      .conditionalFormattings;
    expect(cfs[0]?.rules[0]?.type).toBe("dataBar");
    const issues = wb.getWorksheet("校验结果") as ExcelJS.Worksheet;
    // The summary page and the details both link the issue to its cell.
    const links: unknown[] = [];
    issues.eachRow((row) => row.eachCell((c) => links.push(c.value)));
    expect(links).toContainEqual({
      formula: `HYPERLINK("#'项目台账'!C7","C7")`,
      result: "C7",
    });
    // Text beginning with = is text, not a formula.
    const texts: unknown[] = [];
    issues.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain("=SUM(A1)");
  });

  it("adds nothing to the user's styles on a second run (our formats are found, not appended again)", async () => {
    const first = await write(await userBook());
    const second = await write(first.bytes);
    expect(partText(second.bytes, "xl/styles.xml")).toBe(partText(first.bytes, "xl/styles.xml"));
  });

  it("writes our dates in the workbook's own date system (1904 workbooks)", async () => {
    const date = new Date(Date.UTC(2008, 0, 31));
    const plan: WritePlan = {
      sheets: [
        {
          ...(outputs().sheets[1] as SheetPlan),
          values: [["截至", date]],
          merges: [],
          styles: [],
          hyperlinks: [],
        },
      ],
    };
    const input = await userBook((wb) => {
      wb.properties.date1904 = true;
    });
    expect(partText(input, "xl/workbook.xml")).toContain('date1904="1"');
    const { bytes } = await write(input, plan);
    const wb = await load(bytes);
    expect(wb.getWorksheet("校验结果")?.getCell("B1").value).toEqual(date);
  });

  it("writes into a workbook that has no styles part", async () => {
    // Styles dropped with their relationship and content type, as a minimal producer writes.
    const pkg = new Package(await userBook());
    const rels = pkg.xml("xl/_rels/workbook.xml.rels") as XmlText;
    const id = parseRelationships(rels.text).find((r) => r.type.endsWith("/styles"))?.id ?? "";
    pkg.setXml("xl/_rels/workbook.xml.rels", removeRelationship(rels, id));
    pkg.setXml(
      "[Content_Types].xml",
      editContentTypes(pkg.xml("[Content_Types].xml") as XmlText, [], ["xl/styles.xml"])
    );
    pkg.remove("xl/styles.xml");
    const input = writeZip(pkg.archive, pkg.output(), new Uint8Array(0));
    const { bytes } = await write(input);
    expect(partText(bytes, "xl/styles.xml")).toContain("<cellXfs");
    expect(partText(bytes, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
    const wb = await load(bytes);
    expect(wb.getWorksheet("考核排名")?.getCell("A1").font).toEqual(
      expect.objectContaining({ name: "等线", bold: true })
    );
  });
});

describe("a file the product wrote", () => {
  it("is recognised by the stamp over its parts, never by its extension", async () => {
    const { bytes } = await write(await userBook());
    expect(isProductPackage(bytes)).toBe(true);
    expect(isProductPackage(await userBook())).toBe(false);
    expect(isProductPackage(new TextEncoder().encode("PK not really"))).toBe(false);
    // Re-saved by another program (here ExcelJS): no longer ours to overwrite.
    const resaved = new Uint8Array((await (await load(bytes)).xlsx.writeBuffer()) as ArrayBuffer);
    expect(isProductPackage(resaved)).toBe(false);
    expect(isProductPackage(stampPackage(resaved))).toBe(true);
  });

  it("includes the new workbooks it builds (sample, template, merged ledgers)", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlanToWorkbook(wb, planSampleWorkbook());
    expect(isProductPackage(await workbookBytes(wb))).toBe(true);
  });
});
