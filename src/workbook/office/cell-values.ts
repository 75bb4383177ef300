/** Office.js `values` / `valueTypes` / `numberFormat` triples → the grid's CellValue, and back for writing. */
import { isDateFormat, serialToDate, type CellValue, type DateSystem } from "../../core/grid";

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
