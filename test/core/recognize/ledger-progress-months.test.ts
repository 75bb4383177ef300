/** 7月进展 / 8月进展 / 9月进展 columns in a dateless 调度台账: the latest month up to the as-of is the stage. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const LEDGER: SheetSpec = {
  name: "调度台账",
  rows: [
    ["2024年重点招商项目调度台账"],
    ["序号", "所在镇", "项目名称", "总投资（万元）", "7月进展", "8月进展", "9月进展"],
    [1, "合心镇", "肉牛精深加工项目", 35000, "在谈", "已签约", "已开工"],
    [2, "西新镇", "光伏组件项目", 22000, "在谈", "在谈", "已签约"],
  ],
};

const stages = (asOf: string) =>
  recognizeWorkbook(workbookGrid("t.xlsx", [LEDGER]), {}, { asOf }).ledgers[0]?.rows.map(
    (r) => r.stage
  );

describe("monthly progress columns", () => {
  it("reads the as-of month's column", () => {
    expect(stages("2024-09-30")).toEqual(["已开工", "已签约"]);
  });

  it("reads the latest month filled in: a 9月进展 column not typed yet says no project's stage", () => {
    const unfilled: SheetSpec = {
      ...LEDGER,
      rows: LEDGER.rows.map((row, r) => (r < 2 ? row : [...row.slice(0, 6), null])),
    };
    const read = recognizeWorkbook(workbookGrid("t.xlsx", [unfilled]), {}, { asOf: "2024-09-30" });
    expect(read.ledgers[0]?.rows.map((r) => r.stage)).toEqual(["已签约", "在谈"]);
  });

  it("reads no month after the as-of", () => {
    expect(stages("2024-08-31")).toEqual(["已签约", "在谈"]);
  });
});
