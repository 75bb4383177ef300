import { toSimplified } from "./traditional";
import { toHalfWidth } from "./width";

const SPACES = /[\s\u200b\u3000\u00a0]+/g;

/**
 * The form two labels are compared in: half-width, simplified, lower-case, no spaces or line breaks,
 * one bracket style. "合 计", "合計" and "合\n计" all become "合计"; "（亿元）" becomes "(亿元)".
 */
export function normalizeText(text: string): string {
  const key = toSimplified(toHalfWidth(text)).replace(SPACES, "").toLowerCase();
  // The text itself when it is already in that form (most names are): a ledger keeps the key of each of up to a
  // million rows, and an equal fresh string would be kept as well, for nothing.
  return key === text ? text : key;
}

/** Trimmed display text with inner line breaks turned into nothing (headers wrapped with Alt+Enter). */
export function cleanLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, "")
    .replace(/(?<=[\u3400-\u9fff])[ \t\u3000]+(?=[\u3400-\u9fff])/g, "")
    .replace(/[ \t\u3000]{2,}/g, " ")
    .trim();
}
