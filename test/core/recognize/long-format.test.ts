/** One row per unit and indicator (a reporting system's export), read as one row per unit. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import type { Recognition } from "../../../src/core/model";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const recognize = (sheets: SheetSpec[], asOf = "2024-09-30"): Recognition =>
  recognizeWorkbook(workbookGrid("t.xlsx", sheets), {}, { asOf });

const longSheet = (bad: string | number = 72): SheetSpec => ({
  name: "指标完成情况",
  rows: [
    ["汉中市2024年1-9月各县区招商引资主要指标完成情况"],
    ["序号", "县区", "考核指标", "计量单位", "年度目标", "1-9月完成", "完成率"],
    [1, "南郑区", "签约项目", "个", 12, 13, 1.083],
    [null, null, "签约金额", "亿元", 80, 70, 0.875],
    [2, "城固县", "签约项目", "个", 10, 8, 0.8],
    [null, null, "签约金额", "亿元", 60, bad, 1.2],
    ["合计", null, "签约项目", "个", 22, 21, 0.955],
    [null, null, "签约金额", "亿元", 140, 142, 1.014],
  ],
  merges: ["A3:A4", "B3:B4", "A5:A6", "B5:B6", "A7:B8"],
});

describe("one row per unit and indicator", () => {
  it("reads each unit's target and actual of every indicator, and its 合计 as a total", () => {
    const r = recognize([longSheet()]);
    expect(r.reports[0]).toMatchObject({ role: "combined", headerRows: [2], totalRows: [7] });
    const actual = (unit: string, key: string): number | null | undefined =>
      r.actuals?.units.find((u) => u.name === unit)?.values[key]?.value;
    expect(r.targets?.units.map((u) => u.name)).toEqual(["南郑区", "城固县"]);
    expect(actual("南郑区", "signed_total")).toBe(13);
    expect(actual("城固县", "签约金额")).toBe(720000);
    expect(r.actuals?.units[1]?.values["签约金额"]?.cell).toBe("F6");
    expect(r.targets?.units[1]?.values["signed_total"]?.cell).toBe("E5");
  });

  it("names the user's own cell in what it reports", () => {
    const r = recognize([longSheet("七十二")]);
    const bad = r.issues.find((i) => i.severity === "error");
    expect(bad).toMatchObject({ sheet: "指标完成情况", cell: "F6", row: 6 });
    expect(bad?.message_zh).not.toMatch(/\b[A-Z]\d+\b(?<!F6)/);
  });

  it("leaves a ledger that names each project once alone", () => {
    const r = recognize([
      {
        name: "台账",
        rows: [
          ["项目名称", "责任单位", "总投资(万元)", "项目阶段"],
          ["甲", "经开区", 5000, "签约"],
          ["乙", "经开区", 6000, "在谈"],
        ],
      },
    ]);
    expect(r.reports[0]?.role).toBe("ledger");
  });
});
