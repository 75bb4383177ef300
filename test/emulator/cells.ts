/** ExcelJS cells ↔ what Office.js `values` / `valueTypes` / `numberFormat` show, including Excel's parsing of typed text. */
import ExcelJS from "exceljs";
import { EmulatorError } from "./errors";

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/**
 * "Date systems in Excel" (support.microsoft.com): in the 1904 date system day 0 is 1904-01-01, so the same
 * serial is 1,462 days later than in the 1900 system, and Office.js `values` returns the workbook's own serials.
 * https://support.microsoft.com/en-us/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487
 */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * "Excel specifications and limits": a cell holds at most 32,767 characters.
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 */
export const MAX_CELL_CHARS = 32_767;

export type OfficeScalar = number | string | boolean;

export function epochOf(date1904: boolean): number {
  return date1904 ? EPOCH_1904 : EPOCH_1900;
}

export function serialOf(date: Date, date1904: boolean): number {
  return (date.getTime() - epochOf(date1904)) / MS_PER_DAY;
}

export function dateOfSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round(epochOf(date1904) + serial * MS_PER_DAY));
}

/** Whether the emulated workbook uses the 1904 date system (workbookPr/@date1904, which ExcelJS keeps). */
export function uses1904(wb: ExcelJS.Workbook): boolean {
  return (wb.properties as { date1904?: boolean }).date1904 === true;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function plain(value: unknown, date1904: boolean): { value: OfficeScalar; type: string } {
  if (value === null || value === undefined) return { value: "", type: "Empty" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "string") return { value, type: value === "" ? "Empty" : "String" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  if (value instanceof Date) return { value: serialOf(value, date1904), type: "Double" };
  if (!isRecord(value)) return { value: "", type: "Empty" };
  if (typeof value.error === "string") return { value: value.error, type: "Error" };
  if (Array.isArray(value.richText)) {
    const text = value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
    return { value: text, type: "String" };
  }
  if ("formula" in value || "sharedFormula" in value) return plain(value.result, date1904);
  if ("text" in value) return plain(value.text, date1904);
  return { value: "", type: "Empty" };
}

/** The cell as Office reports it; the non-master cells of a merge are empty. */
export function readCell(
  cell: ExcelJS.Cell,
  date1904 = false
): {
  value: OfficeScalar;
  type: string;
  format: string;
} {
  const format = cell.numFmt || "General";
  if (cell.type === ExcelJS.ValueType.Merge) return { value: "", type: "Empty", format };
  return { ...plain(cell.value, date1904), format };
}

export function hasValue(cell: ExcelJS.Cell): boolean {
  return cell.type !== ExcelJS.ValueType.Merge && readCell(cell).type !== "Empty";
}

const NUMBER = /^\s*[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$/;
/** The error values a typed entry turns into (Excel's error list, "How to correct a #… error" pages). */
const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);
/** Full-width ASCII forms (U+FF01–U+FF5E), which East Asian Excel reads as their half-width letters. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/;

function isNumber(text: string): boolean {
  return NUMBER.test(text) && /\d/.test(text);
}

/**
 * A value written through `range.values`, parsed as Excel parses typed input. Modelled from the Excel.Range.values
 * reference ("If the returned value starts with a plus, minus, or equal sign, Excel interprets this value as a
 * formula"; ISO dates YYYY-MM-DD are stored as dates,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member) and from
 * "Format numbers as text" (a leading apostrophe makes the rest text and is not part of the value; a cell
 * formatted Text keeps what is typed verbatim,
 * https://support.microsoft.com/en-us/office/format-numbers-as-text-583160db-e14e-4953-a4a2-3ea3f6ca2fa5).
 * Typed error literals become error values, "1E+5" and "1,200" numbers, and full-width ＝/digits are read as
 * their half-width forms (East Asian input; behaviour reported in issue 15, not on a documentation page).
 */
export function writeCell(cell: ExcelJS.Cell, value: unknown, date1904 = false): void {
  if (value === null || value === undefined) return;
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (typeof value !== "string") throw new TypeError(`Unsupported value ${String(value)}`);
  if (value.length > MAX_CELL_CHARS)
    throw new EmulatorError(
      "InvalidArgument",
      `a cell holds at most ${MAX_CELL_CHARS} characters, got ${value.length}`
    );
  if (value === "") {
    cell.value = null;
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1) === "" ? null : value.slice(1);
    return;
  }
  if (cell.numFmt === "@") {
    cell.value = value;
    return;
  }
  const typed = FULL_WIDTH.test(value) ? value.normalize("NFKC") : value;
  if (ERROR_LITERALS.has(typed.trim().toUpperCase())) {
    cell.value = { error: typed.trim().toUpperCase() } as ExcelJS.CellErrorValue;
    return;
  }
  if (/^[=+\-@]/.test(typed) && !isNumber(typed)) {
    const formula = typed.replace(/^=/, "");
    cell.value = { formula, result: evaluate(formula, date1904) } as ExcelJS.CellFormulaValue;
    return;
  }
  if (isNumber(typed)) {
    cell.value = Number(typed.replace(/,/g, ""));
    return;
  }
  if (PERCENT.test(typed)) {
    cell.value = Number(typed.replace("%", "")) / 100;
    return;
  }
  const date = ISO_DATE.exec(typed);
  if (date) {
    cell.value = serialOf(
      new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3] ?? 1))),
      date1904
    );
    cell.numFmt = "yyyy-mm-dd";
    return;
  }
  if (/^(true|false)$/i.test(typed.trim())) {
    cell.value = typed.trim().toLowerCase() === "true";
    return;
  }
  cell.value = value;
}

/** The one function the emulator calculates: DATE(y,m,d), as a serial of the workbook's date system. */
function evaluate(formula: string, date1904: boolean): number | ExcelJS.CellErrorValue {
  const m = /^DATE\((\d+),(\d+),(\d+)\)$/i.exec(formula.replace(/\s/g, ""));
  if (!m) return 0;
  const serial = serialOf(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
    date1904
  );
  return serial < 0 ? { error: "#NUM!" } : serial;
}
