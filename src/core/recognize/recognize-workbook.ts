import { columnLetter, type SheetGrid, type WorkbookGrid } from "../grid";
import { readNoteIssues, type Issue } from "../issues";
import type {
  LedgerSheet,
  Recognition,
  RecognitionOverrides,
  SheetReport,
  SheetRole,
  UnitTable,
} from "../model";
import { normalizeText } from "../text";
import { applyColumnOverrides } from "./overrides";
import { mapColumns, type ColumnMap } from "./column-map";
import { findHeaderBlock, firstTextRowBlock, type HeaderBlock } from "./header-block";
import { issueAt, sortIssues } from "./issue";
import { readLedger } from "./ledger";
import { MergedCells } from "./merged-cells";
import { productSheetKinds } from "../ownership";
import type { SheetKind } from "../report/write-plan";
import {
  isEmptySheet,
  isRulesSheetName,
  looksLikeRulesSheet,
  ownedRole,
  tableKindFromWords,
} from "./sheet-kind";
import { blockDuplicateUnits } from "./unit-table";
import { analyseTable, readTable, type TableAnalysis, type TableChoice } from "./table-sheet";
import { agreement, isSidewaysTable, unitColumnConfidence } from "./unit-column";
import { pairIndicators, type Pairing } from "./pair-indicators";
import { ledgerUnitColumn } from "./ledger-units";
import { statedWeights as readStatedWeights } from "./stated-weights";
import { UnitMatcher } from "./unit-names";
import { sheetAsOf } from "./as-of";
import { combineParts, partsOf, type TableCandidate } from "./combine-tables";

