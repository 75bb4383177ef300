import type { SheetGrid, WorkbookGrid } from "../grid";
import { readNoteIssues, type Issue } from "../issues";
import type { LedgerSheet, Recognition, RecognitionOverrides, SheetReport } from "../model";
import { productSheetKinds } from "../ownership";
import { chooseTables } from "./choose-tables";
import type { TableCandidate } from "./combine-tables";
import { sortIssues } from "./issue";
import { readLedgerSheet } from "./ledger-sheet";
import { sectionSheets } from "./ledger-sections";
import { codeOnlyIssue, namedByRegionCodes } from "./region-codes";
import { longFormatSheet, type LongFormatSheet } from "./long-format";
import { recognitionOrigin } from "./long-format-origin";
import {
  analyseSheet,
  emptyIssue,
  type Entry,
  hiddenColumnsOf,
  ledgerLabels,
  plainReport,
  round2,
  settleLedgers,
} from "./sheet-analysis";
import { tableKindFromWords } from "./sheet-kind";
import { joinedSheet } from "./side-by-side";
import { twoUpSheet } from "./two-up";
import { namedIndicatorSheet } from "./single-indicator";
import { uprightSheet } from "./sideways";
import { stackedTargetActualSheet } from "./stacked-target-actual";
import { cumulativeTableOf, widestHeaderOf } from "./stacked-tables";
import { noteWeights, statedWeights as readStatedWeights } from "./stated-weights";
import { assignRoles, chooseUnitColumns } from "./table-roles";
import { readTable, type TableAnalysis, type TableOutcome } from "./table-sheet";
import { blockDuplicateUnits } from "./unit-table";
import { remarkTargetSheet } from "./remark-targets";
import { joinUnitSheets } from "./unit-sheets-join";
import { unitSheetsOf } from "./unit-sheets";

export interface RecognitionContext {
  /** ISO as-of date, for summing 一季度…四季度 so far and reading 报送月份 without a year. */
  readonly asOf?: string;
}

interface TableParts {
  readonly targets: TableCandidate[];
  readonly actuals: TableCandidate[];
  readonly lastYear: Recognition["targets"][];
}

/** What a read table offers as targets or actuals, by its role. */
function offer(
  t: TableAnalysis,
  r: TableOutcome,
  role: SheetReport["role"],
  confidence: number,
  into: TableParts
): void {
  const words = tableKindFromWords(t.sheet.name, t.block.above);
  const explicit = r.read.kind !== "plain" || words !== null;
  if (role === "targets" || role === "combined")
    into.targets.push({
      table: { ...r.read.primary, role: "targets" },
      confidence,
      explicit: role === "targets",
    });
  if (role === "actuals")
    into.actuals.push({ table: { ...r.read.primary, role: "actuals" }, confidence, explicit });
  if (role === "combined" && r.read.secondary)
    into.actuals.push({
      table: { ...r.read.secondary, role: "actuals" },
      confidence,
      explicit: false,
    });
  if (role === "other" && words === "last_year")
    into.lastYear.push({ ...r.read.primary, role: "actuals" });
}

/** Pass two: the unit column of each table, helped by the labels the other sheets hold. */
function chooseUnits(entries: readonly Entry[]): UnitChoices {
  const tables = entries.flatMap((e) => (e.kind === "table" ? [e.table] : []));
  const ledgerUnits = entries.flatMap((e) => (e.kind === "ledger" ? [ledgerLabels(e.ledger)] : []));
  const choices = chooseUnitColumns(tables, ledgerUnits);
  const tableUnits = new Set<string>();
  for (const c of choices.values()) for (const l of c.candidate?.labels ?? []) tableUnits.add(l);
  const knownUnits = new Set(tableUnits);
  for (const l of ledgerUnits) for (const x of l) knownUnits.add(x);
  return { tables, choices, tableUnits, knownUnits };
}

interface UnitChoices {
  readonly tables: readonly TableAnalysis[];
  readonly choices: ReturnType<typeof chooseUnitColumns>;
  /** Unit labels of the tables' chosen unit columns. */
  readonly tableUnits: ReadonlySet<string>;
  /** Those and the ledgers' unit labels. */
  readonly knownUnits: ReadonlySet<string>;
}

