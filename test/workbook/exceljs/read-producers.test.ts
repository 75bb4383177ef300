/**
 * Files written the way other producers write them (test/fixtures/readers/make_readers.py) read right by the
 * streaming reader the CLI uses and by the DOM reader the web page uses, alike, and assess as their cells say:
 * _xHHHH_ escapes, dates of the 1904 system, and formulas a workbook asks to have recalculated on load.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { assessWorkbook } from "../../../src/core/assess";
import { main } from "../../../src/cli/main";
import * as exceljsCodec from "../../../src/workbook/exceljs/exceljs-codec";
import { createInThreadCodec } from "../../../src/workbook/exceljs/in-thread-codec";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { readWorkbookFile } from "../../../src/workbook/exceljs/read-file";
import { capture } from "../../cli/capture";
import { cachedReaderCorpus, type ReaderCorpus } from "../../fixtures/readers";
import { comparable } from "./read-helpers";

let corpus: ReaderCorpus;
beforeAll(async () => {
  corpus = await cachedReaderCorpus();
});

const XSTRING_FILES = [
  "xstring-shared.xlsx",
  "xstring-inline.xlsx",
  "xstring-lower.xlsx",
  "xstring-lower-shared.xlsx",
];

describe("_xHHHH_ escapes (ST_Xstring)", () => {
  it("the corpus holds its files (or says which tool is missing)", () => {
    if (corpus.missing.length) expect(corpus.missing).toEqual(process.env.CI ? [] : corpus.missing);
    else
      expect([...corpus.files.keys()]).toEqual(
        expect.arrayContaining([
          ...XSTRING_FILES,
          "date1904-openpyxl.xlsx",
          "date1904-xlsxwriter.xlsx",
          "text-serials.xlsx",
          "text-serials-bad.xlsx",
          "formulas-xlsxwriter.xlsx",
        ])
      );
  });

  it.each(XSTRING_FILES)(
    "%s: decoded in headers, plain and rich text, literal where escaped, by both readers",
    async (name) => {
      const path = corpus.files.get(name);
      if (!path) return;
      const grid = await readWorkbookFile(path);
      const actuals = grid.sheets.find((s) => s.name === "完成情况表");
      expect(actuals?.rows[1]).toEqual([
        "序号",
        "责任单位",
        "实际利用外资\r\n(亿美元)",
        "实际利用内资\r\n(亿元)",
      ]);
      expect(actuals?.rows[2]?.[1]).toBe("高新区\r\n");
      expect(actuals?.rows[3]?.[1]).toBe("经开区\r\n");
      expect(actuals?.rows[8]?.[0]).toBe("原样：_x000D_ 与 _x0041_");
      // A formula's string result, and a string cell typed t="str" with no formula (as some exporters write).
      if (name === "xstring-lower.xlsx")
        expect(actuals?.rows[8]?.slice(4)).toEqual(["甲\r乙", "丙\r丁"]);
      const dom = await readWorkbookBuffer(readFileSync(path), basename(path));
      expect(comparable(dom)).toEqual(comparable(grid));
    }
  );

  it.each(XSTRING_FILES)("%s: the CLI ranks the five units by their own names", async (name) => {
    const path = corpus.files.get(name);
    if (!path) return;
    const io = capture();
    const code = await main(["assess", path, "--json", "--as-of", "2024-12-31"]);
    jest.restoreAllMocks();
    const json = JSON.parse(io.out()) as { results?: { units: { unit: string }[] } };
    expect({ code, units: json.results?.units.map((u) => u.unit).sort() }).toEqual({
      code: 0,
      units: ["临港区", "城东区", "城西区", "经开区", "高新区"].sort(),
    });
  });
});

/** Signings in 2024 per unit in the date1904 files (make_readers.py ledger_1904_rows): one more each in 2023. */
const SIGNED_2024: Record<string, number> = {
  高新区: 1,
  经开区: 2,
  城东区: 3,
  城西区: 4,
  临港区: 5,
};

