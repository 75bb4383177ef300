/** 是否省外 / 是否500强 columns of 是 / 否: a 是 reads as the word its header names, 500强 as an investor type. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid } from "../../fixtures/grid";

describe("flag columns", () => {
  it("gives a 台账's rows the origin and investor type their flags say", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "签约项目台账",
          rows: [
            ["序号", "县区", "项目名称", "是否省外", "是否500强", "协议投资额（万元）", "签约时间"],
            [1, "东昌府区", "高端装备项目", "是", "是", 50000, "2024-03-12"],
            [2, "临清市", "数控机床项目", "否", "否", 15000, "2024-08-15"],
          ],
        },
      ]),
      {},
      { asOf: "2024-09-30" }
    );
    const rows = r.ledgers[0]?.rows ?? [];
    expect(rows.map((x) => [x.origin, x.investorType])).toEqual([
      ["省外", "500强"],
      [null, null],
    ]);
  });
});
