import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookGrid } from "../../../src/core/grid";
import { planSampleWorkbook } from "../../../src/core/samples";
import { WorkbookFileError, writePlanToNewFile } from "../../../src/workbook/exceljs/file-io";
import { WorkbookReadError } from "../../../src/workbook/exceljs/read";
import { readWorkbookFile, readWorkbookFileDom } from "../../../src/workbook/exceljs/read-file";
import {
  readWorkbookFileStreaming,
  StreamFallback,
  streamWorkbookFile,
} from "../../../src/workbook/exceljs/read-stream";
import { ZipPackage } from "../../../src/workbook/exceljs/read-zip";
import { buildXlsx } from "../../fixtures/build-xlsx";
import { FIXTURES } from "../../fixtures/layouts";
import { comparable } from "./read-helpers";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-stream-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeBytes(name: string, bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return path;
}

async function writeWorkbook(name: string, wb: ExcelJS.Workbook): Promise<string> {
  return writeBytes(name, (await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The streaming pass alone (no DOM fallback) must give the DOM reader's grid, through the fast tokenizer (which
 * must not decline) and through saxes alike; so must the public reader.
 */
async function expectSameGrid(path: string): Promise<WorkbookGrid> {
  const dom = comparable(await readWorkbookFileDom(path));
  const streamed = await streamWorkbookFile(path, { tokenizer: "fast" });
  expect(comparable(streamed)).toEqual(dom);
  expect(comparable(await streamWorkbookFile(path, { tokenizer: "saxes" }))).toEqual(dom);
  expect(comparable(await readWorkbookFile(path))).toEqual(dom);
  return streamed;
}

/** JSZip, the zip library ExcelJS writes with; used here to hand-edit a sheet's XML. */
interface ZipLike {
  file(path: string): { async(type: "string"): Promise<string> } | null;
  file(path: string, data: string): void;
  generateAsync(options: { type: "uint8array" }): Promise<Uint8Array>;
}
const JSZip = createRequire(require.resolve("exceljs/package.json"))("jszip") as {
  loadAsync(data: Uint8Array | ArrayBuffer): Promise<ZipLike>;
};

/** An ExcelJS-written workbook with some parts' XML rewritten. */
async function withEditedParts(
  name: string,
  wb: ExcelJS.Workbook,
  edits: Readonly<Record<string, (xml: string) => string>>
): Promise<string> {
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const [part, edit] of Object.entries(edits)) {
    const xml = await zip.file(part)?.async("string");
    if (xml === undefined) throw new Error(`no ${part}`);
    const edited = edit(xml);
    expect(edited).not.toBe(xml);
    zip.file(part, edited);
  }
  return writeBytes(name, await zip.generateAsync({ type: "uint8array" }));
}

function withSheetXml(
  name: string,
  wb: ExcelJS.Workbook,
  edit: (xml: string) => string
): Promise<string> {
  return withEditedParts(name, wb, { "xl/worksheets/sheet1.xml": edit });
}

describe("readWorkbookFileStreaming equals the DOM reader", () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))("fixture %s", async (name, fixture) => {
    await expectSameGrid(await writeBytes(`${name}.xlsx`, await buildXlsx(fixture.sheets)));
  });

  it("the bundled sample workbook", async () => {
    const path = join(dir, "sample.xlsx");
    await writePlanToNewFile(planSampleWorkbook(), path);
    const grid = await expectSameGrid(path);
    expect(grid.sheets.length).toBeGreaterThan(1);
  });

  it("rich text, formulas with cached values, errors, dates, merges, hidden sheets and columns", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("A1").value = {
      richText: [{ text: "责任" }, { text: "单位", font: { bold: true } }],
    };
    ws.getCell("B1").value = { formula: "1+1", result: 2 };
    ws.getCell("C1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("D1").value = new Date(Date.UTC(2023, 2, 5));
    ws.getCell("E1").value = { formula: 'A1&"x"', result: "责任单位x" };
    ws.getCell("F1").value = { formula: "TRUE()", result: true };
    ws.getCell("G1").value = { formula: "B1", result: 45000 };
    ws.getCell("G1").numFmt = "yyyy-mm-dd";
    ws.getCell("H1").value = { formula: "NOW()" };
    ws.getCell("A2").value = "合并";
    ws.mergeCells("A2:C2");
    ws.getCell("A3").value = "纵向";
    ws.mergeCells("A3:A6");
    ws.getCell("E3").value = "块";
    ws.mergeCells("E3:F4");
    ws.getCell("B3").value = 1.5;
    ws.getCell("B3").numFmt = "0.00";
    ws.getCell("C3").value = 45292;
    ws.getCell("C3").numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell("D3").value = 0.25;
    ws.getCell("D3").numFmt = "0%";
    ws.getCell("A7").value = { error: "#N/A" };
    ws.getCell("B7").value = false;
    ws.getCell("C7").value = "";
    ws.getCell("D7").value = 'a & <b> "c"';
    ws.getCell("J9").numFmt = "0.00"; // styled, empty
    ws.getCell("K2").value = "k"; // widens the used range past the hidden column I
    ws.getCell("B10").value = {
      formula: "B1*2",
      result: 4,
      shareType: "shared",
      ref: "B10:B12",
    } as unknown as ExcelJS.CellValue;
    ws.getCell("B11").value = { sharedFormula: "B10", result: 6 };
    ws.getCell("B12").value = { sharedFormula: "B10", result: 8 };
    ws.getColumn(4).hidden = true;
    ws.getColumn(9).hidden = true;
    ws.getColumn(30).hidden = true; // beyond the used columns: the DOM reader does not report it
    ws.getRow(11).hidden = true; // hidden by hand or by an AutoFilter
    wb.addWorksheet("藏", { state: "hidden" }).getCell("A1").value = "x";
    wb.addWorksheet("深藏", { state: "veryHidden" }).getCell("B2").value = 3;
    wb.addWorksheet("空");
    const grid = await expectSameGrid(await writeWorkbook("features.xlsx", wb));
    const [sheet, hidden, veryHidden, empty] = grid.sheets;
    expect(sheet?.rows[0]?.slice(0, 7)).toEqual([
      "责任单位",
      2,
      { kind: "error", code: "#DIV/0!" },
      new Date(Date.UTC(2023, 2, 5)),
      "责任单位x",
      true,
      new Date(Date.UTC(2023, 2, 15)),
    ]);
    expect(sheet?.rows[2]?.[2]).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(sheet?.merges).toHaveLength(3);
    expect([...(sheet?.hiddenColumns ?? [])].sort()).toEqual([3, 8]);
    expect([...(sheet?.hiddenRows ?? [])]).toEqual([10]);
    expect(sheet?.numberFormats.get("D3")).toBe("0%");
    expect([hidden?.hidden, veryHidden?.hidden, empty?.hidden]).toEqual([true, true, false]);
    expect(empty?.rows).toEqual([]);
  });

  it("a stream-written workbook: inline strings and rich text, sheets before styles and shared strings", async () => {
    const path = join(dir, "streamed.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: true,
    });
    const ws = writer.addWorksheet("台账");
    ws.columns = [{ width: 10 }, { width: 10, hidden: true }, { width: 10 }];
    ws.addRow(["项目名称", "隐藏", "签约日期", "富文本"]).commit();
    for (let i = 0; i < 50; i++) {
      const row = ws.addRow([
        `项目${i}`,
        i,
        new Date(Date.UTC(2024, 0, 1 + i)),
        i % 2 ? "x" : null,
      ]);
      row.getCell(5).value = {
        richText: [{ text: "甲" }, { text: `乙${i}`, font: { italic: true } }],
      };
      row.commit();
    }
    ws.mergeCells("A60:B61");
    ws.commit();
    const second = writer.addWorksheet("第二");
    second.addRow([1, "二", { formula: "A1*2", result: 2 }]).commit();
    second.commit();
    await writer.commit();
    const grid = await expectSameGrid(path);
    expect(grid.sheets[0]?.rows[1]?.[4]).toBe("甲乙0");
    expect(grid.sheets[0]?.rows[1]?.[2]).toEqual(new Date(Date.UTC(2024, 0, 1)));
  });

  it("1904-based dates", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("日期");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell("B1").value = 40000;
    ws.getCell("B1").numFmt = "yyyy/m/d";
    const grid = await expectSameGrid(await writeWorkbook("d1904.xlsx", wb));
    expect(grid.sheets[0]?.rows[0]?.[0]).toEqual(new Date(Date.UTC(2024, 5, 30)));
  });

  it("sheet order from workbook.xml, absolute rel targets, a chartsheet-like dangling sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("一").getCell("A1").value = 1;
    wb.addWorksheet("二").getCell("A1").value = 2;
    wb.addWorksheet("三").getCell("A1").value = 3;
    const path = await withEditedParts("order.xlsx", wb, {
      // 三 first, 一 last; 二's part is named by an absolute path
      "xl/workbook.xml": (xml) =>
        xml.replace(
          /(<sheet [^>]*name="一"[^>]*\/>)(<sheet [^>]*name="二"[^>]*\/>)(<sheet [^>]*name="三"[^>]*\/>)/,
          '$3$2$1<sheet name="图表" sheetId="9" r:id="rId99"/>'
        ),
      "xl/_rels/workbook.xml.rels": (xml) =>
        xml
          .replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/sheet2.xml"')
          .replace(
            "</Relationships>",
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'
          ),
    });
    const grid = await expectSameGrid(path);
    expect(grid.sheets.map((s) => s.name)).toEqual(["三", "二", "一"]);
  });

  it("Chinese text across zip chunk boundaries and a sheet larger than one chunk", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    for (let r = 1; r <= 4000; r++) {
      ws.getRow(r).values = [
        `第${r}号项目·招商引资重点工作推进`,
        `单位${r % 37}`,
        r * 1.5,
        `备注：${"很长的中文说明".repeat(r % 5)}`,
      ];
    }
    const grid = await expectSameGrid(await writeWorkbook("big-cjk.xlsx", wb));
    expect(grid.sheets[0]?.rows).toHaveLength(4000);
    expect(grid.sheets[0]?.rows[3999]?.[0]).toBe("第4000号项目·招商引资重点工作推进");
    // Parts stored uncompressed are streamed in steps (deflated ones up to 64 MiB are inflated in one call):
    // the scanner meets plain cells, rows and shared strings cut at every step's end.
    const stored = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const bytes = await (
      stored as unknown as {
        generateAsync(o: { type: "uint8array"; compression: "STORE" }): Promise<Uint8Array>;
      }
    ).generateAsync({ type: "uint8array", compression: "STORE" });
    const again = await expectSameGrid(await writeBytes("big-cjk-stored.xlsx", bytes));
    expect(again.sheets[0]?.rows).toEqual(grid.sheets[0]?.rows);
  });
});

