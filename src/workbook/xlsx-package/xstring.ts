/**
 * OOXML's ST_Xstring escapes: a cell's text in `<t>` or `<v>` may hold `_xHHHH_` for the UTF-16 unit HHHH (Excel
 * writes CR as `_x000D_` and control characters XML cannot carry the same way), and `_x005F_` for an underscore that
 * would otherwise start one (`_x005F_x000D_` is the seven characters `_x000D_`). Excel reads the hex digits in
 * either case (openpyxl writes them lower-case); ExcelJS reads only upper-case ones. One decoder for every read
 * path, and one encoder for every string we write, so user text round-trips exactly.
 */

/** One escape, matched left to right: what follows a decoded `_x005F_` is never read as an escape again. */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** The text with its `_xHHHH_` escapes undone. */
export function decodeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * The same text with each escape's hex digits in upper case, for a reader that decodes only those (ExcelJS). The
 * escapes stand where they stood, so it decodes to what decodeXstring gives.
 */
export function upperXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(ESCAPE, (m, hex: string) =>
        hex === hex.toUpperCase() ? m : `_x${hex.toUpperCase()}_`
      )
    : text;
}

/**
 * Characters XML 1.0 cannot carry, CR (which XML reads back as LF, so Excel writes `_x000D_`), lone surrogates, and
 * an underscore that would read as an escape.
 */
const UNSAFE =
  /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text (not yet XML-escaped) with what XML cannot hold, or what would read as an escape, written as `_xHHHH_`. */
export function encodeXstring(text: string): string {
  return text.replace(UNSAFE, (ch) =>
    ch === "_" ? "_x005F_" : `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}
