/** A table turned on its side (indicators down, units across) is read upright, every address the user's. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { uprightSheet } from "../../../src/core/recognize/sideways";
import type { Recognition } from "../../../src/core/model";
import { defaultValidationContext, validateWorkbook } from "../../../src/core/validate";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const targets: SheetSpec = {
  name: "目标分解",
  rows: [
    ["2024年招商引资目标分解"],
    ["序号", "城区", "签约项目（个）", "到位资金（亿元）"],
    [1, "南关区", 6, 20],
    [2, "宽城区", 6, 12],
    [3, "朝阳区", 8, 10],
  ],
};
const sideways: SheetSpec = {
  name: "1-9月完成",
  rows: [
    ["2024年1-9月招商引资主要指标完成情况"],
    ["指标", "计量单位", "南关区", "宽城区", "朝阳区"],
    ["签约项目", "个", 7, 4, 8],
    ["到位资金", "亿元", 15, 13.2, 12],
    ["注：到位资金为实际到位数"],
  ],
};

const recognize = (sheets: SheetSpec[]): Recognition =>
  recognizeWorkbook(workbookGrid("t.xlsx", sheets), {}, { asOf: "2024-09-30" });

describe("a table on its side", () => {
  it("is read upright, the 计量单位 folded into each indicator's header", () => {
    const l = uprightSheet(workbookGrid("t.xlsx", [sideways]).sheets[0]!);
    expect(l?.wide.rows).toEqual([
      ["2024年1-9月招商引资主要指标完成情况"],
      ["单位", "签约项目（个）", "到位资金（亿元）"],
      ["南关区", 7, 15],
      ["宽城区", 4, 13.2],
      ["朝阳区", 8, 12],
    ]);
    expect(l?.origin(3, 2)).toEqual({ row: 3, col: 3 });
  });

  it("gives each unit its actuals, found at the user's cells", () => {
    const r = recognize([targets, sideways]);
    const kuancheng = r.actuals?.units.find((u) => u.name === "宽城区");
    expect(kuancheng?.values["signed_total"]).toMatchObject({ value: 4, cell: "D3" });
    expect(kuancheng?.nameCell).toBe("D2");
    expect(r.reports[1]).toMatchObject({ role: "actuals", headerRows: [2] });
    expect(r.reports[1]?.columns["signed_total"]).toBe("A3");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("names the header cell of a unit the targets do not list", () => {
    const extra: SheetSpec = {
      ...sideways,
      rows: sideways.rows.map((row, r) =>
        r === 1 ? [...row, "二道区"] : r < 4 && r > 1 ? [...row, 1] : row
      ),
    };
    const r = recognize([targets, extra]);
    const issues = validateWorkbook(r, defaultValidationContext(new Date("2024-09-30T00:00:00Z")));
    expect(issues.find((i) => i.code === "unknown_unit")?.cell).toBe("F2");
  });

  it("reads 目标 / 完成 columns under each unit name as that unit's target and actual", () => {
    const r = recognize([
      {
        name: "完成情况",
        rows: [
          ["2024年1-9月各区招商引资完成情况"],
          ["指标", "南关区", null, "宽城区", null],
          [null, "目标", "完成", "目标", "完成"],
          ["签约项目（个）", 8, 7, 8, 9],
          ["到位资金（亿元）", 20, 15, 18, 19.8],
        ],
        merges: ["A2:A3", "B2:C2", "D2:E2"],
      },
    ]);
    const kuancheng = (t: typeof r.targets) => t?.units.find((u) => u.name === "宽城区");
    expect(kuancheng(r.targets)?.values["signed_total"]).toMatchObject({ value: 8, cell: "D4" });
    expect(kuancheng(r.actuals)?.values["signed_total"]).toMatchObject({ value: 9, cell: "E4" });
    expect(r.reports[0]).toMatchObject({ role: "combined", headerRows: [2, 3] });
  });

  it("leaves an upright table alone", () => {
    expect(uprightSheet(workbookGrid("t.xlsx", [targets]).sheets[0]!)).toBeNull();
  });

  it("reads 签约项目目标 / 签约项目完成 rows as one indicator's target and actual, the 单位 column as measures", () => {
    const r = recognize([
      {
        name: "目标完成",
        rows: [
          ["指标", "单位", "南关区", "宽城区", "朝阳区"],
          ["签约项目目标", "个", 6, 6, 8],
          ["签约项目完成", "个", 7, 4, 8],
          ["到位资金目标", "亿元", 20, 12, 10],
          ["到位资金完成", "亿元", 15, 13.2, 12],
        ],
      },
    ]);
    expect(r.reports[0]?.role).toBe("combined");
    expect(r.targets?.units.map((u) => u.name)).toEqual(["南关区", "宽城区", "朝阳区"]);
    const funds = r.actuals?.indicators.find((i) => i.name === "到位资金");
    expect(funds?.unit?.label).toBe("亿元");
    expect(r.actuals?.units.map((u) => u.values[funds?.key ?? ""]?.cell)).toEqual([
      "C5",
      "D5",
      "E5",
    ]);
  });
});
