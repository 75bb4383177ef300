import { planIssuesSheet } from "../../../src/core/report";
import { ownerMarkerText } from "../../../src/core/plan";
import { SUMMARY_ERRORS } from "../../../src/core/report/issues-summary";
import { NOW, issue } from "./builders";

const text = (row: readonly unknown[] | undefined) => (row ?? []).filter((v) => v !== null);
const rowOf = (plan: ReturnType<typeof planIssuesSheet>, first: unknown) =>
  plan.values.findIndex((r) => r[0] === first);

describe("planIssuesSheet", () => {
  it("says 未发现问题 when there are none, on one page", () => {
    const plan = planIssuesSheet([], { now: NOW });
    expect(text(plan.values[3])).toEqual(["汇总", "✖ 错误 0 项", "▲ 警告 0 项", "ℹ 提示 0 项"]);
    expect(plan.values.some((r) => r[0] === "未发现问题 · No issues found")).toBe(true);
    expect(plan.hyperlinks).toEqual([]);
    expect(plan.print?.pageBreaks).toBeUndefined();
  });

  it("summary first: counts by severity, by sheet (worst first) and by kind (errors first), then the errors", () => {
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
        issue({
          severity: "warning",
          code: "date_outside_period",
          sheet: "完成情况表",
          cell: "B2",
        }),
        issue(),
      ],
      { now: NOW, source: "sample.xlsx" }
    );
    expect(plan.values[0]?.[0]).toBe("校验结果：sample.xlsx");
    expect(text(plan.values[3])).toEqual(["汇总", "✖ 错误 1 项", "▲ 警告 2 项", "ℹ 提示 1 项"]);

    const sheets = rowOf(plan, "按工作表");
    expect(text(plan.values[sheets + 1])).toEqual(["工作表", "错误", "警告", "提示", "合计"]);
    expect(plan.values.slice(sheets + 2, sheets + 4).map(text)).toEqual([
      ["项目台账", 1, 1, 1, 3],
      ["完成情况表", 0, 1, 0, 1],
    ]);

    const kinds = rowOf(plan, "按问题类型");
    expect(plan.values.slice(kinds + 2, kinds + 5).map((r) => text(r).slice(0, 4))).toEqual([
      ["未知责任单位（unknown_unit）", "✖ 错误", 1, "C7"],
      ["日期不在考核期内（date_outside_period）", "▲ 警告", 2, "I4"],
      ["数字存为文本（number_as_text）", "ℹ 提示", 1, "D9"],
    ]);
    expect(plan.values[kinds + 3]?.[6]).toBe("项目台账、完成情况表");

    const errors = rowOf(plan, "需先处理的错误");
    expect(text(plan.values[errors + 2]).slice(0, 5)).toEqual([
      1,
      "✖ 错误",
      "未知责任单位",
      "项目台账",
      "C7",
    ]);
    expect(plan.hyperlinks).toContainEqual({
      cell: `E${errors + 3}`,
      sheet: "项目台账",
      target: "C7",
      tooltip: "转到 项目台账!C7",
    });
    expect(plan.values[plan.values.length - 1]?.[0]).toBe(ownerMarkerText("issues"));
  });

  it("details from a new printed page, grouped by severity, sheet and kind, their header repeated on every page", () => {
    const plan = planIssuesSheet(
      [
        issue({ severity: "info", code: "number_as_text", cell: "D9", row: 9 }),
        issue({ severity: "warning", code: "date_outside_period", cell: "I4", row: 4 }),
        issue({ severity: "warning", code: "date_outside_period", cell: "I5", row: 5 }),
        issue(),
      ],
      { now: NOW }
    );
    const details = rowOf(plan, "明细");
    expect(plan.print?.pageBreaks).toEqual([details + 1]);
    expect(plan.print?.repeatRows).toEqual([details + 2, details + 2]);
    expect(plan.values[details + 1]?.slice(0, 3)).toEqual(["序号", "级别", "代码"]);
    const listed = plan.values.slice(details + 2, details + 10).map((r) => r[0]);
    expect(listed).toEqual([
      "✖ 错误 · 项目台账 · 未知责任单位（unknown_unit）· 1 项",
      1,
      "▲ 警告 · 项目台账 · 日期不在考核期内（date_outside_period）· 2 项",
      2,
      3,
      "ℹ 提示 · 项目台账 · 数字存为文本（number_as_text）· 1 项",
      4,
      null,
    ]);
    expect(plan.values[details + 3]?.[4]).toBe("C7");
    expect(plan.hyperlinks).toContainEqual({
      cell: `E${details + 4}`,
      sheet: "项目台账",
      target: "C7",
      tooltip: "转到 项目台账!C7",
    });
    expect(
      plan.styles.find((s) => s.style.fill === "D55E00" && s.ranges.includes(`B${details + 4}`))
    ).toBeDefined();
  });

  it("lists at most the first errors on the summary page and says how many there are", () => {
    const many = Array.from({ length: SUMMARY_ERRORS + 5 }, (_, i) =>
      issue({ cell: `C${i + 2}`, row: i + 2 })
    );
    const plan = planIssuesSheet(many, { now: NOW });
    const errors = rowOf(
      plan,
      `需先处理的错误（前 ${SUMMARY_ERRORS} 项，共 ${SUMMARY_ERRORS + 5} 项，全部见明细）`
    );
    expect(errors).toBeGreaterThan(0);
    expect(plan.values[errors + 1 + SUMMARY_ERRORS]?.[0]).toBe(SUMMARY_ERRORS);
    expect(plan.values[errors + 2 + SUMMARY_ERRORS]?.[0]).not.toBe(SUMMARY_ERRORS + 1);
  });

  it("sizes rows to their wrapped messages (hosts leave a row written without a height at one line)", () => {
    const long = "责任单位“宽城去”不在目标分解表中，是否为“宽城区”？".repeat(4);
    const plan = planIssuesSheet([issue({ message_zh: long }), issue({ cell: "C8" })], {
      now: NOW,
    });
    const details = rowOf(plan, "明细");
    const lines = Math.ceil((long.length * 2) / ((plan.columnWidths[6] ?? 0) - 1));
    expect(lines).toBeGreaterThan(1);
    expect(plan.rowHeights[details + 4]).toBe(lines * 15);
    expect(plan.rowHeights[details + 5]).toBeUndefined();
  });

  it("keeps messages that look like formulas as plain strings", () => {
    const plan = planIssuesSheet([issue({ message_zh: "=SUM(A1)" })], { now: NOW });
    const details = rowOf(plan, "明细");
    expect(plan.values[details + 3]?.[6]).toBe("=SUM(A1)");
  });
});
