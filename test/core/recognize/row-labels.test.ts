/** Rows under a table that are statistics of the unit rows (全区平均, 最高, Average) are not units. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { isStatisticLabel } from "../../../src/core/recognize/row-labels";
import { workbookGrid } from "../../fixtures/grid";

describe("statistic rows", () => {
  it("knows 平均 / 最高 / 最低 rows by their label, not units that merely contain the words", () => {
    for (const label of [
      "全区平均",
      "平均",
      "平均值",
      "全市平均（万元）",
      "最高",
      "最低值",
      "Average",
      "Mean",
    ])
      expect([label, isStatisticLabel(label)]).toEqual([label, true]);
    for (const label of ["平湖街道", "合计", "高新区", "最高人民法院驻地乡镇管理委员会"])
      expect([label, isStatisticLabel(label)]).toEqual([label, false]);
  });

  it("leaves a 全区平均 row under 合计 out of the units and out of the total check", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "目标",
        rows: [
          ["2024年目标"],
          ["序号", "镇街", "签约项目（个）"],
          [1, "奢岭街道", 5],
          [2, "云山街道", 4],
        ],
      },
      {
        name: "1-9月完成",
        rows: [
          ["2024年1-9月完成情况"],
          ["序号", "镇街", "签约项目（个）"],
          [1, "奢岭街道", 6],
          [2, "云山街道", 4],
          [null, "合计", 10],
          [null, "全区平均", 5],
        ],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-09-30" });
    expect(r.actuals?.units.map((u) => u.name)).toEqual(["奢岭街道", "云山街道"]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});
