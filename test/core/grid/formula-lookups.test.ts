/** Lookups, dates and the other functions bureau workbooks use, evaluated as a spreadsheet would. */
import { evaluateFormula, type FormulaContext } from "../../../src/core/grid/formula";
import { shiftFormula } from "../../../src/core/grid/formula-shared";
import { withFormulaResults } from "../../../src/core/grid/formula-results";
import type { CellValue } from "../../../src/core/grid";
import { sheetGrid } from "../../fixtures/grid";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const sheets: Record<string, CellValue[][]> = {
  汇总: [
    ["县区", "目标", "完成", "签约日期"],
    ["甲县", 10, null, d("2024-03-05")],
    ["乙县", 8, null, d("2024-11-30")],
    ["丙县", 0, null, null],
  ],
  "1-9月完成": [
    ["单位", "签约项目", "到位资金"],
    ["乙县", 6, 3.5],
    ["甲县", 7, 4.25],
    ["丙县", 2, 1],
  ],
  档次: [
    ["下限", "档次"],
    [0, "滞后"],
    [0.6, "一般"],
    [0.9, "良好"],
    [1, "优秀"],
  ],
};
const ctx: FormulaContext = {
  value: (sheet, row, col) => sheets[sheet ?? "汇总"]?.[row]?.[col] ?? null,
  rowCount: (sheet) => sheets[sheet ?? "汇总"]?.length ?? 0,
};
const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

describe("lookups", () => {
  it.each([
    ["VLOOKUP(A2,'1-9月完成'!A:C,2,FALSE)", 7],
    ["VLOOKUP(A3,'1-9月完成'!$A$2:$C$4,3,0)", 3.5],
    ["VLOOKUP(\"甲县\",'1-9月完成'!A:C,3,0)*10000", 42500],
    ["VLOOKUP(\"丁县\",'1-9月完成'!A:C,2,0)", { kind: "error", code: "#N/A" }],
    ["IFERROR(VLOOKUP(\"丁县\",'1-9月完成'!A:C,2,0),0)", 0],
    ['IFNA(VLOOKUP("丁县",\'1-9月完成\'!A:C,2,0),"未报")', "未报"],
    ["VLOOKUP(A2,'1-9月完成'!A:C,4,0)", { kind: "error", code: "#REF!" }],
    // Approximate: the last 下限 at or below the rate.
    ["VLOOKUP(0.95,档次!A2:B5,2)", "良好"],
    ["VLOOKUP(0.95,档次!A2:B5,2,TRUE)", "良好"],
    ["VLOOKUP(1.2,档次!A:B,2,1)", "优秀"],
    ["VLOOKUP(-1,档次!A2:B5,2)", { kind: "error", code: "#N/A" }],
    ['HLOOKUP("完成",A1:D4,2,0)', null],
    ['HLOOKUP("目标",$A$1:$D$4,3,FALSE)', 8],
    ['MATCH("乙县",A:A,0)', 3],
    ["MATCH(0.7,档次!A2:A5)", 2],
    ['MATCH("完成",A1:D1,0)', 3],
    ["INDEX('1-9月完成'!C:C,MATCH(A2,'1-9月完成'!A:A,0))", 4.25],
    ["INDEX('1-9月完成'!A2:C4,3,2)", 2],
    ["INDEX(B2:B4,2)+1", 9],
    ["SUM(INDEX('1-9月完成'!A2:C4,0,2))", 15],
    ["INDEX(A1:D1,2)", "目标"],
  ])("%s = %p", (text, value) => {
    expect(evaluateFormula(text, ctx)).toEqual(value);
  });
});

describe("numbers, conditions and dates", () => {
  it.each([
    ["SUMPRODUCT('1-9月完成'!B2:B4,'1-9月完成'!C2:C4)", 6 * 3.5 + 7 * 4.25 + 2],
    ["SUMPRODUCT(B2:B4,B2:B3)", { kind: "error", code: "#VALUE!" }],
    ["SUM(B:B)", 18],
    ['IFS(B2>=10,"完成",B2>=5,"过半",TRUE,"滞后")', "完成"],
    ['IFS(B4>=10,"完成",B4>=5,"过半")', { kind: "error", code: "#N/A" }],
    ["AND(B2>5,B3>5)", true],
    ["OR(B4>5,NOT(B2>5))", false],
    ["MOD(-7,3)", 2],
    ["INT(-2.5)", -3],
    ["YEAR(D2)", 2024],
    ["MONTH(D3)", 11],
    ["DAY(D2)", 5],
    ["DATE(2024,9,30)", serial("2024-09-30")],
    ["DATE(2024,13,1)", serial("2025-01-01")],
    ["D2+30", serial("2024-04-04")],
    ['IF(D3>DATE(2024,9,30),"期外","期内")', "期外"],
    ['COUNTIFS(D2:D4,">="&DATE(2024,1,1),D2:D4,"<="&DATE(2024,9,30))', 1],
  ])("%s = %p", (text, value) => {
    expect(evaluateFormula(text, ctx)).toEqual(value);
  });
});

describe("shared formulas", () => {
  it.each([
    ["B2*2", 3, 0, "B5*2"],
    ["SUM(B2:D2)*$F$1", 3, 0, "SUM(B5:D5)*$F$1"],
    ["$B2+C$2", 2, 1, "$B4+D$2"],
    ["VLOOKUP(A2,'Q1'!A:C,2,0)", 1, 0, "VLOOKUP(A3,'Q1'!A:C,2,0)"],
    ["SUMIF(台账!C:C,A2,台账!F:F)", 1, 1, "SUMIF(台账!D:D,B3,台账!G:G)"],
    ['A2&"B2"', 1, 0, 'A3&"B2"'],
    ["LOG10(A2)+Q1!A1", 1, 0, "LOG10(A3)+Q1!A2"],
    ["A2-1", -1, 0, "A1-1"],
  ])("%s moved %i rows, %i columns is %s", (text, rows, cols, moved) => {
    expect(shiftFormula(text, rows, cols)).toBe(moved);
  });

  it("gives nothing when a reference would leave the sheet (Excel's #REF!)", () => {
    expect(shiftFormula("A2-1", -2, 0)).toBeNull();
    expect(shiftFormula("A2", 0, -1)).toBeNull();
  });
});

describe("formula results in date cells", () => {
  it("a number a formula comes to in a date-formatted cell is a date; elsewhere a number, as Excel shows it", () => {
    const grid = {
      source: "t.xlsx",
      sheets: [
        sheetGrid({
          name: "台账",
          rows: [
            ["签约日期", "天数"],
            [null, null],
          ],
        }),
      ],
    };
    const out = withFormulaResults(
      grid,
      new Map([
        [
          "台账",
          [
            { row: 1, col: 0, text: "DATE(2024,3,5)", format: "yyyy-mm-dd" },
            { row: 1, col: 1, text: "A2-DATE(2024,1,1)", format: "0" },
          ],
        ],
      ])
    );
    expect(out.sheets[0]?.rows[1]).toEqual([d("2024-03-05"), 64]);
  });
});