describe("seeded random workbooks", () => {
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const FORMATS = ["0.00", "0%", "yyyy-mm-dd", 'yyyy"年"m"月"', "#,##0", "@", "h:mm", "General"];
  const ERRORS = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!"] as const;

  function randomWorkbook(seed: number): ExcelJS.Workbook {
    const rand = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const wb = new ExcelJS.Workbook();
    const sheetCount = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < sheetCount; k++) {
      const ws = wb.addWorksheet(`表${k}`, {
        state: pick(["visible", "visible", "hidden", "veryHidden"] as const),
      });
      for (let r = 1; r <= 14; r++) {
        for (let c = 1; c <= 9; c++) {
          const roll = rand();
          if (roll < 0.35) continue;
          const cell = ws.getCell(r, c);
          const kind = Math.floor(rand() * 10);
          if (kind === 0) cell.value = Math.round(rand() * 1e6) / 100;
          else if (kind === 1)
            cell.value = pick([
              `单位${Math.floor(rand() * 50)}`,
              'a<b>&"c"\n第二行',
              " 前后空格 ",
              "_x000D_",
            ]);
          else if (kind === 2) cell.value = rand() < 0.5;
          else if (kind === 3)
            cell.value = new Date(
              Date.UTC(
                2020 + Math.floor(rand() * 6),
                Math.floor(rand() * 12),
                1 + Math.floor(rand() * 28)
              )
            );
          else if (kind === 4) cell.value = { error: pick(ERRORS) };
          else if (kind === 5) cell.value = { formula: "1+1", result: Math.round(rand() * 1000) };
          else if (kind === 6)
            cell.value = {
              formula: "A1",
              result: pick<ExcelJS.CellValue>(["文本", { error: "#N/A" }, true, false, 0, "", 3]),
            } as ExcelJS.CellValue;
          else if (kind === 7)
            cell.value = { richText: [{ text: "富" }, { text: `文${r}`, font: { bold: true } }] };
          else if (kind === 8) cell.value = "";
          if (rand() < 0.4) cell.numFmt = pick(FORMATS); // kind 9: style only, no value
        }
      }
      const taken: { t: number; l: number; b: number; r: number }[] = [];
      for (let m = 0; m < 4; m++) {
        const t = 1 + Math.floor(rand() * 16);
        const l = 1 + Math.floor(rand() * 11);
        const b = t + Math.floor(rand() * 3);
        const r = l + Math.floor(rand() * 3);
        if (b === t && r === l) continue;
        if (taken.some((o) => l <= o.r && r >= o.l && t <= o.b && b >= o.t)) continue;
        taken.push({ t, l, b, r });
        ws.mergeCells(t, l, b, r);
      }
      for (let c = 1; c <= 12; c++) if (rand() < 0.2) ws.getColumn(c).hidden = true;
    }
    return wb;
  }

  it.each(Array.from({ length: 40 }, (_, i) => [i + 1]))("seed %i", async (seed) => {
    await expectSameGrid(await writeWorkbook(`random-${seed}.xlsx`, randomWorkbook(seed)));
  });
});

