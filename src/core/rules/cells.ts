/** Reading the cells a person typed into the rules sheet: numbers, percents, dates, yes/no, lists. */
import type { CellValue } from "../grid/types";
import { isCellError } from "../grid/access";
import { isoDay, serialToDate } from "../grid/excel-date";

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly expected_zh: string; readonly expected_en: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(zh: string, en: string): Parsed<T> => ({
  ok: false,
  expected_zh: zh,
  expected_en: en,
});

export function cellText(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  if (v instanceof Date) return isoDay(v);
  return String(v).trim();
}

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseNumber(v: CellValue): Parsed<number> {
  if (typeof v === "number" && Number.isFinite(v)) return ok(v);
  const t = halfWidth(cellText(v)).replace(/,/g, "");
  if (/^-?\d+(\.\d+)?%$/.test(t)) return ok(Number(t.slice(0, -1)) / 100);
  if (/^-?\d+(\.\d+)?$/.test(t)) return ok(Number(t));
  return bad("数字", "a number");
}

export function parseIsoDate(v: CellValue): Parsed<string> {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return ok(isoDay(v));
  if (typeof v === "number" && v > 0 && v < 2958466) return ok(isoDay(serialToDate(Math.round(v))));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(
    halfWidth(cellText(v))
  );
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return ok(isoDay(date));
  }
  return bad("日期（如 2026-12-31）", "a date (e.g. 2026-12-31)");
}

export function parseList(v: CellValue): string[] {
  return cellText(v)
    .split(/\s*(?:→|->|>|＞|、|,|，|;|；)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function isBlank(v: CellValue): boolean {
  return cellText(v) === "";
}
