/**
 * The same indicators in the words different clerks use: a note listing several units, 开工项目 beside
 * 新开工项目数, a 合计 row written 全市, and a 通报 sheet that repeats the targets in its own words.
 */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { quantityHint } from "../../../src/core/recognize/measure-units";
import { isTotalLabel } from "../../../src/core/recognize/row-labels";
import { workbookGrid } from "../../fixtures/grid";

const TARGETS = {
  name: "目标任务",
  rows: [
    ["2024年招商引资目标任务分解表"],
    ["序号", "县（市）区", "开工项目（个）", "实际到位资金（亿元）", "省外资金（亿元）"],
    [1, "高新区", 10, 40, 12],
    [2, "净月区", 8, 30, 10],
    [3, "汽开区", 6, 20, 8],
  ],
};

describe("indicator wording", () => {
  it("gives each column the unit of its kind when a note lists several", () => {
    expect(
      ["新开工项目数", "省外资金", "实际利用外资", "签约金额", "亿元以上项目"].map(quantityHint)
    ).toEqual(["count", "money_cny", "money_usd", "money_cny", "count"]);
    const grid = workbookGrid("t.xlsx", [
      TARGETS,
      {
        name: "完成情况",
        rows: [
          ["2024年1-6月完成情况"],
          ["单位：个、万美元、亿元"],
          ["序号", "县市区", "省外资金", "到位资金", "新开工项目数"],
          [1, "高新区", 13, 30, 9],
          [2, "净月区", 11, 33, 7],
          [3, "汽开区", 7, 12, 6],
        ],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-06-30" });
    const units = Object.fromEntries(
      (r.actuals?.indicators ?? []).map((i) => [i.name, i.unit?.label])
    );
    expect(units).toEqual({ 省外资金: "亿元", 到位资金: "亿元", 新开工项目数: "个" });
    // Listed in another order, so only their words can pair them.
    expect((r.pairings ?? []).map((p) => [p.name, p.actual, p.by])).toEqual([
      ["开工项目", "完成情况!E", "similar_header"],
      ["实际到位资金", "完成情况!D", "similar_header"],
      ["省外资金", "完成情况!C", "header"],
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reads 全市 / 全区 alone as the 合计 row", () => {
    for (const label of ["全市", "全区", "全 县", "全省", "全州"])
      expect([label, isTotalLabel(label)]).toEqual([label, true]);
    for (const label of ["全椒县", "全南县", "市本级"])
      expect([label, isTotalLabel(label)]).toEqual([label, false]);
  });

  it("does not take a 通报 sheet repeating the targets in other words for more indicators", () => {
    const grid = workbookGrid("t.xlsx", [
      TARGETS,
      {
        name: "6月通报",
        rows: [
          ["2024年1-6月完成情况"],
          ["序号", "县市区", "到位资金（亿元）", null, null, "新开工项目（个）", null, null],
          [null, null, "年度目标", "累计完成", "完成率", "年度目标", "累计完成", "完成率"],
          [1, "高新区", 40, 30, 0.75, 10, 9, 0.9],
          [2, "净月区", 30, 33, 1.1, 8, 7, 0.875],
          [3, "汽开区", 20, 12, 0.6, 6, 6, 1],
        ],
        merges: ["A2:A3", "B2:B3", "C2:E2", "F2:H2"],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-06-30" });
    expect(r.targets?.indicators.map((i) => i.name)).toEqual([
      "开工项目",
      "实际到位资金",
      "省外资金",
    ]);
  });

  it("pairs under a heading that only says 年度目标任务, and never pairs different things by position", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "目标分解",
        rows: [
          ["2024年目标任务分解表"],
          ["单位：亿元"],
          ["序号", "专班", "年度目标任务", null],
          [null, null, "实际到位资金", "签约金额"],
          [1, "汽车专班", 20, 40],
          [2, "医药专班", 30, 50],
          [3, "物流专班", 25, 45],
        ],
        merges: ["C3:D3", "A3:A4", "B3:B4"],
      },
      {
        name: "完成情况",
        rows: [
          ["2024年1-10月完成情况"],
          ["单位：亿元"],
          ["序号", "专班", "签约总额", "到位资金"],
          [1, "汽车专班", 41, 19],
          [2, "医药专班", 52, 28],
          [3, "物流专班", 44, 26],
        ],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-10-31" });
    // 年度目标任务 says which figures they are: a measure, not part of their names.
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["实际到位资金", "签约金额"]);
    expect((r.pairings ?? []).map((p) => [p.actual, p.by])).toEqual([
      ["完成情况!D", "similar_header"],
      ["完成情况!C", "similar_header"],
    ]);
  });

  it("takes an untitled sheet stating points per indicator for the targets, beside a 通报 that repeats some", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "Sheet1",
        rows: [
          ["单位：个、亿元"],
          ["编号", "乡镇（街道）", "签约项目（10分）", "到位资金（20分）"],
          [1, "云山街道", 7, 47],
          [2, "平湖街道", 9, 25],
        ],
      },
      {
        name: "Sheet2",
        rows: [
          ["2024年1-3月招商引资工作进展情况"],
          ["编号", "乡镇（街道）", "实际到位资金（亿元）", null, null],
          [null, null, "年度目标", "累计完成", "完成率"],
          [1, "云山街道", 47, 54, 1.15],
          [2, "平湖街道", 25, 32, 1.28],
        ],
        merges: ["C2:E2", "A2:A3", "B2:B3"],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-03-31" });
    expect(r.targets?.sheet).toBe("Sheet1");
    // 签约项目 has a target and no actual anywhere: said, not ranked as if complete.
    expect((r.pairings ?? []).find((p) => p.target === "Sheet1!C")?.actual).toBeNull();
  });

  it("takes an untitled sheet whose figures are a 通报's targets for the targets sheet", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "Sheet1",
        rows: [
          ["附件1"],
          ["序号", "镇（街）", "实际到位资金（万元）", "利用外资（万美元）"],
          [1, "云山街道", 372200, 921.94],
          [2, "平湖街道", 520800, 2662.7],
          [3, "奢岭街道", 367200, 217.01],
        ],
      },
      {
        name: "Sheet2",
        rows: [
          ["2024年招商引资完成情况（截至2024年7月31日）"],
          ["序号", "乡镇街道", "利用外资（万美元）", null, null],
          [null, null, "年度目标", "累计完成", "完成率"],
          [1, "云山街道", 921.94, 288.52, 0.3129],
          [2, "平湖街道", 2662.7, 1611.7, 0.6053],
          [3, "奢岭街道", 217.01, 217.54, 1.0024],
        ],
        merges: ["C2:E2", "A2:A3", "B2:B3"],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-07-31" });
    expect(r.targets?.sheet).toBe("Sheet1");
    expect((r.pairings ?? []).find((p) => p.target === "Sheet1!C")?.actual).toBeNull();
  });

  it("pairs 2024年1-9月签约项目 with 签约项目 by its words, the period before it set aside", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        TARGETS,
        {
          name: "完成情况",
          rows: [
            [
              "县市区",
              "2024年1-9月开工项目（个）",
              "2024年1-9月省外资金（亿元）",
              "2024年实际到位资金（亿元）",
            ],
            ["高新区", 9, 12, 30],
            ["净月区", 7, 11, 33],
            ["汽开区", 6, 7, 12],
          ],
        },
      ]),
      {},
      { asOf: "2024-09-30" }
    );
    expect((r.pairings ?? []).map((p) => [p.name, p.by])).toEqual([
      ["开工项目", "similar_header"],
      ["实际到位资金", "similar_header"],
      ["省外资金", "similar_header"],
    ]);
  });
});

describe("a 通报附表 headed 招商引资 over every indicator", () => {
  const grid = workbookGrid("t.xlsx", [
    {
      name: "附件",
      rows: [
        ["2024年三季度各县（市）区招商引资工作考核情况"],
        ["序号", "县（市）区", "招商引资", "", "", "", "", ""],
        ["", "", "签约项目", "", "", "到位资金", "", ""],
        ["", "", "目标", "完成", "完成率", "目标", "完成", "完成率"],
        ["", "合    计", 45, 30, "66.7%", 220, 150, "68.2%"],
        [1, "榆 树 市", 20, 15, "75.0%", 100, 61, "61.0%"],
        [2, "德 惠 市", 15, 9, "60.0%", 80, 45, "56.3%"],
        [3, "九 台 区", 10, 6, "60.0%", 40, 44, "110.0%"],
      ],
    },
  ]);
  const r = recognizeWorkbook(grid, {}, { asOf: "2024-09-30" });

  it("keys each indicator by its own name: the heading over them all qualifies none", () => {
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total", "到位资金"]);
  });

  it("names units without the spaces typed to spread them over the column", () => {
    expect(r.targets?.units.map((u) => u.name)).toEqual(["榆树市", "德惠市", "九台区"]);
  });
});