describe("the worksheet tokenizer", () => {
  function base(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = "甲";
    ws.getCell("B1").value = 2;
    ws.getCell("A2").value = "乙";
    return wb;
  }

  it("reads entities, character references, CR LF, comments, single quotes and odd spacing as saxes does", async () => {
    const path = await withSheetXml("xml-edge.xlsx", base(), (xml) =>
      xml
        .replace("<sheetData>", "<!-- a comment with <c> inside --><sheetData>")
        .replace(
          "</row>",
          '<c r="D1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &quot;&apos; &#x4E2D;&#25991; one\r\ntwo\rthree </t></is></c>' +
            "<c r='E1' t = 'str' ><f>\"x\"</f><v>公式&amp;</v></c>" +
            '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
            '<c r="G1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本_x000D_</t></r></is></c>' +
            '<c r="H1"\n  s="0"><v>\n  7 </v></c></row>'
        )
    );
    const grid = await expectSameGrid(path);
    expect(grid.sheets[0]?.rows[0]?.slice(3)).toEqual([
      " a & b <c> \"' 中文 one\ntwo\nthree ",
      "公式&",
      { kind: "error", code: "#DIV/0!" },
      "富文本\r",
      7,
    ]);
  });

  it("shared formulas: clones before their master, masters without text, unknown si, array formulas", async () => {
    const path = await withSheetXml("shared-formulas.xlsx", base(), (xml) =>
      xml.replace(
        "</row>",
        '<c r="D1"><f t="shared" si="7"/><v>1</v></c>' +
          '<c r="E1"><f t="shared" ref="E1:G1" si="7">A1*2</f><v>2</v></c>' +
          '<c r="F1"><f t="shared" si="7"/><v>3</v></c>' +
          '<c r="G1"><f t="shared" si="9"/><v>4</v></c>' +
          '<c r="H1"><f t="shared" ref="H1:I1" si="3"/><v>5</v></c>' +
          '<c r="I1"><f t="shared" si="3"/><v>6</v></c>' +
          '<c r="J1"><f t="array" ref="J1"/><v>7</v></c>' +
          '<c r="K1"><f t="array" ref="K1">SUM(A1)</f><v>8</v></c></row>'
      )
    );
    const grid = await expectSameGrid(path);
    expect(grid.sheets[0]?.rows[0]?.slice(3)).toEqual([null, 2, 3, null, null, 6, null, 8]);
  });

  it("a formula's cached 0 or FALSE is a figure, not a blank (=B5-C5 that comes to 0)", async () => {
    const path = await withSheetXml("cached-zero.xlsx", base(), (xml) =>
      xml.replace(
        "</row>",
        '<c r="D1"><f>9-9</f><v>0</v></c>' +
          '<c r="E1" t="b"><f>1=2</f><v>0</v></c>' +
          '<c r="F1" t="str"><f>""</f><v></v></c>' +
          '<c r="G1"><f t="shared" ref="G1:H1" si="4">A1*0</f><v>0</v></c>' +
          '<c r="H1"><f t="shared" si="4"/><v>0</v></c></row>'
      )
    );
    const grid = await expectSameGrid(path);
    expect(grid.sheets[0]?.rows[0]?.slice(3)).toEqual([0, false, null, 0, 0]);
  });

  it("reads plain cells and rows by its short cut as saxes does, and leaves the near misses to the general path", async () => {
    const path = await withSheetXml("plain-cells.xlsx", base(), (xml) =>
      xml
        .replace("<sheetData>", '<sheetData><!-- <c r="Z1"><v>9</v></c> -->')
        .replace(
          "</row>",
          '<c r="D1" s="0" t="n"><v>-12</v></c><c r="E1"><v>1.5E3</v></c><c r="F1" t="s"><v>0</v></c>' +
            '<c r="G1"/><c r="H1" s="0"></c><c r="I1"><v></v></c><c r="J1" cm="1" s="0"><v>3</v></c>' +
            '<c r="K1"><v>12345678901234567890</v></c><c r="L1"><v>&#49;2</v></c>' +
            '<c  r="M1"   t="n" ><v> 5</v></c><c r="N1" t="s"><v>01</v></c><c r="O1"><v>-0</v></c>' +
            '<c r="P1"><v>123456789012345</v></c><c r="Q1" t="b"><v>1</v></c>' +
            // a byte-order mark inside text is text (the scanner decodes span by span, as the stream did)
            '<c r="R1" t="inlineStr"><is><t>\uFEFF前</t></is></c></row>'
        )
        .replace(/<c r="A2"[^]*?<\/c>/, '<c r="A2" s="0" t="s"><v>1</v></c><c r="C2"><v>7</v></c>')
        .replace(/<row r="2"[^>]*>/, '<row r="2" spans="1:3" hidden="true" ht="15">')
        .replace(
          "</sheetData>",
          '<row r="3" hidden="&#49;"><c r="A3"><v>1</v></c></row>' +
            '<row r="4" hidden="0"><c r="A4"><v>1</v></c></row>' +
            '<row spans="1:1" r="6" hidden="1"><c r="A6"><v>1</v></c></row></sheetData>'
        )
    );
    const grid = await expectSameGrid(path);
    expect(grid.sheets[0]?.rows[0]?.slice(3)).toEqual([
      -12,
      1500,
      "甲",
      null,
      null,
      null,
      3,
      12345678901234567000,
      12,
      5,
      expect.anything(),
      -0,
      123456789012345,
      true,
      "\uFEFF前",
    ]);
    expect(grid.sheets[0]?.rows[1]).toEqual([expect.anything(), null, 7]);
    expect(grid.sheets[0]?.hiddenRows).toEqual(new Set([1, 2, 5]));
  });

  it("leaves CDATA to saxes, with the same result", async () => {
    const path = await withSheetXml("cdata.xlsx", base(), (xml) =>
      xml.replace(
        "</row>",
        '<c r="D1" t="inlineStr"><is><t><![CDATA[<raw> & text]]></t></is></c></row>'
      )
    );
    await expect(streamWorkbookFile(path, { tokenizer: "fast" })).rejects.toThrow();
    const dom = comparable(await readWorkbookFileDom(path));
    expect(comparable(await streamWorkbookFile(path))).toEqual(dom);
    expect(comparable(await streamWorkbookFile(path, { tokenizer: "saxes" }))).toEqual(dom);
  });

  it("reads malformed sheet XML up to the damage and says so in one note", async () => {
    const path = await withSheetXml("malformed.xlsx", base(), (xml) =>
      xml.replace("</row>", "</rwo>")
    );
    await expect(streamWorkbookFile(path)).rejects.toThrow();
    const grid = await readWorkbookFile(path);
    expect(grid.sheets[0]?.rows).toEqual([["甲", 2]]);
    expect(grid.readNotes).toHaveLength(1);
    expect(grid.readNotes?.[0]).toMatchObject({ sheet: "表", part: "xl/worksheets/sheet1.xml" });
    expect(grid.readNotes?.[0]?.message_en).toMatch(/damaged; only the cells before the damage/);
  });
});

