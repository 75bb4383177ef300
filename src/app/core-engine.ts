/** The Engine over src/core. Pure: runs in the pane's thread or in engine.worker.ts. */
import type { WorkbookGrid } from "../core/grid";
import type { SheetReport } from "../core/model/recognition";
import { assessWorkbook, previewRules } from "../core/assess";
import type { Assessment } from "../core/assess";
import { describeColumns, recognizeWorkbook } from "../core/recognize";
import type { ColumnDescription } from "../core/recognize";
import { planOutputs, wholeParagraph, workbookContext } from "../core/report";
import { RULES_SHEET_NAME, defaultRules, planRulesSheet } from "../core/rules";
import { SAMPLE_AS_OF, SEED_001_PERIOD, planSampleWorkbook, planTemplate } from "../core/samples";
import type { Engine, EngineInput } from "./engine";
import type { AssessPeriod } from "./session-types";
import { fieldChoicesByRole } from "./field-choices";

/** The one run behind check and assess, so both see the same rules, as-of date and issues. */
function run(grid: WorkbookGrid, input: EngineInput): Assessment {
  const period = input.period && { start: input.period.start, end: input.period.end };
  const rules =
    input.rules || period
      ? {
          rules: {
            ...input.rules,
            ...(period ? { period: { ...input.rules?.period, ...period } } : {}),
          },
        }
      : {};
  return assessWorkbook(grid, {
    now: new Date(input.now),
    overrides: input.overrides,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    ...rules,
  });
}

/** Every column of each sheet with a header block, for the pane's column corrections. */
function columnsOf(
  grid: WorkbookGrid,
  reports: readonly SheetReport[]
): Record<string, readonly ColumnDescription[]> {
  const out: Record<string, readonly ColumnDescription[]> = {};
  for (const report of reports) {
    const sheet = grid.sheets.find((s) => s.name === report.name);
    const columns = sheet ? describeColumns(sheet, report) : [];
    if (columns.length > 0) out[report.name] = columns;
  }
  return out;
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
      const preview = previewRules(a.rules);
      return {
        reports: a.recognition.reports,
        ...(a.recognition.pairings ? { pairings: a.recognition.pairings } : {}),
        issues: a.issues,
        rulesSheet: a.recognition.rulesSheet,
        rulesSummary: preview.zh,
        rulesSummary_en: preview.en,
        rulesPeriod: { ...a.rules.period },
        fieldsByRole: fieldChoicesByRole(),
        columns: columnsOf(grid, a.recognition.reports),
      };
    },

    assess(grid, input, onPhase) {
      onPhase("recognise");
      const a = run(grid, input);
      onPhase("validate");
      onPhase("compute");
      const plan = planOutputs(
        {
          results: a.results,
          issues: a.issues,
          rulesSheet: a.rulesSheet,
          stateSheet: a.stateSheet,
        },
        {
          now: new Date(input.now),
          source: grid.source,
          ...workbookContext(grid, a.recognition.reports),
        }
      );
      // Without results the plan still holds the 校验结果 sheet: the reviewer sees why nothing was ranked.
      return {
        reports: a.recognition.reports,
        ...(a.recognition.pairings ? { pairings: a.recognition.pairings } : {}),
        issues: a.issues,
        results: a.results,
        plan,
        ...(a.results ? { notice: wholeParagraph(a.results) } : {}),
        rateCap: a.rules.method === "proportional" ? a.rules.cap : null,
      };
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
