import type { Issue } from "../issues";
import type { Recognition, UnitTable } from "../model";
import { issueAt, sortIssues } from "../recognize/issue";
import { EVENT_DATE_KEYS } from "../recognize/ledger-field-columns";
import {
  checkActualUnits,
  checkDuplicateUnits,
  checkIndicatorUnits,
  checkTotals,
} from "./check-tables";
import { checkLedger } from "./check-ledger";
import { validationContextSchema, type ValidationContext } from "./context";
import { missingFields, ROLE_COLUMNS } from "./schemas";
import { ledgerUnitNames, UnitMatcher } from "../recognize/unit-names";

const FIELD_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  unit: ["责任单位", "responsible unit"],
  project_name: ["项目名称", "project name"],
  investment: ["总投资", "total investment"],
  stage: ["项目阶段", "stage"],
  signed_date: ["签约日期", "signing date"],
};

/** 内资 and 外资 columns together stand for 总投资 (the ledger reader adds them up at the rules' rate). */
function withSplitInvestment(
  columns: Readonly<Record<string, string>>
): Readonly<Record<string, string>> {
  const split = columns["investment_domestic"] ?? columns["investment_foreign"];
  return columns["investment"] === undefined && split !== undefined
    ? { ...columns, investment: split }
    : columns;
}

/** Columns that say how far a project has got without a stage column: its event dates, or stage marks. */
const STAGE_SAYERS: readonly string[] = ["stage_mark", ...EVENT_DATE_KEYS];

function columnIssues(recognition: Recognition): Issue[] {
  const issues: Issue[] = [];
  for (const report of recognition.reports) {
    const schemas = ROLE_COLUMNS[report.role];
    if (!schemas) continue;
    const row = (report.headerRows[report.headerRows.length - 1] ?? 1) - 1;
    for (const [schema, severity] of [
      [schemas.required, "error"],
      [schemas.expected, "warning"],
    ] as const) {
      for (const field of missingFields(schema, withSplitInvestment(report.columns))) {
        // A ledger kept one sheet per unit has its unit from the sheet, not a column.
        if (field === "unit" && report.sheetUnit !== undefined) continue;
        // A 签约项目明细 with its 签约日期 says what happened by its dates: a stage column would add nothing.
        if (field === "stage" && STAGE_SAYERS.some((k) => k in report.columns)) continue;
        const [zh, en] = FIELD_NAMES[field] ?? [field, field];
        issues.push(
          issueAt(
            "missing_column",
            severity,
            report.name,
            Math.max(0, row),
            0,
            { zh: `缺少“${zh}”列`, en: `missing column "${en}"` },
            field
          )
        );
      }
    }
  }
  return issues;
}

/**
 * The checks of SPEC §5 that need the whole recognised workbook and the context: required columns (zod),
 * totals, unit names, duplicates, ledger stages and dates; in sheet/row order. Cell-level findings made while
 * reading (types, formula errors, negatives, duplicate columns) are in `recognition.issues`, not repeated
 * here: use `collectIssues` for both. Throws a ZodError only when `context` itself is malformed.
 * `rowsShown`: of the findings of one ledger check in one column, build only the first so many and count the
 * rest on them (for `groupIssues`, which shows no more; the default builds every one).
 */
export function validateWorkbook(
  recognition: Recognition,
  context: ValidationContext,
  rowsShown = Infinity
): Issue[] {
  validationContextSchema.parse(context);
  const issues: Issue[] = columnIssues(recognition);
  const { targets, actuals } = recognition;
  // Names are matched sheet by sheet, as recognition keyed them, so the checks and the figures agree.
  const matcherFor = (names: readonly string[]) =>
    targets ? new UnitMatcher(targets.units, names) : null;
  // A 合计 row sums its own sheet's units: tables joined from several sheets are checked sheet by sheet.
  const totals = (t: UnitTable) => (t.parts ?? [t]).flatMap((p) => checkTotals(p, context));
  if (targets) issues.push(...checkDuplicateUnits(targets), ...totals(targets));
  if (actuals) {
    // A unit reported twice (its report pasted again after a correction) has no single actual either; in a
    // combined table its rows are the targets' rows, already reported.
    const reported = new Set(issues.map((i) => `${i.sheet}!${i.cell}`));
    issues.push(
      ...checkDuplicateUnits(actuals).filter((i) => !reported.has(`${i.sheet}!${i.cell}`)),
      ...totals(actuals)
    );
    const matcher = matcherFor(actuals.units.map((u) => u.name));
    // A unit the targets mark 不参与考核 may still report figures: they are set aside, not unknown.
    const excluded = new Set(targets?.excluded ?? []);
    if (matcher) issues.push(...checkActualUnits(actuals, matcher, excluded, targets));
    if (targets) issues.push(...checkIndicatorUnits(targets, actuals));
  }
  const ledgerMatcher = matcherFor(ledgerUnitNames(recognition.ledgers));
  for (const ledger of recognition.ledgers)
    issues.push(...checkLedger(ledger, context, ledgerMatcher, rowsShown));
  if (!targets) {
    // check and assess agree: without targets nothing can be assessed, whatever else the workbook holds.
    const sheet =
      actuals?.sheet ??
      recognition.ledgers[0]?.sheet ??
      recognition.reports.find((r) => !r.hidden)?.name ??
      recognition.reports[0]?.name ??
      "";
    issues.push(
      issueAt("no_targets_sheet", "error", sheet, 0, 0, {
        zh: '没有找到目标分解表（含责任单位列和指标列的表），无法考核，也无法核对责任单位。如工作簿中有目标表，请在任务窗格“工作表”页或用 --role "表名=targets" 指定',
        en: 'no targets sheet (a unit column and indicator columns) was found, so nothing can be assessed and unit names cannot be checked. If the workbook has one, mark it in the task pane\'s Sheets tab or with --role "<sheet>=targets"',
      })
    );
  }
  return sortIssues(
    issues,
    recognition.reports.map((r) => r.name)
  );
}

/** Everything a reviewer should see: the recognition's findings and the validation's, in sheet/row order. */
export function collectIssues(recognition: Recognition, context: ValidationContext): Issue[] {
  return sortIssues(
    [...recognition.issues, ...validateWorkbook(recognition, context)],
    recognition.reports.map((r) => r.name)
  );
}
