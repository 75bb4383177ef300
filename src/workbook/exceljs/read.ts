/** ExcelJS workbook → the plain grid src/core reads. No node:fs here: the web page uses this file too. */
import ExcelJS from "exceljs";
import {
  withFormulaResults,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type UncachedFormula,
  type WorkbookGrid,
} from "../../core/grid";
import { shiftFormula } from "../../core/grid/formula-shared";
import { decodeXstring } from "../xlsx-package/xstring";
import { boundSheet } from "./read-bounds";
import { unreadableError } from "./read-errors";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./read-limits";
import { cellsOnlyPackage } from "./read-package";
import { watchWorksheets, type ReadProgressListener } from "./read-progress";

export { WorkbookReadError, WorkbookLimitError } from "./read-errors";

type RawValue = ExcelJS.CellValue | undefined;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** Rich text → its plain text, formulas → their cached result, errors → CellError, hyperlinks → their text. */
export function plainValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (!isObject(value)) return null;
  if ("error" in value && typeof value.error === "string")
    return { kind: "error", code: value.error };
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("formula" in value || "sharedFormula" in value) {
    if (!("result" in value)) return null;
    // ExcelJS leaves a string result's _xHHHH_ escapes as the file has them (its text cells it decodes itself).
    const result = value.result;
    return typeof result === "string" ? decodeXstring(result) : plainValue(result as RawValue);
  }
  if ("text" in value) {
    const text = value.text;
    return typeof text === "string"
      ? text
      : isObject(text)
        ? plainValue(text as unknown as RawValue)
        : null;
  }
  return null;
}

interface MergeIndex {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  // ExcelJS keeps merges by master address; its public `model` would serialise every row to reach them.
  const merges = (ws as unknown as { _merges?: Record<string, MergeIndex> })._merges ?? {};
  return Object.values(merges).map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
}

/**
 * ExcelJS's formula value keeps only a truthy cached result; the cell's own result keeps a cached 0 or FALSE,
 * which is a figure (a unit's =B5-C5 that comes to 0 is 0, not a blank to report as missing).
 */
function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = plainValue(cell.value);
  if (v !== null || cell.type !== ExcelJS.ValueType.Formula) return v;
  const value = cell.value as { formula?: string; sharedFormula?: string };
  if (!value.formula && !value.sharedFormula) return v;
  const result: unknown = cell.result;
  return result === 0 || result === false ? result : v;
}

/** A formula cell's text, or its shared master's moved to it (a clone stores none); null for other cells. */
function formulaText(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const value = cell.value as { formula?: string; sharedFormula?: string };
  if (value.formula) return value.formula;
  if (!value.sharedFormula) return null;
  const master = cell.worksheet.getCell(value.sharedFormula);
  const text = (master.value as { formula?: string } | null)?.formula;
  if (!text) return null;
  const { row, col } = cell.fullAddress;
  return shiftFormula(text, row - Number(master.row), col - Number(master.col));
}

/** The text of a formula the file stored without a result (files written by scripts), or null. */
function uncachedFormula(cell: ExcelJS.Cell): string | null {
  const value = cell.value as { result?: unknown } | null;
  const result = value?.result ?? cell.result;
  if (result !== undefined && result !== null && result !== "") return null;
  return formulaText(cell);
}

/**
 * The formula to compute once the workbook is read: one stored without a result, or — in a workbook that asks to
 * be recalculated on load (read-package.ts) — any, its stored result `stale`, as the streaming reader notes them
 * (read-sheet.ts noteUncached), so the web page and the CLI read such a file alike.
 */
function formulaToCompute(
  cell: ExcelJS.Cell,
  row: number,
  col: number,
  stale: boolean
): UncachedFormula | null {
  const text = stale ? formulaText(cell) : uncachedFormula(cell);
  if (!text) return null;
  const format = cell.numFmt;
  return {
    row,
    col,
    text,
    ...(format && format !== "General" ? { format } : {}),
    ...(stale ? { stale } : {}),
  };
}

/** How a sheet is read: the formulas to compute are gathered into `uncached`. */
interface SheetRead {
  readonly uncached: UncachedFormula[];
  readonly date1904: boolean;
  readonly recalcOnLoad: boolean;
}

function readSheet(ws: ExcelJS.Worksheet, how: SheetRead): SheetGrid {
  const rows: CellValue[][] = [];
  const numberFormats = new Map<string, string>();
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.add(rowNumber - 1);
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Non-master cells of a merge echo the master's value; the grid keeps it in the top-left cell only.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cellValue(cell);
      const stale = v !== null && how.recalcOnLoad;
      const formula =
        v === null || stale ? formulaToCompute(cell, rowNumber - 1, colNumber - 1, stale) : null;
      if (formula) how.uncached.push(formula);
      if (v === null) return;
      while (out.length < colNumber - 1) out.push(null);
      out[colNumber - 1] = v;
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General") numberFormats.set(cell.address, fmt);
    });
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = out;
  });
  const hiddenColumns = new Set<number>();
  const count = ws.columnCount;
  for (let c = 1; c <= count; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1);
  return {
    name: ws.name,
    // ExcelJS keeps the file's sheetId as the worksheet id.
    id: `xlsx:${ws.id}`,
    hidden: ws.state === "hidden" || ws.state === "veryHidden",
    rows,
    merges: mergesOf(ws),
    numberFormats,
    hiddenColumns,
    ...(hiddenRows.size ? { hiddenRows } : {}),
    ...(how.date1904 ? { dateSystem: 1904 as const } : {}),
  };
}

/**
 * The grid of a loaded workbook, each sheet bounded as the streaming reader bounds it (read-bounds.ts);
 * `recalcOnLoad`: the file asks for a full recalculation on load, which ExcelJS does not keep (read-package.ts).
 */
export function gridFromWorkbook(
  wb: ExcelJS.Workbook,
  source: string,
  recalcOnLoad = false
): WorkbookGrid {
  const formulas = new Map<string, UncachedFormula[]>();
  const date1904 = !!wb.properties.date1904;
  const sheets = wb.worksheets.map((ws) => {
    const uncached: UncachedFormula[] = [];
    formulas.set(ws.name, uncached);
    return boundSheet(readSheet(ws, { uncached, date1904, recalcOnLoad }));
  });
  return withFormulaResults({ source, sheets }, formulas);
}

/**
 * Reads .xlsx bytes into a grid through ExcelJS, given only the parts cells live in (read-package.ts), so charts,
 * comments, tables and the like can never stop a file from being read. Throws WorkbookReadError naming `source`
 * when the bytes are not a workbook (saying what they are: password-protected, .xls, .ods, damaged), and
 * WorkbookLimitError past a limit of read-limits.ts. `onProgress` hears the rows read, sheet by sheet (throttled).
 * @example const grid = await readWorkbookBuffer(await file.arrayBuffer(), file.name);
 */
export async function readWorkbookBuffer(
  buf: ArrayBuffer | Uint8Array,
  source: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  onProgress?: ReadProgressListener
): Promise<WorkbookGrid> {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const { bytes: view, sheets, recalcOnLoad } = await cellsOnlyPackage(bytes, source, limits);
  const wb = new ExcelJS.Workbook();
  if (onProgress) watchWorksheets(wb, sheets, onProgress);
  try {
    await wb.xlsx.load(
      view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer
    );
  } catch (err) {
    throw unreadableError(source, "damaged-content", err);
  }
  return gridFromWorkbook(wb, source, recalcOnLoad);
}
