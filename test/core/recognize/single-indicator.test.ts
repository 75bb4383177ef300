/** A sheet given to one indicator, named only in its tab or title, is read as that indicator's table. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { namedIndicatorSheet } from "../../../src/core/recognize/single-indicator";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const sheet = (name: string, title: string): SheetSpec => ({
  name,
  rows: [
    [title],
    ["单位：亿元"],
    ["序号", "县区", "年度目标", "1-9月完成", "完成率"],
    [1, "南郑区", 80, 70, 0.875],
    [2, "城固县", 60, 72, 1.2],
  ],
});

const read = (s: SheetSpec) => {
  const r = recognizeWorkbook(workbookGrid("t.xlsx", [s]), {}, { asOf: "2024-09-30" });
  const unit = (t: typeof r.targets) => t?.units.find((u) => u.name === "城固县");
  return { r, target: unit(r.targets), actual: unit(r.actuals) };
};

describe("one indicator's sheet", () => {
  it("takes the indicator from the tab name", () => {
    const { r, target, actual } = read(sheet("到位资金", "2024年1-9月各县区完成情况"));
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["到位资金"]);
    expect(target?.values["到位资金"]).toMatchObject({ value: 600000, cell: "C5" });
    expect(actual?.values["到位资金"]).toMatchObject({ value: 720000, cell: "D5" });
  });

  it("takes the indicator from the title when the tab names none", () => {
    const { target } = read(sheet("Sheet1", "汉中市2024年1-9月各县区实际到位资金完成情况"));
    expect(target?.values["实际到位资金"]?.value).toBe(600000);
  });

  it("leaves a sheet of one row per unit and indicator alone, whatever its tab says", () => {
    const long = sheet("签约项目及到位资金", "2024年1-9月完成情况");
    const rows = long.rows.map((row, r) =>
      r === 2
        ? ["县区", "考核指标", "年度目标", "1-9月完成"]
        : r > 2
          ? [row[1] ?? null, "签约项目", row[2] ?? null, row[3] ?? null]
          : row
    );
    expect(namedIndicatorSheet(workbookGrid("t.xlsx", [{ ...long, rows }]).sheets[0]!)).toBeNull();
  });

  it("reads targets-only sheets per indicator (全年目标 / 一季度…四季度) as one targets table", () => {
    const targets = (name: string, year: number[]): SheetSpec => ({
      name,
      rows: [
        [`2024年各县（市）区${name}目标任务分解表`],
        ["序号", "县（市）区", "全年目标", "一季度", "二季度", "三季度", "四季度"],
        [1, "南关区", year[0] ?? 0, 2, 4, 4, 2],
        [2, "宽城区", year[1] ?? 0, 2, 3, 3, 2],
      ],
    });
    const actuals: SheetSpec = {
      name: "1-9月完成情况",
      rows: [
        ["2024年1-9月各县（市）区招商引资完成情况"],
        ["序号", "县（市）区", "签约项目（个）", "开工项目（个）"],
        [1, "南关区", 10, 5],
        [2, "宽城区", 11, 3],
      ],
    };
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [targets("签约项目", [12, 10]), targets("开工项目", [6, 5]), actuals]),
      {},
      { asOf: "2024-09-30" }
    );
    const kuancheng = r.targets?.units.find((u) => u.name === "宽城区");
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["签约项目", "开工项目"]);
    expect(kuancheng?.values["signed_total"]?.value).toBe(10);
    expect(kuancheng?.values["开工项目"]?.value).toBe(5);
  });

  it("leaves a sheet whose title names no indicator alone", () => {
    const { r } = read(sheet("Sheet1", "2024年1-9月各县区完成情况"));
    expect(r.targets).toBeNull();
  });
});

describe("one sheet per indicator", () => {
  it("joins the sheets' indicators for the same units, each at its own sheet", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "签约项目",
          rows: [
            ["2024年1-9月各县区签约项目完成情况"],
            ["县区", "年度目标", "1-9月完成"],
            ["南郑区", 12, 13],
            ["城固县", 10, 8],
          ],
        },
        {
          name: "到位资金",
          rows: [
            ["2024年1-9月各县区到位资金完成情况"],
            ["县区", "年度目标（亿元）", "1-9月完成（亿元）"],
            ["南郑区", 80, 70],
            ["城固县", 60, 72],
          ],
        },
      ]),
      {},
      { asOf: "2024-09-30" }
    );
    expect(r.targets?.indicators.map((i) => [i.name, i.sheet])).toEqual([
      ["签约项目", undefined],
      ["到位资金", "到位资金"],
    ]);
    const chenggu = r.actuals?.units.find((u) => u.name === "城固县");
    expect(chenggu?.values["signed_total"]).toMatchObject({
      value: 8,
      sheet: "签约项目",
      cell: "C4",
    });
    expect(chenggu?.values["到位资金"]).toMatchObject({
      value: 720000,
      sheet: "到位资金",
      cell: "C4",
    });
    expect(r.issues.some((i) => i.code === "sheet_not_used")).toBe(false);
  });
});
