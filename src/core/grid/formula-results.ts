/**
 * Fills in the results of formulas a file stored without them (see formula.ts), so a 累计完成 typed as =B5+C5 by a
 * script-written report is a figure, not a blank. Formulas may read one another, across sheets; a cycle or a
 * formula the evaluator does not know leaves its cell empty, and a cycle reads as an error.
 */
import { dateToSerial, isDateFormat, serialToDate, type DateSystem } from "./excel-date";
import { evaluateFormula, type FormulaContext } from "./formula";
import type { CellValue, SheetGrid, WorkbookGrid } from "./types";

const CIRCULAR: CellValue = { kind: "error", code: "#CIRCULAR!" };

/** A formula cell whose file held no cached result: 0-based row and column. */
export interface UncachedFormula {
  readonly row: number;
  readonly col: number;
  /** The formula as stored, without the leading "=". */
  readonly text: string;
  /** The cell's number format, when not General: a date format makes a number it comes to a date. */
  readonly format?: string;
  /**
   * The file holds a result, but its workbook asks to be recalculated on load (calcPr fullCalcOnLoad), as files
   * written by XlsxWriter do, storing 0 for every formula: the result is computed again, and where the evaluator
   * cannot, a stored 0 is no figure.
   */
  readonly stale?: boolean;
}

/** A number shown in a date format is a date (=DATE(2024,3,5), =C5+30), as the readers read a stored one. */
function dated(v: CellValue, format: string | undefined, system: DateSystem): CellValue {
  if (typeof v !== "number" || format === undefined || !isDateFormat(format)) return v;
  const d = serialToDate(v, system);
  return Number.isNaN(d.getTime()) ? v : d;
}

/** The workbook with each uncached formula's result in its cell; unchanged when there are none. */
export function withFormulaResults(
  grid: WorkbookGrid,
  formulas: ReadonlyMap<string, readonly UncachedFormula[]>
): WorkbookGrid {
  if (![...formulas.values()].some((f) => f.length > 0)) return grid;
  const system: DateSystem = grid.sheets.some((s) => s.dateSystem === 1904) ? 1904 : 1900;
  const bySheet = new Map(grid.sheets.map((s) => [s.name, s]));
  const pending = new Map<string, Map<string, UncachedFormula>>();
  for (const [sheet, list] of formulas)
    pending.set(sheet, new Map(list.map((f) => [`${f.row},${f.col}`, f])));
  const done = new Map<string, CellValue>();
  const busy = new Set<string>();

  const valueAt = (sheet: string, row: number, col: number): CellValue => {
    const key = `${sheet}!${row},${col}`;
    const formula = pending.get(sheet)?.get(`${row},${col}`);
    const stored = bySheet.get(sheet)?.rows[row]?.[col] ?? null;
    if (formula === undefined) return stored;
    if (done.has(key)) return done.get(key) ?? null;
    // A formula that reads itself, however indirectly, has no value: Excel shows a circular reference.
    if (busy.has(key)) return CIRCULAR;
    busy.add(key);
    const computed = evaluateFormula(formula.text, contextOf(sheet));
    const v =
      computed === undefined || computed === null
        ? formula.stale && stored !== 0
          ? stored
          : null
        : dated(computed, formula.format, system);
    busy.delete(key);
    done.set(key, v);
    return v;
  };
  // A formula reads a date as the serial the file holds, which counts from the workbook's day 0: in the 1904
  // system the numbers it comes to must be 1904 serials too, as the numbers typed beside it are.
  const contextOf = (own: string): FormulaContext => ({
    value:
      system === 1900
        ? (sheet, row, col) => valueAt(sheet ?? own, row, col)
        : (sheet, row, col) => {
            const v = valueAt(sheet ?? own, row, col);
            return v instanceof Date ? dateToSerial(v, system) : v;
          },
    rowCount: (sheet) => bySheet.get(sheet ?? own)?.rows.length ?? 0,
    dateSystem: system,
  });

  const sheets = grid.sheets.map((s): SheetGrid => {
    const list = formulas.get(s.name);
    if (!list?.length) return s;
    const rows = s.rows.map((r) => [...r]);
    for (const f of list) {
      const v = valueAt(s.name, f.row, f.col);
      // "" is how a spreadsheet shows an empty result (IF(…,"",…)): the cell stays empty, as the grid has blanks.
      if ((v === null || v === "") && !f.stale) continue;
      const row = (rows[f.row] ??= []);
      if (v === null || v === "") {
        if (f.col < row.length) row[f.col] = null;
        continue;
      }
      while (row.length < f.col) row.push(null);
      row[f.col] = v;
    }
    return { ...s, rows };
  });
  return { ...grid, sheets };
}
