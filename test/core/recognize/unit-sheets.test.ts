/** One sheet per unit: each county's own report (指标 | 单位 | 目标 | 完成) read as one targets/actuals table. */
import { assessWorkbook } from "../../../src/core/assess";
import { recognizeWorkbook } from "../../../src/core/recognize";
import type { Recognition } from "../../../src/core/model";
import { unitOfSheetName } from "../../../src/core/recognize/unit-sheets";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const recognize = (sheets: SheetSpec[], asOf = "2024-06-30"): Recognition =>
  recognizeWorkbook(workbookGrid("t.xlsx", sheets), {}, { asOf });

type Line = readonly [name: string, measure: string, target: number | null, actual: number | null];

const report = (name: string, unitLine: string | null, lines: readonly Line[]): SheetSpec => ({
  name,
  rows: [
    ["2024年1-6月招商引资主要指标完成情况"],
    ...(unitLine === null ? [] : [[`填报单位：${unitLine}`]]),
    ["序号", "指标名称", "单位", "年度目标", "1-6月完成", "完成率", "备注"],
    ...lines.map(([n, m, t, a], k) => [k + 1, n, m, t, a, null, null]),
  ],
});

const value = (r: Recognition, role: "targets" | "actuals", unit: string, key: string) =>
  r[role]?.units.find((u) => u.name === unit)?.values[key];

