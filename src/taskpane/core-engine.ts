/** The Engine over src/core. Pure: runs in the pane's thread or in engine.worker.ts. */
import type { WorkbookGrid } from "../core/grid";
import { assessWorkbook } from "../core/assess";
import type { Assessment } from "../core/assess";
import { recognizeWorkbook } from "../core/recognize";
import { planOutputs } from "../core/report";
import { RULES_SHEET_NAME, defaultRules, planRulesSheet } from "../core/rules";
import { SAMPLE_AS_OF, SEED_001_PERIOD, planSampleWorkbook, planTemplate } from "../core/samples";
import type { Engine, EngineCheckInput } from "./engine-api";
import type { AssessPeriod } from "./engine-port";
import { fieldChoicesByRole } from "./field-choices";
import { summariseRules, summariseRulesEn } from "./rules-summary";
import { SessionError } from "./session-error";

function run(grid: WorkbookGrid, input: EngineCheckInput): Assessment {
  const rules = input.period
    ? { rules: { period: { start: input.period.start, end: input.period.end } } }
    : {};
  return assessWorkbook(grid, {
    now: new Date(input.now),
    overrides: input.overrides,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    ...rules,
  });
}

export function createCoreEngine(): Engine {
  return {
    sampleSettings: {
      asOf: SAMPLE_AS_OF,
      period: { start: SEED_001_PERIOD.start, end: SEED_001_PERIOD.end } satisfies AssessPeriod,
    },

    check(grid, input) {
      // The whole run without writing: the pane shows exactly the issues a run would report.
      const a = run(grid, input);
      return {
        reports: a.recognition.reports,
        issues: a.issues,
        rulesSheet: a.recognition.rulesSheet,
        rulesSummary: summariseRules(a.rules),
        rulesSummary_en: summariseRulesEn(a.rules),
        rulesPeriod: { ...a.rules.period },
        fieldsByRole: fieldChoicesByRole(),
      };
    },

    assess(grid, input, onPhase) {
      onPhase("recognise");
      const a = run(grid, input);
      onPhase("validate");
      if (!a.results) {
        const missing = a.issues.find((i) => i.code === "no_targets_sheet");
        throw new SessionError(
          "engine_failed",
          missing?.message_zh ?? "没有找到目标分解表，无法考核",
          missing?.message_en ?? "No targets sheet was found, so nothing can be assessed",
          missing ? { sheet: missing.sheet, cell: missing.cell } : {}
        );
      }
      onPhase("compute");
      const plan = planOutputs(
        {
          results: a.results,
          issues: a.issues,
          rulesSheet: a.rulesSheet,
          stateSheet: a.stateSheet,
        },
        { now: new Date(input.now), source: grid.source }
      );
      return { reports: a.recognition.reports, issues: a.issues, results: a.results, plan };
    },

    findRulesSheet: (grid) => recognizeWorkbook(grid).rulesSheet,
    planDefaultRules: (asOf) => ({
      sheets: [planRulesSheet(defaultRules(asOf))],
      activate: RULES_SHEET_NAME,
    }),
    planSample: () => planSampleWorkbook(),
    planTemplate: (asOf) => planTemplate({ asOf }),
  };
}
