/**
 * Office.js parses strings written to `values` as if typed: "=SUM(A1)" becomes a formula, "-5" a number,
 * "2022-03" a date. Such strings are written into cells formatted "@" (Text) first, which Excel stores
 * verbatim; the cells' format is restored to General right after, which does not re-parse them.
 * Forcing a string that Excel would have kept anyway costs nothing, so the patterns err on the wide side.
 */
const FORMULA_START = /^[=+\-@]/;
/** Digits with the punctuation Excel's number/date/time/percent/currency parser accepts. */
const PARSEABLE =
  /^\s*[(]?[$¥€£]?\s*[\d.,:/\s%()eE年月日时分秒-]*\d[\d.,:/\s%()eE年月日时分秒-]*\s*(AM|PM|am|pm)?\s*$/;
/** English month names with a day or year ("Mar 2022", "5-Mar"), which en-US Excel reads as dates. */
const MONTH_DATE =
  /^(?=.*\d)[\s\d.,/-]*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\d.,/-]*$/i;
const BOOLEAN = /^\s*(true|false)\s*$/i;

/** True when Excel would turn this string into something other than the same text. */
export function needsTextFormat(text: string): boolean {
  return (
    FORMULA_START.test(text) || PARSEABLE.test(text) || MONTH_DATE.test(text) || BOOLEAN.test(text)
  );
}
