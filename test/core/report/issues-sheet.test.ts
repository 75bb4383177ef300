import { planIssuesSheet } from "../../../src/core/report";
import { ownerMarkerText } from "../../../src/core/plan";
import { NOW, issue } from "./builders";

describe("planIssuesSheet", () => {
  it("says 未发现问题 when there are none", () => {
    const plan = planIssuesSheet([], { now: NOW });
    expect(plan.values[3]?.[0]).toBe("未发现问题 · No issues found");
    expect(plan.hyperlinks).toEqual([]);
    expect(plan.values[1]?.slice(0, 6)).toEqual([
      "汇总",
      "✖ 错误 0 项",
      null,
      "▲ 警告 0 项",
      null,
      "ℹ 提示 0 项",
    ]);
  });

  it("counts by severity, sorts errors first and links every row to its cell", () => {
    const plan = planIssuesSheet(
      [
        issue({ severity: "info", code: "number_as_text", cell: "D9", row: 9 }),
        issue({
          severity: "warning",
          code: "date_outside_period",
          sheet: "项目台账",
          cell: "I4",
          row: 4,
        }),
        issue(),
      ],
      { now: NOW, source: "sample.xlsx" }
    );
    expect(plan.values[0]?.[0]).toBe("校验结果：sample.xlsx");
    expect(plan.values[1]?.slice(1, 6)).toEqual([
      "✖ 错误 1 项",
      null,
      "▲ 警告 1 项",
      null,
      "ℹ 提示 1 项",
    ]);
    expect(plan.values.slice(3, 6).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      [1, "✖ 错误", "unknown_unit", "C7"],
      [2, "▲ 警告", "date_outside_period", "I4"],
      [3, "ℹ 提示", "number_as_text", "D9"],
    ]);
    expect(plan.hyperlinks[0]).toEqual({
      cell: "E4",
      sheet: "项目台账",
      target: "C7",
      tooltip: "转到 项目台账!C7",
    });
    expect(
      plan.styles.find((s) => s.style.fill === "D55E00" && s.ranges.includes("B4"))
    ).toBeDefined();
    expect(plan.values[plan.values.length - 1]?.[0]).toBe(ownerMarkerText("issues"));
  });

  it("keeps messages that look like formulas as plain strings", () => {
    const plan = planIssuesSheet([issue({ message_zh: "=SUM(A1)" })], { now: NOW });
    expect(plan.values[3]?.[6]).toBe("=SUM(A1)");
  });
});
