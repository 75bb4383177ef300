/** Columns beside the targets that are the targets' own arithmetic, not indicators. */
import { figures, recognize } from "../../fixtures/recognize-grid";

describe("a 分解比例 column beside the targets", () => {
  it("is each unit's share of the total, never an indicator", () => {
    const r = recognize(
      [
        {
          name: "目标分解",
          rows: [
            ["序号", "县（市、区）", "分解比例", "签约项目（个）"],
            [1, "东昌府区", 0.2, 10],
            [2, "临清市", 0.16, 8],
          ],
        },
        {
          name: "1-9月完成",
          rows: [
            ["序号", "县（市、区）", "签约项目（个）"],
            [1, "东昌府区", 9],
            [2, "临清市", 8],
          ],
        },
      ],
      "2024-09-30"
    );
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total"]);
    expect(figures(r.targets)).toEqual({
      东昌府区: { signed_total: 10 },
      临清市: { signed_total: 8 },
    });
  });
});
