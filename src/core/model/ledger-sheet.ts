/**
 * Ledger sheets over columns: the `LedgerSheet` of the model, whose `rows` are built from its columns only when
 * something asks for them, and the columns of any ledger sheet (those it was read into, or its rows').
 */
import { columnsOfRows } from "./ledger-builder";
import { ledgerRowAt, type LedgerColumns } from "./ledger-columns";
import type { LedgerRow, LedgerSheet } from "./tables";

const columnsOfSheet = new WeakMap<LedgerSheet, LedgerColumns>();

/** The ledger's columns: those it was read into, or (a ledger made of row objects) its rows' columns. */
export function ledgerColumns(sheet: LedgerSheet): LedgerColumns {
  let c = columnsOfSheet.get(sheet);
  if (!c) columnsOfSheet.set(sheet, (c = columnsOfRows(sheet.rows)));
  return c;
}

/** Every row as an object (built once per columns and kept: only a few consumers want them). */
const rowsOfColumns = new WeakMap<LedgerColumns, readonly LedgerRow[]>();
export function ledgerRows(c: LedgerColumns): readonly LedgerRow[] {
  let rows = rowsOfColumns.get(c);
  if (!rows) {
    const built: LedgerRow[] = [];
    for (let i = 0; i < c.length; i++) built.push(ledgerRowAt(c, i));
    rowsOfColumns.set(c, (rows = built));
  }
  return rows;
}

/**
 * A `LedgerSheet` over columns: `rows` is an own, enumerable getter that builds the row objects on first
 * access, so JSON, structured clone, spread and deep equality see the same plain rows as ever while the engine
 * reads the columns. Keys keep the order of `LedgerSheet` as it has always been written.
 */
export function ledgerSheetOf(
  fields: Omit<LedgerSheet, "rows">,
  columns: LedgerColumns
): LedgerSheet {
  const sheet: Record<string, unknown> = {
    sheet: fields.sheet,
    headerRows: fields.headerRows,
    columns: fields.columns,
    investmentUnit: fields.investmentUnit,
  };
  Object.defineProperty(sheet, "rows", {
    enumerable: true,
    configurable: true,
    get: () => ledgerRows(columns),
  });
  if (fields.statedYear !== undefined) sheet["statedYear"] = fields.statedYear;
  if (fields.statedAsOf !== undefined) sheet["statedAsOf"] = fields.statedAsOf;
  const ledger = sheet as unknown as LedgerSheet;
  columnsOfSheet.set(ledger, columns);
  return ledger;
}

/** The same ledger with other fields or other columns (never a spread, which would build every row). */
export function withLedger(
  ledger: LedgerSheet,
  fields: Partial<Omit<LedgerSheet, "rows">>,
  columns: LedgerColumns = ledgerColumns(ledger)
): LedgerSheet {
  const own: Omit<LedgerSheet, "rows"> = {
    sheet: ledger.sheet,
    headerRows: ledger.headerRows,
    columns: ledger.columns,
    investmentUnit: ledger.investmentUnit,
    ...(ledger.statedYear === undefined ? {} : { statedYear: ledger.statedYear }),
    ...(ledger.statedAsOf === undefined ? {} : { statedAsOf: ledger.statedAsOf }),
  };
  return ledgerSheetOf({ ...own, ...fields }, columns);
}
