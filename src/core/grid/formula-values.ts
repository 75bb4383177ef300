/**
 * The values a formula works on (formula.ts): scalars, areas of cells, errors; and how cells and arguments are
 * read as numbers and text, as a spreadsheet reads them.
 */
import { dateToSerial, type DateSystem } from "./excel-date";
import type { CellValue } from "./types";

/** What a formula may read: a cell of a sheet (null: the formula's own sheet), and a sheet's row count. */
export interface FormulaContext {
  value(sheet: string | null, row: number, col: number): CellValue;
  rowCount(sheet: string | null): number;
  /** The workbook's date system: what DATE() comes to and YEAR() reads (1900 when absent). */
  readonly dateSystem?: DateSystem;
}

export type Scalar = number | string | boolean | null;
export interface Area {
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
export interface FormulaError {
  readonly error: string;
}
export type Value = Scalar | Area | FormulaError;
export type ScalarOrError = Scalar | FormulaError;

/** What the evaluator does not know: the formula is left unevaluated. */
export class Unsupported extends Error {}

export const NOT_AVAILABLE: FormulaError = { error: "#N/A" };

export function isArea(v: Value): v is Area {
  return typeof v === "object" && v !== null && "top" in v;
}

export function isError(v: Value): v is FormulaError {
  return typeof v === "object" && v !== null && "error" in v;
}

/** A cell as a formula reads it: a date is its serial number (1900 system), as a spreadsheet stores it. */
export function cellScalar(v: CellValue): ScalarOrError {
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object" && v !== null) return { error: v.code };
  return v;
}

/** A single value: a one-cell area reads its cell; a larger one is not a scalar here. */
export function scalar(v: Value, ctx: FormulaContext): ScalarOrError {
  if (!isArea(v)) return v;
  if (v.top !== v.bottom || v.left !== v.right) throw new Unsupported("range as a value");
  return cellScalar(ctx.value(v.sheet, v.top, v.left));
}

export function numberOf(v: Scalar): number {
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  if (v.trim() === "" || Number.isNaN(n)) throw new Unsupported("text in arithmetic");
  return n;
}

export function textOf(v: ScalarOrError): string {
  if (typeof v === "object" && v !== null) throw new Unsupported("error in text");
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A condition's truth (IF, AND…): text other than TRUE/FALSE is not one. */
export function truthOf(v: Scalar): boolean {
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    if (t === "TRUE" || t === "FALSE") return t === "TRUE";
    throw new Unsupported("text as a condition");
  }
  return numberOf(v) !== 0;
}

export function arith(op: string, a: Value, b: Value, ctx: FormulaContext): Value {
  const x = scalar(a, ctx);
  const y = scalar(b, ctx);
  if (isError(x)) return x;
  if (isError(y)) return y;
  const p = numberOf(x);
  const q = numberOf(y);
  if (op === "+") return p + q;
  if (op === "-") return p - q;
  if (op === "*") return p * q;
  if (op === "/") return q === 0 ? { error: "#DIV/0!" } : p / q;
  return p ** q;
}

/** −1, 0 or 1 as a spreadsheet orders two values (text without case; an empty cell as 0). */
export function order(a: Scalar, b: Scalar): number {
  const x = typeof a === "string" ? a.toLowerCase() : (a ?? 0);
  const y = typeof b === "string" ? b.toLowerCase() : (b ?? 0);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function compare(op: string, a: ScalarOrError, b: ScalarOrError): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const c = order(a, b);
  const table: Record<string, boolean> = {
    "=": c === 0,
    "<>": c !== 0,
    "<": c < 0,
    ">": c > 0,
    "<=": c <= 0,
    ">=": c >= 0,
  };
  return table[op] as boolean;
}

/** The last row of an area that holds anything: a whole column (C:C) ends where its sheet's rows do. */
export function lastRow(a: Area, ctx: FormulaContext): number {
  return Math.min(a.bottom, ctx.rowCount(a.sheet) - 1);
}

/** The cells of an area, or the value itself, in reading order. */
export function* cellsOf(v: Value, ctx: FormulaContext): Generator<ScalarOrError> {
  if (!isArea(v)) {
    yield v;
    return;
  }
  const bottom = lastRow(v, ctx);
  for (let r = v.top; r <= bottom; r++)
    for (let c = v.left; c <= v.right; c++) yield cellScalar(ctx.value(v.sheet, r, c));
}

/** Numbers of the arguments as SUM reads them: numbers in areas, numbers and numeric text given directly. */
export function numbersOf(args: readonly Value[], ctx: FormulaContext): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args)
    for (const v of cellsOf(a, ctx)) {
      if (isError(v)) return v;
      if (typeof v === "number") out.push(v);
      else if (!isArea(a) && v !== null) out.push(numberOf(v));
    }
  return out;
}
