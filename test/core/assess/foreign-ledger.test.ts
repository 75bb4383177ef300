/**
 * A 外商投资企业台账: headed 企业名称 (no 项目名称), 投资总额 beside 合同外资, dated by 设立时间. It is a ledger, and
 * an indicator named 合同外资 sums the 合同外资 column — never the 投资总额 beside it.
 */
import { assessWorkbook } from "../../../src/core/assess";
import type { WorkbookGrid } from "../../../src/core/grid";
import { workbookGrid } from "../../fixtures/grid";

const NOW = new Date("2024-10-08T08:00:00Z");

function workbook(header: readonly string[], targets: readonly string[]): WorkbookGrid {
  return workbookGrid("fdi.xlsx", [
    {
      name: "外资目标",
      rows: [
        ["县区", ...targets],
        ["南关区", 3, 0.3],
        ["经开区", 2, 1],
      ],
    },
    {
      name: "外资项目台账",
      rows: [
        [...header],
        [1, "吉林德普医疗器械有限公司", "德国", "南关区", 2000, 1200, "2024-03-12"],
        [2, "长春港信商贸有限公司", "中国香港", "南关区", 600, 500, "2024-05-20"],
        [3, "长春日高餐饮管理有限公司", "日本", "南关区", 300, 300, "2023-10-08"],
        [4, "博世汽车电子（长春）二期", "德国", "经开区", 12000, 8000, "2024-04-18"],
      ],
    },
  ]);
}

const HEADER = [
  "序号",
  "企业名称",
  "外方投资者国别（地区）",
  "所在县区",
  "投资总额（万美元）",
  "合同外资（万美元）",
  "设立时间",
];

const assess = (grid: WorkbookGrid) => assessWorkbook(grid, { asOf: "2024-09-30", now: NOW });
const actual = (a: ReturnType<typeof assess>, unit: string, key: string) =>
  a.results?.units.find((u) => u.unit === unit)?.indicators[key]?.actual;

describe("a 外资 enterprise ledger", () => {
  it("is a ledger when headed 企业名称, its other columns saying so", () => {
    const a = assess(workbook(HEADER, ["新设外资企业（家）", "合同外资（亿美元）"]));
    const report = a.recognition.reports.find((r) => r.name === "外资项目台账");
    expect(report).toMatchObject({ role: "ledger", columns: { project_name: "B" } });
    // Set up in the period: the 2023 company is not new this year.
    expect(actual(a, "南关区", "新设外资企业")).toBe(2);
  });

  it("sums the 合同外资 column for 合同外资, and says it dates the companies by 设立时间", () => {
    const a = assess(workbook(HEADER, ["新设外资企业（家）", "合同外资（亿美元）"]));
    // 1200 + 500 万美元 of 合同外资 (投资总额 would give 2600).
    expect(actual(a, "南关区", "合同外资")).toBeCloseTo(0.17, 6);
    expect(actual(a, "经开区", "合同外资")).toBeCloseTo(0.8, 6);
    // The choice is written into 考核规则 for the user to see and change (外资额 ↔ 投资额).
    expect(JSON.stringify(a.rulesSheet)).toMatch(/合同外资[^\]]*外资额/);
    expect(a.issues.find((i) => i.code === "derived_indicator")?.message_zh).toMatch(/设立/);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("sums the 投资总额 for an investment indicator over the same ledger", () => {
    const a = assess(workbook(HEADER, ["新设外资企业（家）", "新设外资企业投资总额（亿美元）"]));
    expect(actual(a, "经开区", "新设外资企业投资总额")).toBeCloseTo(1.2, 6);
  });
});
