import type { WorkbookGrid } from "../grid";
import type { Issue } from "../issues";
import type { IndicatorColumn, LedgerRow, Recognition, UnitRow } from "../model";
import type { SheetPlan, WritePlan } from "../plan/write-plan";
import { projectKey } from "../rules/ledger-projects";
import {
  copySheet,
  headerRowCount,
  ledgerSheet,
  MERGED_ACTUALS_SHEET,
  MERGED_LEDGER_SHEET,
  MERGED_TARGETS_SHEET,
  unitTableSheet,
  type Kept,
} from "./merged-sheets";

export { MERGED_ACTUALS_SHEET, MERGED_LEDGER_SHEET, MERGED_TARGETS_SHEET } from "./merged-sheets";

/** One submitted workbook, as recognised. */
export interface Submission {
  /** File name as the user gave it, used in provenance and messages. */
  readonly source: string;
  readonly recognition: Recognition;
  /** The workbook itself, so a 考核规则 sheet can be carried over as it is. */
  readonly grid?: WorkbookGrid;
}

export interface MergeResult {
  readonly plan: WritePlan;
  readonly issues: readonly Issue[];
  /** Rows written per sheet. */
  readonly counts: { readonly targets: number; readonly actuals: number; readonly ledger: number };
}

/**
 * Consolidates submitted workbooks (`scorecard merge`): one targets sheet (the first found), the union of
 * actuals rows and ledger projects, each row keeping its source file and row. The first occurrence wins;
 * a project or unit row met again is a `merge_conflict`, and a row for another unit than the one a file is
 * named after is a `foreign_unit_submission`.
 */
export function mergeSubmissions(submissions: readonly Submission[]): MergeResult {
  const issues: Issue[] = [];
  const knownUnits = unitNames(submissions);
  const owners = new Map(submissions.map((s) => [s.source, ownerOf(s.source, knownUnits)]));
  const ctx: MergeContext = { issues, ownerOf: (source) => owners.get(source) ?? null };

  const targets = mergeTargets(submissions);
  const actuals = mergeActuals(submissions, ctx);
  const ledger = mergeLedgers(submissions, ctx);
  const rules = carriedRules(submissions);
  const sheets = [targets.sheet, actuals.sheet, ledger.sheet, rules].filter(
    (sheet): sheet is SheetPlan => sheet !== null
  );
  return {
    plan: { sheets, ...(sheets[0] ? { activate: sheets[0].name } : {}) },
    issues,
    counts: { targets: targets.rows, actuals: actuals.rows, ledger: ledger.rows },
  };
}

interface MergeContext {
  readonly issues: Issue[];
  /** The unit a file is named after, when exactly one fits. */
  readonly ownerOf: (source: string) => string | null;
}

interface MergedSheet {
  readonly sheet: SheetPlan | null;
  readonly rows: number;
}

/** The first targets sheet found, as it is. */
function mergeTargets(submissions: readonly Submission[]): MergedSheet {
  const from = submissions.find((s) => s.recognition.targets !== null);
  const t = from?.recognition.targets;
  if (!from || !t) return { sheet: null, rows: 0 };
  const first = headerRowCount(t.indicators) + 1;
  const rows = t.units.map((u, i) => ({
    item: u,
    source: `${from.source} › ${t.sheet}!B${u.row + 1}`,
    row: i + first,
  }));
  return { sheet: unitTableSheet(MERGED_TARGETS_SHEET, t.indicators, rows), rows: rows.length };
}

/** Actuals: union by unit key, indicators by key in order of first appearance; the first row of a unit wins. */
function mergeActuals(submissions: readonly Submission[], ctx: MergeContext): MergedSheet {
  const indicators: IndicatorColumn[] = [];
  for (const s of submissions) {
    for (const ind of s.recognition.actuals?.indicators ?? [])
      if (!indicators.some((i) => i.key === ind.key)) indicators.push(ind);
  }
  const firstActualsRow = headerRowCount(indicators) + 1;
  const actualRows: Kept<UnitRow>[] = [];
  const byUnit = new Map<string, Kept<UnitRow>>();
  for (const s of submissions) {
    const table = s.recognition.actuals;
    if (!table) continue;
    for (const u of table.units) {
      const row = actualRows.length + firstActualsRow;
      const earlier = byUnit.get(u.key);
      if (earlier) {
        const same = sameValues(earlier.item, u);
        ctx.issues.push(
          issue(
            same ? "info" : "warning",
            "merge_conflict",
            MERGED_ACTUALS_SHEET,
            `B${earlier.row}`,
            earlier.row,
            {
              zh: `${u.name}的完成情况在 ${earlier.source} 和 ${s.source}（${table.sheet}!B${u.row + 1}）中都有${same ? "，数字相同" : "且数字不同"}；保留 ${earlier.source} 的数字`,
              en: `${u.name} reports actuals in both ${earlier.source} and ${s.source} (${table.sheet}!B${u.row + 1})${same ? " with the same figures" : " with different figures"}; kept ${earlier.source}`,
            }
          )
        );
        continue;
      }
      const kept = { item: u, source: `${s.source} › ${table.sheet}!B${u.row + 1}`, row };
      byUnit.set(u.key, kept);
      actualRows.push(kept);
      foreign(
        ctx.issues,
        ctx.ownerOf(s.source),
        u.name,
        s.source,
        MERGED_ACTUALS_SHEET,
        `B${row}`,
        row
      );
    }
  }
  return {
    sheet:
      actualRows.length > 0 ? unitTableSheet(MERGED_ACTUALS_SHEET, indicators, actualRows) : null,
    rows: actualRows.length,
  };
}

