import { snapshotOwnership } from "../../../src/core/ownership";
import { planSampleWorkbook } from "../../../src/core/samples";
import * as exceljsCodec from "../../../src/workbook/exceljs/exceljs-codec";
import { createInThreadCodec } from "../../../src/workbook/exceljs/in-thread-codec";

const inThreadCodec = createInThreadCodec(async () => exceljsCodec);
import { workbookFromPlan } from "../../../src/workbook/exceljs/file-io";

describe("in-thread xlsx codec", () => {
  it("reads .xlsx bytes into a grid and applies a plan to them without touching the input", async () => {
    const bytes = await workbookFromPlan(planSampleWorkbook()).xlsx.writeBuffer();
    const input = new Uint8Array(bytes as ArrayBuffer).slice().buffer;
    const grid = await inThreadCodec.read(input, "sample.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual([
      "目标分解表",
      "完成情况表",
      "项目台账",
      "考核规则",
    ]);
    const { buffer: out, applied } = await inThreadCodec.apply(
      input,
      {
        sheets: [
          {
            name: "新表",
            kind: "ranking",
            owned: true,
            values: [["x"]],
            styles: [],
            merges: [],
            columnWidths: [],
            rowHeights: {},
            hyperlinks: [],
            validations: [],
            dataBars: [],
            visibility: "visible",
          },
        ],
      },
      snapshotOwnership(grid)
    );
    expect(applied.sheets).toEqual([
      { planned: "新表", name: "新表", replaced: false },
      { planned: "_scorecard_state", name: "_scorecard_state", replaced: false },
    ]);
    expect((await inThreadCodec.read(out, "out.xlsx")).sheets.map((s) => s.name)).toContain("新表");
    expect((await inThreadCodec.read(input, "again.xlsx")).sheets).toHaveLength(4);
  });
});
