/**
 * Random scorecard workbooks for the pipeline fuzz: sheets shaped like a bureau's 目标分解表 / 完成情况表 / 项目台账
 * (headers drawn from the recognition dictionary, optional titles, unit notes and two-row grouped headers), plus
 * noise sheets, then damaged at random: merges, blanks, wrong types, huge / negative / NaN / infinite numbers,
 * numbers as text, control characters, formula-like text, long text, sheet names that clash with the product's.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { toA1 } from "../../src/core/grid";
import { HEADER_DICTIONARY } from "../../src/core/recognize/dictionary";

export type FuzzValue = null | number | string | boolean | Date | { readonly error: string };

export interface FuzzSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly rows: FuzzValue[][];
  /** 0-based [top, left, bottom, right], not overlapping. */
  readonly merges: [number, number, number, number][];
  readonly formats: Record<string, string>;
}

export interface FuzzWorkbook {
  readonly sheets: FuzzSheet[];
  readonly asOf: string;
}

const words = (scope: "table" | "ledger", kind?: string): string[] =>
  HEADER_DICTIONARY.filter(
    (f) => (f.scope === scope || f.scope === "both") && (!kind || f.kind === kind)
  ).flatMap((f) => [...f.zhHans, ...f.zhHant.slice(0, 1), ...f.en.slice(0, 1)]);

const UNIT_HEADERS = HEADER_DICTIONARY.filter((f) => f.kind === "unit").flatMap((f) => [
  ...f.zhHans,
  ...f.en,
]);
const INDICATOR_HEADERS = words("table", "indicator");
const LEDGER_HEADERS = words("ledger", "field");
const MEASURES = ["", "(亿元)", "（万元）", "(亿美元)", "(个)", "(10k CNY)", "(%)", "（万美元）"];
const UNITS = [
  "高新区",
  "经开区",
  "城东区",
  "城西区",
  "临港区",
  "綠谷園區",
  "Harbour Zone",
  "第01责任单位",
  " 高新区 ",
  "高新區",
];
const STAGES = [
  "线索",
  "在谈",
  "签约",
  "注册",
  "开工",
  "投产",
  "意向",
  "洽谈中",
  "已签约",
  "已落地",
  "未知阶段",
  "",
];
const SHEET_NAMES = [
  "目标分解表",
  "完成情况表",
  "项目台账",
  "1-8月完成情况",
  "Sheet1",
  "考核排名",
  "校验结果",
  "通报稿",
  "考核规则",
  "引号'表",
  "很长的工作表名称很长的工作表名称很长的工作表名称一",
  "表 (2)",
  "台账2024",
  // The product's own state-sheet name: a user's sheet of that name is the user's, read and kept as such.
  "_scorecard_state",
];
/** Text that must be read and written back as text, character for character. */
const HOSTILE_TEXT = [
  "=1+1",
  "+SUM(A1)",
  "-2",
  "@cmd",
  '=HYPERLINK("http://x")',
  "\u001b]0;pwned\u0007",
  "\u001b[2J",
  "a\u0001b\bc",
  "_x0001_",
  "tab\there",
  "line\nbreak",
  "\u202eevil",
  "合计",
  "小计",
  "---",
  "—",
  "无",
  "不参与考核",
  "一、街道",
  "1,200",
  "３.5亿",
  "12%",
  "2024年3月5日",
  "2024.3.5",
  "\u3000",
  "   ",
  "#REF!",
];

const numberArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1e308,
      -1e308,
      5e-324,
      Number.MAX_SAFE_INTEGER,
      NaN,
      Infinity,
      -Infinity
    ),
  }
);

const dateArb = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2035-12-31T00:00:00Z"),
  noInvalidDate: true,
});

