import fc from "fast-check";
import type { CellValue } from "../../../src/core/grid";
import {
  checkRuleSet,
  defaultRules,
  planRulesSheet,
  readRulesSheet,
  ruleSetSchema,
} from "../../../src/core/rules";
import { planToGrid } from "./grid";

const base = defaultRules("2026-10-31");
const grid = planToGrid(planRulesSheet(base));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "达标计分",
    "按比例计分",
    "是",
    "否",
    "签约",
    "洽谈",
    "150%",
    "abc",
    "2026年7月1日",
    "【考核指标】",
    "---",
    "FF0000",
    "#12"
  ),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  fc.date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2030-01-01T00:00:00Z"),
    noInvalidDate: true,
  }),
  fc.constant({ kind: "error" as const, code: "#N/A" }),
  fc.boolean()
);

describe("readRulesSheet on edited sheets (seeded fuzz)", () => {
  it("never throws and always returns a rule set that validates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), cellArb), { minLength: 1, maxLength: 25 }),
        (edits) => {
          const rows = grid.rows.map((r) => [...r]);
          for (const [r, c, v] of edits) {
            const row = rows[r % rows.length];
            if (row) row[c % 22] = v;
          }
          const { rules, issues } = readRulesSheet({ ...grid, rows }, base);
          expect(ruleSetSchema.safeParse(rules).success).toBe(true);
          expect(checkRuleSet(rules)).toEqual([]);
          for (const i of issues) expect(i.code).toBe("invalid_rule");
        }
      ),
      { numRuns: 300, seed: 42 }
    );
  });
});
