/**
 * Write-back fidelity over workbooks written by LibreOffice, openpyxl, XlsxWriter and ExcelJS (issue 13): for every
 * file, read → assess → write, then (a) every original part is byte-identical except the four edited ones, (b)
 * the output reads back (our reader, ExcelJS, LibreOffice) with the original sheets' values and our sheets
 * present, (c) a second run gives the same package.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { assessWorkbook } from "../../../src/core/assess";
import type { WorkbookGrid } from "../../../src/core/grid";
import { planOutputs } from "../../../src/core/report";
import { STATE_SHEET_NAME } from "../../../src/core/plan";
import { snapshotOwnership } from "../../../src/core/ownership";
import { readWorkbookFile } from "../../../src/workbook/exceljs/read-file";
import { writePlanIntoPackage, type PackageWriteResult } from "../../../src/workbook/xlsx-package";
import { fidelityCorpus, type FidelityCorpus } from "../../fixtures/fidelity";
import { hasSoffice, libreOfficeCsv, type SheetCsv } from "./libreoffice-csv";
import { addedParts, changedParts, EDITED_PARTS, partsOf } from "./package-parts";

const OUT = join(__dirname, "..", "..", "..", "test-output", "fidelity");
const NOW = new Date(Date.UTC(2024, 6, 1));
const OURS = ["考核排名", "校验结果", "通报稿", STATE_SHEET_NAME];
const SOFFICE = hasSoffice();
if (!SOFFICE)
  process.stderr.write(
    "\n!!! soffice (libreoffice-calc) is not installed: the LibreOffice half of the fidelity corpus is SKIPPED\n\n"
  );

interface Outcome {
  readonly input: Uint8Array;
  readonly inputGrid: WorkbookGrid;
  readonly first: PackageWriteResult;
  readonly second: PackageWriteResult;
  readonly outGrid: WorkbookGrid;
  readonly outPath: string;
}

let corpus: FidelityCorpus;
const outcomes = new Map<string, Outcome>();
let libreOffice: Promise<Map<string, SheetCsv>> | null = null;

async function writeBack(bytes: Uint8Array, grid: WorkbookGrid, name: string) {
  const assessment = assessWorkbook(grid, { asOf: "2024-06-30", now: NOW });
  const plan = planOutputs(assessment, { now: NOW, source: name });
  return writePlanIntoPackage(bytes, plan, snapshotOwnership(grid));
}

beforeAll(async () => {
  corpus = await fidelityCorpus();
  if (corpus.missing.length)
    process.stderr.write(
      `\n!!! fidelity corpus: SKIPPED files of ${corpus.missing.join(", ")}\n\n`
    );
  mkdirSync(OUT, { recursive: true });
  const firsts: [string, string, Uint8Array, WorkbookGrid, PackageWriteResult][] = [];
  for (const [name, path] of corpus.files) {
    const input = new Uint8Array(readFileSync(path));
    const grid = await readWorkbookFile(path);
    const first = await writeBack(input, grid, name);
    const outPath = join(OUT, name);
    writeFileSync(outPath, first.bytes);
    firsts.push([name, path, input, grid, first]);
  }
  // LibreOffice reads inputs and outputs (one start-up) while the second runs go on in this thread.
  if (SOFFICE)
    libreOffice = libreOfficeCsv(firsts.flatMap(([name, path]) => [path, join(OUT, name)]));
  for (const [name, , input, inputGrid, first] of firsts) {
    const outPath = join(OUT, name);
    const outGrid = await readWorkbookFile(outPath);
    const second = await writeBack(first.bytes, outGrid, name);
    outcomes.set(name, { input, inputGrid, first, second, outGrid, outPath });
  }
});

function each(check: (name: string, o: Outcome) => void): void {
  expect(outcomes.size).toBe(corpus.files.size);
  for (const [name, outcome] of outcomes) check(name, outcome);
}

describe("write-back fidelity corpus", () => {
  it("holds files from every producer present (openpyxl, XlsxWriter, LibreOffice, ExcelJS) and the write-back cases", () => {
    const names = [...corpus.files.keys()];
    expect(names.some((n) => n.startsWith("exceljs-"))).toBe(true);
    if (!corpus.missing.some((m) => m.startsWith("python3")))
      expect(names).toEqual(
        expect.arrayContaining([
          "openpyxl-chart.xlsx",
          "xlsxwriter-everything.xlsx",
          "xlsxwriter-macros.xlsm",
          "xlsxwriter-control-chars.xlsx",
          "openpyxl-zip64.xlsx",
          "openpyxl-streamed.xlsx",
        ])
      );
    if (corpus.missing.length === 0)
      expect(names.filter((n) => n.startsWith("libreoffice-")).length).toBeGreaterThan(0);
    expect(corpus.missing).toEqual(process.env.CI ? [] : corpus.missing);
  });

  it("(a) every original part is byte-identical except the four edited ones; our sheets are added", () => {
    each((name, o) => {
      expect({ name, changed: changedParts(o.input, o.first.bytes).sort() }).toEqual({
        name,
        changed: [...EDITED_PARTS].sort(),
      });
      const added = addedParts(o.input, o.first.bytes);
      expect({
        name,
        // Our sheets, and the 图表 sheet's drawing and charts with their relationships.
        added: added.every((p) =>
          /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|charts\/chart\d+\.xml|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?)$/.test(
            p
          )
        ),
      }).toEqual({
        name,
        added: true,
      });
    });
  });

  it("(b) the output reads back with every original sheet's values unchanged and our sheets present", () => {
    each((name, o) => {
      const byName = new Map(o.outGrid.sheets.map((s) => [s.name, s]));
      for (const sheet of o.inputGrid.sheets)
        expect({ name, sheet: sheet.name, rows: byName.get(sheet.name)?.rows }).toEqual({
          name,
          sheet: sheet.name,
          rows: sheet.rows,
        });
      const landed = o.first.sheets.map((s) => s.name);
      expect({ name, ours: OURS.every((s) => landed.includes(s) && byName.has(s)) }).toEqual({
        name,
        ours: true,
      });
    });
  });

  it("(b) ExcelJS opens every output whose input it could open", async () => {
    for (const [name, o] of outcomes) {
      const load = async (bytes: Uint8Array) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
        return wb.worksheets.map((w) => w.name);
      };
      const before = await load(o.input).catch(() => null);
      if (before === null) continue; // ExcelJS cannot open the user's file at all (openpyxl charts): not ours to fix
      expect({ name, sheets: await load(o.first.bytes) }).toEqual({
        name,
        sheets: expect.arrayContaining([...before, "考核排名"]),
      });
    }
  });

  (SOFFICE ? it : it.skip)(
    "(b) LibreOffice opens every output with the original sheets' values and our sheets present",
    async () => {
      const csv = await (libreOffice as Promise<Map<string, SheetCsv>>);
      for (const [name, path] of corpus.files) {
        const before = csv.get(path) ?? new Map();
        const after = csv.get(join(OUT, name)) ?? new Map();
        expect({ name, read: before.size > 0 }).toEqual({ name, read: true });
        for (const [sheet, text] of before)
          expect({ name, sheet, text: after.get(sheet) }).toEqual({ name, sheet, text });
        for (const sheet of OURS)
          expect({ name, sheet, present: after.has(sheet) }).toEqual({
            name,
            sheet,
            present: true,
          });
      }
    },
    600_000
  );

  // ExcelJS (and so the readers built on it) takes LibreOffice's date1904="true" for the 1900 system, so the dates
  // our first run wrote in the 1904 system are read back four years off; the writer itself is right.
  const KNOWN_READ_DEFECTS = new Set(["libreoffice-openpyxl-1904.xlsx"]);

  it("(c) a second run gives the same package: our sheets replaced in place, nothing else touched", () => {
    each((name, o) => {
      if (KNOWN_READ_DEFECTS.has(name)) return;
      expect({ name, replaced: o.second.sheets.every((s) => s.replaced) }).toEqual({
        name,
        replaced: true,
      });
      expect({
        name,
        same: Buffer.from(o.second.bytes).equals(Buffer.from(o.first.bytes)),
      }).toEqual({
        name,
        same: true,
      });
    });
  });

  it.failing(
    '(c) a LibreOffice 1904 workbook gives the same package on a second run (reader defect: date1904="true")',
    () => {
      const o = outcomes.get("libreoffice-openpyxl-1904.xlsx");
      if (!o) return;
      expect(Buffer.from(o.second.bytes).equals(Buffer.from(o.first.bytes))).toBe(true);
    }
  );
});

describe("the issue's defects, fixed", () => {
  it("openpyxl workbooks with a chart, a comment or a table are written back (was: Cannot read properties of undefined (reading 'anchors' / 'comments' / 'name'))", () => {
    for (const name of ["openpyxl-chart.xlsx", "openpyxl-comment.xlsx", "openpyxl-table.xlsx"]) {
      const o = outcomes.get(name);
      if (!o) continue;
      expect({ name, sheets: o.first.sheets.map((s) => s.name) }).toEqual({
        name,
        sheets: expect.arrayContaining(OURS),
      });
    }
  });

  it("LibreOffice workbooks keep their chart and comment, and a table no longer breaks writing (was: Cannot read properties of null (reading 'theme'))", () => {
    for (const [name, o] of outcomes) {
      if (!name.startsWith("libreoffice-")) continue;
      const before = partsOf(o.input);
      const after = partsOf(o.first.bytes);
      const kept = [...before.keys()].filter((p) => /chart|comments|drawing|tables\//.test(p));
      for (const part of kept)
        expect({
          name,
          part,
          same: Buffer.from(after.get(part) ?? []).equals(Buffer.from(before.get(part) ?? [])),
        }).toEqual({
          name,
          part,
          same: true,
        });
      if (name === "libreoffice-openpyxl-injected.xlsx")
        expect(
          kept.filter((p) => /charts\/chart|comments|tables\//.test(p)).length
        ).toBeGreaterThanOrEqual(3);
    }
  });

  it("source values never change: control characters (_x0001_, \\b) and a table's headerRowCount stay as written", () => {
    const o = outcomes.get("xlsxwriter-control-chars.xlsx");
    if (!o) return;
    const ledger = o.outGrid.sheets.find((s) => s.name === "项目台账");
    expect(ledger?.rows.slice(1, 4).map((r) => r[1])).toEqual(
      o.inputGrid.sheets
        .find((s) => s.name === "项目台账")
        ?.rows.slice(1, 4)
        .map((r) => r[1])
    );
    const after = partsOf(o.first.bytes);
    const strings = new TextDecoder().decode(after.get("xl/sharedStrings.xml"));
    expect(strings).toContain("项目_x0001_甲");
    expect(strings).toContain("项目_x0008_乙");
    expect(new TextDecoder().decode(after.get("xl/tables/table2.xml"))).toContain(
      'headerRowCount="0"'
    );
    expect(new TextDecoder().decode(after.get("xl/tables/table1.xml"))).not.toContain(
      "headerRowCount"
    );
  });

  it(".xlsm keeps its VBA project and its macro-enabled content type", () => {
    const o = outcomes.get("xlsxwriter-macros.xlsm");
    if (!o) return;
    const before = partsOf(o.input);
    const after = partsOf(o.first.bytes);
    expect(
      Buffer.from(after.get("xl/vbaProject.bin") ?? []).equals(
        Buffer.from(before.get("xl/vbaProject.bin") ?? [0])
      )
    ).toBe(true);
    expect(new TextDecoder().decode(after.get("[Content_Types].xml"))).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
  });
});
