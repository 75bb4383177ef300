/** Office.js `values` / `valueTypes` / `numberFormat` triples → the grid's CellValue, and back for writing. */
import { serialToDate, type CellValue, type DateSystem } from "../../core/grid";

/**
 * True when a number format shows a date or time. Same rule as ExcelJS's reader (text in quotes and
 * [brackets] removed, then any of y m d h s b), so both hosts turn the same cells into Dates.
 */
export function isDateFormat(format: string): boolean {
  if (format === "" || format === "General" || format === "@") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
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
