import { assessWorkbook } from "../../../src/core/assess";
import { methodIn } from "../../../src/core/recognize/stated-method";
import { workbookGrid } from "../../fixtures/grid";

const SEED_000 =
  "超额完成目标任务的，招商引资部分得满分，优先评优；完成目标任务的，得满分，具备评优资格；未完成目标任务的，不得分，取消评优资格。";

describe("the scoring method a 考核办法 states", () => {
  it("reads seed 000's rule as threshold scoring", () => {
    expect(methodIn(SEED_000)).toBe("threshold");
    expect(methodIn("完成任务的得满分，未完成的得0分")).toBe("threshold");
  });

  it("reads points in proportion to the rate as proportional, whatever else the text says", () => {
    expect(methodIn("完成目标的得满分，未完成的按完成比例计分")).toBe("proportional");
    expect(methodIn("得分=完成率×分值，未完成的不得分")).toBe("proportional");
  });

  it("reads nothing from a text that states no rule", () => {
    expect(methodIn("以月为单位汇总目标任务完成情况，作为年终总体评价依据")).toBeNull();
    expect(methodIn("未完成目标任务的，通报批评")).toBeNull();
    // Points lost by the shortfall's size, nothing only below a floor: not scoring by reaching the target.
    expect(
      methodIn("完成目标任务的得满分，未完成的每低1个百分点扣0.5分，扣完为止，低于60%不得分")
    ).toBeNull();
  });

  it("scores a workbook by it, with an info issue naming the text", () => {
    const grid = workbookGrid("t.xlsx", [
      { name: "考核办法", rows: [["考核办法"], [SEED_000]] },
      {
        name: "完成情况",
        rows: [
          ["产业小组", "引进项目 目标", "引进项目 完成"],
          ["新材料小组", 5, 6],
          ["文旅小组", 3, 2],
        ],
      },
    ]);
    const a = assessWorkbook(grid, { asOf: "2024-12-31", now: new Date("2025-01-05") });
    expect(a.results?.method).toBe("threshold");
    expect(a.results?.units.map((u) => [u.unit, u.score])).toEqual([
      ["新材料小组", 100],
      ["文旅小组", 0],
    ]);
    expect(a.issues.find((i) => i.code === "method_from_workbook")?.cell).toBe("A2");
  });
});
