/** Columns and rows around the figures of unit tables that are neither units nor indicators, and headers that name both. */
import { UnitMatcher } from "../../../src/core/recognize/unit-names";
import type { SheetSpec } from "../../fixtures/grid";
import { figures, recognize } from "../../fixtures/recognize-grid";

const flat = (name: string, header: string[], rows: (string | number)[][]): SheetSpec => ({
  name,
  rows: [header, ...rows],
});

describe("a 合计 column adding the indicators up across each row", () => {
  it("is no indicator of its own", () => {
    const header = ["序号", "镇街", "签约项目", "开工项目", "合计"];
    const r = recognize([
      flat("目标", header, [
        [1, "合心镇", 6, 4, 10],
        [2, "西新镇", 5, 3, 8],
      ]),
      flat("1-9月", header, [
        [1, "合心镇", 7, 3, 10],
        [2, "西新镇", 5, 4, 9],
      ]),
    ]);
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["签约项目", "开工项目"]);
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 7, 开工项目: 3 },
      西新镇: { signed_total: 5, 开工项目: 4 },
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("headers that join the indicator and 任务数 / 完成数", () => {
  it("pairs 签约项目任务数（个） with 签约项目完成数（个）", () => {
    const r = recognize([
      flat(
        "任务分解",
        ["序号", "镇街", "签约项目任务数（个）", "到位资金任务数（亿元）"],
        [[1, "九郊街道", 5, 2]]
      ),
      flat(
        "完成情况",
        ["序号", "镇街", "签约项目完成数（个）", "到位资金完成数（亿元）"],
        [[1, "九郊街道", 6, 1.8]]
      ),
    ]);
    expect(figures(r.targets)).toEqual({ 九郊街道: { signed_total: 5, 到位资金: 20000 } });
    expect(figures(r.actuals)).toEqual({ 九郊街道: { signed_total: 6, 到位资金: 18000 } });
  });

  it("still reads 累计完成数 alone as the measure of the indicator on its left", () => {
    const r = recognize([
      flat("通报", ["序号", "镇街", "签约项目", "累计完成数"], [[1, "九郊街道", 5, 6]]),
    ]);
    expect(figures(r.targets)).toEqual({ 九郊街道: { signed_total: 5 } });
    expect(figures(r.actuals)).toEqual({ 九郊街道: { signed_total: 6 } });
  });
});

describe("the bureau's own 基础分 / 总分 beside the figures", () => {
  it("are scores, not indicators", () => {
    const r = recognize([
      {
        name: "年度考核",
        rows: [
          ["序号", "分局", "签约项目（个）", null, "基础分", "加分", "总分"],
          [null, null, "目标", "完成", null, null, null],
          [1, "驻北京招商分局", 8, 9, 112.5, null, 112.5],
          [2, "驻上海招商分局", 8, 6, 75, 3, 78],
        ],
        merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2"],
      },
    ]);
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total"]);
    expect(r.reports[0]?.columns).toMatchObject({ bonus: "F" });
  });
});

describe("one signed 加（减）分 column instead of 加分 and 扣分", () => {
  it("reads a positive figure as 加分 and a negative one as 扣分, with the 说明 as the reason", () => {
    const r = recognize([
      {
        name: "年终考核",
        rows: [
          ["序号", "乡镇（街道）", "签约项目（个）", null, "加（减）分", "加减分说明"],
          [null, null, "任务", "完成", null, null],
          [1, "燕店镇", 5, 5, null, null],
          [2, "观城镇", 5, 4, 2, "引进亿元以上工业项目"],
          [3, "古城镇", 4, 5, -1, "重点项目推进不力"],
          [4, "莘亭街道", 6, 7, "+1.5", "承办推介活动"],
        ],
        merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2"],
      },
    ]);
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total"]);
    expect(
      r.targets?.units.map((u) => [u.name, u.adjustment?.bonus, u.adjustment?.penalty])
    ).toEqual([
      ["燕店镇", undefined, undefined],
      ["观城镇", 2, 0],
      ["古城镇", 0, 1],
      ["莘亭街道", 1.5, 0],
    ]);
    expect(r.targets?.units[2]?.adjustment?.reason).toBe("重点项目推进不力");
    expect(r.issues.filter((i) => i.code === "negative_amount")).toEqual([]);
  });
});

describe("one indicator named under two groups (内资 / 外资)", () => {
  it("is two indicators, each shown with its group", () => {
    const header: SheetSpec["rows"] = [
      ["序号", "城区", "内资", null, "外资", null],
      [
        null,
        null,
        "签约项目（个）",
        "到位资金（亿元）",
        "签约项目（个）",
        "实际利用外资（万美元）",
      ],
    ];
    const merges = ["A1:A2", "B1:B2", "C1:D1", "E1:F1"];
    const r = recognize([
      { name: "目标", rows: [...header, [1, "南关区", 6, 10, 2, 800]], merges },
      { name: "完成", rows: [...header, [1, "南关区", 7, 9, 1, 880]], merges },
    ]);
    expect(r.targets?.indicators.map((i) => i.name)).toEqual([
      "内资 › 签约项目",
      "到位资金",
      "外资 › 签约项目",
      "实际利用外资",
    ]);
    const actual = r.actuals?.units[0]?.values;
    const byName = (n: string) => r.actuals?.indicators.find((i) => i.name === n)?.key ?? "";
    expect(actual?.[byName("内资 › 签约项目")]?.value).toBe(7);
    expect(actual?.[byName("外资 › 签约项目")]?.value).toBe(1);
    expect(r.issues.filter((i) => i.code === "duplicate_column")).toEqual([]);
  });
});

describe("form lines under the table (制表人： | 李娜 | 审核人： | 赵刚)", () => {
  it("are no units, though a name sits in the unit column", () => {
    const header = ["序号", "县区", "签约项目（个）"];
    const r = recognize([
      flat("目标", header, [
        [1, "汉台区", 10],
        [2, "南郑区", 8],
      ]),
      {
        name: "完成",
        rows: [
          header,
          [1, "汉台区", 9],
          [2, "南郑区", 8],
          [],
          ["制表人：", "李娜", "审核人：", "赵刚"],
          ["填报日期：", "2024年10月9日", "联系电话：", "0916-2626118"],
        ],
      },
    ]);
    expect(r.actuals?.units.map((u) => u.name)).toEqual(["汉台区", "南郑区"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("a 简报: paragraphs before and after the table", () => {
  it("takes the heading right above the table for its role, and no sentence for a unit", () => {
    const r = recognize([
      flat("目标", ["序号", "镇街", "签约项目（个）"], [[1, "奢岭街道", 5]]),
      {
        name: "简报",
        rows: [
          ["招商引资工作简报"],
          ["一、总体情况"],
          ["1-9月，全区新签约项目24个，完成年度目标的85%。"],
          ["二、各镇街1-9月完成情况"],
          ["序号", "镇街", "签约项目（个）"],
          [1, "奢岭街道", 6],
          ["三、下步工作"],
          ["各镇街要对照年度目标，倒排工期，确保完成全年任务。"],
        ],
        merges: ["A1:C1", "A2:C2", "A3:C3", "A4:C4", "A7:C7", "A8:C8"],
      },
    ]);
    expect(r.reports.find((p) => p.name === "简报")?.role).toBe("actuals");
    expect(figures(r.actuals)).toEqual({ 奢岭街道: { signed_total: 6 } });
  });
});

describe("单位：亿元 in a cell right of the merged title (WPS)", () => {
  it("is the sheet's measure, and the title is no header level", () => {
    const sheet = (name: string, note: string, value: number): SheetSpec => ({
      name,
      rows: [
        ["2024年开发区签约金额", null, null, note],
        ["序号", "开发区", "签约金额", "实际到位资金"],
        [1, "经开区", value, value],
      ],
      merges: ["A1:C1"],
    });
    const r = recognize([
      sheet("目标", "单位：亿元", 60),
      sheet("1-6月完成", "单位：万元", 660000),
    ]);
    expect(r.reports.map((p) => p.headerRows)).toEqual([[2], [2]]);
    expect(figures(r.targets)).toEqual({ 经开区: { 签约金额: 600000, 实际到位资金: 600000 } });
    expect(figures(r.actuals)).toEqual({ 经开区: { 签约金额: 660000, 实际到位资金: 660000 } });
  });
});

describe("a 目标任务分解表 breaking each target down by quarter", () => {
  const header: SheetSpec["rows"] = [
    ["序号", "县区", "签约项目（个）", null, null, null, null],
    [null, null, "全年", "一季度", "二季度", "三季度", "四季度"],
  ];
  const merges = ["A2:A3", "B2:B3", "C2:G2"];
  const rows = [[1, "汉台区", 12, 3, 3, 3, 3]];

  it("takes 全年 as the target and the quarters as its shares, never as actuals", () => {
    const r = recognize(
      [
        { name: "目标分解", rows: [["2024年目标任务分季度分解表"], ...header, ...rows], merges },
        flat("1-9月", ["序号", "县区", "签约项目（个）"], [[1, "汉台区", 10]]),
      ],
      "2024-09-30"
    );
    expect(r.reports[0]?.role).toBe("targets");
    expect(figures(r.targets)).toEqual({ 汉台区: { signed_total: 12 } });
    expect(figures(r.actuals)).toEqual({ 汉台区: { signed_total: 10 } });
  });

  it("still sums the quarters as actuals where the sheet says it reports completion", () => {
    const r = recognize(
      [{ name: "完成情况", rows: [["2024年分季度完成情况"], ...header, ...rows], merges }],
      "2024-09-30"
    );
    expect(figures(r.actuals)["汉台区"]?.["signed_total"]).toBe(9);
  });
});

describe("开发区 abbreviated in the actuals", () => {
  it("matches 净月区 / 高新区 / 莲花山度假区 to their full names, each target taken once", () => {
    const header = ["序号", "开发区", "签约项目（个）"];
    const r = recognize([
      flat("目标", header, [
        [1, "长春高新技术产业开发区", 12],
        [2, "长春净月高新技术产业开发区", 8],
        [3, "莲花山生态旅游度假区", 4],
      ]),
      flat("完成", header, [
        [1, "高新区", 10],
        [2, "净月区", 8],
        [3, "莲花山度假区", 3],
      ]),
    ]);
    const matcher = new UnitMatcher(
      r.targets?.units ?? [],
      (r.actuals?.units ?? []).map((u) => u.name)
    );
    expect(["高新区", "净月区", "莲花山度假区"].map((n) => matcher.match(n))).toEqual([
      { status: "variant", target: "长春高新技术产业开发区" },
      { status: "variant", target: "长春净月高新技术产业开发区" },
      { status: "variant", target: "莲花山生态旅游度假区" },
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("a 全市 column beside the districts of a sideways targets sheet", () => {
  it("is the whole city, not a unit", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["序号", "指标名称", "单位", "全市", "一、城区", null, "二、开发区"],
          [null, null, null, null, "南关区", "宽城区", "经开区"],
          [1, "新签约项目", "个", 21, 6, 5, 10],
          [2, "实际到位资金", "亿元", 52, 12, 10, 30],
        ],
        merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"],
      },
      flat(
        "完成",
        ["序号", "城区", "新签约项目（个）", "实际到位资金（亿元）"],
        [
          [1, "南关区", 5, 13.2],
          [2, "宽城区", 6, 9],
          [3, "经开区", 9, 33],
        ]
      ),
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["南关区", "宽城区", "经开区"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("其中： rows under a unit", () => {
  it("are parts of the unit above: no units, and not added into 合计", () => {
    const header = ["序号", "开发区", "签约项目（个）"];
    const body = (a: number, part: number, b: number): (string | number | null)[][] => [
      [1, "经开区", a],
      [null, "其中：兴隆综保区", part],
      [2, "高新区", b],
      [null, "合计", a + b],
    ];
    const r = recognize([
      { name: "目标", rows: [header, ...body(12, 4, 10)] },
      { name: "完成", rows: [header, ...body(13, 5, 9)] },
    ]);
    expect(figures(r.actuals)).toEqual({
      经开区: { signed_total: 13 },
      高新区: { signed_total: 9 },
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("amounts typed with their measure under a header stating none", () => {
  it('reads "25亿元" and "12个" as figures', () => {
    const header = ["序号", "县区", "签约项目", "签约金额"];
    const r = recognize([
      { name: "目标", rows: [header, [1, "昌邑区", "10个", "25亿元"]] },
      { name: "完成", rows: [header, [1, "昌邑区", "12个", "22.5亿元"]] },
    ]);
    expect(figures(r.targets)).toEqual({ 昌邑区: { signed_total: 10, 签约金额: 250000 } });
    expect(figures(r.actuals)).toEqual({ 昌邑区: { signed_total: 12, 签约金额: 225000 } });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("group words and scope notes in the unit column", () => {
  it("takes 街道 / 镇 alone on a row as a group heading, and names a unit without its （含…） note", () => {
    const header = ["序号", "乡镇（街道）", "签约项目（个）"];
    const rows = (a: number, b: number, name: string): (string | number | null)[][] => [
      [null, "街道"],
      [1, "西安桥街道", a],
      [null, "镇"],
      [2, name, b],
    ];
    const r = recognize([
      { name: "目标", rows: [header, ...rows(4, 6, "城关镇（含工业园区）")] },
      { name: "完成", rows: [header, ...rows(5, 6, "城关镇")] },
    ]);
    expect(r.targets?.units.map((u) => [u.name, u.group])).toEqual([
      ["西安桥街道", "街道"],
      ["城关镇", "镇"],
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("the measure in brackets after the indicator", () => {
  it("reads 签约项目（目标） / 签约项目（累计） / 到位资金（1-9月累计，亿元） as target and actual pairs", () => {
    const r = recognize([
      flat(
        "通报",
        [
          "序号",
          "镇街",
          "签约项目（目标）",
          "签约项目（累计）",
          "到位资金（目标，亿元）",
          "到位资金（1-9月累计，亿元）",
        ],
        [[1, "奢岭街道", 5, 6, 3, 2.7]]
      ),
    ]);
    expect(r.reports[0]?.role).toBe("combined");
    expect(figures(r.targets)).toEqual({ 奢岭街道: { signed_total: 5, 到位资金: 30000 } });
    expect(figures(r.actuals)).toEqual({ 奢岭街道: { signed_total: 6, 到位资金: 27000 } });
  });
});

describe("a unit numbered in its own name cell", () => {
  it("is named without the number, so 1、合心镇 and 1.合心镇 are both 合心镇", () => {
    const header = ["镇街", "签约项目", "开工项目"];
    const r = recognize([
      flat("目标", header, [
        ["1、合心镇", 6, 4],
        ["（2）西新镇", 5, 3],
        ["③奢岭街道", 4, 2],
      ]),
      flat("1-9月", header, [
        ["1.合心镇", 7, 3],
        ["2.西新镇", 5, 4],
        ["3.奢岭街道", 4, 1],
      ]),
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["合心镇", "西新镇", "奢岭街道"]);
    expect(Object.keys(figures(r.actuals))).toEqual(["合心镇", "西新镇", "奢岭街道"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("a column whose header states no measure but whose every cell does", () => {
  it("is in that measure (15亿元 shows as 15 亿元, not as the 150000 万元 it is held in)", () => {
    const header = ["镇街", "签约项目", "到位资金"];
    const r = recognize([
      flat("目标", header, [
        ["合心镇", "6个", "15亿元"],
        ["西新镇", "5个", "20亿元"],
      ]),
      flat("1-9月", header, [
        ["合心镇", 7, "12.5亿元"],
        ["西新镇", 5, "9亿元"],
      ]),
    ]);
    const funds = r.targets?.indicators.find((i) => i.name === "到位资金");
    expect(funds?.unit?.label).toBe("亿元");
    expect(r.actuals?.indicators.find((i) => i.name === "到位资金")?.unit?.label).toBe("亿元");
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 7, 到位资金: 125000 },
      西新镇: { signed_total: 5, 到位资金: 90000 },
    });
  });
});

describe("a 序时目标 column beside each indicator's 年度目标", () => {
  it("is a yardstick, not an indicator of its own", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["镇街", "签约项目（个）", "", "到位资金（亿元）", ""],
          ["", "年度目标", "序时目标", "年度目标", "序时目标"],
          ["合心镇", 6, 3, 20, 10],
          ["西新镇", 4, 2, 12, 6],
        ],
        merges: ["A1:A2", "B1:C1", "D1:E1"],
      },
      flat(
        "1-6月",
        ["镇街", "签约项目（个）", "到位资金（亿元）"],
        [
          ["合心镇", 3, 9],
          ["西新镇", 2, 7],
        ]
      ),
    ]);
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["签约项目", "到位资金"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("a narrow table under a title merged across its width", () => {
  it("reads the header under the title, though the title ends in 完成情况 and no header word is in the dictionary", () => {
    const targets = flat(
      "年度目标",
      ["属地", "省外资金（万元）", "新开工项目数（个）"],
      [
        ["合心镇", 31500, 15],
        ["西新镇", 332100, 4],
      ]
    );
    const r = recognize([
      targets,
      {
        name: "1-4月完成情况",
        rows: [
          ["绿园区2024年1-4月招商引资完成情况"],
          ["单位：万元、个"],
          ["镇（街道、园区）", "引进省外资金", "开工项目"],
          ["合心镇", 11600, 6],
          ["西新镇", 260000, 2],
        ],
        merges: ["A1:C1", "A2:C2"],
      },
    ]);
    expect(r.actuals?.headerRows).toEqual([2]);
    expect(figures(r.actuals)).toEqual({
      合心镇: { 省外资金: 11600, 新开工项目数: 6 },
      西新镇: { 省外资金: 260000, 新开工项目数: 2 },
    });
  });
});

describe("unit rows the clerk hid (by hand or with an AutoFilter)", () => {
  it("are no units: left out of the ranking and the totals, and said so", () => {
    const rows: (string | number | null)[][] = [
      ["序号", "工作小组", "类型", "签约项目"],
      [1, "两车配套产业小组", "产业小组", 6],
      [2, "资金支持保障小组", "保障小组", 1],
      [3, "现代农业产业小组", "产业小组", 4],
      [null, "合计", "", 10],
    ];
    const r = recognize([{ name: "通报", rows, hiddenRows: [2] }]);
    expect(Object.keys(figures(r.targets))).toEqual(["两车配套产业小组", "现代农业产业小组"]);
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: "excluded_row", severity: "info", cell: "B3" })
    );
    expect(r.issues.map((i) => i.code)).not.toContain("total_mismatch");
  });
});

describe("a 斜线表头 corner cell over the unit column", () => {
  it("reads '指标⏎乡镇' (indicators across, 乡镇 down) as the unit column's header", () => {
    const heads = ["签约项目（个）", "到位资金（万元）"];
    const r = recognize([
      flat(
        "任务分解",
        ["          指标\n乡镇", ...heads],
        [
          ["农安镇", 5, 3000],
          ["合隆镇", 5, 3000],
          ["烧锅镇", 3, 1500],
        ]
      ),
      flat(
        "完成情况",
        ["序号", "单位名称", ...heads],
        [
          [1, "农安镇", 6, 2700],
          [2, "合隆镇", 4, 3300],
          [3, "烧锅镇", 3, 1200],
        ]
      ),
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["农安镇", "合隆镇", "烧锅镇"]);
    expect(figures(r.actuals)).toMatchObject({ 合隆镇: { signed_total: 4, 到位资金: 3300 } });
  });
});

describe("an 附：… block under a table", () => {
  it("ends the table: its label / figure / 个 rows are no units", () => {
    const heads = ["签约项目（个）", "到位资金（亿元）"];
    const r = recognize([
      flat(
        "目标",
        ["序号", "区", ...heads],
        [
          [1, "南关区", 8, 16],
          [2, "宽城区", 8, 16],
        ]
      ),
      {
        name: "1-9月完成",
        rows: [
          ["序号", "区", ...heads],
          [1, "南关区", 7, 14.4],
          [2, "宽城区", 9, 12.8],
          [],
          ["注：1.全市签约项目合计16个；2.到位资金合计27.2亿元。"],
          [],
          [null, "附：重点项目情况"],
          [null, "亿元以上项目", 21, "个"],
          [null, "世界500强投资项目", 2, "个"],
        ],
      },
    ]);
    expect(r.actuals?.units.map((u) => u.name)).toEqual(["南关区", "宽城区"]);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});
