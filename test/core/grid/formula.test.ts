/** Formulas a script-written report stores without results, evaluated as a spreadsheet would. */
import { evaluateFormula, type FormulaContext } from "../../../src/core/grid/formula";
import { withFormulaResults } from "../../../src/core/grid/formula-results";
import type { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { sheetGrid } from "../../fixtures/grid";

const sheets: Record<string, CellValue[][]> = {
  完成情况: [
    ["县区", "一季度", "二季度", "三季度", "目标"],
    ["甲县", 2, 3, 2, 10],
    ["乙县", 3, "3", null, 0],
  ],
  "1-8月": [
    ["县区", "累计"],
    ["甲县", 5],
  ],
  台账: [
    ["项目", "县区", "金额"],
    ["a", "甲县", 5000],
    ["b", "乙县", 12000],
    ["c", "甲县", 30000],
  ],
};
const ctx: FormulaContext = {
  value: (sheet, row, col) => sheets[sheet ?? "完成情况"]?.[row]?.[col] ?? null,
  rowCount: (sheet) => sheets[sheet ?? "完成情况"]?.length ?? 0,
};

describe("evaluateFormula", () => {
  it.each([
    ["B2+C2+D2", 7],
    ["=SUM(B2:D2)", 7],
    ["SUM(B3:D3)", 3],
    ["B3+C3", 6],
    ["ROUND(SUM(B2:D2)/E2,2)", 0.7],
    ["(B2+C2)*2-1", 9],
    ["'1-8月'!B2+D2", 7],
    ['IF(E3=0,"",B3/E3)', ""],
    ["IFERROR(B3/E3,0)", 0],
    ["50%", 0.5],
    ["-B2^2", 4],
    ['COUNTIF(台账!B:B,"甲县")', 2],
    ['SUMIFS(台账!C2:C4,台账!B2:B4,A2,台账!C2:C4,">=10000")', 30000],
    ['SUMIF(台账!B2:B4,"乙县",台账!C2:C4)', 12000],
    ['A2&"合计"', "甲县合计"],
  ])("%s = %p", (text, value) => {
    expect(evaluateFormula(text, ctx)).toEqual(value);
  });

  it("gives Excel's error for a division by zero", () => {
    expect(evaluateFormula("B2/E3", ctx)).toEqual({ kind: "error", code: "#DIV/0!" });
  });

  it.each(['TEXT(B2,"0")', "TODAY()", "B2:D2", "SUM(", "总计+1", "A2+1", "IF(A2,1,0)"])(
    "leaves what it does not know or cannot compute unevaluated: %s",
    (text) => {
      expect(evaluateFormula(text, ctx)).toBeUndefined();
    }
  );
});

describe("withFormulaResults", () => {
  const grid: WorkbookGrid = {
    source: "t.xlsx",
    sheets: [
      sheetGrid({
        name: "目标",
        rows: [
          ["县区", "签约项目"],
          ["甲县", 10],
        ],
      }),
      sheetGrid({
        name: "完成",
        rows: [
          ["县区", "签约项目", "完成率"],
          ["甲县", null, null],
        ],
      }),
    ],
  };

  it("fills each uncached formula, reading other uncached formulas and other sheets", () => {
    const out = withFormulaResults(
      grid,
      new Map([
        [
          "完成",
          [
            { row: 1, col: 2, text: "B2/目标!B2" },
            { row: 1, col: 1, text: "3+4" },
          ],
        ],
      ])
    );
    expect(out.sheets[1]?.rows[1]).toEqual(["甲县", 7, 0.7]);
  });

  it("reads a cycle as an error, as a spreadsheet shows a circular reference", () => {
    const out = withFormulaResults(
      grid,
      new Map([
        [
          "完成",
          [
            { row: 1, col: 1, text: "C2+1" },
            { row: 1, col: 2, text: "B2+1" },
          ],
        ],
      ])
    );
    expect(out.sheets[1]?.rows[1]?.[1]).toMatchObject({ kind: "error" });
  });
});

describe("formulas in a workbook of the 1904 date system", () => {
  const day = new Date(Date.UTC(2024, 2, 5));
  // 2024-03-05 is serial 45356 in the 1900 system and 45356 − 1462 = 43894 in the 1904 system.
  const grid = (dateSystem?: 1904): WorkbookGrid => ({
    source: "t.xlsx",
    sheets: [
      {
        ...sheetGrid({ name: "台账", rows: [[day, 43894, null, null, null, null, null]] }),
        ...(dateSystem ? { dateSystem } : {}),
      },
    ],
  });
  const formulas = new Map([
    [
      "台账",
      [
        { row: 0, col: 2, text: "A1+1", format: "yyyy-mm-dd" },
        { row: 0, col: 3, text: "DATE(2024,3,5)" },
        { row: 0, col: 4, text: "DATE(2024,3,5)", format: "yyyy-mm-dd" },
        { row: 0, col: 5, text: "YEAR(B1)" },
        { row: 0, col: 6, text: "A1" },
      ],
    ],
  ]);

  it("counts DATE(), YEAR() and a date cell read as a number from 1904-01-01, as the numbers typed beside them", () => {
    expect(withFormulaResults(grid(1904), formulas).sheets[0]?.rows[0]?.slice(2)).toEqual([
      new Date(Date.UTC(2024, 2, 6)),
      43894,
      day,
      2024,
      43894,
    ]);
  });

  it("and from 1899-12-30 in the 1900 system", () => {
    expect(withFormulaResults(grid(), formulas).sheets[0]?.rows[0]?.slice(2)).toEqual([
      new Date(Date.UTC(2024, 2, 6)),
      45356,
      day,
      2020,
      45356,
    ]);
  });
});
