import { RULES_SHEET_NAME } from "../../src/core/rules";
import { createCoreEngine, rulesFor } from "../../src/taskpane/core-engine";
import { summariseRules } from "../../src/taskpane/rules-summary";
import { sheetFromPlan } from "./memory-host";

describe("core engine (planning side)", () => {
  const engine = createCoreEngine();

  it("plans the default rules sheet for the as-of date and reads it back with the pane's period", () => {
    const plan = engine.planDefaultRules("2026-10-31");
    expect(plan.activate).toBe(RULES_SHEET_NAME);
    const grid = { source: "x", sheets: plan.sheets.map(sheetFromPlan) };
    expect(rulesFor(grid, "2026-10-31")).toMatchObject({ sheet: RULES_SHEET_NAME, rules: { period: { start: "2026-01-01", end: "2026-12-31", asOf: "2026-10-31" } } });
    expect(rulesFor(grid, "2026-10-31", { start: "2026-07-01", end: "2027-03-31" }).rules.period).toEqual({ start: "2026-07-01", end: "2027-03-31", asOf: "2026-10-31" });
    expect(rulesFor({ source: "x", sheets: [] }, "2025-03-31")).toMatchObject({ sheet: null, rules: { period: { start: "2025-01-01" } } });
  });

  it("summarises the rules in a few lines", () => {
    const { rules } = rulesFor({ source: "x", sheets: [] }, "2026-10-31");
    const lines = summariseRules(rules);
    expect(lines[0]).toBe("考核期：2026-01-01 至 2026-12-31，截至 2026-10-31");
    expect(lines[1]).toContain("按比例计分");
    expect(lines).toHaveLength(4);
  });

  it("plans the sample (with its campaign rules) and the template", () => {
    expect(engine.planSample().sheets.map((s) => s.name)).toEqual(["目标分解表", "完成情况表", "项目台账", RULES_SHEET_NAME]);
    expect(engine.planTemplate("2026-11-23").sheets.map((s) => s.name)).toContain(RULES_SHEET_NAME);
    expect(engine.sampleSettings).toEqual({ asOf: "2008-01-31", period: { start: "2007-07-01", end: "2008-03-31" } });
  });
});
