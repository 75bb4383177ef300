/** A ledger sheet read in full: its unit column (found by agreement when no header names it), rows and report. */
import { sheetAsOf } from "./as-of";
import { columnLetter, type SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { withLedger, type LedgerSheet, type SheetReport } from "../model";
import type { ColumnMap } from "./column-map";
import type { HeaderBlock } from "./header-block";
import { normalizeText, toHalfWidth } from "../text";
import { issueAt } from "./issue";
import { statedOtherRates } from "./stated-rate";
import { readLedger } from "./ledger";
import { withFundsPeriods } from "./ledger-funds-periods";
import { withAgreedInvestment } from "./ledger-agreed";
import { withThisYearFunds } from "./ledger-funds-year";
import { withStageTicks } from "./ledger-stage-ticks";
import { withMonthlyProgress } from "./ledger-progress-months";
import { ledgerUnitColumn, unitColumnByValues } from "./ledger-units";
import {
  emptyIssue,
  headerRowsOf,
  hiddenColumnsOf,
  round2,
  type LedgerCandidate,
} from "./sheet-analysis";

/** Column-level findings of a ledger: duplicates, unknown headers, hidden columns that feed figures. */
function ledgerColumnIssues(sheet: SheetGrid, map: ColumnMap): Issue[] {
  const issues: Issue[] = [];
  for (const d of map.duplicates) {
    // Columns headed by the stages (在谈 / 已签约 / 已开工) are read together, each its own stage.
    if (d.field.key === "stage_mark") continue;
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
  return issues;
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

/** The ledger's columns settled: its unit column, stage ticks, which 到位资金 and which 投资额 are read. */
function settledMap(
  l: LedgerCandidate,
  unitCol: number | null,
  asOfMonth: number | null,
  issues: Issue[]
): ColumnMap {
  const base = unitCol === null ? l.map : withUnitColumn(l.map, l.block, unitCol);
  const ticks = withStageTicks(withThisYearFunds(base), l.sheet, l.block);
  const staged = withMonthlyProgress(ticks, l.sheet, l.block.bottom + 1, asOfMonth, issues);
  const agreed = withAgreedInvestment(staged, l.sheet.name, issues);
  return withFundsPeriods(agreed, l.sheet.name, asOfMonth, issues);
}

export function readLedgerSheet(
  l: LedgerCandidate,
  knownUnits: ReadonlySet<string>,
  year: number | null,
  /** The units of the workbook's unit tables alone (knownUnits holds the ledgers' labels too). */
  tableUnits: ReadonlySet<string> = new Set(),
  /** The as-of date, YYYY-MM-DD, for 到位资金 typed per month (added up to its month). */
  asOf: string | null = null
): { ledger: LedgerSheet; report: SheetReport; issues: Issue[] } {
  const unitCol = l.map.byField.has("unit")
    ? unitColumnByValues(l.sheet, l.merged, l.block, l.map, tableUnits)
    : ledgerUnitColumn(l.sheet, l.merged, l.block, l.map, knownUnits);
  const stated = statedYearOf([l.sheet.name, ...l.block.above]);
  const statedYear = stated === "several" ? null : stated;
  const asOfMonth = monthsSoFar(asOf, statedYear);
  const fundsIssues: Issue[] = [];
  const map = settledMap(l, unitCol, asOfMonth, fundsIssues);
  const sheetUnit = map.byField.has("unit")
    ? null
    : unitOfSheet([l.sheet.name, ...l.block.above], knownUnits);
  const lr = readLedger(l.sheet, l.merged, l.block, map, {
    // A ledger of several years gives a 6月8日 no year: its 年度 column may, else it is no date.
    year: stated === "several" ? null : (statedYear ?? year),
    ...(sheetUnit === null ? {} : { unit: sheetUnit }),
    rates: statedOtherRates(l.sheet),
    asOfMonth,
  });
  const issues = [...ledgerColumnIssues(l.sheet, map), ...fundsIssues, ...lr.issues];
  if (sheetUnit !== null && lr.unitHeadingColumn === null)
    issues.push(
      issueAt("unit_column_inferred", "info", l.sheet.name, l.block.bottom, 0, {
        zh: `台账“${l.sheet.name}”没有责任单位列，按表名或标题，其项目都计入“${sheetUnit}”`,
        en: `ledger "${l.sheet.name}" has no unit column: by its name or title, its projects all count for "${sheetUnit}"`,
      })
    );
  if (lr.dataRows === null) issues.push(emptyIssue(l.sheet, "no_rows"));
  const total = Math.max(1, l.block.columns.length);
  const columns: Record<string, string> = {};
  for (const [key, m] of [...map.byField.entries()].sort(
    (a, b) => a[1].column.col - b[1].column.col
  ))
    columns[key] = columnLetter(m.column.col);
  if (lr.unitHeadingColumn !== null) columns["unit"] ??= columnLetter(lr.unitHeadingColumn);
  const statedAsOf = sheetAsOf(l.sheet, statedYear ?? year);
  return {
    ledger: withLedger(lr.ledger, {
      ...(statedYear === null ? {} : { statedYear }),
      ...(statedAsOf === null ? {} : { statedAsOf }),
    }),
    issues,
    report: {
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
      ...(sheetUnit !== null && lr.unitHeadingColumn === null ? { sheetUnit } : {}),
    },
  };
}

/**
 * The unit a ledger without a unit column belongs to, when it is kept one sheet per unit: a tab named for a
 * unit of the workbook's tables (梅河口市), or a tab or title beginning with one (梅河口市2024年招商引资项目台账);
 * the longest such unit. Null when none does.
 */
function unitOfSheet(texts: readonly string[], knownUnits: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const text of texts) {
    const norm = normalizeText(text);
    if (knownUnits.has(norm)) return norm;
    for (const u of knownUnits)
      if (u.length >= 2 && norm.startsWith(u) && (best === null || u.length > best.length))
        best = u;
  }
  return best;
}

/** A span of years before 年 ("2022—2024年", "2022-2024年度", "2022年至2024年"): a ledger kept over years. */
const YEAR_SPAN = /((?:19|20)\d{2})\s*年?\s*(?:[-—–~～至到]|－)+\s*((?:19|20)\d{2})\s*年/g;

/**
 * The single year titles name ("2024年…台账"); null when they name none. `several` when they name more than one
 * (2023—2024年): a 6月8日 in it could be any of them.
 */
function statedYearOf(texts: readonly string[]): number | "several" | null {
  const years = new Set<number>();
  for (const t of texts) {
    const text = toHalfWidth(t);
    for (const m of text.matchAll(YEAR_SPAN)) years.add(Number(m[1])).add(Number(m[2]));
    for (const m of text.matchAll(/((?:19|20)\d{2})\s*年/g)) years.add(Number(m[1]));
  }
  return years.size === 0 ? null : years.size === 1 ? ([...years][0] as number) : "several";
}

/**
 * The as-of month up to which a ledger's periods are added: in a ledger of the as-of year (or naming none), its
 * month; a ledger of an earlier year is complete (every period counts); null when no as-of is known.
 */
function monthsSoFar(asOf: string | null, ledgerYear: number | null): number | null {
  if (asOf === null) return null;
  const year = Number(asOf.slice(0, 4));
  if (ledgerYear !== null && ledgerYear < year) return null;
  return Number(asOf.slice(5, 7));
}
