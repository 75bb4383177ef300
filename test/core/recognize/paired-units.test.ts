/**
 * A column stating no measure takes its pair's: "签约金额" on the actuals beside "签约金额（亿元）" on the targets is
 * in 亿元 — read raw it would be 万元 and every unit would rate at 0.01%.
 */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid } from "../../fixtures/grid";

const sheet = (name: string, head: string[], rows: (string | number)[][]) => ({
  name,
  rows: [head, ...rows],
});

describe("a column stating no measure", () => {
  it("is read in the measure of the column it pairs with, and says so", () => {
    const grid = workbookGrid("t.xlsx", [
      sheet(
        "目标",
        ["县区", "签约项目（个）", "签约金额（亿元）"],
        [
          ["甲县", 10, 20],
          ["乙县", 12, 30],
        ]
      ),
      sheet(
        "完成",
        ["县区", "签约项目", "签约金额"],
        [
          ["甲县", 8, 15],
          ["乙县", 9, "25亿元"],
        ]
      ),
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-09-30" });
    const money = r.actuals?.indicators.find((i) => i.name === "签约金额");
    expect(money?.unit?.label).toBe("亿元");
    // Held in 万元: 15 亿元 is 150000; a cell stating its own unit is not scaled twice.
    expect(r.actuals?.units.map((u) => u.values[money?.key ?? ""]?.value)).toEqual([
      150000, 250000,
    ]);
    const assumed = r.issues.filter((i) => i.code === "unit_of_measure_assumed");
    expect(assumed.map((i) => [i.severity, i.sheet, i.cell])).toEqual([["info", "完成", "C1"]]);
    expect(assumed[0]?.message_zh).toContain("目标!C");
    // A count takes 个 without a word: nothing to rescale.
    expect(r.actuals?.indicators.find((i) => i.name === "签约项目")?.unit?.label).toBe("个");
  });

  it("works the other way round: targets without a measure take the actuals'", () => {
    const grid = workbookGrid("t.xlsx", [
      sheet(
        "目标任务",
        ["县区", "到位资金"],
        [
          ["甲县", 20],
          ["乙县", 30],
        ]
      ),
      sheet(
        "完成情况",
        ["县区", "到位资金（亿元）"],
        [
          ["甲县", 15],
          ["乙县", 25],
        ]
      ),
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-09-30" });
    expect(r.targets?.indicators[0]?.unit?.label).toBe("亿元");
    expect(r.targets?.units.map((u) => Object.values(u.values)[0]?.value)).toEqual([
      200000, 300000,
    ]);
  });
});
