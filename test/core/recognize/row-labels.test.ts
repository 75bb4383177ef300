/** Rows under a table that are statistics of the unit rows (全区平均, 最高, Average) are not units. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import {
  isStatisticLabel,
  isSubtotalLabel,
  isTotalLabel,
} from "../../../src/core/recognize/row-labels";
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
      // The yardstick the units are rated against.
      "序时进度",
      "时间进度",
      "序时进度要求",
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

describe("Excel's 分类汇总 rows", () => {
  it("reads '合心镇 汇总' as a subtotal and a bare 汇总 as the total, never a unit", () => {
    expect(isTotalLabel("合心镇 汇总")).toBe(true);
    expect(isSubtotalLabel("合心镇 汇总")).toBe(true);
    expect(isTotalLabel("汇总")).toBe(true);
    expect(isSubtotalLabel("汇总")).toBe(false);
    expect(isTotalLabel("合心镇")).toBe(false);
  });

  it("leaves a 台账's 汇总 rows out of its projects, with no error", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "项目台账",
          rows: [
            ["序号", "镇街", "项目名称", "总投资（万元）", "签约时间"],
            [1, "合心镇", "肉牛加工项目", 35000, "2024-03-12"],
            [null, "合心镇 汇总", null, 35000, null],
            [2, "西新镇", "光伏组件项目", 22000, "2024-07-16"],
            [null, "西新镇 汇总", null, 22000, null],
            [null, "总计", null, 57000, null],
          ],
        },
      ]),
      {},
      { asOf: "2024-09-30" }
    );
    expect(r.ledgers[0]?.rows.map((x) => x.name)).toEqual(["肉牛加工项目", "光伏组件项目"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
