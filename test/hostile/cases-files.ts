/** Hostile files: corrupt packages, encrypted and wrong formats, zip bombs, giant ranges. */
import { existsSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  corruptEntryData,
  declareSize,
  editedPackage,
  writeZip,
} from "../workbook/exceljs/read-helpers";
import { bookBytes, check, expectCli, scorecardBook, type HostileCase } from "./case";

const write = (dir: string, name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** A minimal OLE compound file whose first directory sector names `streams` (UTF-16LE). */
function compoundFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(bytes.buffer);
  view.setUint16(0x1e, 9, true);
  streams.forEach((name, i) => {
    for (let k = 0; k < name.length; k++)
      view.setUint16(512 + i * 128 + k * 2, name.charCodeAt(k), true);
  });
  return bytes;
}

function zipOf(parts: Readonly<Record<string, string>>): Uint8Array {
  return writeZip(
    Object.entries(parts).map(([name, text]) => ({ name, data: new TextEncoder().encode(text) }))
  );
}

/** A refusal: exit 2, the reason matching `why`, the file named, the input untouched. */
const refuses =
  (name: string, make: () => Promise<Uint8Array> | Uint8Array | string, why: RegExp) =>
  async (dir: string): Promise<void> => {
    const path = write(dir, name, await make());
    for (const command of ["check", "assess"])
      await expectCli([command, path], { exit: [2], stderr: why, unchanged: [path] });
  };

/** Read around the damage: exit 0/1, one info issue unreadable_part naming `part`. */
const readsAround =
  (make: () => Promise<Uint8Array>, part: RegExp) =>
  async (dir: string): Promise<void> => {
    const path = write(dir, "damaged.xlsx", await make());
    const r = await expectCli(["check", path, "--json"], { exit: [0, 1], unchanged: [path] });
    const issues = (JSON.parse(r.stdout) as { issues: { code: string; message_en: string }[] })
      .issues;
    const notes = issues.filter((i) => i.code === "unreadable_part");
    check(
      notes.length === 1 && part.test(notes[0]?.message_en ?? ""),
      `want one note matching ${String(part)}: ${JSON.stringify(notes)}`
    );
    await expectCli(["assess", path], { exit: [0, 1], unchanged: [path] });
  };

const sheetXml = (edit: (xml: string) => string) => () =>
  bookBytes(undefined, { "xl/worksheets/sheet1.xml": edit });

