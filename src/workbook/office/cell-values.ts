/** Office.js `values` / `valueTypes` / `numberFormat` triples → the grid's CellValue, and back for writing. */
import type { CellValue } from "../../core/grid";

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system (the 1900 leap-year bug is before day 61 only). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01, day 0 of the 1904 date system: the same serial is 1,462 days later ("Date systems in Excel"). */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Which day 0 the workbook's serials count from (File → Options → Advanced → "Use 1904 date system"). */
export type DateSystem = 1900 | 1904;

const epoch = (system: DateSystem) => (system === 1904 ? EPOCH_1904 : EPOCH_1900);

/**
 * True when a number format shows a date or time. Same rule as ExcelJS's reader (text in quotes and
 * [brackets] removed, then any of y m d h s b), so both hosts turn the same cells into Dates.
 */
export function isDateFormat(format: string): boolean {
  if (format === "" || format === "General" || format === "@") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

export function serialToDate(serial: number, system: DateSystem = 1900): Date {
  return new Date(Math.round(epoch(system) + serial * MS_PER_DAY));
}

export function dateToSerial(date: Date, system: DateSystem = 1900): number {
  return (date.getTime() - epoch(system)) / MS_PER_DAY;
}

/** One cell as Office returns it; `type` is the cell's `valueTypes` entry. */
export function officeCellValue(
  value: unknown,
  type: unknown,
  format: unknown,
  system: DateSystem = 1900
): CellValue {
  if (type === "Error" && typeof value === "string") return { kind: "error", code: value };
  if (typeof value === "number") {
    return typeof format === "string" && isDateFormat(format) ? serialToDate(value, system) : value;
  }
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}