describe("readWorkbookFileStreaming falls back to the DOM reader", () => {
  it("for external hyperlinks, and still equals the DOM grid", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("链接");
    ws.getCell("A1").value = { text: "官网", hyperlink: "https://example.org" };
    ws.getCell("B1").value = 5;
    const path = await writeWorkbook("links.xlsx", wb);
    await expect(streamWorkbookFile(path)).rejects.toThrow(StreamFallback);
    expect(comparable(await readWorkbookFileStreaming(path))).toEqual(
      comparable(await readWorkbookFileDom(path))
    );
  });

  it("names the file when it is missing, a directory, not a zip, or a corrupt zip", async () => {
    const missing = join(dir, "nope.xlsx");
    await expect(readWorkbookFile(missing)).rejects.toThrow(WorkbookFileError);
    await expect(readWorkbookFile(missing)).rejects.toThrow(/nope\.xlsx.*file not found/);

    const folder = join(dir, "folder.xlsx");
    await mkdir(folder);
    await expect(readWorkbookFile(folder)).rejects.toThrow(WorkbookFileError);
    await expect(readWorkbookFile(folder)).rejects.toThrow(/folder\.xlsx/);

    const text = await writeBytes("text.xlsx", new TextEncoder().encode("项目名称,责任单位\n"));
    await expect(readWorkbookFile(text)).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbookFile(text)).rejects.toThrow(/text\.xlsx/);

    const good = await buildXlsx(FIXTURES[0]?.sheets ?? []);
    const truncated = await writeBytes(
      "truncated.xlsx",
      good.slice(0, Math.floor(good.length / 2))
    );
    await expect(readWorkbookFile(truncated)).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbookFile(truncated)).rejects.toThrow(/truncated\.xlsx/);

    const garbled = good.slice();
    for (let i = 200; i < garbled.length - 200; i += 7) garbled[i] = (garbled[i] ?? 0) ^ 0x5a;
    const corrupt = await writeBytes("corrupt.xlsx", garbled);
    await expect(readWorkbookFile(corrupt)).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbookFile(corrupt)).rejects.toThrow(/corrupt\.xlsx/);
  });
});

