import type { SheetGrid, WorkbookGrid } from "../grid";
import { parseA1 } from "../grid";
import type { Issue } from "../issues";
import type { IndicatorColumn, LedgerRow, Recognition, UnitRow } from "../model";
import { SheetBuilder } from "../plan/sheet-builder";
import type { SheetPlan, WritePlan, WriteValue } from "../plan/write-plan";
import { LEDGER_HEADERS } from "../samples/ledger-sheet";
import { projectKey } from "../rules/registry";

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

export const MERGED_TARGETS_SHEET = "目标分解表";
export const MERGED_ACTUALS_SHEET = "完成情况表";
export const MERGED_LEDGER_SHEET = "项目台账";
// Not "来源": recognition reads that as the investor's origin (省外/境外), which ledger filters use.
const PROVENANCE_HEADER = "报送文件";

interface Kept<T> {
  readonly item: T;
  readonly source: string;
  /** 1-based row in the merged sheet. */
  readonly row: number;
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

function splitName(ind: IndicatorColumn): { group: string; leaf: string } {
  const parts = ind.name.split(" › ");
  const leaf = parts.pop() ?? ind.name;
  const label = !ind.unit || /[(（]/.test(leaf) ? leaf : `${leaf}(${ind.unit.label})`;
  return { group: parts.join(" › "), leaf: label };
}

function headerRowCount(indicators: readonly IndicatorColumn[]): number {
  return indicators.some((i) => i.name.includes(" › ")) ? 2 : 1;
}

/**
 * A unit table with the submitted header shape: group labels above their leaves where the source had them
 * (签约项目 › 项目总数 means nothing as 项目总数 alone), then one row per unit with the file it came from.
 */
function unitTableSheet(
  name: string,
  indicators: readonly IndicatorColumn[],
  rows: readonly Kept<UnitRow>[]
): SheetPlan {
  const b = new SheetBuilder(name, "merged", false);
  const hasGroup = rows.some((r) => r.item.group !== null);
  const lead = hasGroup ? ["序号", "责任单位", "类别"] : ["序号", "责任单位"];
  const names = indicators.map(splitName);
  const headerRows = headerRowCount(indicators);
  const twoRows = headerRows === 2;
  const last = lead.length + indicators.length;
  [...lead, ...names.map((n) => n.leaf), PROVENANCE_HEADER].forEach((text, c) => {
    const fixed = c < lead.length || c === last;
    b.set(twoRows && !fixed ? 1 : 0, c, text);
    if (twoRows && fixed) b.merge(0, c, 1, c);
  });
  if (twoRows) {
    let c = 0;
    while (c < names.length) {
      const group = names[c]?.group ?? "";
      let end = c;
      while (end + 1 < names.length && names[end + 1]?.group === group) end++;
      const col = lead.length + c;
      if (group) {
        b.set(0, col, group);
        b.merge(0, col, 0, lead.length + end);
      } else {
        b.set(0, col, names[c]?.leaf ?? "");
        b.set(1, col, null);
        for (let k = c; k <= end; k++) {
          b.set(0, lead.length + k, names[k]?.leaf ?? "");
          b.set(1, lead.length + k, null);
          b.merge(0, lead.length + k, 1, lead.length + k);
        }
      }
      c = end + 1;
    }
  }
  b.style(
    {
      bold: true,
      fill: "F2F2F2",
      horizontal: "center",
      vertical: "middle",
      wrap: true,
      border: "thin",
    },
    0,
    0,
    headerRows - 1,
    last
  );
  rows.forEach((r, i) => {
    const values: WriteValue[] = [i + 1, r.item.name, ...(hasGroup ? [r.item.group] : [])];
    for (const ind of indicators) {
      const v = r.item.values[ind.key];
      values.push(
        v?.notApplicable
          ? "---"
          : v?.value === null || v?.value === undefined
            ? null
            : displayValue(v.value, ind)
      );
    }
    values.push(r.source);
    b.setRow(r.row - 1, 0, values);
  });
  indicators.forEach((ind, i) => {
    const money = ind.unit?.quantity === "money_cny" || ind.unit?.quantity === "money_usd";
    if (rows.length > 0)
      b.style(
        { numberFormat: money ? "0.00" : "0" },
        headerRows,
        lead.length + i,
        headerRows + rows.length - 1,
        lead.length + i
      );
  });
  return b.build({ columnWidths: b.autoWidths(6, 40), freeze: { rows: headerRows, columns: 2 } });
}

function displayValue(base: number, ind: IndicatorColumn): number {
  const factor = ind.unit?.factor ?? 1;
  return Math.round((base / factor) * 1e6) / 1e6;
}

function ledgerSheet(rows: readonly Kept<LedgerRow>[]): SheetPlan {
  const b = new SheetBuilder(MERGED_LEDGER_SHEET, "merged", false);
  const usd = rows.some((r) => r.item.currency === "USD");
  const head = [...LEDGER_HEADERS, ...(usd ? ["币种"] : []), PROVENANCE_HEADER];
  b.setRow(0, 0, head);
  b.style(
    { bold: true, fill: "F2F2F2", horizontal: "center", wrap: true, border: "thin" },
    0,
    0,
    0,
    head.length - 1
  );
  rows.forEach((r, i) => {
    const p = r.item;
    b.setRow(r.row - 1, 0, [
      i + 1,
      p.name,
      p.investor,
      p.unit,
      p.industry,
      p.investment,
      p.industrial === null ? null : p.industrial ? "是" : "否",
      p.stage,
      p.signedDate,
      p.registeredDate,
      p.startedDate,
      p.fundsInPlace,
      ...(usd ? [p.currency === "USD" ? "美元" : "人民币"] : []),
      r.source,
    ]);
  });
  if (rows.length > 0) b.style({ numberFormat: "yyyy-mm-dd" }, 1, 8, rows.length, 10);
  return b.build({ columnWidths: b.autoWidths(6, 40), freeze: { rows: 1, columns: 2 } });
}

/** A verbatim copy of a sheet's values and merges (a 考核规则 sheet carried into the merged workbook). */
function copySheet(sheet: SheetGrid): SheetPlan {
  const b = new SheetBuilder(sheet.name, "rules", false);
  sheet.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      b.set(r, c, typeof v === "object" && !(v instanceof Date) ? v.code : v);
    })
  );
  sheet.merges.forEach((m) => b.merge(m.top, m.left, m.bottom, m.right));
  for (const [cell, format] of sheet.numberFormats) {
    const { row, col } = parseA1(cell);
    b.style({ numberFormat: format }, row, col);
  }
  return b.build({ columnWidths: b.autoWidths(6, 60) });
}