describe("the 1904 date system", () => {
  it.each(["date1904-openpyxl.xlsx", "date1904-xlsxwriter.xlsx"])(
    "%s: dates typed, typed as serials (General or not) and computed by formulas count in their own year",
    async (name) => {
      const path = corpus.files.get(name);
      if (!path) return;
      const grid = await readWorkbookFile(path);
      expect(grid.sheets.map((s) => s.dateSystem)).toEqual([1904, 1904]);
      const dom = await readWorkbookBuffer(readFileSync(path), basename(path));
      expect(dom.sheets.map((s) => s.dateSystem)).toEqual([1904, 1904]);
      // XlsxWriter stores 0 for every formula and asks for a recalculation on load: both readers honour it.
      expect(comparable(dom)).toEqual(comparable(grid));
      const io = capture();
      const code = await main(["assess", path, "--json", "--as-of", "2024-12-31"]);
      jest.restoreAllMocks();
      const json = JSON.parse(io.out()) as {
        results?: { units: { unit: string; indicators: Record<string, { actual: number }> }[] };
      };
      const signed = Object.fromEntries(
        (json.results?.units ?? []).map((u) => [u.unit, u.indicators["signed_total"]?.actual])
      );
      expect({ code, signed }).toEqual({ code: 0, signed: SIGNED_2024 });
    }
  );
});

interface Assessed {
  readonly code: number;
  readonly signed: Record<string, number | undefined>;
  readonly issues: { code: string; severity: string; cell?: string }[];
}

async function assessFile(path: string): Promise<Assessed> {
  const io = capture();
  const code = await main(["assess", path, "--json", "--as-of", "2024-12-31"]);
  jest.restoreAllMocks();
  const json = JSON.parse(io.out()) as {
    issues: Assessed["issues"];
    results?: { units: { unit: string; indicators: Record<string, { actual: number }> }[] };
  };
  const signed = Object.fromEntries(
    (json.results?.units ?? []).map((u) => [u.unit, u.indicators["signed_total"]?.actual])
  );
  return { code, signed, issues: json.issues };
}

describe('签约日期 typed as Excel serials in text cells ("45383")', () => {
  it("count on their day, each said once as a number stored as text", async () => {
    const path = corpus.files.get("text-serials.xlsx");
    if (!path) return;
    const { code, signed, issues } = await assessFile(path);
    expect({ code, signed }).toEqual({ code: 0, signed: SIGNED_2024 });
    expect(issues.filter((i) => i.code === "number_as_text").map((i) => i.severity)).toEqual([
      "warning",
    ]);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("text that no ledger's day could be (a 1933 serial, four digits) stays an error on its cell", async () => {
    const path = corpus.files.get("text-serials-bad.xlsx");
    if (!path) return;
    const { code, issues } = await assessFile(path);
    expect(code).toBe(1);
    expect(issues.filter((i) => i.code === "bad_date").map((i) => [i.severity, i.cell])).toEqual([
      ["error", "E22"],
      ["error", "E23"],
    ]);
  });
});

/** The web page's codec (in-thread here: jest cannot load the worker's lazy chunk). */
const webCodec = createInThreadCodec(async () => exceljsCodec);

describe('formulas of a workbook that asks to be recalculated on load (calcPr fullCalcOnLoad="1")', () => {
  const NOW = new Date("2025-01-15T00:00:00Z");

  it("XlsxWriter's stored 0s: the web page's reader computes them as the CLI's does, and both assess alike", async () => {
    const path = corpus.files.get("formulas-xlsxwriter.xlsx");
    if (!path) return;
    const cli = await readWorkbookFile(path);
    const bytes = readFileSync(path);
    const web = await webCodec.read(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      basename(path)
    );
    expect(comparable(web)).toEqual(comparable(cli));
    const actuals = web.sheets.find((s) => s.name === "完成情况表")?.rows ?? [];
    expect(actuals[2]).toEqual([1, "高新区", 11, 28, 11 / 12.5]);
    expect(actuals[5]?.[3]).toBe(18);
    expect(actuals[7]).toEqual([null, "合计", 37.2, 99]);
    expect(web.sheets.find((s) => s.name === "目标分解表")?.rows[7]).toEqual([
      null,
      "合计",
      42,
      105,
    ]);

    const [fromWeb, fromCli] = [web, cli].map((grid) =>
      assessWorkbook(grid, { asOf: "2024-12-31", now: NOW })
    );
    expect(fromWeb?.results).toEqual(fromCli?.results);
    expect(fromWeb?.issues).toEqual(fromCli?.issues);
    expect(fromWeb?.issues.filter((i) => i.severity === "error")).toEqual([]);
    const foreign = fromWeb?.results?.units.map((u) => [
      u.unit,
      u.indicators["foreign_capital_usd"]?.actual,
    ]);
    expect(foreign).toEqual(
      expect.arrayContaining([
        ["高新区", 11],
        ["经开区", 10.5],
      ])
    );
  });
});