/**
 * Ledger: each project once (projectKey: the same name under the same unit). A row without a project name is
 * no project's duplicate: it is kept, and checking the merged ledger reports the missing name.
 */
function mergeLedgers(submissions: readonly Submission[], ctx: MergeContext): MergedSheet {
  const ledgerRows: Kept<LedgerRow>[] = [];
  const byProject = new Map<string, Kept<LedgerRow>>();
  for (const s of submissions) {
    for (const ledger of s.recognition.ledgers) {
      for (const p of ledger.rows) {
        const key = p.nameKey === "" ? null : projectKey(p);
        const where = `${ledger.sheet}!${p.row + 1}`;
        const earlier = key === null ? undefined : byProject.get(key);
        if (earlier) {
          ctx.issues.push(
            issue(
              "warning",
              "merge_conflict",
              MERGED_LEDGER_SHEET,
              `B${earlier.row}`,
              earlier.row,
              {
                zh: `项目“${p.name}”（${p.unit}）在 ${earlier.source} 和 ${s.source} › ${where} 中重复出现；只计一次，保留前者`,
                en: `Project “${p.name}” (${p.unit}) appears in ${earlier.source} and ${s.source} › ${where}; counted once, kept the first`,
              }
            )
          );
          continue;
        }
        const row = ledgerRows.length + 2;
        const kept = { item: p, source: `${s.source} › ${where}`, row };
        if (key !== null) byProject.set(key, kept);
        ledgerRows.push(kept);
        foreign(
          ctx.issues,
          ctx.ownerOf(s.source),
          p.unit,
          s.source,
          MERGED_LEDGER_SHEET,
          `D${row}`,
          row
        );
      }
    }
  }
  const any = ledgerRows.length > 0 || submissions.some((s) => s.recognition.ledgers.length > 0);
  return { sheet: any ? ledgerSheet(ledgerRows) : null, rows: ledgerRows.length };
}

/** The first 考核规则 sheet travels as it is, so the merged workbook is assessed under the same rules. */
function carriedRules(submissions: readonly Submission[]): SheetPlan | null {
  for (const s of submissions) {
    const name = s.recognition.rulesSheet;
    const rules = name ? s.grid?.sheets.find((g) => g.name === name) : undefined;
    if (rules) return copySheet(rules);
  }
  return null;
}

function unitNames(submissions: readonly Submission[]): string[] {
  const names = new Set<string>();
  for (const s of submissions) {
    for (const t of [s.recognition.targets, s.recognition.actuals])
      for (const u of t?.units ?? []) names.add(u.name);
  }
  return [...names];
}

/** The unit a file is named after (经开区.xlsx, 2008-01 高新区台账.xlsx), when exactly one unit name fits. */
export function ownerOf(source: string, units: readonly string[]): string | null {
  const base = source.replace(/^.*[\\/]/, "");
  const hits = units.filter((u) => base.includes(u));
  return hits.length === 1 ? (hits[0] as string) : null;
}

function foreign(
  issues: Issue[],
  owner: string | null,
  unit: string,
  source: string,
  sheet: string,
  cell: string,
  row: number
): void {
  if (owner === null || unit === owner) return;
  issues.push(
    issue("warning", "foreign_unit_submission", sheet, cell, row, {
      zh: `${source} 是${owner}报送的，却包含${unit}的数据；已合并，请与${unit}核对`,
      en: `${source} was submitted by ${owner} but holds a row for ${unit}; merged, check with ${unit}`,
    })
  );
}

function issue(
  severity: Issue["severity"],
  code: Issue["code"],
  sheet: string,
  cell: string,
  row: number,
  message: { zh: string; en: string }
): Issue {
  return { code, severity, sheet, cell, row, message_zh: message.zh, message_en: message.en };
}

function sameValues(a: UnitRow, b: UnitRow): boolean {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  for (const k of keys) {
    const x = a.values[k];
    const y = b.values[k];
    if (
      (x?.value ?? null) !== (y?.value ?? null) ||
      (x?.notApplicable ?? false) !== (y?.notApplicable ?? false)
    )
      return false;
  }
  return true;
}
