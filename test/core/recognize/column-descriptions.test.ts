import { describeColumns, recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid } from "../../fixtures/grid";

describe("describeColumns", () => {
  it("lists every column under the header block with its own header text and a sample, totals skipped", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "目标分解表",
        rows: [
          ["2024年招商引资目标分解表", null, null, null, null],
          ["序号", "责任单位", "签约项目", null, "备注说明"],
          [null, null, "项目总数", "其中工业项目", null],
          [null, "合计", 30, 12, null],
          [1, "经开区", 20, 8, "重点"],
          [2, "高新区", 10, 4, null],
        ],
        merges: ["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"],
      },
    ]);
    const report = recognizeWorkbook(grid).reports.find((r) => r.name === "目标分解表")!;
    expect(report.headerRows).toEqual([2, 3]);
    expect(describeColumns(grid.sheets[0]!, report)).toEqual([
      { column: "A", header: "序号", sample: "1" },
      { column: "B", header: "责任单位", sample: "经开区" },
      { column: "C", header: "签约项目 › 项目总数", sample: "20" },
      { column: "D", header: "签约项目 › 其中工业项目", sample: "8" },
      { column: "E", header: "备注说明", sample: "重点" },
    ]);
  });

  it("says nothing for a sheet without a header block", () => {
    const grid = workbookGrid("t.xlsx", [{ name: "说明", rows: [["本表说明"]] }]);
    const report = recognizeWorkbook(grid).reports[0]!;
    expect(describeColumns(grid.sheets[0]!, { ...report, headerRows: [] })).toEqual([]);
  });
});
