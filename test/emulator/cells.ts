/** ExcelJS cells ↔ what Office.js `values` / `valueTypes` / `numberFormat` show, including Excel's parsing of typed text. */
import ExcelJS from "exceljs";

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

export type OfficeScalar = number | string | boolean;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function plain(value: unknown): { value: OfficeScalar; type: string } {
  if (value === null || value === undefined) return { value: "", type: "Empty" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "string") return { value, type: value === "" ? "Empty" : "String" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  if (value instanceof Date)
    return { value: (value.getTime() - EPOCH_1900) / MS_PER_DAY, type: "Double" };
  if (!isRecord(value)) return { value: "", type: "Empty" };
  if (typeof value.error === "string") return { value: value.error, type: "Error" };
  if (Array.isArray(value.richText)) {
    const text = value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
    return { value: text, type: "String" };
  }
  if ("formula" in value || "sharedFormula" in value) return plain(value.result);
  if ("text" in value) return plain(value.text);
  return { value: "", type: "Empty" };
}

/** The cell as Office reports it; the non-master cells of a merge are empty. */
export function readCell(cell: ExcelJS.Cell): {
  value: OfficeScalar;
  type: string;
  format: string;
} {
  const format = cell.numFmt || "General";
  if (cell.type === ExcelJS.ValueType.Merge) return { value: "", type: "Empty", format };
  return { ...plain(cell.value), format };
}

export function hasValue(cell: ExcelJS.Cell): boolean {
  return cell.type !== ExcelJS.ValueType.Merge && readCell(cell).type !== "Empty";
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$/;

/** A value written through `range.values`, parsed as Excel parses typed input unless the cell is formatted "@". */
export function writeCell(cell: ExcelJS.Cell, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (typeof value !== "string") throw new TypeError(`Unsupported value ${String(value)}`);
  if (value === "") {
    cell.value = null;
    return;
  }
  if (cell.numFmt === "@") {
    cell.value = value;
    return;
  }
  if (/^[=+\-@]/.test(value) && !NUMBER.test(value)) {
    cell.value = { formula: value.replace(/^=/, ""), result: 0 } as ExcelJS.CellFormulaValue;
    return;
  }
  if (NUMBER.test(value)) {
    cell.value = Number(value);
    return;
  }
  if (PERCENT.test(value)) {
    cell.value = Number(value.replace("%", "")) / 100;
    return;
  }
  const date = ISO_DATE.exec(value);
  if (date) {
    cell.value =
      (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3] ?? 1)) - EPOCH_1900) /
      MS_PER_DAY;
    cell.numFmt = "yyyy-mm-dd";
    return;
  }
  if (/^(true|false)$/i.test(value.trim())) {
    cell.value = value.trim().toLowerCase() === "true";
    return;
  }
  cell.value = value;
}
