import ExcelJS from "exceljs";
import fc from "fast-check";
import type { SheetPlan } from "../../../src/core/plan";
import { applyPlanToWorkbook } from "../../../src/workbook/exceljs/apply-plan";

function sheet(values: string[][]): SheetPlan {
  return {
    name: "文本",
    kind: "issues",
    owned: true,
    values,
    styles: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    hyperlinks: [],
    validations: [],
    dataBars: [],
    visibility: "visible",
  };
}

// Seeded: a failure found here becomes a fixed case in apply-plan.test.ts.
describe("every planned string lands as the same text", () => {
  it("including formula-like, error-like and control-character strings", async () => {
    const risky = fc.oneof(
      fc.constantFrom(
        "=SUM(A1)",
        "+86 431",
        "-3",
        "@user",
        "=1+1",
        "#REF!",
        "#N/A",
        "TRUE",
        "1e5",
        "00123",
        " 合 计 ",
        '=HYPERLINK("x")'
      ),
      fc
        .string({ maxLength: 12 })
        .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/g, "")),
      fc
        .tuple(fc.constantFrom("=", "+", "-", "@"), fc.string({ maxLength: 8 }))
        .map(([a, b]) => a + b.replace(/[\u0000-\u001f\ud800-\udfff]/g, ""))
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(risky, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        async (values) => {
          const wb = new ExcelJS.Workbook();
          applyPlanToWorkbook(wb, { sheets: [sheet(values)] });
          const back = new ExcelJS.Workbook();
          await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
          const ws = back.worksheets[0] as ExcelJS.Worksheet;
          values.forEach((row, r) =>
            row.forEach((v, c) => {
              const cell = ws.getRow(r + 1).getCell(c + 1);
              if (v === "") return;
              expect(cell.type).toBe(ExcelJS.ValueType.String);
              expect(cell.value).toBe(v);
            })
          );
        }
      ),
      { numRuns: 40, seed: 20071019 }
    );
  });
});
