/** A quarter's own 打擂 table (季度任务 / 季度完成) against a table that reports the quarter beside the year. */
import { figures, recognize } from "../../fixtures/recognize-grid";

const merges = ["A1:A2", "B1:B2", "C1:E1"];

describe("季度任务 / 季度完成", () => {
  it("rates the quarter's figure against the quarter's task when no cumulative column is beside them", () => {
    const r = recognize([
      {
        name: "三季度打擂",
        rows: [
          ["序号", "县区", "签约项目（个）", null, null],
          [null, null, "季度任务", "季度完成", "完成率"],
          [1, "汉台区", 3, 4, 1.3333],
          [2, "南郑区", 2, 2, 1],
        ],
        merges,
      },
    ]);
    expect(figures(r.targets)).toEqual({
      汉台区: { signed_total: 3 },
      南郑区: { signed_total: 2 },
    });
    expect(figures(r.actuals)).toEqual({
      汉台区: { signed_total: 4 },
      南郑区: { signed_total: 2 },
    });
  });

  it("keeps 本季度完成 a part beside 年度目标 and 累计完成", () => {
    const r = recognize([
      {
        name: "通报",
        rows: [
          ["序号", "县区", "签约项目（个）", null, null],
          [null, null, "年度目标", "本季度完成", "累计完成"],
          [1, "汉台区", 12, 4, 9],
          [2, "南郑区", 8, 2, 7],
        ],
        merges,
      },
    ]);
    expect(figures(r.actuals)).toEqual({
      汉台区: { signed_total: 9 },
      南郑区: { signed_total: 7 },
    });
  });
});
