/** A table of what each unit did whose 备注 states the unit's year target, with no targets sheet. */
import { figures, recognize } from "../../fixtures/recognize-grid";

const sheet = (remarks: string[]) => ({
  name: "驻外分局",
  rows: [
    ["汉中市驻外招商分局2024年1-9月引进项目情况"],
    ["序号", "分局", "引进项目（个）", "备注"],
    [1, "驻北京分局", 4, remarks[0] ?? null],
    [2, "驻上海分局", 6, remarks[1] ?? null],
    [3, "驻深圳分局", 3, remarks[2] ?? null],
    [4, "驻西安分局", 5, remarks[3] ?? null],
  ],
  merges: ["A1:D1"],
});

describe("targets typed in the 备注", () => {
  it("reads 全年目标5个 as the target of the figure on its left", () => {
    const r = recognize([sheet(["全年目标5个", "全年目标6个", "全年目标5个", "全年目标4个"])]);
    expect(figures(r.targets)).toEqual({
      驻北京分局: { 引进项目: 5 },
      驻上海分局: { 引进项目: 6 },
      驻深圳分局: { 引进项目: 5 },
      驻西安分局: { 引进项目: 4 },
    });
    expect(figures(r.actuals)["驻北京分局"]).toEqual({ 引进项目: 4 });
    expect(r.issues.some((i) => i.code === "indicator_paired" && i.cell === "D2")).toBe(true);
  });

  it("reads an amount in the remark's own unit: 全年目标2亿元 beside 到位资金（万元） is 20000", () => {
    const r = recognize([
      {
        name: "驻外分局",
        rows: [
          ["序号", "分局", "到位资金（万元）", "备注"],
          [1, "驻北京分局", 15000, "全年目标2亿元"],
          [2, "驻上海分局", 16000, "全年目标2亿元"],
          [3, "驻深圳分局", 9000, "全年目标1亿元"],
          [4, "驻西安分局", 5000, "全年目标8000万元"],
        ],
      },
    ]);
    expect(figures(r.targets)).toEqual({
      驻北京分局: { 到位资金: 20000 },
      驻上海分局: { 到位资金: 20000 },
      驻深圳分局: { 到位资金: 10000 },
      驻西安分局: { 到位资金: 8000 },
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("leaves remarks of other kinds as remarks", () => {
    const r = recognize([sheet(["新设", "全年目标6个", "已对接12家企业", "全年目标4个"])]);
    expect(r.targets).toBeNull();
  });
});