const hostileValue: fc.Arbitrary<FuzzValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...HOSTILE_TEXT),
  numberArb,
  fc.boolean(),
  dateArb,
  fc.constantFrom({ error: "#REF!" }, { error: "#DIV/0!" }, { error: "#N/A" }),
  fc.string({ maxLength: 12, unit: "binary" }),
  fc.integer({ min: 0, max: 40_000 }).map((n) => "长".repeat(n % 3 === 0 ? n : n % 50))
);

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** A targets- or actuals-shaped sheet: title, unit note, one- or two-row header, unit rows, maybe a total. */
function unitTableArb(): fc.Arbitrary<Omit<FuzzSheet, "name" | "hidden">> {
  return fc
    .record({
      title: fc.option(
        pick(["招商引资目标分解表", "1—8月完成情况", "截至2024年9月30日招商引资完成情况"]),
        { nil: undefined }
      ),
      note: fc.option(pick(["单位：亿元", "单位:万元", "项目单位：个"]), { nil: undefined }),
      unitHeader: pick(UNIT_HEADERS),
      indicators: fc.array(fc.tuple(pick(INDICATOR_HEADERS), pick(MEASURES)), {
        minLength: 1,
        maxLength: 5,
      }),
      grouped: fc.boolean(),
      units: fc.uniqueArray(pick(UNITS), { minLength: 1, maxLength: 8 }),
      values: fc.array(fc.array(numberArb, { minLength: 5, maxLength: 5 }), {
        minLength: 8,
        maxLength: 8,
      }),
      total: fc.boolean(),
    })
    .map(({ title, note, unitHeader, indicators, grouped, units, values, total }) => {
      const rows: FuzzValue[][] = [];
      const merges: [number, number, number, number][] = [];
      const width = indicators.length + 2;
      if (title) {
        rows.push([title]);
        merges.push([rows.length - 1, 0, rows.length - 1, width - 1]);
      }
      if (note) rows.push([note]);
      const head = ["序号", unitHeader, ...indicators.map(([h, m]) => `${h}${m}`)];
      if (grouped && indicators.length >= 2) {
        const top = rows.length;
        rows.push(["序号", unitHeader, "主要指标", ...Array(indicators.length - 1).fill(null)]);
        rows.push([null, null, ...indicators.map(([h, m]) => `${h}${m}`)]);
        merges.push([top, 0, top + 1, 0], [top, 1, top + 1, 1], [top, 2, top, width - 1]);
      } else rows.push(head);
      units.forEach((unit, i) =>
        rows.push([i + 1, unit, ...(values[i] ?? []).slice(0, indicators.length)])
      );
      if (total)
        rows.push([
          null,
          "合计",
          ...indicators.map((_, c) => units.reduce((s, _u, r) => s + (values[r]?.[c] ?? 0), 0)),
        ]);
      return { rows, merges, formats: {} };
    });
}

function ledgerArb(): fc.Arbitrary<Omit<FuzzSheet, "name" | "hidden">> {
  return fc
    .record({
      headers: fc.uniqueArray(pick(LEDGER_HEADERS), { minLength: 2, maxLength: 7 }),
      rows: fc.array(
        fc.record({
          unit: pick(UNITS),
          stage: pick(STAGES),
          amount: numberArb,
          date: fc.oneof(dateArb, pick(["2024-03", "2024.3.5", "2024年3月5日", "明年"])),
          name: fc.string({ maxLength: 6 }),
        }),
        { minLength: 0, maxLength: 25 }
      ),
    })
    .map(({ headers, rows }) => {
      const head = [
        "项目名称",
        "责任单位",
        ...headers.filter((h) => h !== "项目名称" && h !== "责任单位"),
      ];
      const formats: Record<string, string> = {};
      const body = rows.map((r, i) =>
        head.map((h, c): FuzzValue => {
          if (c === 0) return `项目${i}${r.name}`;
          if (c === 1) return r.unit;
          if (/阶段|进展|stage/i.test(h)) return r.stage;
          if (/日期|时间|date|月份/i.test(h)) {
            if (r.date instanceof Date) formats[toA1(i + 1, c)] = "yyyy-mm-dd";
            return r.date;
          }
          return r.amount;
        })
      );
      return { rows: [head, ...body], merges: [], formats };
    });
}

