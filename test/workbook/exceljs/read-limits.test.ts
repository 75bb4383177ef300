/**
 * Files that are not workbooks, and workbooks past a limit: each is refused at once with a zh/en message naming the
 * file (and the limit), never read without bound.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { WorkbookFileError } from "../../../src/workbook/exceljs/file-io";
import {
  readWorkbookBuffer,
  WorkbookLimitError,
  WorkbookReadError,
} from "../../../src/workbook/exceljs/read";
import { readWorkbookFile } from "../../../src/workbook/exceljs/read-file";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../../src/workbook/exceljs/read-limits";
import { readWorkbookFileStreaming } from "../../../src/workbook/exceljs/read-stream";
import { declareSize, editedPackage, plainWorkbook, writeTo } from "./read-helpers";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-limits-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const limits = (over: Partial<ReadLimits>): { limits: ReadLimits } => ({
  limits: { ...DEFAULT_READ_LIMITS, ...over },
});

/** A minimal OLE compound file whose first directory sector names `streams` (UTF-16LE, as CFB stores them). */
function compoundFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(bytes.buffer);
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint32(0x30, 0, true); // the directory starts in sector 0, i.e. at byte 512
  streams.forEach((name, i) => {
    for (let k = 0; k < name.length; k++)
      view.setUint16(512 + i * 128 + k * 2, name.charCodeAt(k), true);
  });
  return bytes;
}

async function zipOf(parts: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("not a workbook: said plainly, naming the file", () => {
  it.each([
    [
      "encrypted.xlsx",
      () => compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      /password-protected/,
    ],
    [
      "legacy.xls",
      () => compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]),
      /Excel 97-2003 \(\.xls\)/,
    ],
    [
      "report.ods",
      () =>
        zipOf({
          mimetype: "application/vnd.oasis.opendocument.spreadsheet",
          "content.xml": "<x/>",
        }),
      /OpenDocument/,
    ],
    [
      "letter.xlsx",
      () => zipOf({ "word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>" }),
      /Word document/,
    ],
    [
      "bare.xlsx",
      () => zipOf({ "xl/worksheets/sheet1.xml": "<worksheet/>" }),
      /no workbook \(xl\/workbook\.xml\)/,
    ],
    ["empty.xlsx", () => new Uint8Array(0), /the file is empty/],
    [
      "notes.xlsx",
      () => new TextEncoder().encode("责任单位,目标\n高新区,10\n"),
      /not a valid \.xlsx/,
    ],
  ])("%s", async (name, make, why) => {
    const bytes = await make();
    const path = await writeTo(dir, name, bytes);
    for (const read of [() => readWorkbookFile(path), () => readWorkbookBuffer(bytes, name)]) {
      const err = await read().then(
        () => null,
        (e: unknown) => e
      );
      expect(err).toBeInstanceOf(WorkbookReadError);
      const message = (err as Error).message;
      expect(message).toMatch(why);
      expect(message).toContain(name);
      expect(message).toMatch(/[\u4e00-\u9fff]/); // and in Chinese
      expect(message).not.toMatch(/TypeError|Cannot read|undefined|at \w+ \(/);
    }
  });
});

describe("only regular files are read", () => {
  it("a FIFO is refused at once, never waited on", async () => {
    const fifo = join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expect(readWorkbookFile(fifo)).rejects.toThrow(/not a regular file \(FIFO\)/);
  });

  it("a device, a directory, a missing file, a symlink loop", async () => {
    await expect(readWorkbookFile("/dev/zero")).rejects.toThrow(/not a regular file \(device\)/);
    const folder = join(dir, "folder.xlsx");
    await mkdir(folder);
    await expect(readWorkbookFile(folder)).rejects.toThrow(/folder\.xlsx: .*is a directory/);
    await expect(readWorkbookFile(join(dir, "nope.xlsx"))).rejects.toThrow(WorkbookFileError);
    const loop = join(dir, "loop.xlsx");
    await symlink(loop, loop);
    await expect(readWorkbookFile(loop)).rejects.toThrow(/symbolic links/);
  });

  it("a symlink to a workbook is read as the workbook", async () => {
    const target = await writeTo(dir, "real.xlsx", await editedPackage(plainWorkbook(), {}));
    const link = join(dir, "link.xlsx");
    await symlink(target, link);
    expect((await readWorkbookFile(link)).sheets).toHaveLength(3);
  });
});

