import type { Issue } from "../../src/core/issues";
import {
  changesNumbers,
  countBySeverity,
  groupForList,
  withoutPlace,
} from "../../src/ui/screens/issue-groups";
import { ISSUES } from "./fixtures";

const at = (over: Partial<Issue>): Issue => ({ ...ISSUES[1]!, ...over });

describe("issue list logic", () => {
  it("puts sheets with errors first, then kinds by severity, unit-of-measure findings right after errors", () => {
    const issues: Issue[] = [
      at({ sheet: "目标", code: "number_as_text", severity: "warning", cell: "B2" }),
      at({ sheet: "目标", code: "as_of_from_workbook", severity: "info", cell: "A1" }),
      at({
        sheet: "目标",
        code: "number_as_text",
        severity: "warning",
        cell: "B3",
        message_zh: "目标!B3：数字存为文本“172,000万”，已按 172000 读取",
      }),
      at({ sheet: "台账", code: "unknown_unit", severity: "error", cell: "D4" }),
      at({ sheet: "目标", code: "percent_too_large", severity: "error", cell: "C3" }),
      at({ sheet: "目标", code: "indicator_blocked", severity: "warning", cell: "B9" }),
    ];
    const groups = groupForList(issues);
    expect(groups.map((g) => g.sheet)).toEqual(["目标", "台账"]);
    expect(groups[0]!.kinds.map((k) => [k.code, k.severity, k.issues.length])).toEqual([
      ["percent_too_large", "error", 1],
      ["number_as_text", "warning", 2],
      ["indicator_blocked", "warning", 1],
      ["as_of_from_workbook", "info", 1],
    ]);
    expect(groups[0]!.kinds[1]!.changesNumbers).toBe(true);
    expect(groups[0]!.counts).toEqual({ error: 1, warning: 3, info: 1 });
    expect(groups[0]!.total).toBe(5);
  });

  it("orders sheets by their worst finding, then by first appearance", () => {
    const groups = groupForList([ISSUES[1]!, ISSUES[0]!, ISSUES[2]!]);
    expect(
      groups.map((g) => [g.sheet, g.kinds.flatMap((k) => k.issues.map((i) => i.cell))])
    ).toEqual([
      ["项目台账", ["B7"]],
      ["目标分解表", ["C5", "D13"]],
    ]);
  });

  it("filters by severity before grouping, dropping sheets left empty", () => {
    expect(groupForList(ISSUES, "warning").map((g) => g.sheet)).toEqual(["目标分解表"]);
    expect(groupForList(ISSUES, "error").map((g) => g.sheet)).toEqual(["项目台账"]);
  });

  it("counts every severity, zero included", () => {
    expect(countBySeverity(ISSUES)).toEqual({ error: 1, warning: 1, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("calls out figures typed with their own unit and unit clashes, not plain numbers as text", () => {
    expect(changesNumbers(at({ message_zh: "数字存为文本“3.5亿”，已按 3.5 读取" }))).toBe(true);
    expect(changesNumbers(at({ message_zh: "数字存为文本“1,200”，已按 1200 读取" }))).toBe(false);
    expect(changesNumbers(at({ code: "unit_of_measure_mismatch", message_zh: "单位不符" }))).toBe(
      true
    );
    expect(changesNumbers(at({ code: "unknown_unit", message_zh: "“3亿”" }))).toBe(false);
  });

  it("drops the sheet and cell a message opens with, and nothing else", () => {
    expect(withoutPlace("目标!B2：数字存为文本“31.5”", "目标", "B2")).toBe("数字存为文本“31.5”");
    expect(withoutPlace("1-9月完成情况!A4: unknown unit", "1-9月完成情况", "A4")).toBe(
      "unknown unit"
    );
    expect(withoutPlace("'My Sheet'!C3: x", "My Sheet", "C3")).toBe("x");
    expect(withoutPlace("指标“外资”（目标在 目标!B1）找不到", "目标", "B1")).toBe(
      "指标“外资”（目标在 目标!B1）找不到"
    );
  });
});
