import fc from "fast-check";
import { assessWorkbook, toCliJson } from "../../../src/core/assess";
import type { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { planSampleWorkbook } from "../../../src/core/samples";
import { gridFromPlan } from "./grid";

const sample = gridFromPlan(planSampleWorkbook(), "sample.xlsx");
const NOW = new Date("2008-02-03T00:00:00Z");

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "---",
    "—",
    "/",
    "无",
    "-",
    "合计",
    "1,200",
    "３.5亿",
    "abc",
    "=SUM(A1)",
    "签约",
    "意向"
  ),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constant(0),
  fc.date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2030-01-01T00:00:00Z"),
    noInvalidDate: true,
  }),
  fc.constantFrom(
    { kind: "error" as const, code: "#REF!" },
    { kind: "error" as const, code: "#DIV/0!" }
  ),
  fc.boolean()
);

/** The sample with `edits` applied: (sheet index, row, column, value). */
function mutate(
  grid: WorkbookGrid,
  edits: readonly [number, number, number, CellValue][]
): WorkbookGrid {
  const sheets = grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const [si, r, c, v] of edits) {
    const sheet = sheets[si % sheets.length];
    if (!sheet) continue;
    const row = sheet.rows[r % Math.max(1, sheet.rows.length)];
    if (!row) continue;
    row[c % Math.max(1, row.length)] = v;
  }
  return { ...grid, sheets };
}

/** Paths of numbers that are NaN or ±Infinity (JSON.stringify would hide them as null). */
function nonFinite(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  }
  return [];
}

describe("assessWorkbook never throws on workbook content (seeded fuzz over the sample)", () => {
  it("returns finite figures whatever the cells hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), cellArb), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("2007-07-01", "2007-11-15", "2008-01-31", "2008-03-31", "2009-06-30"),
        (edits, asOf) => {
          const a = assessWorkbook(mutate(sample, edits), { asOf, now: NOW });
          expect(nonFinite(toCliJson(a))).toEqual([]);
          for (const u of a.results?.units ?? []) expect(Number.isFinite(u.score)).toBe(true);
        }
      ),
      { numRuns: 60, seed: 20260523 }
    );
  });

  // Fuzzer findings, kept as fixed cases.
  it.each([
    [
      "a denormal target (5e-324) is a zero target, not an Infinity rate",
      [[0, 274142398, 56241884, 5e-324]] as const,
    ],
  ])("%s", (_why, edits) => {
    const a = assessWorkbook(
      mutate(
        sample,
        edits.map((e) => [...e])
      ),
      { asOf: "2007-07-01", now: NOW }
    );
    expect(nonFinite(toCliJson(a))).toEqual([]);
  });
});
