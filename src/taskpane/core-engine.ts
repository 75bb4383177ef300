/** The Engine over src/core. Pure: runs in the pane's thread or in engine.worker.ts. */
import type { WorkbookGrid } from "../core/grid";
import { RULES_SHEET_NAME, defaultRules, planRulesSheet, readRulesSheet } from "../core/rules";
import type { RuleSet } from "../core/rules";
import { SAMPLE_AS_OF, SEED_001_PERIOD, planSampleWorkbook, planTemplate } from "../core/samples";
import type { Engine } from "./engine-api";
import type { AssessPeriod } from "./engine-port";
import { engineUnavailable } from "./session-error";

/** The rules a run would use: the 考核规则 sheet over the defaults for `asOf`, the pane's period on top. */
export function rulesFor(grid: WorkbookGrid, asOf: string, period?: AssessPeriod): { rules: RuleSet; sheet: string | null } {
  const sheet = grid.sheets.find((s) => s.name === RULES_SHEET_NAME && !s.hidden) ?? null;
  const base = sheet ? readRulesSheet(sheet, defaultRules(asOf)).rules : defaultRules(asOf);
  const rules = { ...base, period: { ...(period ?? base.period), asOf } };
  return { rules, sheet: sheet?.name ?? null };
}

export function createCoreEngine(): Engine {
  return {
    sampleSettings: { asOf: SAMPLE_AS_OF, period: { start: SEED_001_PERIOD.start, end: SEED_001_PERIOD.end } },
    check() {
      throw engineUnavailable("recognizeWorkbook");
    },
    assess() {
      throw engineUnavailable("assessWorkbook");
    },
    planDefaultRules: (asOf) => ({ sheets: [planRulesSheet(defaultRules(asOf))], activate: RULES_SHEET_NAME }),
    planSample: () => planSampleWorkbook(),
    planTemplate: (asOf) => planTemplate({ asOf }),
  };
}
