import fc from "fast-check";
import type { CellValue } from "../../../src/core/grid";
import type { Issue } from "../../../src/core/issues";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";
import { checkGrid } from "../../fixtures/expect";
import { badLedger } from "../../fixtures/layouts/ledgers";

/** A targets table with something to report in most columns: text numbers, an error, n/a, a wrong total. */
const TARGETS: SheetSpec = {
  name: "目标分解表",
  rows: [
    [
      "序号",
      "责任单位",
      "实际利用外资(亿美元)",
      "实际利用内资(亿元)",
      "签约项目数",
      "在谈项目",
      "备注",
    ],
    [null, "合计", 1.5, 20, 11, 30, null],
    [1, "经开区", 1, "12", 5, 10, "重点"],
    [2, "高新区", 0.5, 8, { kind: "error", code: "#REF!" }, 10, null],
    [3, "净月区", "---", 0, 5, 10, null],
  ],
};

const ACTUALS: SheetSpec = {
  name: "完成情况",
  rows: [
    ["责任单位", "签约项目数"],
    ["经开区", 3],
    ["高新去", 2],
    ["净月区", 1],
  ],
};

const width = (spec: SheetSpec): number => Math.max(...spec.rows.map((r) => r.length));

function permute(spec: SheetSpec, order: readonly number[]): SheetSpec {
  return { ...spec, rows: spec.rows.map((row) => order.map((c) => row[c] ?? null)) };
}

/** What an issue means, independent of where the column or row sits. */
const meaning = (i: Issue, rowShift = 0): string =>
  `${i.code}|${i.sheet}|${i.field ?? ""}|${i.row - rowShift}|${i.severity}`;

const fieldsByHeader = (
  spec: SheetSpec,
  columns: Readonly<Record<string, string>>,
  headerRow: number
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [field, letter] of Object.entries(columns))
    out[field] = String(spec.rows[headerRow]?.[letter.charCodeAt(0) - 65]);
  return out;
};

const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n }
  );

describe("recognition is invariant under layout changes", () => {
  it("reordering columns changes neither the mapping nor what the issues say", () => {
    const base = checkGrid(workbookGrid("t", [TARGETS, ACTUALS]), "2023-12-31");
    const baseFields = fieldsByHeader(TARGETS, base.recognition.reports[0]?.columns ?? {}, 0);
    const baseMeaning = base.issues.map((i) => meaning(i)).sort();
    fc.assert(
      fc.property(permutation(width(TARGETS)), (order) => {
        const spec = permute(TARGETS, order);
        const got = checkGrid(workbookGrid("t", [spec, ACTUALS]), "2023-12-31");
        expect(fieldsByHeader(spec, got.recognition.reports[0]?.columns ?? {}, 0)).toEqual(
          baseFields
        );
        expect(got.issues.map((i) => meaning(i)).sort()).toEqual(baseMeaning);
      }),
      { numRuns: 60, seed: 4 }
    );
  });

  it("reordering a ledger's columns keeps every finding", () => {
    const sheet = badLedger.sheets[0] as SheetSpec;
    const base = checkGrid(workbookGrid("t", [sheet]), badLedger.asOf)
      .issues.map((i) => meaning(i))
      .sort();
    fc.assert(
      fc.property(permutation(width(sheet)), (order) => {
        const got = checkGrid(workbookGrid("t", [permute(sheet, order)]), badLedger.asOf);
        expect(got.issues.map((i) => meaning(i)).sort()).toEqual(base);
      }),
      { numRuns: 40, seed: 7 }
    );
  });

  const filler = fc.constantFrom<readonly CellValue[]>(
    [],
    [null, null],
    ["2023年度招商引资目标任务分解表"],
    ["（各县区、开发区）"],
    [null, null, null, "单位：亿元"],
    ["制表：市商务局"]
  );

  it("blank, title and note rows above the header only shift row numbers", () => {
    const base = checkGrid(workbookGrid("t", [TARGETS, ACTUALS]), "2023-12-31");
    const baseMeaning = base.issues
      .filter((i) => i.sheet === TARGETS.name)
      .map((i) => meaning(i))
      .sort();
    fc.assert(
      fc.property(fc.array(filler, { minLength: 1, maxLength: 8 }), (above) => {
        const spec: SheetSpec = { ...TARGETS, rows: [...above, ...TARGETS.rows] };
        const got = checkGrid(workbookGrid("t", [spec, ACTUALS]), "2023-12-31");
        const report = got.recognition.reports[0];
        expect(report?.headerRows).toEqual([above.length + 1]);
        expect(report?.columns).toEqual(base.recognition.reports[0]?.columns);
        expect(
          got.issues
            .filter((i) => i.sheet === TARGETS.name)
            .map((i) => meaning(i, above.length))
            .sort()
        ).toEqual(baseMeaning);
      }),
      { numRuns: 60, seed: 11 }
    );
  });

  it("spacing, width or script of a unit name never turns a known unit into an unknown one", () => {
    const spacing = fc.constantFrom(" ", "\u3000", "\n", "  ");
    const variant = fc
      .tuple(
        fc.constantFrom("经开区", "經開區", "高新区", "高新區"),
        fc.array(fc.tuple(fc.nat(3), spacing), { maxLength: 3 })
      )
      .map(([name, cuts]) => {
        const chars = Array.from(name);
        for (const [at, space] of cuts) chars.splice(Math.min(at, chars.length), 0, space);
        return chars.join("");
      });
    fc.assert(
      fc.property(variant, (name) => {
        const actuals: SheetSpec = {
          name: "完成情况",
          rows: [
            ["责任单位", "签约项目数"],
            [name, 3],
          ],
        };
        const got = checkGrid(workbookGrid("t", [TARGETS, actuals]), "2023-12-31");
        const onUnit = got.issues.filter((i) => i.sheet === "完成情况" && i.field === "unit");
        expect(onUnit.every((i) => i.code === "unit_name_variant" && i.severity === "info")).toBe(
          true
        );
      }),
      { numRuns: 80, seed: 3 }
    );
  });
});
