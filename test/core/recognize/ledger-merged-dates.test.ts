/** 集中签约: a 签约时间 merged down over the projects signed at one ceremony dates every one of them. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid } from "../../fixtures/grid";

describe("a date merged over several projects", () => {
  it("dates each project under the merge", () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "签约项目",
          rows: [
            ["序号", "签约时间", "所属区", "项目名称", "协议投资额（万元）"],
            [1, day("2024-03-15"), "南关区", "商务中心项目", 12000],
            [2, null, "朝阳区", "医药研发中心项目", 12000],
            [3, null, "二道区", "新材料项目", 25000],
            [4, day("2024-06-18"), "朝阳区", "数字产业园项目", 40000],
          ],
          merges: ["B2:B4"],
        },
      ]),
      {},
      { asOf: "2024-09-30" }
    );
    const dates = r.ledgers[0]?.rows.map((x) => x.signedDate?.toISOString().slice(0, 10));
    expect(dates).toEqual(["2024-03-15", "2024-03-15", "2024-03-15", "2024-06-18"]);
  });
});
