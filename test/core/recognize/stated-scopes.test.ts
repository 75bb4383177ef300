/** What a workbook's 统计口径 says an indicator counts. */
import { statedScopes } from "../../../src/core/recognize/stated-scopes";
import { workbookGrid } from "../../fixtures/grid";

const sheetOf = (rows: (string | number | null)[][]) =>
  workbookGrid("t.xlsx", [{ name: "考核办法", rows }]).sheets;

describe("stated scopes", () => {
  it("reads 指 / 为 clauses that qualify an indicator, and carries 上述 over", () => {
    const scopes = statedScopes(
      sheetOf([
        ["四平市2024年招商引资考核办法"],
        ["条目", "内容"],
        ["二、考核指标", "签约项目、签约金额，各占50%。"],
        [
          "三、统计口径",
          "签约项目指2024年1月1日以后正式签订投资协议、单体投资额5000万元以上的项目；签约金额为上述项目协议投资额之和。",
        ],
      ])
    );
    expect(scopes.map((s) => [s.key, s.cell])).toEqual([
      ["签约项目", "B4"],
      ["签约金额", "B4"],
    ]);
    expect(scopes[1]?.definition).toContain("5000万元以上");
  });

  it("reads a 考核细则 table: each row's 统计口径 defines the indicator that row names", () => {
    const scopes = statedScopes(
      sheetOf([
        ["汉中市2024年县区招商引资工作考核细则"],
        ["序号", "考核指标", "分值", "统计口径及计分方法"],
        [1, "签约项目", 30, "2024年内签订正式投资合同的项目个数，按完成率计分"],
        [2, "重大项目", 40, "单个项目协议投资额5亿元以上（含5亿元）的签约项目个数，按完成率计分"],
        [3, "到位资金", 30, "以项目台账本年到位资金合计为准，按完成率计分"],
      ])
    );
    expect(scopes.map((s) => [s.key, s.cell])).toEqual([["重大项目", "D4"]]);
    expect(scopes[0]?.definition).toContain("5亿元以上(含5亿元)");
  });

  it("finds the definition after a heading in the same cell", () => {
    const scopes = statedScopes(
      sheetOf([["三、统计口径：开工项目是指当年实际开工的亿元以上工业项目。"]])
    );
    expect(scopes.map((s) => s.key)).toEqual(["开工项目"]);
  });

  it("ignores clauses that state no qualifier and hidden sheets", () => {
    expect(
      statedScopes(sheetOf([["考核对象为各县（市、区）。签约项目指正式签约的项目。"]]))
    ).toEqual([]);
    const hidden = workbookGrid("t.xlsx", [
      { name: "旧口径", hidden: true, rows: [["签约项目指3000万元以上项目"]] },
    ]).sheets;
    expect(statedScopes(hidden)).toEqual([]);
  });
});