const noiseArb: fc.Arbitrary<Omit<FuzzSheet, "name" | "hidden">> = fc
  .array(fc.array(hostileValue, { maxLength: 6 }), { maxLength: 10 })
  .map((rows) => ({ rows, merges: [], formats: {} }));

/** Random edits on top of a shaped sheet: (row, col, value) and extra merges, kept from overlapping. */
function damage(
  sheet: Omit<FuzzSheet, "name" | "hidden">
): fc.Arbitrary<Omit<FuzzSheet, "name" | "hidden">> {
  return fc
    .record({
      edits: fc.array(fc.tuple(fc.nat(30), fc.nat(8), hostileValue), { maxLength: 6 }),
      merges: fc.array(fc.tuple(fc.nat(30), fc.nat(8), fc.nat(2), fc.nat(2)), { maxLength: 3 }),
    })
    .map(({ edits, merges }) => {
      const rows = sheet.rows.map((r) => [...r]);
      for (const [r, c, v] of edits) {
        while (rows.length <= r) rows.push([]);
        const row = rows[r] as FuzzValue[];
        while (row.length <= c) row.push(null);
        row[c] = v;
      }
      const all = [...sheet.merges];
      for (const [t, l, h, w] of merges) {
        const m: [number, number, number, number] = [t, l, t + h, l + w];
        if (h + w === 0) continue;
        if (all.some(([a, b, c, d]) => m[0] <= c && m[2] >= a && m[1] <= d && m[3] >= b)) continue;
        all.push(m);
      }
      return { ...sheet, rows, merges: all };
    });
}

const sheetBodyArb = fc
  .oneof(
    { weight: 3, arbitrary: unitTableArb() },
    { weight: 2, arbitrary: ledgerArb() },
    { weight: 1, arbitrary: noiseArb }
  )
  .chain((body) =>
    fc.oneof({ weight: 2, arbitrary: fc.constant(body) }, { weight: 1, arbitrary: damage(body) })
  );

export const workbookArb: fc.Arbitrary<FuzzWorkbook> = fc
  .record({
    names: fc.uniqueArray(pick(SHEET_NAMES), {
      minLength: 1,
      maxLength: 4,
      comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
    }),
    bodies: fc.array(sheetBodyArb, { minLength: 4, maxLength: 4 }),
    hidden: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    asOf: pick(["2024-03-31", "2024-09-30", "2024-12-31", "2025-01-15"]),
  })
  .map(({ names, bodies, hidden, asOf }) => ({
    asOf,
    sheets: names.map((name, i) => ({
      name,
      hidden: (hidden[i] ?? false) && i > 0,
      ...(bodies[i] as Omit<FuzzSheet, "name" | "hidden">),
    })),
  }));

/** The workbook as .xlsx bytes, written by ExcelJS as a user's spreadsheet program would. */
export async function fuzzXlsx(workbook: FuzzWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of workbook.sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.hidden ? "hidden" : "visible" });
    spec.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(toA1(r, c));
        cell.value =
          typeof value === "object" && !(value instanceof Date)
            ? { error: value.error as ExcelJS.CellErrorValue["error"] }
            : value;
        const fmt = spec.formats[toA1(r, c)];
        if (fmt) cell.numFmt = fmt;
      })
    );
    for (const [t, l, b, r] of spec.merges) ws.mergeCells(t + 1, l + 1, b + 1, r + 1);
  }
  // Deflated as a spreadsheet program does (the reader's inflate path is under test), at the fastest level.
  const options = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } };
  return new Uint8Array(
    (await wb.xlsx.writeBuffer(options as ExcelJS.XlsxWriteOptions)) as ArrayBuffer
  );
}
