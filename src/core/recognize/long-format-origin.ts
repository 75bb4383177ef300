/**
 * Takes every address found on a widened long-format sheet (long-format.ts) back to the user's own cells:
 * issues and their messages, sheet reports, tables and pairings. Users only ever see their sheet's cells.
 */
import { columnIndex, columnLetter, parseA1, toA1 } from "../grid";
import type { Issue } from "../issues";
import type {
  IndicatorPairing,
  Recognition,
  SheetReport,
  SourcedValue,
  UnitRow,
  UnitTable,
} from "../model";
import type { LongFormatSheet } from "./long-format";

type Widened = ReadonlyMap<string, LongFormatSheet>;

const A1 = /\b([A-Z]{1,3})([1-9]\d{0,6})\b/g;

function cellOrigin(l: LongFormatSheet, a1: string): string {
  const { row, col } = parseA1(a1);
  const o = l.origin(row, col);
  return toA1(o.row, o.col);
}

function letterOrigin(l: LongFormatSheet, letter: string): string {
  if (l.columnCell) return l.columnCell(columnIndex(letter));
  return columnLetter(l.originCol(columnIndex(letter)));
}

/** "推进情况!F3" anywhere in a text, and bare addresses in the texts of the sheet's own issues; one pass. */
function textOrigin(text: string, widened: Widened, own: LongFormatSheet | undefined): string {
  return text.replace(A1, (a: string, _col: string, _row: string, at: number) => {
    if (text[at - 1] !== "!") return own ? cellOrigin(own, a) : a;
    const before = text.slice(0, at - 1);
    for (const [name, l] of widened) if (before.endsWith(name)) return cellOrigin(l, a);
    return a;
  });
}

function issueOrigin(issue: Issue, widened: Widened): Issue {
  const own = widened.get(issue.sheet);
  const message = {
    message_zh: textOrigin(issue.message_zh, widened, own),
    message_en: textOrigin(issue.message_en, widened, own),
  };
  if (!own) return { ...issue, ...message };
  const cell = cellOrigin(own, issue.cell);
  return {
    ...issue,
    ...message,
    cell,
    row: parseA1(cell).row + 1,
    ...(issue.cells ? { cells: issue.cells.map((c) => cellOrigin(own, c)) } : {}),
  };
}

function reportOrigin(report: SheetReport, l: LongFormatSheet): SheetReport {
  const row = (r: number): number => l.originRow(r - 1) + 1;
  const letters = (xs: readonly string[]): string[] => [
    ...new Set(xs.map((x) => letterOrigin(l, x))),
  ];
  const fixed = l.rowsOfReport;
  return {
    ...report,
    headerRows: fixed ? [...fixed.headerRows] : [...new Set(report.headerRows.map(row))],
    columns: Object.fromEntries(
      Object.entries(report.columns).map(([k, v]) => [k, letterOrigin(l, v)])
    ),
    dataRows: report.dataRows && {
      first: fixed ? fixed.dataRows.first : row(report.dataRows.first),
      last: fixed ? fixed.dataRows.last : row(report.dataRows.last),
    },
    totalRows: fixed ? [] : report.totalRows.map(row),
    unrecognisedColumns: letters(report.unrecognisedColumns),
    ...(report.hiddenColumns ? { hiddenColumns: letters(report.hiddenColumns) } : {}),
  };
}

function valueOrigin(v: SourcedValue, widened: Widened): SourcedValue {
  const l = widened.get(v.sheet);
  return l ? { ...v, cell: cellOrigin(l, v.cell) } : v;
}

function rowOrigin(u: UnitRow, l: LongFormatSheet, widened: Widened, unitColumn: number): UnitRow {
  const values: Record<string, SourcedValue> = {};
  for (const [k, v] of Object.entries(u.values)) values[k] = valueOrigin(v, widened);
  return {
    ...u,
    row: l.originRow(u.row),
    ...(l.nameCell !== undefined
      ? { nameCell: l.nameCell }
      : l.nameCellOf
        ? { nameCell: l.nameCellOf(u.row, unitColumn) }
        : l.columnCell
          ? { nameCell: cellOrigin(l, toA1(u.row, unitColumn)) }
          : {}),
    values,
    ...(u.adjustment
      ? {
          adjustment: {
            ...u.adjustment,
            cells: u.adjustment.cells.map((c) => textOrigin(c, widened, undefined)),
          },
        }
      : {}),
  };
}

function tableOrigin(t: UnitTable | null | undefined, widened: Widened): UnitTable | null {
  if (!t) return null;
  const l = widened.get(t.sheet);
  const parts = t.parts?.map((p) => tableOrigin(p, widened) as UnitTable);
  if (!l) return parts ? { ...t, parts } : t;
  return {
    ...t,
    headerRows: [...new Set(t.headerRows.map(l.originRow))],
    unitColumn: l.originCol(t.unitColumn),
    groupColumn: t.groupColumn === null ? null : l.originCol(t.groupColumn),
    indicators: t.indicators.map((i) => ({ ...i, col: l.originCol(i.col) })),
    // A unit of a workbook kept one sheet per unit is on its own sheet.
    units: t.units.map((u) =>
      rowOrigin(u, (u.sheet !== undefined && widened.get(u.sheet)) || l, widened, t.unitColumn)
    ),
    totals: t.totals.map((u) => rowOrigin(u, l, widened, t.unitColumn)),
    ...(parts ? { parts } : {}),
  };
}

function pairingOrigin(p: IndicatorPairing, widened: Widened): IndicatorPairing {
  const at = (where: string): string => {
    const bang = where.lastIndexOf("!");
    const l = widened.get(where.slice(0, bang));
    return l ? `${where.slice(0, bang)}!${letterOrigin(l, where.slice(bang + 1))}` : where;
  };
  return { ...p, target: at(p.target), actual: p.actual === null ? null : at(p.actual) };
}

export function recognitionOrigin(r: Recognition, widened: Widened): Recognition {
  if (widened.size === 0) return r;
  return {
    ...r,
    reports: r.reports.map((rep) => {
      const l = widened.get(rep.name);
      return l ? reportOrigin(rep, l) : rep;
    }),
    targets: tableOrigin(r.targets, widened),
    actuals: tableOrigin(r.actuals, widened),
    ...(r.lastYear !== undefined ? { lastYear: tableOrigin(r.lastYear, widened) } : {}),
    ...(r.pairings ? { pairings: r.pairings.map((p) => pairingOrigin(p, widened)) } : {}),
    issues: r.issues.map((i) => issueOrigin(i, widened)),
  };
}
