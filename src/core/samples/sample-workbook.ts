import type { SheetPlan, WritePlan } from "../plan/write-plan";
import { planLedgerSheet, type SampleProject } from "./ledger-sheet";
import { generateSampleData, type SampleData, SAMPLE_AS_OF, SAMPLE_SEED } from "./sample-data";
import { SEED_001_NOTE, SEED_001_TITLE, SEED_001_TOTALS, SEED_001_UNITS } from "./seed-001";
import { planUnitTable, type UnitTableRow } from "./unit-table";
import { zhDate } from "../report/format";
import { campaignPreset, planRulesSheet } from "../rules";

export const TARGETS_SHEET = "目标分解表";
export const ACTUALS_SHEET = "完成情况表";
export const LEDGER_SHEET = "项目台账";

export interface SampleOptions {
  readonly seed?: number;
  /** 截至日期 of the actuals, ISO. */
  readonly asOf?: string;
  /** 考核规则 sheet; the seed 001 campaign preset by default, none when null. */
  readonly rulesSheet?: SheetPlan | null;
}

/** Seed 001's 附件1 exactly as published. */
export function planSeedTargetsSheet(): SheetPlan {
  const t = SEED_001_TOTALS;
  return planUnitTable({
    name: TARGETS_SHEET,
    title: SEED_001_TITLE,
    note: SEED_001_NOTE,
    totals: [
      t.foreignUsd,
      t.domesticCny,
      t.packaged,
      t.promoted,
      t.negotiating,
      t.signedTotal,
      t.signedIndustrial,
    ],
    rows: SEED_001_UNITS.map((u) => ({
      no: u.no,
      unit: u.unit,
      values: [
        u.foreignUsd,
        u.domesticCny,
        u.packaged,
        u.promoted,
        u.negotiating,
        u.signedTotal,
        u.signedIndustrial ?? "---",
      ],
    })),
  });
}

export function actualsRows(data: SampleData, units?: ReadonlySet<string>): UnitTableRow[] {
  return data.actuals
    .filter((a) => !units || units.has(a.unit.unit))
    .map((a) => ({ no: a.unit.no, unit: a.unit.unit, values: a.values.map((v) => v ?? "---") }));
}

export function planActualsSheet(data: SampleData, units?: ReadonlySet<string>): SheetPlan {
  return planUnitTable({
    name: ACTUALS_SHEET,
    title: `招商引资攻坚完成情况表（截至${zhDate(data.asOf)}）`,
    note: SEED_001_NOTE,
    totals: "sum",
    rows: actualsRows(data, units),
  });
}

export function planSampleLedger(projects: readonly SampleProject[]): SheetPlan {
  return planLedgerSheet({
    name: LEDGER_SHEET,
    projects,
    unitSource: { sheet: TARGETS_SHEET, range: "B6:B19" },
    units: SEED_001_UNITS.map((u) => u.unit),
  });
}

/**
 * The bundled SAMPLE workbook (`scorecard demo`): seed 001's targets, plausible actuals as of 2008-01-31 and
 * a ledger consistent with them. Deterministic: the same seed gives the same workbook on every host.
 */
export function planSampleWorkbook(options: SampleOptions = {}): WritePlan {
  const data = generateSampleData(options.seed ?? SAMPLE_SEED, options.asOf ?? SAMPLE_AS_OF);
  const sheets = [planSeedTargetsSheet(), planActualsSheet(data), planSampleLedger(data.projects)];
  const rules =
    options.rulesSheet === undefined
      ? planRulesSheet(campaignPreset(data.asOf))
      : options.rulesSheet;
  if (rules) sheets.push(rules);
  return { sheets, activate: TARGETS_SHEET };
}

/**
 * One unit group's submission (`scorecard merge` input): the actuals rows and ledger projects of `units` only,
 * each in its own workbook as a 县区 would send it, without the targets sheet.
 */
export function planUnitSubmission(data: SampleData, units: readonly string[]): WritePlan {
  const set = new Set(units);
  const ledger = planLedgerSheet({
    name: LEDGER_SHEET,
    projects: data.projects.filter((p) => set.has(p.unit)),
    units,
  });
  return { sheets: [planActualsSheet(data, set), ledger], activate: ACTUALS_SHEET };
}
