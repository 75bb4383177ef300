/**
 * Tolerant reading: workbooks saved by openpyxl, XlsxWriter, LibreOffice and ExcelJS with charts, drawings, images,
 * comments (legacy and threaded), tables, pivot caches, slicers, sparklines, validations, conditional formats,
 * defined names, external links, custom XML, WPS cell images, VML, 1904 dates, inline strings, rich text and shared
 * formulas are read by the streaming reader and by the DOM reader alike, with the same cells and no notes.
 * (Before the cells-only package view, ExcelJS failed on the openpyxl files with "reading 'anchors' / 'comments' /
 * 'name'", and the file reader exited 2 whenever the stream handed such a file to it.)
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { assessWorkbook } from "../../../src/core/assess";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { readWorkbookFile } from "../../../src/workbook/exceljs/read-file";
import { cachedFeatureCorpus, FEATURE_TARGETS, type FeatureCorpus } from "../../fixtures/features";
import { comparable } from "./read-helpers";

let corpus: FeatureCorpus;
beforeAll(async () => {
  corpus = await cachedFeatureCorpus();
});

/** Every file name the corpus is expected to hold when all tools are present (see make_features.py). */
const PYTHON_FILES = [
  "openpyxl-plain.xlsx",
  "openpyxl-chart.xlsx",
  "openpyxl-comment.xlsx",
  "openpyxl-table.xlsx",
  "openpyxl-rules-names.xlsx",
  "openpyxl-1904.xlsx",
  "openpyxl-everything.xlsx",
  "openpyxl-injected.xlsx",
  "xlsxwriter-plain.xlsx",
  "xlsxwriter-everything.xlsx",
  "xlsxwriter-1904.xlsx",
  "xlsxwriter-injected.xlsx",
];

describe("the feature corpus", () => {
  it("holds every file the present tools can write", () => {
    const names = [...corpus.files.keys()];
    expect(names).toEqual(
      expect.arrayContaining(["exceljs-everything.xlsx", "exceljs-everything-1904.xlsx"])
    );
    if (!corpus.missing.some((m) => m.startsWith("python3")))
      expect(names).toEqual(expect.arrayContaining(PYTHON_FILES));
    if (corpus.missing.length === 0)
      expect(names.filter((n) => n.startsWith("libreoffice-"))).toHaveLength(3);
    // Visible in the test log when a tool is missing, instead of silently reading fewer files.
    expect(corpus.missing).toEqual(process.env.CI ? [] : corpus.missing);
  });
});

describe("reads every feature file, streaming and DOM alike", () => {
  it.each(PYTHON_FILES.concat(["exceljs-everything.xlsx", "exceljs-everything-1904.xlsx"]))(
    "%s",
    async (name) => {
      const path = corpus.files.get(name);
      if (!path) return; // its tool is missing; the corpus test above says which
      const grid = await readWorkbookFile(path);
      expect(grid.readNotes ?? []).toEqual([]);
      const targets = grid.sheets.find((s) => s.name === "目标分解表");
      for (const [i, [unit, a, b]] of FEATURE_TARGETS.entries())
        expect(targets?.rows[2 + i]?.slice(1, 4)).toEqual([unit, a, b]);
      const dom = await readWorkbookBuffer(readFileSync(path), basename(path));
      expect(comparable(dom)).toEqual(comparable(grid));
    }
  );

  it("LibreOffice's re-saved files", async () => {
    const saved = [...corpus.files].filter(([n]) => n.startsWith("libreoffice-"));
    for (const [name, path] of saved) {
      const grid = await readWorkbookFile(path);
      expect({ name, notes: grid.readNotes ?? [] }).toEqual({ name, notes: [] });
      const targets = grid.sheets.find((s) => s.name === "目标分解表");
      expect(targets?.rows[2]?.slice(1, 4)).toEqual(["高新区", 12.5, 30]);
      expect(comparable(await readWorkbookBuffer(readFileSync(path), basename(path)))).toEqual(
        comparable(grid)
      );
    }
  });

  it("reads the cells the libraries put beside the features: inline strings, rich text, shared formulas", async () => {
    const path = corpus.files.get("openpyxl-injected.xlsx");
    if (!path) return;
    const grid = await readWorkbookFile(path);
    const targets = grid.sheets[0];
    expect(targets?.rows[19]?.slice(7, 10)).toEqual(["内联文本", "富文本", 25]);
    expect(targets?.rows[20]?.[9]).toBe(20);
  });

  it("1904-based dates read as the same calendar days", async () => {
    for (const name of [
      "openpyxl-1904.xlsx",
      "xlsxwriter-1904.xlsx",
      "exceljs-everything-1904.xlsx",
    ]) {
      const path = corpus.files.get(name);
      if (!path) continue;
      const grid = await readWorkbookFile(path);
      const ledger = grid.sheets.find((s) => s.name === "项目台账");
      const date = ledger?.rows[1]?.find((v) => v instanceof Date);
      expect({ name, date }).toEqual({ name, date: new Date(Date.UTC(2024, 0, 1)) });
    }
  });

  it("assesses each: five units ranked, nothing lost to the features", async () => {
    for (const [name, path] of corpus.files) {
      const grid = await readWorkbookFile(path);
      const assessed = assessWorkbook(grid, {
        asOf: "2024-12-31",
        now: new Date(Date.UTC(2025, 0, 5)),
      });
      const units = assessed.results?.units.map((u) => u.unit).sort() ?? [];
      expect({ name, units }).toEqual({ name, units: FEATURE_TARGETS.map(([u]) => u).sort() });
    }
  });
});
