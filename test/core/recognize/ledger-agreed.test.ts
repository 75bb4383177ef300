/** A 台账 with 总投资 and 协议投资额: 签约金额 sums what was signed, thresholds and 总投资 go by the project's size. */
import { assessWorkbook } from "../../../src/core/assess";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const PROJECTS: [string, string, number, number | null, string][] = [
  ["南关区", "光电项目", 50000, 30000, "2024-03-05"],
  ["南关区", "物流项目", 8000, 6000, "2024-05-05"],
  ["宽城区", "医药项目", 12000, 12000, "2024-04-01"],
  ["宽城区", "装备项目", 20000, 9000, "2024-06-01"],
  ["朝阳区", "软件项目", 9000, null, "2024-07-01"],
];

const targets: SheetSpec = {
  name: "目标",
  rows: [
    ["区", "签约项目（个）", "签约金额（亿元）", "亿元以上项目（个）"],
    ["南关区", 2, 4, 1],
    ["宽城区", 2, 2, 1],
    ["朝阳区", 1, 1, 1],
  ],
};

function assess(headers: readonly [string, string], agreedFirst = false) {
  const ledger: SheetSpec = {
    name: "项目台账",
    rows: [
      ["序号", "项目名称", "所属区", ...headers, "签约日期"],
      ...PROJECTS.map(([unit, name, total, agreed, date], k) => [
        k + 1,
        name,
        unit,
        ...(agreedFirst ? [agreed, total] : [total, agreed]),
        date,
      ]),
    ],
  };
  const a = assessWorkbook(workbookGrid("t.xlsx", [targets, ledger]), {
    asOf: "2024-09-30",
    now: new Date("2024-10-05"),
  });
  const actual = (unit: string, key: string) =>
    a.results?.units.find((u) => u.unit === unit)?.indicators[key]?.actual;
  return { a, actual };
}

describe("a ledger with 总投资 and 协议投资额", () => {
  it.each([
    ["总投资 first", ["总投资（万元）", "协议投资额（万元）"], false],
    ["协议投资额 first", ["协议投资额（万元）", "计划总投资（万元）"], true],
  ] as const)("sums 协议投资额 for 签约金额, 总投资 for 亿元以上 (%s)", (_, headers, first) => {
    const { a, actual } = assess(headers, first);
    // 南关区 signed 3亿 + 0.6亿; 朝阳区's row leaves 协议投资额 blank: its 总投资 counts.
    expect(actual("南关区", "签约金额")).toBeCloseTo(3.6);
    expect(actual("朝阳区", "签约金额")).toBeCloseTo(0.9);
    // 装备项目 is 2亿 in 总投资, 0.9亿 agreed: a 亿元以上 project by its size.
    expect(actual("宽城区", "亿元以上项目")).toBe(2);
    expect(a.issues.filter((i) => i.code === "duplicate_column")).toEqual([]);
    const note = a.issues.find((i) => i.code === "derived_indicator" && i.severity === "info");
    expect(note?.message_zh).toContain("签约金额类指标按“协议投资额");
  });

  it("says on the 考核规则 what 签约金额 sums", () => {
    const { a } = assess(["总投资（万元）", "协议投资额（万元）"]);
    expect(JSON.stringify(a.rulesSheet)).toContain("协议投资额（台账无此列时为总投资）");
  });
});
