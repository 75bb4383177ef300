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
import { applyColumnOverrides } from "./overrides";
import { mapColumns, type ColumnMap } from "./column-map";
import { findHeaderBlock, firstTextRowBlock, type HeaderBlock } from "./header-block";
import { issueAt, sortIssues } from "./issue";
import { readLedger } from "./ledger";
import { MergedCells } from "./merged-cells";
import { isEmptySheet, isRulesSheetName, ownedRole, tableKindFromWords } from "./sheet-kind";
import { blockDuplicateUnits, readUnitTable, type TableRead } from "./unit-table";

interface Pending {
  readonly sheet: SheetGrid;
  readonly read: TableRead;
  readonly base: Omit<SheetReport, "role" | "confidence">;
  readonly ratio: number;
  readonly kind: "targets" | "actuals" | null;
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

function columnLetters(map: ColumnMap): Record<string, string> {
  const out: Record<string, string> = {};
  const sorted = [...map.byField.entries()].sort((a, b) => a[1].column.col - b[1].column.col);
  for (const [key, m] of sorted) out[key] = columnLetter(m.column.col);
  return out;
}

/** Column-level findings common to every role: duplicates, unknown headers, hidden columns that feed figures. */
function columnIssues(
  sheet: SheetGrid,
  map: ColumnMap,
  unrecognised: readonly string[],
  block: HeaderBlock
): Issue[] {
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
  const headerRowOf = new Map(block.columns.map((c) => [columnLetter(c.col), c]));
  for (const letter of unrecognised) {
    const c = headerRowOf.get(letter);
    if (!c) continue;
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
  return issues;
}

function baseReport(
  sheet: SheetGrid,
  block: HeaderBlock,
  map: ColumnMap,
  extra: Pick<SheetReport, "dataRows" | "totalRows" | "units" | "unrecognisedColumns">
): Omit<SheetReport, "role" | "confidence"> {
  const hiddenColumns = [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetter);
  const headerRows: number[] = [];
  for (let r = block.top; r <= block.bottom; r++) headerRows.push(r + 1);
  return {
    name: sheet.name,
    headerRows,
    columns: columnLetters(map),
    ...extra,
    hidden: sheet.hidden,
    ...(hiddenColumns.length ? { hiddenColumns } : {}),
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

/**
 * Recognises every sheet: role, header block, column → field map, and the typed tables the engine reads.
 * Never throws on workbook content; what cannot be read becomes an issue. Issues are in sheet/row order.
 */
export function recognizeWorkbook(
  grid: WorkbookGrid,
  overrides: RecognitionOverrides = {}
): Recognition {
  const reports: (SheetReport | Pending)[] = [];
  const issues: Issue[] = [];
  const ledgers: LedgerSheet[] = [];
  let rulesSheet: string | null = null;

  for (const sheet of grid.sheets) {
    const forced = overrides.roles?.[sheet.name];
    const owned = ownedRole(sheet);
    if (forced === undefined && (sheet.hidden || owned !== null)) {
      const role = owned ?? "other";
      if (role === "rules" && !sheet.hidden) rulesSheet ??= sheet.name;
      reports.push(plainReport(sheet, role, owned !== null ? 1 : 0.9));
      continue;
    }
    if (forced === "rules" || (forced === undefined && isRulesSheetName(sheet.name))) {
      rulesSheet ??= sheet.name;
      reports.push(plainReport(sheet, "rules", forced ? 1 : 0.9));
      continue;
    }
    if (forced === "output" || forced === "other") {
      reports.push(plainReport(sheet, forced, 1));
      continue;
    }
    if (isEmptySheet(sheet)) {
      issues.push(emptyIssue(sheet, "empty"));
      reports.push(plainReport(sheet, "other", 1));
      continue;
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
      reports.push(plainReport(sheet, forced ?? "other", forced ? 1 : 0.5));
      continue;
    }
    const columnOverrides = overrides.columns?.[sheet.name];
    const tableMap = applyColumnOverrides(
      mapColumns(block, "table", sheet.hiddenColumns),
      block,
      columnOverrides
    );
    const ledgerMap = applyColumnOverrides(
      mapColumns(block, "ledger", sheet.hiddenColumns),
      block,
      columnOverrides
    );
    const looksLedger =
      ledgerMap.byField.has("project_name") &&
      ledgerMap.fieldHits >= 2 &&
      ledgerMap.fieldHits >= tableMap.fieldHits;
    const total = Math.max(1, block.columns.length);

    if (forced === "ledger" || (forced === undefined && looksLedger)) {
      const read = readLedger(sheet, merged, block, ledgerMap);
      const unrecognised = ledgerMap.unmatched.map((c) => columnLetter(c.col));
      issues.push(...columnIssues(sheet, ledgerMap, unrecognised, block), ...read.issues);
      if (read.dataRows === null) issues.push(emptyIssue(sheet, "no_rows"));
      ledgers.push(read.ledger);
      const report = baseReport(sheet, block, ledgerMap, {
        dataRows: read.dataRows,
        totalRows: read.totalRows,
        units: read.units,
        unrecognisedColumns: unrecognised,
      });
      reports.push({
        ...report,
        role: "ledger",
        confidence: forced ? 1 : round2(0.5 + 0.5 * (ledgerMap.byField.size / total)),
      });
      continue;
    }
    const isTable = tableMap.byField.has("unit");
    if (forced === "targets" || forced === "actuals" || (forced === undefined && isTable)) {
      const read = readUnitTable(sheet, merged, block, tableMap);
      if (read.table.indicators.length === 0 && forced === undefined) {
        reports.push(plainReport(sheet, "other", 0.5));
        continue;
      }
      issues.push(...columnIssues(sheet, tableMap, read.unrecognised, block), ...read.issues);
      if (read.dataRows === null) issues.push(emptyIssue(sheet, "no_rows"));
      const base = baseReport(sheet, block, tableMap, {
        dataRows: read.dataRows,
        totalRows: read.totalRows,
        units: read.units,
        unrecognisedColumns: read.unrecognised,
      });
      const recognised = total - read.unrecognised.length;
      reports.push({
        sheet,
        read,
        base,
        ratio: recognised / total,
        kind: forced ?? tableKindFromWords(sheet.name, block.above),
      });
      continue;
    }
    reports.push(plainReport(sheet, "other", 0.5));
  }

  const { finalReports, targets, actuals } = assignTables(reports);
  const sheetOrder = grid.sheets.map((s) => s.name);
  return {
    reports: finalReports,
    targets: targets && blockDuplicateUnits(targets),
    actuals: actuals && blockDuplicateUnits(actuals),
    ledgers,
    rulesSheet,
    issues: sortIssues([...readNoteIssues(grid), ...issues], sheetOrder),
  };
}

/**
 * Targets and actuals have the same shape: words in the name or title decide; a lone undecided table is
 * the targets, and an undecided second one the actuals.
 */
function assignTables(entries: readonly (SheetReport | Pending)[]): {
  finalReports: SheetReport[];
  targets: UnitTable | null;
  actuals: UnitTable | null;
} {
  let targets: UnitTable | null = null;
  let actuals: UnitTable | null = null;
  const pending = entries.filter((e): e is Pending => "read" in e);
  const roleOf = new Map<Pending, { role: "targets" | "actuals"; confidence: number }>();
  for (const p of pending) {
    if (p.kind === "targets" && !targets) targets = { ...p.read.table, role: "targets" };
    if (p.kind === "actuals" && !actuals) actuals = { ...p.read.table, role: "actuals" };
    if (p.kind) roleOf.set(p, { role: p.kind, confidence: round2(0.6 + 0.4 * p.ratio) });
  }
  for (const p of pending) {
    if (p.kind) continue;
    const role = !targets ? "targets" : "actuals";
    if (role === "targets") targets = { ...p.read.table, role };
    else if (!actuals) actuals = { ...p.read.table, role };
    roleOf.set(p, { role, confidence: round2(0.4 + 0.4 * p.ratio) });
  }
  const finalReports = entries.map((e) => {
    if (!("read" in e)) return e;
    const r = roleOf.get(e) ?? { role: "targets" as const, confidence: 0.4 };
    return { ...e.base, role: r.role, confidence: r.confidence };
  });
  return { finalReports, targets, actuals };
}