describe("formulas stored without results", () => {
  it("are evaluated by both readers alike, across sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const before = wb.addWorksheet("1-8月");
    before.addRow(["县区", "累计"]);
    before.addRow(["甲县", 5]);
    const ws = wb.addWorksheet("完成情况");
    ws.addRow(["县区", "9月", "累计完成", "说明"]);
    ws.addRow(["甲县", 2, { formula: "'1-8月'!B2+B2" }, { formula: 'IF(C2>6,"超","")' }]);
    ws.addRow([
      "合计",
      { formula: "SUM(B2:B2)" },
      { formula: "VLOOKUP(A2,A:B,2,0)" },
      { formula: 'TEXT(B2,"0")' },
    ]);
    const path = await writeWorkbook("uncached.xlsx", wb);
    for (const grid of [
      await streamWorkbookFile(path),
      await readWorkbookFileDom(path),
    ] as WorkbookGrid[]) {
      const sheet = grid.sheets.find((s) => s.name === "完成情况");
      expect(sheet?.rows[1]).toEqual(["甲县", 2, 7, "超"]);
      // TEXT is beyond the evaluator: the cell stays empty, as any uncomputed formula did before.
      expect(sheet?.rows[2]).toEqual(["合计", 2, 2]);
    }
  });
});

describe("formulas in a workbook that asks to be recalculated on load (XlsxWriter, openpyxl)", () => {
  it("are computed again: XlsxWriter's stored 0 is no result, a stored figure stays where the evaluator cannot", async () => {
    const wb = new ExcelJS.Workbook();
    wb.calcProperties.fullCalcOnLoad = true;
    const ws = wb.addWorksheet("完成情况");
    ws.addRow(["县区", "目标", "完成", "完成率"]);
    ws.addRow(["甲县", 10, 8, { formula: "C2/B2", result: 0 }]);
    ws.addRow(["乙县", 12, 6, { formula: "C3/B3", result: 0 }]);
    ws.addRow([
      "合计",
      { formula: "SUM(B2:B3)", result: 0 },
      { formula: 'INDIRECT("C2")+C3', result: 0 },
    ]);
    ws.addRow(["注", { formula: 'INDIRECT("B2")', result: 10 }]);
    // workbook.xml is inflated once: its calcPr and its sheets come from the one text.
    const inflate = jest.spyOn(ZipPackage.prototype, "bytes");
    const grid = await streamWorkbookFile(await writeWorkbook("recalc.xlsx", wb));
    const parts = inflate.mock.calls.map(([part]) => part.path);
    inflate.mockRestore();
    expect(parts.filter((p) => p === "xl/workbook.xml")).toHaveLength(1);
    const rows = grid.sheets[0]?.rows ?? [];
    expect(rows[1]).toEqual(["甲县", 10, 8, 0.8]);
    expect(rows[2]).toEqual(["乙县", 12, 6, 0.5]);
    expect(rows[3]).toEqual(["合计", 22, null]);
    expect(rows[4]).toEqual(["注", 10]);
  });
});
