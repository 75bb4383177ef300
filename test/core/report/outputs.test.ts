import { planOutputs } from "../../../src/core/report";
import { type SheetPlan } from "../../../src/core/plan";
import { NOW, issue, results } from "./builders";

describe("planOutputs", () => {
  it("writes ranking, issues, notice and charts, activating the ranking", () => {
    const plan = planOutputs({ results: results(), issues: [issue()] }, { now: NOW });
    expect(plan.sheets.map((s) => [s.name, s.kind, s.owned])).toEqual([
      ["考核排名", "ranking", true],
      ["校验结果", "issues", true],
      ["通报稿", "notice", true],
      ["图表", "chart", true],
    ]);
    expect(plan.activate).toBe("考核排名");
  });

  it("writes only the issues when nothing could be scored, and appends state and rules sheets given", () => {
    const state = {
      name: "_scorecard_state",
      kind: "state",
      visibility: "veryHidden",
    } as unknown as SheetPlan;
    const plan = planOutputs({ results: null, issues: [], stateSheet: state }, { now: NOW });
    expect(plan.sheets.map((s) => s.name)).toEqual(["校验结果", "_scorecard_state"]);
    expect(plan.activate).toBe("校验结果");
  });

  it("is deterministic for the same input and clock", () => {
    const a = planOutputs({ results: results(), issues: [issue()] }, { now: NOW });
    const b = planOutputs({ results: results(), issues: [issue()] }, { now: NOW });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
