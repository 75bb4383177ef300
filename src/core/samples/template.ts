import type { SheetPlan, WritePlan } from "../plan/write-plan";
import { planLedgerSheet } from "./ledger-sheet";
import { SEED_001_NOTE } from "./seed-001";
import { ACTUALS_SHEET, LEDGER_SHEET, TARGETS_SHEET } from "./sample-workbook";
import { planUnitTable } from "./unit-table";
import { defaultRules, planRulesSheet } from "../rules";

export interface TemplateOptions {
  /** Numbered blank unit rows in the targets and actuals sheets. */
  readonly unitRows?: number;
  /** Ledger rows prepared with dropdowns. */
  readonly ledgerRows?: number;
  /** 截至日期 for the default 考核规则 sheet (its calendar year is the period); without it, no rules sheet. */
  readonly asOf?: string;
  /** A 考核规则 sheet to use instead of the defaults for `asOf`. */
  readonly rulesSheet?: SheetPlan | null;
}

/** `scorecard template`: the standard blank workbook, with dropdowns for units, industries and stages. */
export function planTemplate(options: TemplateOptions = {}): WritePlan {
  const unitRows = options.unitRows ?? 20;
  const blank = {
    rows: [],
    totals: [null, null, null, null, null, null, null],
    blankRows: unitRows,
  } as const;
  const sheets: SheetPlan[] = [
    planUnitTable({
      name: TARGETS_SHEET,
      title: "招商引资目标分解表",
      note: SEED_001_NOTE,
      ...blank,
    }),
    planUnitTable({
      name: ACTUALS_SHEET,
      title: "招商引资完成情况表",
      note: SEED_001_NOTE,
      ...blank,
    }),
    planLedgerSheet({
      name: LEDGER_SHEET,
      projects: [],
      blankRows: options.ledgerRows ?? 1000,
      // Units come from the targets sheet's 责任单位 column: the header block ends on row 5 (合计).
      unitSource: { sheet: TARGETS_SHEET, range: `B6:B${5 + unitRows}` },
    }),
  ];
  const rules =
    options.rulesSheet ?? (options.asOf ? planRulesSheet(defaultRules(options.asOf)) : null);
  if (rules) sheets.push(rules);
  return { sheets, activate: TARGETS_SHEET };
}