export const FILE_CASES: HostileCase[] = [
  {
    id: "C01",
    category: "corrupt",
    input: "an .xlsx cut in half (no zip directory)",
    expected: "exit 2: damaged or incomplete, naming the file",
    run: refuses(
      "half.xlsx",
      async () => (await bookBytes()).slice(0, 3000),
      /damaged or incomplete/
    ),
  },
  {
    id: "C02",
    category: "corrupt",
    input: "every 7th byte flipped across the package",
    expected: "exit 2: damaged, naming the file",
    run: refuses(
      "garbled.xlsx",
      async () => {
        const b = await bookBytes();
        for (let i = 200; i < b.length - 200; i += 7) b[i] = (b[i] ?? 0) ^ 0x5a;
        return b;
      },
      /damaged|not a valid/
    ),
  },
  {
    id: "C03",
    category: "corrupt",
    input: "one sheet's compressed data corrupt, the zip directory intact",
    expected: "the other sheets are read; one info issue names the damaged sheet",
    run: readsAround(
      async () => corruptEntryData(await bookBytes(), "xl/worksheets/sheet3.xml"),
      /项目台账|sheet3/
    ),
  },
  {
    id: "C04",
    category: "corrupt",
    input: "a sheet's XML cut off mid-row",
    expected: "the rows before the cut are read; one info issue",
    run: readsAround(
      sheetXml((x) => x.slice(0, x.indexOf('<row r="3"') + 25)),
      /damaged; only the cells before/
    ),
  },
  {
    id: "C05",
    category: "corrupt",
    input: "the shared-strings table truncated",
    expected: "numbers read, text cells empty; one info issue about the shared strings",
    run: readsAround(
      () => bookBytes(undefined, { "xl/sharedStrings.xml": (x) => x.slice(0, x.length / 2) }),
      /shared strings/
    ),
  },
  {
    id: "C06",
    category: "corrupt",
    input: "styles.xml replaced by garbage",
    expected: "values read, number formats unknown; one info issue",
    run: readsAround(
      () => bookBytes(undefined, { "xl/styles.xml": () => "<styleSheet><<" }),
      /styles/
    ),
  },
  {
    id: "C07",
    category: "corrupt",
    input: "xl/workbook.xml replaced by garbage",
    expected: "exit 2: the workbook's content is damaged",
    run: refuses(
      "nobook.xlsx",
      () => bookBytes(undefined, { "xl/workbook.xml": () => "<<<" }),
      /content is damaged/
    ),
  },
  {
    id: "C08",
    category: "corrupt",
    input: "the workbook relationships part missing",
    expected: "sheets found at their usual places; one info issue",
    run: readsAround(
      () => bookBytes(undefined, { "xl/_rels/workbook.xml.rels": null }),
      /relationships/
    ),
  },
  {
    id: "C09",
    category: "corrupt",
    input: "rows and cells out of order, a shared-string index out of range, overlapping merges",
    expected: "cells land where their addresses say; one info issue listing the damage",
    run: readsAround(
      sheetXml((x) =>
        x
          .replace(
            /<row r="3"[\s\S]*?<\/row>/,
            (row) => `${row}<row r="2"><c r="E2" t="s"><v>9999</v></c></row>`
          )
          .replace(
            "</worksheet>",
            '<mergeCells count="2"><mergeCell ref="F1:G2"/><mergeCell ref="G2:H3"/></mergeCells></worksheet>'
          )
      ),
      /out of order.*missing shared strings.*overlapping|overlapping/
    ),
  },
  {
    id: "C10",
    category: "corrupt",
    input: "a zero-byte .xlsx",
    expected: "exit 2: the file is empty",
    run: refuses("empty.xlsx", () => new Uint8Array(0), /the file is empty/),
  },
  {
    id: "F01",
    category: "encrypted",
    input: "a password-protected workbook (OLE container with EncryptionInfo / EncryptedPackage)",
    expected: "exit 2: says it is password-protected and how to save it without a password",
    run: refuses(
      "secret.xlsx",
      () => compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      /password-protected/
    ),
  },
  {
    id: "F02",
    category: "wrong format",
    input: "a legacy Excel 97-2003 .xls (OLE container with a Workbook stream)",
    expected: "exit 2: says it is .xls and to save as .xlsx",
    run: refuses(
      "old.xls",
      () => compoundFile(["Root Entry", "Workbook"]),
      /Excel 97-2003 \(\.xls\)/
    ),
  },
  {
    id: "F03",
    category: "wrong format",
    input: "an OpenDocument spreadsheet (.ods), also renamed to .xlsx",
    expected: 'exit 2: says it is .ods (was: "0 issues" in check, a TypeError in assess)',
    run: refuses(
      "report.xlsx",
      () =>
        zipOf({
          mimetype: "application/vnd.oasis.opendocument.spreadsheet",
          "content.xml": "<office:document-content/>",
          "META-INF/manifest.xml": "<m/>",
        }),
      /OpenDocument/
    ),
  },
  {
    id: "F04",
    category: "wrong format",
    input: "a Word document renamed .xlsx",
    expected: "exit 2: says it is a Word document",
    run: refuses(
      "letter.xlsx",
      () => zipOf({ "word/document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>" }),
      /Word document/
    ),
  },
  {
    id: "F05",
    category: "wrong format",
    input: "a zip without xl/workbook.xml",
    expected: "exit 2: the zip holds no workbook",
    run: refuses(
      "bare.xlsx",
      () => zipOf({ "xl/worksheets/sheet1.xml": "<worksheet/>" }),
      /no workbook \(xl\/workbook\.xml\)/
    ),
  },
  {
    id: "F06",
    category: "wrong format",
    input: "a CSV file named .xlsx",
    expected: "exit 2: not a valid .xlsx",
    run: refuses("units.xlsx", () => "责任单位,目标\n高新区,10\n", /not a valid \.xlsx/),
  },
  {
    id: "F07",
    category: "wrong format",
    input: "a PNG image named .xlsx",
    expected: "exit 2: not a valid .xlsx",
    run: refuses(
      "chart.xlsx",
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /not a valid \.xlsx/
    ),
  },
  {
    id: "F08",
    category: "wrong format",
    input: "an .xlsm with a VBA project",
    expected: "read like any workbook; the macro is never run",
    run: async (dir) => {
      const path = write(
        dir,
        "macro.xlsm",
        await bookBytes(undefined, { "xl/vbaProject.bin": () => "VBA" })
      );
      await expectCli(["assess", path], { exit: [0, 1], stdout: /高新区/, unchanged: [path] });
    },
  },
  {
    id: "B01",
    category: "bomb",
    input: "a sheet of 40 MiB of spaces compressed about 1000:1 (sizes declared truthfully)",
    expected: "exit 2 before inflating it: compressed implausibly well (possibly a zip bomb)",
    slow: true,
    proof: "test/workbook/exceljs/read-limits.test.ts › a part compressed implausibly well",
    run: refuses(
      "bomb.xlsx",
      () =>
        bookBytes(undefined, {
          "xl/worksheets/sheet2.xml": (x) =>
            x.replace("<sheetData>", `<sheetData>${" ".repeat(40 * 1024 * 1024)}`),
        }),
      /zip bomb/
    ),
  },
  {
    id: "B02",
    category: "bomb",
    input: "a sheet declaring 1,000 bytes that inflates to 2 MiB (sizes lie)",
    expected: "exit 2 at the first byte past the declared size",
    run: refuses(
      "liar.xlsx",
      async () => {
        const b = await bookBytes(undefined, {
          "xl/worksheets/sheet1.xml": (x) =>
            x.replace("<sheetData>", `<sheetData>${"<!-- -->".repeat(250_000)}`),
        });
        declareSize(b, "xl/worksheets/sheet1.xml", 1000);
        return b;
      },
      /decompresses to more than it declares/
    ),
  },
  {
    id: "B03",
    category: "bomb",
    input: "a zip of 25,000 entries",
    expected: "exit 2: too many entries (limit 20,000)",
    slow: true,
    proof: "test/workbook/exceljs/read-limits.test.ts › too many zip entries",
    run: refuses(
      "entries.xlsx",
      () =>
        editedPackage(
          scorecardBook(),
          {},
          Array.from({ length: 25_000 }, (_, i) => ({
            name: `xl/media/x${i}.bin`,
            data: new Uint8Array(0),
          }))
        ),
      /too many entries/
    ),
  },
  {
    id: "B04",
    category: "bomb",
    input: "a sheet declaring 3 GiB uncompressed",
    expected: "exit 2 from the declared size alone, nothing inflated",
    run: refuses(
      "huge.xlsx",
      async () => {
        const b = await bookBytes();
        declareSize(b, "xl/worksheets/sheet1.xml", 3 * 1024 ** 3);
        return b;
      },
      /zip bomb|too large once decompressed/
    ),
  },
  {
    id: "B07",
    category: "bomb",
    input:
      "a workbook file over 2 GiB (sparse), given to assess --out, assess --in-place and check --in-place --role",
    expected:
      "exit 2 at once, before any reading, naming the file and the 2 GiB limit for writing back in zh and en (was: RangeError [ERR_FS_FILE_TOO_LARGE] … English only, after the whole run); check and assess without a target stream it",
    run: async (dir) => {
      const path = join(dir, "huge.xlsx");
      writeFileSync(path, "");
      truncateSync(path, 2 ** 31 + 4096);
      const before = statSync(path);
      for (const args of [
        ["assess", path, "--out", join(dir, "out.xlsx")],
        ["assess", path, "--in-place"],
        ["check", path, "--in-place", "--role", "项目台账=other"],
      ])
        await expectCli(args, {
          exit: [2],
          stderr: /写回的上限 2 GiB.*over the 2 GiB limit for writing back/,
        });
      // Hashing 2 GiB to prove it untouched would cost seconds: its size and time say it was not written.
      const after = statSync(path);
      check(after.size === 2 ** 31 + 4096 && after.mtimeMs === before.mtimeMs, "the input changed");
      check(!existsSync(join(dir, "out.xlsx")), "an output was written");
      // Without a target the file is streamed: this one is no zip, and says so.
      await expectCli(["check", path], { exit: [2], stderr: /not a valid \.xlsx/ });
    },
  },
  {
    id: "B05",
    category: "bomb",
    input: "XML nested 100,000 elements deep inside a sheet",
    expected: "the cells before it are read; one info issue (no stack overflow)",
    run: readsAround(
      sheetXml((x) =>
        x.replace("</sheetData>", `</sheetData>${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}`)
      ),
      /damaged/
    ),
  },
  {
    id: "B06",
    category: "bomb",
    input: "a DOCTYPE with nested entities (billion laughs) in a sheet",
    expected: "entities are never expanded; the sheet is read up to the DTD and noted",
    run: async (dir) => {
      const lol =
        '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
      const path = write(
        dir,
        "lol.xlsx",
        await bookBytes(undefined, {
          "xl/worksheets/sheet1.xml": (x) =>
            x.replace(/^(<\?xml[^>]*\?>)?/, (d) => `${d}${lol}`).replace("高新区", "&d;"),
        })
      );
      await expectCli(["check", path], { exit: [0, 1], unchanged: [path] });
    },
  },
  {
    id: "G01",
    category: "giant range",
    input: "a 93 KB ledger whose merge covers A1229:XFD1048576",
    expected:
      "read in well under a second: the merge is clipped to the values, never materialised (was: heap out of memory)",
    run: async (dir) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("项目台账");
      ws.addRow(["项目名称", "责任单位", "总投资(万元)"]);
      for (let r = 2; r <= 1228; r++)
        ws.addRow([`项目${r}`, r % 2 ? "高新区" : "经开区", 3000 + r]);
      const path = write(
        dir,
        "giant-merge.xlsx",
        await editedPackage(wb, {
          "xl/worksheets/sheet1.xml": (x) =>
            x.replace(
              "</worksheet>",
              '<mergeCells count="1"><mergeCell ref="A1229:XFD1048576"/></mergeCells></worksheet>'
            ),
        })
      );
      const before = process.memoryUsage().rss;
      await expectCli(["check", path], { exit: [0, 1], unchanged: [path] });
      check(
        process.memoryUsage().rss - before < 300 * 1024 * 1024,
        "reading grew memory by 300 MiB or more"
      );
    },
  },
  {
    id: "G02",
    category: "giant range",
    input: "a row numbered 2,000,000 and a cell in column XFE (beyond Excel's grid)",
    expected: "ignored with one info issue; the rest read",
    run: readsAround(
      sheetXml((x) =>
        x
          .replace(
            "</sheetData>",
            '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'
          )
          .replace('<c r="A2"', '<c r="XFE2"><v>5</v></c><c r="A2"')
      ),
      /beyond Excel/
    ),
  },
  {
    id: "G03",
    category: "giant range",
    input: "dimension A1:XFD1048576 and styled empty rows to row 1,048,576",
    expected: "bounded by the cells holding values",
    run: async (dir) => {
      const path = write(
        dir,
        "dimension.xlsx",
        await bookBytes(undefined, {
          "xl/worksheets/sheet1.xml": (x) =>
            x
              .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
              .replace("</sheetData>", '<row r="1048576" s="1" customFormat="1"/></sheetData>'),
        })
      );
      await expectCli(["assess", path], { exit: [0, 1], stdout: /高新区/, unchanged: [path] });
    },
  },
  {
    id: "G04",
    category: "giant range",
    input: "20,000 merged ranges on one sheet",
    expected: "read; overlap checks stay near-linear",
    run: async (dir) => {
      const merges = Array.from(
        { length: 20_000 },
        (_, i) => `<mergeCell ref="E${i + 1}:F${i + 1}"/>`
      ).join("");
      const path = write(
        dir,
        "merges.xlsx",
        await bookBytes(undefined, {
          "xl/worksheets/sheet3.xml": (x) =>
            x.replace(
              "</worksheet>",
              `<mergeCells count="20000">${merges}</mergeCells></worksheet>`
            ),
        })
      );
      await expectCli(["check", path], { exit: [0, 1], unchanged: [path] });
    },
  },
  {
    id: "G06",
    category: "giant range",
    input: "a sheet (or a workbook) with more than 20,000,000 value cells",
    expected:
      "exit 2 naming the sheet and the limit, refused while streaming (18.9 million cells measured at 1.6 GiB; the old 60 million would abort the 4 GiB heap)",
    proof:
      "test/workbook/exceljs/read-limits.test.ts › too many cells in a sheet, or in the workbook; too many merges",
  },
  {
    id: "G05",
    category: "giant range",
    input: "250,000 merged ranges on one sheet",
    expected: "exit 2: too many merged ranges (limit 200,000), naming the sheet",
    slow: true,
    proof:
      "test/workbook/exceljs/read-limits.test.ts › too many cells in a sheet, or in the workbook; too many merges",
    run: refuses(
      "too-many-merges.xlsx",
      () => {
        const merges = Array.from(
          { length: 250_000 },
          (_, i) => `<mergeCell ref="E${i + 1}:F${i + 1}"/>`
        ).join("");
        return bookBytes(undefined, {
          "xl/worksheets/sheet3.xml": (x) =>
            x.replace("</worksheet>", `<mergeCells>${merges}</mergeCells></worksheet>`),
        });
      },
      /too many merged ranges.*200,000/
    ),
  },
];