describe("one sheet per unit", () => {
  it("names the unit from the tab without its number, period and 报表 / 完成情况", () => {
    expect(unitOfSheetName("东城区")).toBe("东城区");
    expect(unitOfSheetName("2.西城区")).toBe("西城区");
    expect(unitOfSheetName("东城区报表")).toBe("东城区");
    expect(unitOfSheetName("朝阳区完成情况")).toBe("朝阳区");
    expect(unitOfSheetName("（3）海淀区2024年1-6月完成情况表")).toBe("海淀区");
    expect(unitOfSheetName("三、宽城区")).toBe("宽城区");
    expect(unitOfSheetName("2024年东城区")).toBe("东城区");
    // A numeral that begins the name is no number: 二道区, 九台区.
    expect(unitOfSheetName("二道区")).toBe("二道区");
    expect(unitOfSheetName("九台区目标任务")).toBe("九台区");
    expect(unitOfSheetName("东城区 (2)")).toBe("东城区");
    expect(unitOfSheetName("Sheet3")).toBeNull();
    expect(unitOfSheetName("汇总")).toBeNull();
    // A roll-up or a sheet of rules is no unit.
    expect(unitOfSheetName("全市")).toBeNull();
    expect(unitOfSheetName("考核办法")).toBeNull();
  });

  it("reads each tab as its unit's row, every figure at the unit's own cell", () => {
    const r = recognize([
      report("东城区", "东城区", [
        ["签约项目", "个", 12, 7],
        ["签约金额", "亿元", 30, 16.5],
      ]),
      report("2.西城区", null, [
        ["签约金额", "万元", 250000, 275000],
        ["签约项目", "个", 10, 11],
      ]),
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["东城区", "西城区"]);
    expect(r.reports.map((s) => s.role)).toEqual(["combined", "combined"]);
    // 西城区 lists 签约金额 first and in 万元: the same indicator, in the base unit.
    expect(value(r, "targets", "西城区", "签约金额")).toMatchObject({
      value: 250000,
      sheet: "2.西城区",
      cell: "D3",
    });
    expect(value(r, "actuals", "西城区", "signed_total")).toMatchObject({ value: 11, cell: "E4" });
    expect(value(r, "actuals", "东城区", "签约金额")).toMatchObject({
      value: 165000,
      sheet: "东城区",
      cell: "E5",
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("takes the unit from the 填报单位 line when the tabs keep the template's names", () => {
    const r = recognize([
      report("Sheet1", "东城区（盖章）", [["签约项目", "个", 12, 7]]),
      report("Sheet2", "西城区", [["签约项目", "个", 10, 11]]),
    ]);
    expect(r.actuals?.units.map((u) => [u.name, u.sheet, u.nameCell])).toEqual([
      ["东城区", "Sheet1", "A2"],
      ["西城区", "Sheet2", "A2"],
    ]);
  });

  it("pairs each unit's actuals tab with the targets sheet listing every unit", () => {
    const actualsOnly = (name: string, a: number): SheetSpec => ({
      name: `${name}完成情况`,
      rows: [
        [`${name}2024年1-6月招商引资完成情况`],
        ["指标名称", "单位", "1-6月累计完成"],
        ["签约项目", "个", a],
      ],
    });
    const r = recognize([
      {
        name: "目标分解表",
        rows: [
          ["镇街", "签约项目（个）"],
          ["合心镇", 6],
          ["奢岭街道", 5],
        ],
      },
      actualsOnly("合心镇", 5),
      actualsOnly("奢岭街道", 6),
    ]);
    expect(r.targets?.sheet).toBe("目标分解表");
    expect(value(r, "actuals", "奢岭街道", "signed_total")).toMatchObject({
      value: 6,
      sheet: "奢岭街道完成情况",
      cell: "C3",
    });
  });

  it("sets a 汇总 of the same units aside, and says so when it disagrees with their own reports", () => {
    const tabs = [
      report("东城区", null, [["签约项目", "个", 12, 7]]),
      report("西城区", null, [["签约项目", "个", 10, 11]]),
    ];
    const summary = (west: number): SheetSpec => ({
      name: "汇总",
      rows: [
        ["区", "签约项目目标", "签约项目完成"],
        ["东城区", 12, 7],
        ["西城区", 10, west],
      ],
    });
    const agree = recognize([summary(11), ...tabs]);
    expect(agree.actuals?.units.map((u) => u.sheet)).toEqual(["东城区", "西城区"]);
    expect(agree.issues.filter((i) => i.severity === "error")).toEqual([]);
    const differ = recognize([summary(9), ...tabs]);
    expect(differ.actuals?.units.map((u) => u.sheet)).toEqual(["东城区", "西城区"]);
    expect(differ.issues.find((i) => i.code === "source_disagreement")).toMatchObject({
      severity: "error",
      sheet: "汇总",
    });
    // Which of the two is right cannot be told: the unit's figure is not scored.
    expect(value(differ, "actuals", "西城区", "signed_total")).toMatchObject({ blocked: true });
    expect(value(differ, "actuals", "东城区", "signed_total")).toMatchObject({ blocked: false });
  });

  it("calls a blank template's unit unreported: an error at its 完成 column, its figures blocked", () => {
    const r = recognize([
      report("东城区", null, [["签约项目", "个", 12, 7]]),
      report("西城区", null, [["签约项目", "个", 10, null]]),
      report("朝阳区", null, [["签约项目", "个", 15, 9]]),
    ]);
    expect(r.issues.find((i) => i.code === "missing_actual")).toMatchObject({
      severity: "error",
      sheet: "西城区",
      cell: "E2",
    });
    expect(value(r, "actuals", "西城区", "signed_total")).toMatchObject({
      value: null,
      blocked: true,
      cell: "E3",
    });
  });

  it("calls a unit reported on two tabs (a copied tab left unrenamed) a duplicate, never two units", () => {
    const grid = workbookGrid("t.xlsx", [
      report("东城区", null, [["签约项目", "个", 12, 7]]),
      report("东城区 (2)", null, [["签约项目", "个", 10, 11]]),
      report("朝阳区", null, [["签约项目", "个", 15, 9]]),
    ]);
    const a = assessWorkbook(grid, { asOf: "2024-06-30", now: new Date("2024-07-05T00:00:00Z") });
    // On the copied tab, where the second report is.
    expect(a.issues.find((i) => i.code === "duplicate_unit")).toMatchObject({
      severity: "error",
      sheet: "东城区 (2)",
      cell: "A1",
    });
    expect(a.results?.units.map((u) => u.unit)).not.toContain("东城区 (2)");
  });

  it("says so when a tab and its 填报单位 line name different units", () => {
    const r = recognize([
      report("东城区", "西城区", [["签约项目", "个", 12, 7]]),
      report("朝阳区", null, [["签约项目", "个", 15, 9]]),
    ]);
    expect(r.issues.find((i) => i.code === "unit_name_variant")).toMatchObject({
      severity: "error",
      sheet: "东城区",
    });
  });

  it("reads a report heading its indicators 项目 (its items) as one with 指标名称", () => {
    const items = (name: string, t: number, a: number): SheetSpec => ({
      name,
      rows: [
        ["项目", "单位", "全年任务", "累计完成"],
        ["签约项目", "个", t, a],
        ["签约金额", "亿元", t * 2, a * 2],
      ],
    });
    const r = recognize([items("东城区", 12, 7), items("西城区", 10, 11)]);
    expect(value(r, "actuals", "西城区", "签约金额")).toMatchObject({ value: 220000, cell: "D3" });
  });

  it("leaves a lone indicator list alone: one unit's report has nothing to rank against", () => {
    const r = recognize([report("东城区", null, [["签约项目", "个", 12, 7]])]);
    expect(r.actuals?.units.some((u) => u.sheet !== undefined) ?? false).toBe(false);
  });
});
