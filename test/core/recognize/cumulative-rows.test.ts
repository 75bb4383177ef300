/** Each unit on a 本月 row and a 累计 row, its name merged down over both. */
import { figures, recognize } from "../../fixtures/recognize-grid";

describe("本月 / 累计 rows", () => {
  it("reads the 累计 row as the unit's and leaves the 本月 row out", () => {
    const r = recognize(
      [
        {
          name: "目标任务",
          rows: [
            ["序号", "镇街", "签约项目（个）"],
            [1, "合心镇", 12],
            [2, "西新镇", 10],
          ],
        },
        {
          name: "1-9月推进情况",
          rows: [
            ["序号", "镇街", "类别", "签约项目（个）"],
            [1, "合心镇", "本月", 2],
            [null, null, "累计", 10],
            [2, "西新镇", "本月", 1],
            [null, null, "累计", 9],
          ],
          merges: ["A2:A3", "B2:B3", "A4:A5", "B4:B5"],
        },
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 10 },
      西新镇: { signed_total: 9 },
    });
    expect(r.issues.filter((i) => i.code === "duplicate_unit")).toEqual([]);
  });
});
