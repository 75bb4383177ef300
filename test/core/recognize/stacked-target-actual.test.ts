/** 表1 目标任务 above 表2 1-6月完成情况 on one sheet: one 目标 | 完成 table, each actual at its own cell. */
import { figures, recognize } from "../../fixtures/recognize-grid";

const HEADER = ["序号", "县区", "签约项目（个）", "签约金额（亿元）"];

describe("a targets table stacked above an actuals table", () => {
  const r = recognize(
    [
      {
        name: "招商考核",
        rows: [
          ["汉中市2024年各县区招商引资目标任务及完成情况"],
          ["表1  2024年目标任务"],
          HEADER,
          [1, "汉台区", 12, 40],
          [2, "南郑区", 8, 32],
          [3, "城固县", 8, 28],
          [],
          ["表2  1-6月完成情况"],
          HEADER,
          [1, "城固县", 3, 15.4],
          [2, "汉台区", 7, 22],
          [3, "南郑区", 5, 14],
        ],
      },
    ],
    "2024-06-30"
  );

  it("reads the first as targets and the second as actuals, matched by unit", () => {
    expect(figures(r.targets)).toEqual({
      汉台区: { signed_total: 12, 签约金额: 400000 },
      南郑区: { signed_total: 8, 签约金额: 320000 },
      城固县: { signed_total: 8, 签约金额: 280000 },
    });
    expect(figures(r.actuals)).toEqual({
      汉台区: { signed_total: 7, 签约金额: 220000 },
      南郑区: { signed_total: 5, 签约金额: 140000 },
      城固县: { signed_total: 3, 签约金额: 154000 },
    });
  });

  it("points each actual at its cell in the second table", () => {
    const u = r.actuals?.units.find((x) => x.name === "城固县");
    expect(u?.values["signed_total"]).toMatchObject({ sheet: "招商考核", cell: "C10" });
    expect(r.targets?.units.find((x) => x.name === "城固县")?.values["signed_total"]).toMatchObject(
      {
        cell: "C6",
      }
    );
  });
});

describe("stacked tables whose header grows (二、开发区 adds 实际利用外资)", () => {
  const head = ["序号", "单位", "签约项目（个）", "到位资金（亿元）"];
  const r = recognize([
    {
      name: "目标任务",
      rows: [
        ["长春市2024年招商引资目标任务分解表"],
        ["一、县（市）区"],
        head,
        [1, "榆树市", 6, 20],
        [2, "德惠市", 6, 20],
        [],
        ["二、开发区"],
        [...head, "实际利用外资（万美元）"],
        [1, "经开区", 10, 40, 3000],
        [2, "高新区", 10, 40, 3000],
      ],
    },
  ]);

  it("reads both tables under the wider header, the first one's extra column blank", () => {
    expect(r.targets?.indicators.map((i) => i.name)).toEqual([
      "签约项目",
      "到位资金",
      "实际利用外资",
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["榆树市", "德惠市", "经开区", "高新区"]);
    expect(r.targets?.units[2]?.values["signed_total"]).toMatchObject({ value: 10, cell: "C9" });
    expect(figures(r.targets)["榆树市"]).toEqual({
      signed_total: 6,
      到位资金: 200000,
      foreign_capital_usd: null,
    });
    expect(figures(r.targets)["经开区"]?.["foreign_capital_usd"]).toBe(3000);
  });
});
