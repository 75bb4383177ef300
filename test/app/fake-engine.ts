/** An Engine with canned answers, recording what it was given. */
import type { SheetPlan, WritePlan } from "../../src/core/plan";
import type { Engine, EngineAssessInput, EngineCheckInput } from "../../src/app/engine";
import type { Phase } from "../../src/app/session-types";
import { ISSUES, LEDGER, RESULTS, TARGETS } from "../ui/fixtures";

/** A one-cell sheet plan; rules and sample sheets are the user's once written, like core plans them. */
export function emptySheetPlan(
  name: string,
  kind: SheetPlan["kind"],
  values: SheetPlan["values"] = [["x"]]
): SheetPlan {
  return {
    name,
    kind,
    owned: kind !== "rules" && kind !== "sample",
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

export class FakeEngine implements Engine {
  readonly inputs: EngineAssessInput[] = [];
  readonly overridesSeen: unknown[] = [];
  rulesSheet: string | null = null;
  outputs: WritePlan = {
    sheets: [emptySheetPlan("考核排名", "ranking"), emptySheetPlan("校验结果", "issues")],
    activate: "考核排名",
  };
  readonly sampleSettings = {
    asOf: "2008-01-31",
    period: { start: "2007-07-01", end: "2008-03-31" },
  };

  findRulesSheet(): string | null {
    return this.rulesSheet;
  }

  check(_grid: unknown, input: EngineCheckInput) {
    this.overridesSeen.push(input.overrides);
    return {
      reports: [TARGETS, LEDGER],
      issues: ISSUES,
      rulesSheet: this.rulesSheet,
      rulesSummary: ["规则"],
      rulesPeriod: { start: "2026-01-01", end: "2026-12-31", asOf: "2026-11-23" },
      fieldsByRole: {},
    };
  }

  assess(_grid: unknown, input: EngineAssessInput, onPhase: (phase: Phase) => void) {
    this.inputs.push(input);
    for (const phase of ["recognise", "validate", "compute"] as const) onPhase(phase);
    return { reports: [TARGETS, LEDGER], issues: ISSUES, results: RESULTS, plan: this.outputs };
  }

  planDefaultRules(_asOf: string): WritePlan {
    return { sheets: [emptySheetPlan("考核规则", "rules")], activate: "考核规则" };
  }
  planSample(): WritePlan {
    return { sheets: [emptySheetPlan("目标分解表", "sample")], activate: "目标分解表" };
  }
  planTemplate(_asOf: string): WritePlan {
    return { sheets: [emptySheetPlan("目标分解表", "sample")], activate: "目标分解表" };
  }
}
