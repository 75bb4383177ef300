/** 采用建议's cell write, the same expectations through both adapters: the .xlsx package (web, CLI) and Office.js. */
import ExcelJS from "exceljs";
import { HostError, type CellText } from "../../src/workbook/host";
import { readWorkbookBuffer } from "../../src/workbook/exceljs/read";
import { writeCellTexts } from "../../src/workbook/xlsx-package/cell-text-write";
import { Package } from "../../src/workbook/xlsx-package/opc";
import { createOfficeHost } from "../../src/workbook/office";
import { ExcelEmulator } from "../emulator/excel-emulator";

async function book(protect: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("完成情况");
  ws.addRow(["责任单位", "到位资金"]);
  ws.addRow(["朝阳去", 12]);
  ws.addRow(["南关区", 8]);
  ws.addRow(["朝阳去", 3]);
  ws.getCell("A2").font = { bold: true, color: { argb: "FFC00000" } };
  ws.getCell("C2").value = { formula: "B2*2", result: 24 };
  ws.getCell("A3").protection = { locked: false };
  if (protect) await ws.protect("", {});
  wb.addWorksheet("备注").getCell("A1").value = "不动";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

type Adapter = (
  bytes: Uint8Array,
  sheet: string,
  cells: readonly CellText[]
) => Promise<Uint8Array>;

const viaPackage: Adapter = async (bytes, sheet, cells) => writeCellTexts(bytes, sheet, cells);

const viaOffice: Adapter = async (bytes, sheet, cells) => {
  const emulator = await ExcelEmulator.fromBuffer(bytes);
  const host = createOfficeHost(emulator.run, emulator.isSetSupported);
  await host.writeCells(sheet, cells);
  return emulator.toBuffer();
};

const cellsOf = async (bytes: Uint8Array) =>
  (await readWorkbookBuffer(bytes, "b.xlsx")).sheets.find((s) => s.name === "完成情况")?.rows;

describe.each([
  ["xlsx package", viaPackage],
  ["Office.js", viaOffice],
] as const)("writing suggested text through the %s adapter", (_name, write) => {
  it("puts the text in, keeping the cell's format", async () => {
    const out = await write(await book(false), "完成情况", [
      { address: "A2", text: "朝阳区" },
      { address: "A4", text: "朝阳区" },
    ]);
    const rows = await cellsOf(out);
    expect(rows?.map((r) => r[0])).toEqual(["责任单位", "朝阳区", "南关区", "朝阳区"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer
    );
    expect(wb.getWorksheet("完成情况")?.getCell("A2").font?.bold).toBe(true);
  });

  it("never turns = + - @ text into a formula or a number", async () => {
    const texts = ["=SUM(B2:B4)", "+86 431", "-5", "@朝阳"];
    const out = await write(
      await book(false),
      "完成情况",
      texts.map((text, i) => ({ address: `B${i + 1}`, text }))
    );
    expect((await cellsOf(out))?.map((r) => r[1])).toEqual(texts);
  });

  it("refuses a locked cell of a protected sheet and writes nothing", async () => {
    const start = await book(true);
    await expect(
      write(start, "完成情况", [
        { address: "A3", text: "南关" },
        { address: "A2", text: "朝阳区" },
      ])
    ).rejects.toMatchObject({ message_en: expect.stringMatching(/protected.*A2.*locked/) });
  });

  it("writes an unlocked cell of a protected sheet", async () => {
    const out = await write(await book(true), "完成情况", [{ address: "A3", text: "南关区2" }]);
    expect((await cellsOf(out))?.[2]?.[0]).toBe("南关区2");
  });

  it("refuses a formula cell", async () => {
    await expect(
      write(await book(false), "完成情况", [{ address: "C2", text: "x" }])
    ).rejects.toMatchObject({ message_en: expect.stringMatching(/C2 holds a formula/) });
  });
});

describe("writeCellTexts on the package", () => {
  it("changes the one worksheet part and no other byte", async () => {
    const start = await book(false);
    const out = writeCellTexts(start, "完成情况", [{ address: "A2", text: "朝阳区" }]);
    const before = new Package(start);
    const after = new Package(out);
    expect(after.names()).toEqual(before.names());
    const changed = before
      .names()
      .filter(
        (n) => Buffer.compare(Buffer.from(before.bytes(n)!), Buffer.from(after.bytes(n)!)) !== 0
      );
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("names a missing sheet or cell", () => {
    return book(false).then((start) => {
      expect(() => writeCellTexts(start, "无此表", [{ address: "A1", text: "x" }])).toThrow(
        HostError
      );
      expect(() => writeCellTexts(start, "完成情况", [{ address: "H99", text: "x" }])).toThrow(
        /H99/
      );
    });
  });
});

// Excel itself escapes what it writes through Office.js; the package writer must do it as Excel does.
describe("writing suggested text into the package", () => {
  it("writes text holding a CR, a control character or an escape's shape so it reads back as typed", async () => {
    const texts = ["回车\r\n换行", "控制\u0001字符", "原样_x000D_", "_x005f_"];
    const out = await viaPackage(
      await book(false),
      "完成情况",
      texts.map((text, i) => ({ address: `B${i + 1}`, text }))
    );
    expect((await cellsOf(out))?.map((r) => r[1])).toEqual(texts);
  });
});
