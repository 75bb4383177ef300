/** A sheet holding one report twice (当月 and 累计) is read on the cumulative table, every address unchanged. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { cumulativeTableOf } from "../../../src/core/recognize/stacked-tables";
import type { Recognition } from "../../../src/core/model";
import type { CellValue } from "../../../src/core/grid";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const HEADER = ["序号", "驻外分局", "签约项目（个）", "签约金额（亿元）"];
const targets: SheetSpec = {
  name: "年度目标",
  rows: [["2024年目标任务"], HEADER, [1, "驻上海分局", 6, 25], [2, "驻深圳分局", 6, 20]],
};
const table = (
  caption: string,
  figures: [number, number][],
  names = ["驻上海分局", "驻深圳分局"]
) => [[caption], HEADER, ...figures.map(([a, b], k): CellValue[] => [k + 1, names[k] ?? "", a, b])];

function stacked(first: CellValue[][], second: CellValue[][]): SheetSpec {
  return {
    name: "10月通报",
    rows: [["2024年10月驻外招商分局工作完成情况"], ...first, [], ...second],
  };
}

const recognize = (sheet: SheetSpec): Recognition =>
  recognizeWorkbook(workbookGrid("t.xlsx", [targets, sheet]), {}, { asOf: "2024-10-31" });
const actualOf = (r: Recognition, unit: string) => r.actuals?.units.find((u) => u.name === unit);

describe("stacked tables on one sheet", () => {
  it("reads the 累计 table below the 当月 one, each unit once, at its own row", () => {
    const sheet = stacked(
      table("表一：10月当月完成情况", [
        [1, 2.5],
        [0, 0],
      ]),
      table("表二：1-10月累计完成情况", [
        [7, 28],
        [5, 14],
      ])
    );
    const r = recognize(sheet);
    expect(r.actuals?.units.map((u) => u.name)).toEqual(["驻上海分局", "驻深圳分局"]);
    expect(actualOf(r, "驻上海分局")).toMatchObject({ row: 8 });
    expect(actualOf(r, "驻上海分局")?.values["signed_total"]?.value).toBe(7);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    const note = r.issues.find((i) => i.code === "sheet_not_used" && i.sheet === "10月通报");
    expect(note?.message_zh).toContain("表二：1-10月累计完成情况");
    expect(note?.message_zh).toContain("表一：10月当月完成情况");
  });

  it("reads the 累计 table when it comes first", () => {
    const sheet = stacked(
      table("表一：1-10月累计完成情况", [
        [7, 28],
        [5, 14],
      ]),
      table("表二：10月当月完成情况", [
        [1, 2.5],
        [0, 0],
      ])
    );
    const r = recognize(sheet);
    expect(actualOf(r, "驻深圳分局")).toMatchObject({ row: 4 });
    expect(actualOf(r, "驻深圳分局")?.values["signed_total"]?.value).toBe(5);
  });

  it("keeps the sheet's title and leaves the other table's rows blank", () => {
    const grid = workbookGrid("t.xlsx", [
      stacked(
        table("表一：10月当月完成情况", [
          [1, 2.5],
          [0, 0],
        ]),
        table("表二：1-10月累计完成情况", [
          [7, 28],
          [5, 14],
        ])
      ),
    ]);
    const chosen = cumulativeTableOf(grid.sheets[0]!);
    expect(chosen?.sheet.rows.length).toBe(grid.sheets[0]!.rows.length);
    expect(chosen?.sheet.rows[0]).toEqual(["2024年10月驻外招商分局工作完成情况"]);
    expect(chosen?.sheet.rows.slice(1, 6).every((row) => row.length === 0)).toBe(true);
    expect(chosen?.sheet.rows[7]).toEqual(HEADER);
  });

  it("leaves tables of different units alone: they are parts of one list", () => {
    const grid = workbookGrid("t.xlsx", [
      stacked(
        table("表一：开发区1-10月累计", [[7, 28]], ["经开区"]),
        table("表二：乡镇1-10月当月", [[5, 14]], ["城关镇"])
      ),
    ]);
    expect(cumulativeTableOf(grid.sheets[0]!)).toBeNull();
  });

  it("leaves tables its captions do not tell apart alone", () => {
    const grid = workbookGrid("t.xlsx", [
      stacked(
        table("表一", [
          [1, 2.5],
          [0, 0],
        ]),
        table("表二", [
          [7, 28],
          [5, 14],
        ])
      ),
    ]);
    expect(cumulativeTableOf(grid.sheets[0]!)).toBeNull();
  });

  it("leaves a sheet with one table alone", () => {
    const grid = workbookGrid("t.xlsx", [targets]);
    expect(cumulativeTableOf(grid.sheets[0]!)).toBeNull();
  });
});
