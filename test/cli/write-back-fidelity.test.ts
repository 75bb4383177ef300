/**
 * The user's workbook is sacred, through the CLI itself: `scorecard assess --out` and `--in-place` on workbooks that
 * LibreOffice saved (soffice --convert-to xlsx: a chart, legacy comments, a table, a pivot) and that openpyxl made
 * (a comment, a data validation, conditional formats, a chart, a table) keep every part of the user's byte for
 * byte — only the workbook's list of sheets, its relationships, content types and styles are edited — and every
 * cell of the user's sheets reads back the same. The library-level half is test/workbook/xlsx-package/fidelity-corpus.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { cachedFeatureCorpus, type FeatureCorpus } from "../fixtures/features";
import {
  addedParts,
  changedParts,
  EDITED_PARTS,
  partsOf,
} from "../workbook/xlsx-package/package-parts";
import { capture } from "./capture";

afterEach(() => jest.restoreAllMocks());

/** Each file, and the user's parts it must hold for the test to mean anything. */
const CASES: readonly (readonly [string, readonly RegExp[]])[] = [
  [
    "libreoffice-openpyxl-injected.xlsx",
    [/^xl\/charts\/chart\d+\.xml$/, /^xl\/comments\d*\.xml$/, /^xl\/tables\/table\d+\.xml$/],
  ],
  [
    "libreoffice-xlsxwriter-injected.xlsx",
    [/^xl\/charts\/chart\d+\.xml$/, /^xl\/comments\d*\.xml$/, /^xl\/tables\/table\d+\.xml$/],
  ],
  [
    "openpyxl-everything.xlsx",
    [
      /^xl\/charts\/chart\d+\.xml$/,
      /^xl\/comments\/comment\d+\.xml$/,
      /^xl\/tables\/table\d+\.xml$/,
    ],
  ],
];

/** The user's sheets hold these somewhere (the openpyxl file's validation and conditional formats). */
const OPENPYXL_SHEET_FEATURES = ["<dataValidation ", "<conditionalFormatting "];

/** Parts our write adds: our sheets, and the 图表 sheet's drawing and charts with their relationships. */
const OURS =
  /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|charts\/chart\d+\.xml|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?)$/;

let corpus: FeatureCorpus;
let dir: string;

beforeAll(async () => {
  corpus = await cachedFeatureCorpus();
  dir = mkdtempSync(join(tmpdir(), "scorecard-cli-fidelity-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function assess(args: string[]): Promise<number> {
  const io = capture();
  const code = await main(["assess", ...args, "--as-of", "2024-06-30"]);
  jest.restoreAllMocks();
  expect({ code, err: io.err() }).toEqual({
    code: expect.any(Number) as number,
    err: expect.not.stringMatching(/\n\s+at |TypeError|Cannot read/) as string,
  });
  return code;
}

/** The original's parts all there and unchanged but the four edited ones; only our parts added; cells the same. */
async function expectUsersWorkKept(name: string, original: Uint8Array, written: string) {
  const out = new Uint8Array(readFileSync(written));
  expect({ name, changed: changedParts(original, out).sort() }).toEqual({
    name,
    changed: [...EDITED_PARTS].sort(),
  });
  expect({ name, added: addedParts(original, out).filter((p) => !OURS.test(p)) }).toEqual({
    name,
    added: [],
  });
  const before = await readWorkbookFile(join(dir, `${name}.original`));
  const after = await readWorkbookFile(written);
  const byName = new Map(after.sheets.map((s) => [s.name, s.rows]));
  for (const sheet of before.sheets)
    expect({ name, sheet: sheet.name, rows: byName.get(sheet.name) }).toEqual({
      name,
      sheet: sheet.name,
      rows: sheet.rows,
    });
  expect(byName.has("考核排名")).toBe(true);
}

describe("assess --out / --in-place keep every part of the user's (LibreOffice- and openpyxl-saved files)", () => {
  it("the corpus holds the LibreOffice and openpyxl files with their charts, comments and tables", () => {
    if (corpus.missing.length > 0 && !process.env.CI) return; // a machine without soffice/python: said in the log
    for (const [name, features] of CASES) {
      const path = corpus.files.get(name);
      expect({ name, present: path !== undefined }).toEqual({ name, present: true });
      const parts = [...partsOf(new Uint8Array(readFileSync(path as string))).keys()];
      for (const feature of features)
        expect({
          name,
          feature: String(feature),
          found: parts.some((p) => feature.test(p)),
        }).toEqual({
          name,
          feature: String(feature),
          found: true,
        });
    }
    const openpyxl = partsOf(
      new Uint8Array(readFileSync(corpus.files.get("openpyxl-everything.xlsx") as string))
    );
    const sheets = [...openpyxl]
      .filter(([p]) => p.startsWith("xl/worksheets/sheet"))
      .map(([, bytes]) => new TextDecoder().decode(bytes))
      .join("");
    for (const feature of OPENPYXL_SHEET_FEATURES) expect(sheets).toContain(feature);
  });

  it.each(CASES.map(([name]) => name))(
    "%s: --out leaves the input byte for byte and keeps every part of the user's in the output",
    async (name) => {
      const source = corpus.files.get(name);
      if (!source) return; // its producer is missing here (the test above fails in CI)
      const input = join(dir, `${name}.original`);
      copyFileSync(source, input);
      const original = new Uint8Array(readFileSync(input));
      const out = join(dir, `out-${name}`);
      expect(await assess([input, "--out", out])).toBeLessThan(2);
      expect(Buffer.from(readFileSync(input)).equals(Buffer.from(original))).toBe(true);
      await expectUsersWorkKept(name, original, out);
    }
  );

  it.each(CASES.map(([name]) => name))(
    "%s: --in-place, twice, keeps every part of the user's and leaves no temporary file",
    async (name) => {
      const source = corpus.files.get(name);
      if (!source) return;
      const sub = mkdtempSync(join(dir, "in-place-"));
      const file = join(sub, name);
      copyFileSync(source, file);
      copyFileSync(source, join(dir, `${name}.original`));
      const original = new Uint8Array(readFileSync(source));
      expect(await assess([file, "--in-place"])).toBeLessThan(2);
      await expectUsersWorkKept(name, original, file);
      const first = (await readWorkbookFile(file)).sheets.map((s) => s.name);
      expect(await assess([file, "--in-place"])).toBeLessThan(2);
      await expectUsersWorkKept(name, original, file);
      // Our sheets are replaced where they are, never written again beside themselves.
      expect((await readWorkbookFile(file)).sheets.map((s) => s.name)).toEqual(first);
      expect(readdirSync(sub)).toEqual([name]);
    }
  );
});
