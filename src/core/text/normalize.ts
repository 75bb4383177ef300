import { simplifiedOf, toSimplified } from "./traditional";
import { toHalfWidth } from "./width";

const SPACES = /[\s\u200b\u3000\u00a0]+/g;

/**
 * The form two labels are compared in: half-width, simplified, lower-case, no spaces or line breaks,
 * one bracket style. "合 计", "合計" and "合\n计" all become "合计"; "（亿元）" becomes "(亿元)".
 */
export function normalizeText(text: string): string {
  if (inNormalForm(text)) return text;
  const key = toSimplified(toHalfWidth(text)).replace(SPACES, "").toLowerCase();
  // The text itself when it is already in that form (most names are): a ledger keeps the key of each of up to a
  // million rows, and an equal fresh string would be kept as well, for nothing.
  return key === text ? text : key;
}

/**
 * Whether no step of `normalizeText` would change the text, in one scan and no new string: true for text made
 * only of simplified CJK ideographs and printable ASCII that is not upper case nor a bracket the half-width step
 * maps ([ ] { }) — most project and unit names. Anything else takes the full path.
 */
function inNormalForm(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const plain =
      c >= 0x3400
        ? (c <= 0x4dbf || (c >= 0x4e00 && c <= 0x9fff)) && simplifiedOf(c) === 0
        : c > 0x20 &&
          c < 0x7f &&
          !(c >= 0x41 && c <= 0x5a) &&
          c !== 0x5b &&
          c !== 0x5d &&
          c !== 0x7b &&
          c !== 0x7d;
    if (!plain) return false;
  }
  return true;
}

/** Trimmed display text with inner line breaks turned into nothing (headers wrapped with Alt+Enter). */
export function cleanLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, "")
    .replace(/(?<=[\u3400-\u9fff])[ \t\u3000]+(?=[\u3400-\u9fff])/g, "")
    .replace(/[ \t\u3000]{2,}/g, " ")
    .trim();
}
