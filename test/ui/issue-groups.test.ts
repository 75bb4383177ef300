import { countBySeverity, groupBySheet } from "../../src/ui/screens/issue-groups";
import { ISSUES } from "./fixtures";

describe("issue list logic", () => {
  it("groups by sheet in order of first appearance, keeping each sheet's order", () => {
    const groups = groupBySheet([ISSUES[1]!, ISSUES[0]!, ISSUES[2]!]);
    expect(groups.map(([sheet, list]) => [sheet, list.map((i) => i.cell)])).toEqual([
      ["目标分解表", ["C5", "D13"]],
      ["项目台账", ["B7"]],
    ]);
  });

  it("filters by severity before grouping, dropping sheets left empty", () => {
    expect(groupBySheet(ISSUES, "warning").map(([sheet]) => sheet)).toEqual(["目标分解表"]);
    expect(groupBySheet(ISSUES, "error").map(([sheet]) => sheet)).toEqual(["项目台账"]);
  });

  it("counts every severity, zero included", () => {
    expect(countBySeverity(ISSUES)).toEqual({ error: 1, warning: 1, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
