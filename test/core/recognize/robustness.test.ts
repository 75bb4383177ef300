import fc from "fast-check";
import type { CellValue } from "../../../src/core/grid";
import { parseA1 } from "../../../src/core/grid";
import { ISSUE_CODES } from "../../../src/core/issues";
import { recognizeWorkbook } from "../../../src/core/recognize";
import { collectIssues, defaultValidationContext } from "../../../src/core/validate";
import { workbookGrid } from "../../fixtures/grid";

const WORDS = [
  "责任单位",
  "单位",
  "项目名称",
  "总投资(万元)",
  "签约项目",
  "项目总数",
  "合计",
  "小 计",
  "签约",
  "在谈",
  "经开区",
  "經開區",
  "---",
  "2023-13-01",
  "1,200",
  "3.5亿",
  "50%",
  "#REF!",
  "注：",
  "",
  " ",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: 0, max: 60000 }),
  fc.boolean(),
  fc.constant<CellValue>({ kind: "error", code: "#DIV/0!" }),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
);

const sheet = fc.record({
  name: fc.constantFrom("目标", "完成情况", "台账", "Sheet1"),
  rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
  merges: fc.constantFrom<readonly string[]>([], ["A1:C1"], ["A2:A3", "B2:C2"]),
  hidden: fc.boolean(),
});

describe("any grid", () => {
  it("is recognised and validated without throwing, and every issue points at a real cell", () => {
    const ctx = defaultValidationContext(new Date("2023-12-31T00:00:00Z"));
    fc.assert(
      fc.property(fc.uniqueArray(sheet, { maxLength: 3, selector: (s) => s.name }), (sheets) => {
        const recognition = recognizeWorkbook(workbookGrid("fuzz.xlsx", sheets));
        const issues = collectIssues(recognition, ctx);
        for (const issue of issues) {
          expect(ISSUE_CODES).toContain(issue.code);
          expect(parseA1(issue.cell).row + 1).toBe(issue.row);
          expect(issue.message_zh).not.toBe("");
          expect(issue.message_en).not.toBe("");
        }
        expect(recognition.reports).toHaveLength(sheets.length);
      }),
      { numRuns: 300, seed: 2026 }
    );
  });
});