/** Pass three: read the tables and the ledgers, in sheet order. */
function readEntries(
  entries: readonly Entry[],
  { tables, choices, tableUnits, knownUnits }: UnitChoices,
  context: RecognitionContext,
  issues: Issue[]
): { reports: SheetReport[]; parts: TableParts; ledgers: LedgerSheet[] } {
  const asOfMonth = context.asOf ? Number(context.asOf.slice(5, 7)) : null;
  const year = context.asOf ? Number(context.asOf.slice(0, 4)) : null;
  const read = new Map<TableAnalysis, TableOutcome>();
  for (const t of tables) {
    const choice = choices.get(t);
    if (choice) read.set(t, readTable(t, choice, { asOfMonth, asOfYear: year, knownUnits }));
  }
  const roles = assignRoles(tables, read, issues);
  const reports: SheetReport[] = [];
  const parts: TableParts = { targets: [], actuals: [], lastYear: [] };
  const ledgers: LedgerSheet[] = [];
  for (const entry of entries) {
    if (entry.kind === "report") {
      reports.push(entry.report);
      continue;
    }
    if (entry.kind === "ledger") {
      const lr = readLedgerSheet(entry.ledger, knownUnits, year, tableUnits, context.asOf ?? null);
      issues.push(...lr.issues);
      ledgers.push(lr.ledger);
      reports.push(lr.report);
      continue;
    }
    const t = entry.table;
    const r = read.get(t);
    const choice = choices.get(t);
    if (!r || !choice) {
      reports.push(plainReport(t.sheet, t.forcedRole ?? "other", 0.5));
      continue;
    }
    const role = roles.get(t) ?? "other";
    issues.push(...r.issues);
    if (r.read.dataRows === null) issues.push(emptyIssue(t.sheet, "no_rows"));
    const confidence = round2(Math.min(choice.confidence, r.columnShare));
    offer(t, r, role, confidence, parts);
    reports.push({
      ...r.report,
      role,
      confidence: role === "other" ? 0.5 : confidence,
      ...hiddenColumnsOf(t.sheet),
    });
  }
  return { reports, parts, ledgers };
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
  const widened = new Map<string, LongFormatSheet>();
  const unitSheets = unitSheetsOf(grid, overrides, productKinds, widened, issues);
  const coded = namedByRegionCodes(
    grid.sheets.map((sheet) =>
      unitSheets.has(sheet.name)
        ? (widened.get(sheet.name)?.wide ?? sheet)
        : readableSheet(sheet, overrides, productKinds, widened, issues)
    ),
    issues
  );
  const sheets = coded.sheets;
  const entries = settleLedgers(
    sheets.flatMap((sheet) => sheetEntries(sheet, overrides, productKinds, issues))
  );
  const rulesSheet =
    entries.flatMap((e) =>
      e.kind === "report" && e.report.role === "rules" && !e.report.hidden ? [e.report.name] : []
    )[0] ?? null;

  const units = chooseUnits(entries);
  const { reports, parts, ledgers } = readEntries(entries, units, context, issues);
  const joined = joinUnitSheets(parts, unitSheets, issues);

  // Pass four: targets and actuals chosen, paired and keyed alike.
  const chosen = chooseTables({
    targets: joined.targets,
    actuals: joined.actuals,
    lastYear: parts.lastYear.flatMap((t) => (t ? [t] : [])),
    ledgers,
    grid: sheets.some((s, i) => s !== grid.sheets[i]) ? { ...grid, sheets } : grid,
    asOf: context.asOf ?? null,
  });
  issues.push(...chosen.issues);
  const targets = chosen.targets;
  for (const c of coded.unmapped)
    if (targets && c.sheet !== targets.sheet && c.sheet !== chosen.actuals?.sheet)
      issues.push(
        codeOnlyIssue(
          c,
          targets.sheet,
          targets.units.map((u) => u.name)
        )
      );

  // A 考核办法 sheet (names beside 权重/分值) among the sheets nothing else claimed; a 注 line on any sheet.
  const statedWeights = reports.flatMap((r) => {
    const sheet = grid.sheets.find((s) => s.name === r.name);
    if (!sheet || r.hidden) return [];
    return [...(r.role === "other" ? readStatedWeights(sheet) : []), ...noteWeights(sheet)];
  });
  return recognitionOrigin(
    {
      reports,
      targets: chosen.targets && blockDuplicateUnits(chosen.targets),
      actuals: chosen.actuals && blockDuplicateUnits(chosen.actuals),
      lastYear: chosen.lastYear,
      ledgers: chosen.ledgers,
      rulesSheet,
      pairings: chosen.pairings,
      ...(statedWeights.length ? { statedWeights } : {}),
      issues: sortIssues(
        [...readNoteIssues(grid), ...issues],
        grid.sheets.map((s) => s.name)
      ),
    },
    widened
  );
}

/** A sheet's entry, or one per list when a 台账 sheet holds several, each under its own header. */
function sheetEntries(
  sheet: SheetGrid,
  overrides: RecognitionOverrides,
  productKinds: Parameters<typeof analyseSheet>[2],
  issues: Issue[]
): Entry[] {
  const own: Issue[] = [];
  const entry = analyseSheet(sheet, overrides, productKinds, own);
  const sections =
    entry.kind === "ledger" && !overrides.columns?.[sheet.name] ? sectionSheets(sheet) : null;
  const partIssues: Issue[] = [];
  const parts = sections?.map((s) => analyseSheet(s, overrides, productKinds, partIssues));
  const split = parts !== undefined && parts.every((p) => p.kind === "ledger");
  issues.push(...(split ? partIssues : own));
  return split ? parts : [entry];
}

/**
 * The sheet as recognition reads it: a 当月 table stacked above the 累计 one read on the 累计 one, and one row
 * per unit and indicator (a system export) widened to one row per unit, unless the user has mapped its
 * columns by hand or it is the product's own.
 */
function readableSheet(
  source: SheetGrid,
  overrides: RecognitionOverrides,
  productKinds: ReadonlyMap<string, unknown>,
  widened: Map<string, LongFormatSheet>,
  issues: Issue[]
): SheetGrid {
  if (source.hidden || productKinds.has(source.name)) return source;
  const role = overrides.roles?.[source.name];
  if (role !== undefined && role !== "targets" && role !== "actuals" && role !== "combined")
    return source;
  const stacked = cumulativeTableOf(source);
  if (stacked) issues.push(stacked.issue);
  const one = stacked?.sheet ?? widestHeaderOf(source) ?? source;
  const named = namedIndicatorSheet(one);
  const remarked = named ? null : remarkTargetSheet(one);
  if (remarked) issues.push(remarked.issue);
  const sheet = named ?? remarked?.sheet ?? one;
  if (overrides.columns?.[sheet.name]) return sheet;
  const long =
    longFormatSheet(sheet) ??
    uprightSheet(sheet) ??
    joinedSheet(sheet) ??
    twoUpSheet(sheet) ??
    stackedTargetActualSheet(sheet);
  if (!long) return sheet;
  if (long.issues) issues.push(...long.issues);
  widened.set(sheet.name, long);
  return long.wide;
}