export interface RecognitionContext {
  /** ISO as-of date, for summing 一季度…四季度 so far. */
  readonly asOf?: string;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function plainReport(sheet: SheetGrid, role: SheetRole, confidence: number): SheetReport {
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

function emptyIssue(sheet: SheetGrid, why: "empty" | "no_rows"): Issue {
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

function headerRowsOf(block: HeaderBlock): number[] {
  const rows: number[] = [];
  for (let r = block.top; r <= block.bottom; r++) rows.push(r + 1);
  return rows;
}

function hiddenColumnsOf(sheet: SheetGrid): { hiddenColumns?: readonly string[] } {
  const hidden = [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetter);
  return hidden.length ? { hiddenColumns: hidden } : {};
}

/** Column-level findings of a ledger: duplicates, unknown headers, hidden columns that feed figures. */
function ledgerColumnIssues(sheet: SheetGrid, map: ColumnMap, block: HeaderBlock): Issue[] {
  const issues: Issue[] = [];
  for (const d of map.duplicates) {
    const kept = map.byField.get(d.field.key)?.column;
    const keptAt = kept ? columnLetter(kept.col) : "?";
    issues.push(
      issueAt(
        "duplicate_column",
        "warning",
        sheet.name,
        d.column.headerRow,
        d.column.col,
        {
          zh: `“${d.column.name}”与 ${keptAt} 列重复，按 ${keptAt} 列读取`,
          en: `"${d.column.name}" repeats column ${keptAt}; column ${keptAt} is used`,
        },
        d.field.key
      )
    );
  }
  for (const c of map.unmatched) {
    issues.push(
      issueAt("unrecognised_column", "info", sheet.name, c.headerRow, c.col, {
        zh: `未识别的列“${c.name}”，已忽略`,
        en: `unrecognised column "${c.name}" is ignored`,
      })
    );
  }
  for (const m of map.byField.values()) {
    if (!sheet.hiddenColumns.has(m.column.col)) continue;
    issues.push(
      issueAt(
        "hidden_column",
        "info",
        sheet.name,
        m.column.headerRow,
        m.column.col,
        { zh: `隐藏列“${m.column.name}”参与识别`, en: `hidden column "${m.column.name}" is read` },
        m.field.key
      )
    );
  }
  void block;
  return issues;
}

interface LedgerCandidate {
  readonly sheet: SheetGrid;
  readonly merged: MergedCells;
  readonly block: HeaderBlock;
  readonly map: ColumnMap;
  readonly forced: boolean;
}

type Entry =
  | { readonly kind: "report"; readonly report: SheetReport }
  /** A ledger by its headers; `table` is the same sheet read as a unit table, in case its names are units. */
  | {
      readonly kind: "ledger";
      readonly ledger: LedgerCandidate;
      readonly table: TableAnalysis | null;
    }
  | { readonly kind: "table"; readonly table: TableAnalysis };

/** Pass one: what each sheet looks like on its own. */
function analyseSheet(
  sheet: SheetGrid,
  overrides: RecognitionOverrides,
  productKinds: ReadonlyMap<string, SheetKind>,
  issues: Issue[]
): Entry {
  const forced = overrides.roles?.[sheet.name];
  const owned = ownedRole(sheet, productKinds);
  if (forced === undefined && (sheet.hidden || owned !== null)) {
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
  const ledgerMap = applyColumnOverrides(
    mapColumns(block, "ledger", sheet.hiddenColumns),
    block,
    columnOverrides
  );
  const tableMap = mapColumns(block, "table", sheet.hiddenColumns);
  const looksLedger = ledgerEvidence(ledgerMap) && ledgerMap.fieldHits >= tableMap.fieldHits;
  const table = analyseTable(sheet, merged, block, tableMap, columnOverrides, forced ?? null);
  if (
    forced === "ledger" ||
    (forced === undefined && looksLedger && namesProjects(sheet, merged, block, ledgerMap))
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
 * Recognises every sheet: role, header block, column → field map, and the typed tables the engine reads.
 * Never throws on workbook content; what cannot be read becomes an issue. Issues are in sheet/row order.
 */
export function recognizeWorkbook(
  grid: WorkbookGrid,
  overrides: RecognitionOverrides = {},
  context: RecognitionContext = {}
): Recognition {
  const issues: Issue[] = [];
  const productKinds = productSheetKinds(grid);
  const entries = settleLedgers(
    grid.sheets.map((sheet) => analyseSheet(sheet, overrides, productKinds, issues))
  );
  const rulesSheet =
    entries.find((e) => e.kind === "report" && e.report.role === "rules" && !e.report.hidden)
      ?.kind === "report"
      ? (
          entries.find(
            (e) => e.kind === "report" && e.report.role === "rules" && !e.report.hidden
          ) as { report: SheetReport }
        ).report.name
      : null;

  // Pass two: the unit column of each table, helped by the labels the other sheets hold.
  const tables = entries.flatMap((e) => (e.kind === "table" ? [e.table] : []));
  const ledgerUnitLabels = entries.flatMap((e) =>
    e.kind === "ledger" ? [ledgerLabels(e.ledger)] : []
  );
  const bestLabels = tables.map((t) => t.candidates[0]?.labels ?? new Set<string>());
  const choices = new Map<TableAnalysis, TableChoice>();
  tables.forEach((t, i) => {
    const others = [...bestLabels.filter((_, j) => j !== i), ...ledgerUnitLabels];
    const scored = t.candidates
      .map((c) => ({ c, agreed: agreement(c.labels, others) }))
      .sort((a, b) => b.c.score + 3 * b.agreed - (a.c.score + 3 * a.agreed) || a.c.col - b.c.col);
    const best = scored[0];
    if (t.forcedUnitColumn !== null) {
      const named = t.candidates.find((c) => c.col === t.forcedUnitColumn) ?? null;
      choices.set(t, { unitColumn: t.forcedUnitColumn, confidence: 1, candidate: named });
      return;
    }
    if (!best) return;
    // Names beside numbers, with no header saying "units", no indicator anyone knows and no other sheet
    // sharing the names, is a list (contacts, notes), not a unit table.
    if (
      t.forcedRole === null &&
      best.c.headerEvidence <= 0 &&
      best.agreed < 0.5 &&
      t.indicatorSignals === 0
    )
      return;
    choices.set(t, {
      unitColumn: best.c.col,
      confidence: unitColumnConfidence(best.c, best.agreed, scored[1]?.c ?? null),
      candidate: best.c,
    });
  });
  const knownUnits = new Set<string>();
  for (const t of tables)
    for (const l of choices.get(t)?.candidate?.labels ?? []) knownUnits.add(l);
  for (const l of ledgerUnitLabels) for (const x of l) knownUnits.add(x);

  // Pass three: read the tables and the ledgers.
  const asOfMonth = context.asOf ? Number(context.asOf.slice(5, 7)) : null;
  const reports: SheetReport[] = [];
  const read = new Map<TableAnalysis, ReturnType<typeof readTable>>();
  for (const t of tables) {
    const choice = choices.get(t);
    if (!choice) continue;
    read.set(t, readTable(t, choice, { asOfMonth, knownUnits }));
  }
  const targetCandidates: TableCandidate[] = [];
  const actualCandidates: TableCandidate[] = [];
  const lastYearTables: UnitTable[] = [];
  const ledgers: LedgerSheet[] = [];
  const tableKinds = new Map<TableAnalysis, SheetRole>();
  const plainOrder: TableAnalysis[] = [];
  for (const t of tables) {
    const r = read.get(t);
    if (!r) continue;
    const words = t.forcedRole ?? tableKindFromWords(t.sheet.name, t.block.above);
    let role: SheetRole;
    if (t.forcedRole === "targets" || t.forcedRole === "actuals" || t.forcedRole === "combined")
      role = t.forcedRole;
    else if (r.read.kind === "combined") role = "combined";
    else if (r.read.kind !== "plain") role = r.read.kind;
    else if (words === "last_year") role = "other";
    else if (words === "targets" || words === "actuals") role = words;
    else {
      plainOrder.push(t);
      continue;
    }
    tableKinds.set(t, role);
  }
  // Sheets that say nothing: the first is the targets unless another sheet already is, the next the actuals.
  for (const t of plainOrder) {
    const hasTargets = [...tableKinds.values()].some((k) => k === "targets" || k === "combined");
    tableKinds.set(t, hasTargets ? "actuals" : "targets");
  }

  for (const entry of entries) {
    if (entry.kind === "report") {
      reports.push(entry.report);
      continue;
    }
    if (entry.kind === "ledger") {
      const l = entry.ledger;
      const unitCol = l.map.byField.has("unit")
        ? null
        : ledgerUnitColumn(l.sheet, l.merged, l.block, l.map, knownUnits);
      const map = unitCol === null ? l.map : withUnitColumn(l.map, l.block, unitCol);
      const lr = readLedger(l.sheet, l.merged, l.block, map);
      issues.push(...ledgerColumnIssues(l.sheet, map, l.block), ...lr.issues);
      if (lr.dataRows === null) issues.push(emptyIssue(l.sheet, "no_rows"));
      ledgers.push(lr.ledger);
      const total = Math.max(1, l.block.columns.length);
      const columns: Record<string, string> = {};
      for (const [key, m] of [...map.byField.entries()].sort(
        (a, b) => a[1].column.col - b[1].column.col
      ))
        columns[key] = columnLetter(m.column.col);
      reports.push({
        name: l.sheet.name,
        role: "ledger",
        confidence: l.forced ? 1 : round2(0.5 + 0.5 * (map.byField.size / total)),
        headerRows: headerRowsOf(l.block),
        columns,
        dataRows: lr.dataRows,
        totalRows: lr.totalRows,
        unrecognisedColumns: map.unmatched.map((c) => columnLetter(c.col)),
        units: lr.units,
        hidden: l.sheet.hidden,
        ...hiddenColumnsOf(l.sheet),
      });
      continue;
    }
    const t = entry.table;
    const r = read.get(t);
    const choice = choices.get(t);
    const role = tableKinds.get(t) ?? "other";
    if (!r || !choice) {
      reports.push(plainReport(t.sheet, t.forcedRole ?? "other", 0.5));
      continue;
    }
    issues.push(...r.issues);
    if (r.read.dataRows === null) issues.push(emptyIssue(t.sheet, "no_rows"));
    const explicit =
      r.read.kind !== "plain" || tableKindFromWords(t.sheet.name, t.block.above) !== null;
    const confidence = round2(Math.min(choice.confidence, r.columnShare));
    if (role === "targets" || role === "combined")
      targetCandidates.push({
        table: { ...r.read.primary, role: "targets" },
        confidence,
        explicit: role === "targets",
      });
    if (role === "actuals")
      actualCandidates.push({
        table: { ...r.read.primary, role: "actuals" },
        confidence,
        explicit,
      });
    if (role === "combined" && r.read.secondary)
      actualCandidates.push({
        table: { ...r.read.secondary, role: "actuals" },
        confidence,
        explicit: false,
      });
    if (role === "other" && tableKindFromWords(t.sheet.name, t.block.above) === "last_year")
      lastYearTables.push({ ...r.read.primary, role: "actuals" });
    reports.push({
      ...r.report,
      role,
      confidence: role === "other" ? 0.5 : confidence,
      ...hiddenColumnsOf(t.sheet),
    });
  }

  // A dedicated 目标分解表 outranks the targets columns of a combined 通报附表; a dedicated 完成情况表 likewise.
  const targets = combineParts(partsOf(pickOrder(targetCandidates)));
  let actuals = pickActuals(actualCandidates, grid, context.asOf ?? null, issues);
  let pairings: Pairing[] = [];
  if (targets && actuals) {
    const paired = pairIndicators(targets, actuals);
    actuals = paired.actuals;
    pairings = paired.pairings;
    issues.push(...paired.issues);
  } else if (targets) {
    pairings = targets.indicators.map((t) => ({
      key: t.key,
      name: t.name,
      target: `${targets.sheet}!${columnLetter(t.col)}`,
      actual: null,
      by: null,
    }));
  }
  // Actuals and ledgers may name a unit by its official long form ("合心镇人民政府"): key them as the targets do.
  if (targets) {
    const matcher = new UnitMatcher(targets.units);
    if (actuals) actuals = rekeyTable(actuals, matcher);
    for (let i = 0; i < ledgers.length; i++)
      ledgers[i] = rekeyLedger(ledgers[i] as LedgerSheet, matcher);
  }
  let lastYear: UnitTable | null = null;
  if (targets && lastYearTables[0]) lastYear = pairIndicators(targets, lastYearTables[0]).actuals;

  // A 考核办法 sheet (names beside 权重/分值) among the sheets nothing else claimed.
  const statedWeights = reports.flatMap((r) => {
    const sheet = grid.sheets.find((s) => s.name === r.name);
    return r.role === "other" && !r.hidden && sheet ? readStatedWeights(sheet) : [];
  });
  const sheetOrder = grid.sheets.map((s) => s.name);
  return {
    reports,
    targets: targets && blockDuplicateUnits(targets),
    actuals: actuals && blockDuplicateUnits(actuals),
    lastYear,
    ledgers,
    rulesSheet,
    pairings,
    ...(statedWeights.length ? { statedWeights } : {}),
    issues: sortIssues([...readNoteIssues(grid), ...issues], sheetOrder),
  };
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
function settleLedgers(entries: Entry[]): Entry[] {
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

/** A dedicated 目标分解表 (or 完成情况表) outranks the same columns inside a combined 通报附表. */
function pickOrder(candidates: readonly TableCandidate[]): TableCandidate[] {
  return [...candidates].sort(
    (a, b) => Number(b.explicit) - Number(a.explicit) || b.confidence - a.confidence
  );
}

/**
 * Several 完成情况 sheets: those covering the same units are months of one series ("1-7月", "1-8月") and the
 * latest up to the as-of date is used, the others said so; those covering other units (县区 / 园区) are parts.
 */
function pickActuals(
  candidates: readonly TableCandidate[],
  grid: WorkbookGrid,
  asOf: string | null,
  issues: Issue[]
): UnitTable | null {
  if (candidates.length <= 1) return candidates[0]?.table ?? null;
  const year = asOf ? Number(asOf.slice(0, 4)) : null;
  const dated = candidates.map((c) => {
    const sheet = grid.sheets.find((s) => s.name === c.table.sheet);
    return { ...c, stated: sheet ? sheetAsOf(sheet, year) : null };
  });
  const usable = (d: { stated: string | null }): boolean =>
    asOf === null || d.stated === null || d.stated <= asOf;
  const ordered = [...dated].sort(
    (a, b) =>
      Number(usable(b)) - Number(usable(a)) ||
      (b.stated ?? "").localeCompare(a.stated ?? "") ||
      Number(b.explicit) - Number(a.explicit) ||
      b.confidence - a.confidence
  );
  const best = ordered[0] as (typeof ordered)[number];
  // Parts of the same month (or undated) join the best; other months of the same units are left alone.
  const parts = partsOf(
    ordered.filter((d) => d === best || d.stated === best.stated || d.stated === null)
  );
  const used = new Set(parts.map((p) => p.sheet));
  const others = dated.filter((d) => !used.has(d.table.sheet));
  if (others.length > 0)
    issues.push(
      issueAt("sheet_not_used", "info", best.table.sheet, 0, 0, {
        zh: `工作簿有多张完成情况表，${best.stated ? "按截至日期" : ""}取“${[...used].join("、")}”，未使用：${others.map((o) => `“${o.table.sheet}”`).join("、")}`,
        en: `the workbook has several actuals sheets; ${[...used].map((s) => `"${s}"`).join(", ")} ${best.stated ? "are used for the as-of date" : "are used"}, not ${others.map((o) => `"${o.table.sheet}"`).join(", ")}`,
      })
    );
  return combineParts(parts);
}

function rekeyTable(table: UnitTable, matcher: UnitMatcher): UnitTable {
  const units = table.units.map((u) => {
    const key = matcher.keyOf(u.name);
    return key !== null && key !== u.key ? { ...u, key } : u;
  });
  return units.every((u, i) => u === table.units[i]) ? table : { ...table, units };
}

function rekeyLedger(ledger: LedgerSheet, matcher: UnitMatcher): LedgerSheet {
  const keys = new Map<string, string>();
  const rows = ledger.rows.map((r) => {
    let key = keys.get(r.unit);
    if (key === undefined) {
      key = matcher.keyOf(r.unit) ?? r.unitKey;
      keys.set(r.unit, key);
    }
    return key === r.unitKey ? r : { ...r, unitKey: key };
  });
  return { ...ledger, rows };
}

function ledgerLabels(l: LedgerCandidate): ReadonlySet<string> {
  const col = l.map.byField.get("unit")?.column.col;
  const out = new Set<string>();
  if (col === undefined) return out;
  const last = Math.min(l.sheet.rows.length, l.block.bottom + 1 + 2000);
  for (let r = l.block.bottom + 1; r < last; r++) {
    const v = l.merged.value(r, col);
    if (typeof v === "string" && v.trim() !== "") out.add(normalizeText(v));
  }
  return out;
}

function withUnitColumn(map: ColumnMap, block: HeaderBlock, col: number): ColumnMap {
  const column = block.columns.find((c) => c.col === col);
  if (!column) return map;
  const byField = new Map(map.byField);
  for (const [k, m] of byField) if (m.column.col === col) byField.delete(k);
  const unitField = {
    key: "unit",
    scope: "both",
    kind: "unit",
    quantity: null,
    defaultUnit: null,
    zhHans: [],
    zhHant: [],
    en: [],
  } as const;
  byField.set("unit", { field: unitField, column });
  return { ...map, byField, unmatched: map.unmatched.filter((c) => c.col !== col) };
}
