/** A column correction the header cannot place is said, never silently unused (the run would look corrected). */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const sheet: SheetSpec = {
  name: "目标",
  rows: [
    ["序号", "乡镇（街道）", "新签约项目（个）", "到位资金（万元）"],
    [1, "城关镇", 10, 20000],
    [2, "河西街道", 12, 18000],
    [3, "柳林乡", 8, 12000],
  ],
};

const unmatched = (columns: Record<string, string>) =>
  recognizeWorkbook(workbookGrid("t.xlsx", [sheet]), { columns: { 目标: columns } }, {})
    .issues.filter((i) => i.code === "override_unmatched")
    .map((i) => [i.severity, i.cell, i.message_en]);

describe("column corrections", () => {
  it("naming a column by its letter or its header text are applied without a word", () => {
    expect(
      unmatched({ B: "unit", "到位资金（万元）": "funds_in_place", "新签约项目（个）": "ignore" })
    ).toEqual([]);
  });

  it("naming a header the sheet lacks, or a letter past the table, is a warning on the header", () => {
    expect(unmatched({ 到位资金额: "funds_in_place", Z: "unit" })).toEqual([
      [
        "warning",
        "A1",
        '目标!A1: the column correction "到位资金额=funds_in_place" was not applied: the header has no column "到位资金额" (use its letter or its header text)',
      ],
      [
        "warning",
        "A1",
        '目标!A1: the column correction "Z=unit" was not applied: the header has no column "Z" (use its letter or its header text)',
      ],
    ]);
  });
});
