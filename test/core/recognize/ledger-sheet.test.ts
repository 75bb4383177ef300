/** What a ledger sheet states of itself: the year and the as-of date of its snapshot. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const HEADER = [
  "序号",
  "项目名称",
  "责任单位",
  "总投资（万元）",
  "签约日期",
  "累计到位资金（万元）",
];
const monthly = (m: number): SheetSpec => ({
  name: `${m}月台账`,
  rows: [
    [`2024年${m}月重点招商项目推进台账`],
    HEADER,
    [1, "产业园项目", "城关镇", 5000, "2024-01-10", 1000 * m],
  ],
});

describe("ledger sheets", () => {
  it("state the as-of of their snapshot from the sheet name and title", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [monthly(1), monthly(2)]));
    expect(r.ledgers.map((l) => [l.sheet, l.statedYear, l.statedAsOf])).toEqual([
      ["1月台账", 2024, "2024-01-31"],
      ["2月台账", 2024, "2024-02-29"],
    ]);
  });
});
