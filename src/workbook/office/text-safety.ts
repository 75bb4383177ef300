/**
 * Office.js parses strings written to `values` as if typed: "=SUM(A1)" becomes a formula, "-5" a number,
 * "2022-03" a date. Such strings are written into cells formatted "@" (Text) first, which Excel stores
 * verbatim; the cells' format is restored to General right after, which does not re-parse them.
 */
const FORMULA_START = /^[=+\-@]/;
/** Digits with the punctuation Excel's number/date/time/percent parser accepts, or a boolean word. */
const PARSEABLE =
  /^\s*[(]?[$¥€£]?\s*[\d.,:/\s%()eE年月日时分秒ー-]*\d[\d.,:/\s%()eE年月日时分秒ー-]*\s*(AM|PM|am|pm)?\s*$/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

/** True when Excel would turn this string into something other than the same text. */
export function needsTextFormat(text: string): boolean {
  return FORMULA_START.test(text) || PARSEABLE.test(text) || BOOLEAN.test(text);
}