describe("limits", () => {
  it("too many zip entries", async () => {
    const path = await writeTo(dir, "entries.xlsx", await editedPackage(plainWorkbook(), {}));
    await expect(readWorkbookFileStreaming(path, limits({ maxEntries: 5 }))).rejects.toThrow(
      /too many entries, over the limit of 5/
    );
  });

  it("a part compressed implausibly well (a zip bomb that tells the truth)", async () => {
    const wb = plainWorkbook();
    const bytes = await editedPackage(wb, {
      "xl/worksheets/sheet2.xml": (xml) =>
        xml.replace("<sheetData>", `<sheetData>${" ".repeat(3_000_000)}`),
    });
    const path = await writeTo(dir, "bomb.xlsx", bytes);
    const small = limits({ ratioFloorBytes: 1024 * 1024, maxCompressionRatio: 100 });
    const err = await readWorkbookFileStreaming(path, small).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookLimitError);
    expect((err as Error).message).toMatch(/sheet2\.xml is compressed implausibly well.*100:1/);
    await expect(readWorkbookBuffer(bytes, "bomb.xlsx", small.limits)).rejects.toThrow(
      WorkbookLimitError
    );
  });

  it("a part that inflates past the size it declares (a zip bomb that lies)", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/worksheets/sheet2.xml": (xml) =>
        xml.replace("<sheetData>", `<sheetData>${" ".repeat(200_000)}`),
    });
    declareSize(bytes, "xl/worksheets/sheet2.xml", 1000);
    const path = await writeTo(dir, "liar.xlsx", bytes);
    await expect(readWorkbookFile(path)).rejects.toThrow(
      /sheet2\.xml decompresses to more than it declares/
    );
  });

  it("a workbook whose parts add up past the uncompressed budget", async () => {
    const path = await writeTo(dir, "budget.xlsx", await editedPackage(plainWorkbook(), {}));
    await expect(readWorkbookFile(path).then(() => "read")).resolves.toBe("read");
    await expect(
      readWorkbookFileStreaming(path, limits({ maxUncompressedBytes: 2000 }))
    ).rejects.toThrow(/too large once decompressed.*over the limit of 2 KiB/);
  });

  it("an overlong text run", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/worksheets/sheet1.xml": (xml) =>
        xml.replace("<sheetData>", `<sheetData>${"x".repeat(50_000)}`),
    });
    const path = await writeTo(dir, "token.xlsx", bytes);
    await expect(
      readWorkbookFileStreaming(path, limits({ maxXmlTokenChars: 10_000 }))
    ).rejects.toThrow(/overlong text or tag/);
  });

  it("no overlong text in a sheet larger than the limit that only saxes reads (CDATA)", async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `<c r="A${i + 4}"><v>${i}</v></c>`);
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/worksheets/sheet1.xml": (xml) =>
        xml.replace(
          "</sheetData>",
          `${cells.map((c, i) => `<row r="${i + 4}">${c}</row>`).join("")}</sheetData>` +
            "<!-- --><extLst><![CDATA[x]]></extLst>"
        ),
    });
    const path = await writeTo(dir, "big-saxes.xlsx", bytes);
    const grid = await readWorkbookFileStreaming(path, limits({ maxXmlTokenChars: 10_000 }));
    expect(grid.sheets[0]?.rows[3002]).toEqual([2999]);
  });

  it("too many cells in a sheet, or in the workbook; too many merges", async () => {
    const path = await writeTo(dir, "cells.xlsx", await editedPackage(plainWorkbook(), {}));
    await expect(readWorkbookFileStreaming(path, limits({ maxCellsPerSheet: 5 }))).rejects.toThrow(
      /sheet "甲" holds too many cells, over the limit of 5 cells/
    );
    await expect(
      readWorkbookFileStreaming(path, limits({ maxCellsPerWorkbook: 8 }))
    ).rejects.toThrow(/the workbook holds too many cells/);
    const wb = plainWorkbook();
    const ws = wb.getWorksheet("乙");
    for (let r = 5; r < 12; r += 2) ws?.mergeCells(r, 1, r + 1, 2);
    const merged = await writeTo(dir, "merges.xlsx", await editedPackage(wb, {}));
    await expect(
      readWorkbookFileStreaming(merged, limits({ maxMergesPerSheet: 3 }))
    ).rejects.toThrow(/sheet "乙" has too many merged ranges, over the limit of 3/);
  });
});

describe("a merge over A1229:XFD1048576", () => {
  it("costs four numbers, not a billion cells: clipped to the values, in both readers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    for (let r = 1; r <= 1228; r++) ws.getRow(r).values = [r, `项目${r}`];
    const bytes = await editedPackage(wb, {
      "xl/worksheets/sheet1.xml": (xml) =>
        xml
          .replace(
            "</sheetData>",
            '<row r="1229"><c r="A1229" t="inlineStr"><is><t>尾</t></is></c></row></sheetData>'
          )
          .replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "")
          .replace(
            "</worksheet>",
            '<mergeCells count="1"><mergeCell ref="A1229:XFD1048576"/></mergeCells></worksheet>'
          ),
    });
    const path = await writeTo(dir, "giant-merge.xlsx", bytes);
    const before = process.memoryUsage().rss;
    const grid = await readWorkbookFile(path);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    const sheet = grid.sheets[0];
    expect(sheet?.rows).toHaveLength(1229);
    expect(sheet?.rows[1228]).toEqual(["尾"]);
    expect(sheet?.merges).toEqual([{ top: 1228, left: 0, bottom: 1228, right: 1 }]);
    const dom = await readWorkbookBuffer(bytes, "giant-merge.xlsx");
    expect(dom.sheets[0]?.rows).toHaveLength(1229);
  });
});

describe("an .xlsm is read like any other workbook", () => {
  it("keeps working through the cells-only view", async () => {
    const bytes = await editedPackage(plainWorkbook(), {
      "xl/vbaProject.bin": () => "not really VBA",
    });
    const path = join(dir, "macro.xlsm");
    await writeFile(path, bytes);
    expect((await readWorkbookFile(path)).sheets[0]?.rows[1]).toEqual(["高新区", 10]);
  });
});
