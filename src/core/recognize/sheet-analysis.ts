/**
 * Pass one of recognition: what each sheet looks like on its own — product output, rules, empty, a ledger, a
 * unit table — before the sheets are weighed against each other.
 */
import { columnLetter, type SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { RecognitionOverrides, SheetReport, SheetRole } from "../model";
import type { SheetKind } from "../plan/write-plan";
import { mapColumns, type ColumnMap } from "./column-map";
import { withEnterpriseNames } from "./enterprise-ledger";
import { findHeaderBlock, firstTextRowBlock, type HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import { MergedCells } from "./merged-cells";
import { applyColumnOverrides } from "./overrides";
import { isEmptySheet, isRulesSheetName, looksLikeRulesSheet, ownedRole } from "./sheet-kind";
import { analyseTable, columnAt, type TableAnalysis } from "./table-sheet";
import { agreement, isSidewaysTable } from "./unit-column";
import { labelsOf, ledgerUnitColumn } from "./ledger-units";

export const round2 = (x: number): number => Math.round(x * 100) / 100;

export function plainReport(sheet: SheetGrid, role: SheetRole, confidence: number): SheetReport {
  return {
    name: sheet.name,
    role,
    confidence,
    headerRows: [],
    columns: {},
    dataRows: null,
    totalRows: [],
    unrecognisedColumns: [],
    units: {},
    hidden: sheet.hidden,
  };
}

export function emptyIssue(sheet: SheetGrid, why: "empty" | "no_rows"): Issue {
  return issueAt(
    "empty_sheet",
    "warning",
    sheet.name,
    0,
    0,
    why === "empty"
      ? { zh: "工作表为空", en: "the sheet is empty" }
      : { zh: "表头下没有数据行", en: "no data rows under the header" }
  );
}

export function headerRowsOf(block: HeaderBlock): number[] {
  const rows: number[] = [];
  for (let r = block.top; r <= block.bottom; r++) rows.push(r + 1);
  return rows;
}

export function hiddenColumnsOf(sheet: SheetGrid): { hiddenColumns?: readonly string[] } {
  const hidden = [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetter);
  return hidden.length ? { hiddenColumns: hidden } : {};
}

export interface LedgerCandidate {
  readonly sheet: SheetGrid;
  readonly merged: MergedCells;
  readonly block: HeaderBlock;
  readonly map: ColumnMap;
  readonly forced: boolean;
}

export type Entry =
  | { readonly kind: "report"; readonly report: SheetReport }
  /** A ledger by its headers; `table` is the same sheet read as a unit table, in case its names are units. */
  | {
      readonly kind: "ledger";
      readonly ledger: LedgerCandidate;
      readonly table: TableAnalysis | null;
    }
  | { readonly kind: "table"; readonly table: TableAnalysis };

/** Pass one: what each sheet looks like on its own. */
export function analyseSheet(
  sheet: SheetGrid,
  overrides: RecognitionOverrides,
  productKinds: ReadonlyMap<string, SheetKind>,
  issues: Issue[]
): Entry {
  const forced = overrides.roles?.[sheet.name];
  const owned = ownedRole(sheet, productKinds);
  if (forced === undefined && (sheet.hidden || owned !== null)) {
    // The state sheet is the product's by its signature (productKinds), never by its name: a user's hidden sheet
    // of that name is the user's.
    const role = owned ?? "other";
    return { kind: "report", report: plainReport(sheet, role, owned !== null ? 1 : 0.9) };
  }
  if (
    forced === "rules" ||
    (forced === undefined && (isRulesSheetName(sheet.name) || looksLikeRulesSheet(sheet)))
  )
    return { kind: "report", report: plainReport(sheet, "rules", forced ? 1 : 0.9) };
  if (forced === "output" || forced === "other")
    return { kind: "report", report: plainReport(sheet, forced, 1) };
  if (isEmptySheet(sheet)) {
    issues.push(emptyIssue(sheet, "empty"));
    return { kind: "report", report: plainReport(sheet, "other", 1) };
  }
  const merged = new MergedCells(sheet);
  const block =
    findHeaderBlock(sheet, merged) ??
    (forced !== undefined ? firstTextRowBlock(sheet, merged) : null);
  if (!block) {
    if (forced !== undefined)
      issues.push(
        issueAt("missing_column", "error", sheet.name, 0, 0, {
          zh: "找不到表头",
          en: "no header row found",
        })
      );
    return { kind: "report", report: plainReport(sheet, forced ?? "other", forced ? 1 : 0.5) };
  }
  const columnOverrides = overrides.columns?.[sheet.name];
  unmatchedOverrides(sheet.name, block, columnOverrides, issues);
  const ledgerMap = applyColumnOverrides(
    withEnterpriseNames(mapColumns(block, "ledger", sheet.hiddenColumns)),
    block,
    columnOverrides
  );
  const tableMap = mapColumns(block, "table", sheet.hiddenColumns);
  const looksLedger = ledgerEvidence(ledgerMap) && ledgerMap.fieldHits >= tableMap.fieldHits;
  const table = analyseTable(sheet, merged, block, tableMap, columnOverrides, forced ?? null);
  // "项目 | 目标 / 完成 / 完成率" row by row names the kind of each line, not projects.
  const namesLines =
    table?.rowMeasureColumn != null &&
    table.rowMeasureColumn === ledgerMap.byField.get("project_name")?.column.col;
  if (
    forced === "ledger" ||
    (forced === undefined &&
      looksLedger &&
      !namesLines &&
      namesProjects(sheet, merged, block, ledgerMap))
  )
    return {
      kind: "ledger",
      ledger: { sheet, merged, block, map: ledgerMap, forced: forced !== undefined },
      table: forced === undefined ? table : null,
    };
  if (!table) {
    if (isSidewaysTable(sheet, merged, block))
      issues.push(
        issueAt("sideways_table", "warning", sheet.name, block.top, 0, {
          zh: "此表指标按行、单位按列排列（与目标分解表行列相反），无法按单位读取；如需考核，请转置后（单位按行）重试，或用 --role 指定",
          en: "this table lists indicators down the rows and units across the columns (the other way round from a targets sheet), so it cannot be read by unit; transpose it (units as rows) to assess it",
        })
      );
    return { kind: "report", report: plainReport(sheet, forced ?? "other", 0.5) };
  }
  return { kind: "table", table };
}

/**
 * A correction (--map, the pane's) naming a column the header does not have — a letter past the table, header text
 * with a typo — would be silently unused, and the run would look corrected: said as a warning on the header.
 */
function unmatchedOverrides(
  sheet: string,
  block: HeaderBlock,
  columns: Readonly<Record<string, string>> | undefined,
  issues: Issue[]
): void {
  for (const [where, field] of Object.entries(columns ?? {})) {
    if (columnAt(block, where) !== null) continue;
    issues.push(
      issueAt("override_unmatched", "warning", sheet, block.top, 0, {
        zh: `列修正“${where}=${field}”未用上：表头中没有“${where}”这一列（可用列字母或表头文字）`,
        en: `the column correction "${where}=${field}" was not applied: the header has no column "${where}" (use its letter or its header text)`,
      })
    );
  }
}

/** Fields only a project ledger has (到位资金 is also an indicator of unit tables, so it proves nothing). */
const LEDGER_ONLY = [
  "investor",
  "industry",
  "investment",
  "stage",
  "signed_date",
  "registered_date",
  "started_date",
  "produced_date",
  "investor_type",
  "origin",
  "currency",
  "foreign_share",
  "report_month",
  "industrial",
];

/**
 * A project column and ledger-only fields: two of them, or one beside a header that says 项目 ("项目名称").
 * "名称 | 到位资金" is a unit table with an unlabelled unit column, not a ledger.
 */
function ledgerEvidence(map: ColumnMap): boolean {
  const name = map.byField.get("project_name");
  if (!name) return false;
  const only = LEDGER_ONLY.filter((k) => map.byField.has(k)).length;
  const strong = /项目|project/.test(name.column.leafNorm);
  return only >= 2 || (only >= 1 && strong);
}

/** The project-name column holds names (text), not figures: "New Projects Target" is no ledger. */
function namesProjects(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap
): boolean {
  const col = map.byField.get("project_name")?.column.col;
  if (col === undefined) return false;
  let texts = 0;
  let rows = 0;
  const last = Math.min(sheet.rows.length, block.bottom + 1 + 200);
  for (let r = block.bottom + 1; r < last; r++) {
    const v = merged.value(r, col);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    rows++;
    if (typeof v === "string" && !/^[\d.,\s%]+$/.test(v)) texts++;
  }
  return rows === 0 || texts / rows >= 0.7;
}

/**
 * A sheet whose headers read like a ledger ("名称 | 签约项目 | 到位资金") is a unit table after all when the
 * names in its "project" column are the units other sheets list.
 */
export function settleLedgers(entries: Entry[]): Entry[] {
  const tableLabels = entries.flatMap((e) =>
    e.kind === "table" && e.table.candidates[0] ? [e.table.candidates[0].labels] : []
  );
  return entries.map((e) => {
    if (e.kind !== "ledger" || !e.table) return e;
    const col = e.ledger.map.byField.get("project_name")?.column.col;
    const named = e.table.candidates.find((c) => c.col === col);
    if (named && agreement(named.labels, tableLabels) >= 0.5)
      return { kind: "table", table: e.table };
    return e;
  });
}

export function ledgerLabels(l: LedgerCandidate): ReadonlySet<string> {
  // A unit column only the lexicon names (招商单位, 承办单位) is found as readLedgerSheet will find it.
  const col =
    l.map.byField.get("unit")?.column.col ??
    ledgerUnitColumn(l.sheet, l.merged, l.block, l.map, new Set());
  return col === null ? new Set() : labelsOf(l.sheet, l.merged, l.block, col);
}
