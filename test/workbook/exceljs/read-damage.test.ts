/**
 * Damaged parts: the cells around them are read and each damaged part becomes one note (an info issue), never an
 * unreadable file.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recognizeWorkbook } from "../../../src/core/recognize";
import { readWorkbookFile } from "../../../src/workbook/exceljs/read-file";
import { corruptEntryData, editedPackage, plainWorkbook, writeTo } from "./read-helpers";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-damage-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string, bytes: Uint8Array) {
  return readWorkbookFile(await writeTo(dir, name, bytes));
}

describe("damaged parts are read around and noted once", () => {
  it("a truncated shared-strings table: numbers and dates read, text reads as empty, one note", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/sharedStrings.xml": (xml) => xml.slice(0, Math.floor(xml.length / 2)),
    });
    const grid = await read("strings.xlsx", bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(["甲", "乙", "丙"]);
    expect(grid.sheets[0]?.rows[1]).toEqual([null, 10]);
    expect(grid.sheets[2]?.rows[0]?.[0]).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(grid.readNotes?.map((n) => n.part)).toEqual(["xl/sharedStrings.xml"]);
    expect(grid.readNotes?.find((n) => n.part === "xl/sharedStrings.xml")?.message_zh).toMatch(
      /共享字符串/
    );
  });

  it("garbage styles: values read, number formats unknown, one note", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/styles.xml": () => "<styleSheet><<<",
    });
    const grid = await read("styles.xlsx", bytes);
    expect(grid.sheets[0]?.rows[2]).toEqual(["经开区", 20]);
    expect(grid.readNotes).toEqual([
      expect.objectContaining({
        part: "xl/styles.xml",
        message_en: expect.stringMatching(/number formats are unknown/),
      }),
    ]);
  });

  it("a sheet cut off mid-row: the rows before the cut, and the other sheets whole", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/worksheets/sheet1.xml": (xml) => xml.slice(0, xml.indexOf('<row r="3"') + 20),
    });
    const grid = await read("cut.xlsx", bytes);
    expect(grid.sheets[0]?.rows).toEqual([
      ["责任单位", "目标"],
      ["高新区", 10],
    ]);
    expect(grid.sheets[1]?.rows[1]).toEqual(["项目一", 3000]);
    expect(grid.readNotes).toEqual([expect.objectContaining({ sheet: "甲" })]);
  });

  it("a sheet whose compressed data is corrupt: that sheet is noted, the others read", async () => {
    const bytes = corruptEntryData(
      await editedPackage(plainWorkbook(), {}),
      "xl/worksheets/sheet2.xml"
    );
    const grid = await read("deflate.xlsx", bytes);
    expect(grid.sheets[0]?.rows[1]).toEqual(["高新区", 10]);
    expect(grid.readNotes?.map((n) => n.sheet)).toEqual(["乙"]);
  });

  it("the workbook rels missing: sheets are found at their usual places, with a note", async () => {
    const bytes = await editedPackage(plainWorkbook(), { "xl/_rels/workbook.xml.rels": null });
    const grid = await read("norels.xlsx", bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(["甲", "乙", "丙"]);
    expect(grid.readNotes?.[0]?.part).toBe("xl/_rels/workbook.xml.rels");
  });

  it("rows and cells out of order, beyond Excel's grid, overlapping merges, a missing shared string", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/worksheets/sheet2.xml": (xml) =>
        xml
          .replace(/<sheetData>[\s\S]*<\/sheetData>/, () =>
            [
              "<sheetData>",
              '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>33</v></c></row>',
              '<row r="2"><c r="B2"><v>22</v></c><c r="A2"><v>2</v></c></row>',
              '<row r="4"><c r="XFE4"><v>9</v></c><c r="c4"><v>44</v></c><c r="D4" t="s"><v>999</v></c></row>',
              '<row r="2000000"><c r="A2000000"><v>1</v></c></row>',
              "</sheetData>",
            ].join("")
          )
          .replace(
            "</worksheet>",
            '<mergeCells count="2"><mergeCell ref="E1:F2"/><mergeCell ref="F2:G3"/></mergeCells></worksheet>'
          ),
    });
    const grid = await read("disorder.xlsx", bytes);
    const sheet = grid.sheets[1];
    expect(sheet?.rows).toEqual([[], [2, 22], [3, 33], [null, null, 44]]);
    expect(grid.readNotes).toHaveLength(1);
    const note = grid.readNotes?.[0];
    expect(note?.sheet).toBe("乙");
    for (const words of [
      "out of order",
      "beyond Excel's last column",
      "beyond Excel's last row",
      "overlapping",
      "shared strings",
    ])
      expect(note?.message_en).toContain(words);
  });

  it("each note becomes one info issue at A1 of its sheet", async () => {
    const bytes = await editedPackage(plainWorkbook(), { "xl/styles.xml": () => "garbage" });
    const grid = await read("issue.xlsx", bytes);
    const issues = recognizeWorkbook(grid).issues.filter((i) => i.code === "unreadable_part");
    expect(issues).toEqual([
      expect.objectContaining({ severity: "info", sheet: "甲", cell: "A1", row: 1 }),
    ]);
  });
});
