/** 目标 and 完成 as two tables side by side on one sheet are read as one table, every address the user's. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { joinedSheet } from "../../../src/core/recognize/side-by-side";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const sheet: SheetSpec = {
  name: "目标及完成",
  rows: [
    ["公主岭市2024年各镇招商引资目标及1-9月完成情况"],
    ["一、年度目标", null, null, null, null, "二、1-9月完成"],
    [
      "序号",
      "镇",
      "签约项目（个）",
      "到位资金（亿元）",
      null,
      "镇",
      "签约项目（个）",
      "到位资金（亿元）",
    ],
    [1, "范家屯镇", 6, 4, null, "范家屯镇", 7, 3.6],
    [2, "大岭镇", 5, 3, null, "大岭镇", 5, 3.6],
    [3, "响水镇", 4, 2, null, "响水镇", 3, 2.4],
  ],
  merges: ["A1:H1", "A2:D2", "F2:H2"],
};

describe("two tables side by side", () => {
  it("reads the left one as targets and the right one as actuals, at the user's cells", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet]), {}, { asOf: "2024-09-30" });
    expect(r.reports[0]).toMatchObject({
      role: "combined",
      columns: { unit: "B", "signed_total:actual": "G" },
    });
    const daling = (t: typeof r.targets) => t?.units.find((u) => u.name === "大岭镇");
    expect(daling(r.targets)?.values["signed_total"]).toMatchObject({ value: 5, cell: "C5" });
    expect(daling(r.actuals)?.values["到位资金"]).toMatchObject({ value: 36000, cell: "H5" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("leaves two tables of different units alone", () => {
    const other: SheetSpec = {
      ...sheet,
      rows: sheet.rows.map((row, r) =>
        r >= 3 ? [...row.slice(0, 5), `${String(row[5])}外`, ...row.slice(6)] : row
      ),
    };
    expect(joinedSheet(workbookGrid("t.xlsx", [other]).sheets[0]!)).toBeNull();
  });
});
