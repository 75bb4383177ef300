/** A sheet given to one indicator, named only in its tab or title, is read as that indicator's table. */
import { recognizeWorkbook } from "../../../src/core/recognize";
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

  it("leaves a sheet whose title names no indicator alone", () => {
    const { r } = read(sheet("Sheet1", "2024年1-9月各县区完成情况"));
    expect(r.targets).toBeNull();
  });
});
