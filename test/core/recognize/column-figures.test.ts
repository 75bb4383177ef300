/** A known indicator's column of words that try to state figures. */
import { recognize } from "../../fixtures/recognize-grid";

describe("a known indicator's column of words", () => {
  it("is an error, never passed over while the ranking goes on without it", () => {
    const r = recognize(
      [
        {
          name: "目标任务",
          rows: [
            ["序号", "区", "签约项目（个）", "到位资金（亿元）"],
            [1, "南关区", "十个", 20],
            [2, "宽城区", "八个", 16],
            [3, "朝阳区", "十二个", 25],
          ],
        },
      ],
      "2024-09-30"
    );
    const errors = r.issues.filter((i) => i.code === "wrong_type" && i.severity === "error");
    expect(errors.map((i) => i.cell)).toEqual(["C1"]);
  });
});
