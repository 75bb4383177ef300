import { capText, MAX_CELL_CHARS, planOutputs } from "../../../src/core/report";
import { type SheetPlan, type WritePlan } from "../../../src/core/plan";
import { NOW, issue, results, unit } from "./builders";

const HUGE = "经".repeat(40_000);

function texts(sheet: SheetPlan | undefined): string[] {
  return (sheet?.values ?? []).flat().filter((v): v is string => typeof v === "string");
}

function longest(plan: WritePlan): number {
  return Math.max(...plan.sheets.flatMap((s) => texts(s).map((t) => t.length)));
}

describe("32,767-character cell limit: echoed user text", () => {
  it("a 40,000-character unit name is cut with an ellipsis in 考核排名 and 通报稿, and 校验结果 says where", () => {
    const base = results();
    const long = unit({ ...base.units[0]!, unit: HUGE });
    const plan = planOutputs(
      {
        results: {
          ...base,
          units: [long, ...base.units.slice(1)],
          honour: { red: [HUGE], black: [] },
        },
        issues: [],
      },
      { now: NOW }
    );
    expect(longest(plan)).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const ranking = plan.sheets.find((s) => s.kind === "ranking");
    expect(texts(ranking).some((t) => t.length === MAX_CELL_CHARS && t.endsWith("…"))).toBe(true);
    const issues = texts(plan.sheets.find((s) => s.kind === "issues"));
    expect(issues).toContain("text_truncated");
    expect(issues.some((t) => /考核排名|通报稿/.test(t) || /cut, ending with/.test(t))).toBe(true);
    expect(issues.some((t) => t.includes("已截断"))).toBe(true);
  });

  it("a 40,000-character issue message is cut in 校验结果, which says so", () => {
    const plan = planOutputs(
      { results: null, issues: [issue({ message_zh: HUGE })] },
      { now: NOW }
    );
    expect(longest(plan)).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const issues = texts(plan.sheets[0]);
    expect(issues.some((t) => t.startsWith("经经经") && t.endsWith("…"))).toBe(true);
    expect(issues.some((t) => t.includes("1 条问题的文字超过 Excel 单元格上限"))).toBe(true);
  });

  it("text that fits is left alone, and a cut never splits a surrogate pair", () => {
    expect(capText("经开区")).toBe("经开区");
    const pairs = "𠀀".repeat(20_000);
    const cut = capText(pairs);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut.endsWith("𠀀…")).toBe(true);
  });
});
