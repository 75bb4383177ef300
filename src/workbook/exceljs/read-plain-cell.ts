/**
 * The fast scanner's short cut for the cell every spreadsheet program writes a million times over:
 * `<c r="B7" s="1" t="s"><v>42</v></c>`, `<c r="B7" s="3"/>`, and for the row start tag around them. Read straight from the part's bytes —
 * no tag name, attribute or text string, no per-cell closure — it is most of a large sheet's XML, and the general
 * path's strings were most of the read's time and garbage. Anything else (a formula, inline text, another type, an
 * entity, whitespace inside the element, a lower-case or `$` address, the element cut by the chunk's end) is left
 * to the general path, which reads it exactly as before; so this path only has to agree with it on what it takes.
 */

/** A number as `parseFloat` reads its text, or a shared-string index as `parseInt(text, 10)` reads it. */
export const PLAIN_NUMBER = 0;
export const PLAIN_SHARED = 1;
/** No `<v>`, or an empty one: the cell holds no value (a styled empty cell). */
export const PLAIN_EMPTY = 2;

/** One plain cell as read: 1-based column and row, style index, kind and value. Reused from cell to cell. */
export interface PlainCell {
  col: number;
  row: number;
  style: number;
  kind: number;
  value: number;
}

/** What a read past the buffer's end gives: no byte of XML. */
const END = -1;
const QUOTE = 34;
const LT = 60;
const V = 118;
const EQUALS = 61;
const GT = 62;
const SLASH = 47;
const ZERO = 48;
const MINUS = 45;
const A = 65;
const Z = 90;
/** More attributes than the general path's span table holds: it declines such a tag, so this one does too. */
const MAX_ATTRIBUTES = 60;
/** Integers of up to 15 digits are exact in a double: summed digit by digit they equal `parseFloat`'s reading. */
const EXACT_DIGITS = 15;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/** "AB12" between `from` and `to` into cell.col / cell.row, as decodeAddress reads it; false for anything else. */
function address(buf: Buffer, from: number, to: number, cell: PlainCell): boolean {
  let j = from;
  let col = 0;
  for (let ch = buf[j] ?? END; j < to && ch >= A && ch <= Z; ch = buf[++j] ?? END)
    col = col * 26 + (ch - A + 1);
  // At most three letters (XFD) and seven digits: anything longer the general path declines or drops.
  if (col === 0 || j === to || j - from > 3 || to - j > 7 || (buf[j] ?? END) === ZERO) return false;
  let row = 0;
  for (; j < to; j++) {
    const d = (buf[j] ?? END) - ZERO;
    if (!(d >= 0 && d <= 9)) return false;
    row = row * 10 + d;
  }
  cell.col = col;
  cell.row = row;
  return true;
}

/** Digits only (`parseInt(s, 10)` of them), or -1. */
function digits(buf: Buffer, from: number, to: number): number {
  if (to === from || to - from > 9) return -1;
  let n = 0;
  for (let j = from; j < to; j++) {
    const d = (buf[j] ?? END) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The `<v>` text as the general path turns it into a number; NaN where it would not take this path. */
function valueOf(buf: Buffer, from: number, to: number, shared: boolean): number {
  let j = from;
  const negative = (buf[j] ?? END) === MINUS;
  if (negative) j++;
  if (j < to && to - j <= EXACT_DIGITS) {
    let n = 0;
    for (; j < to; j++) {
      const d = (buf[j] ?? END) - ZERO;
      if (!(d >= 0 && d <= 9)) break;
      n = n * 10 + d;
    }
    if (j === to) return negative ? -n : n;
  }
  const text = buf.toString("utf8", from, to);
  // Entities and carriage returns are decoded by the general path's xmlText first: left to it.
  if (text.includes("&") || text.includes("\r")) return NaN;
  return shared ? parseInt(text, 10) : parseFloat(text);
}

/**
 * The plain cell element starting at `lt` (`<c`), read into `cell`; returns the position after it, or -1 when the
 * element is not plain or not complete in `buf` (the general path then reads it).
 */
export function scanPlainCell(buf: Buffer, lt: number, maxText: number, cell: PlainCell): number {
  let i = lt + 2;
  let ch = buf[i] ?? END;
  let seen = 0;
  cell.style = 0;
  cell.kind = PLAIN_NUMBER;
  for (let count = 0; ; count++) {
    if (ch === GT || ch === SLASH) break;
    if (!isSpace(ch) || count > MAX_ATTRIBUTES) return -1;
    do ch = buf[++i] ?? END;
    while (isSpace(ch));
    if (ch === GT || ch === SLASH) break;
    const nameStart = i;
    while (ch !== EQUALS) {
      if (!(ch > 32) || ch === GT || ch === SLASH || ch === QUOTE || ch === 39) return -1;
      ch = buf[++i] ?? END;
    }
    if ((buf[i + 1] ?? END) !== QUOTE) return -1;
    const from = i + 2;
    // A loop, not indexOf: attribute values are a few characters, shorter than a builtin call's overhead.
    let to = from;
    for (ch = buf[to] ?? END; ch !== QUOTE; ch = buf[++to] ?? END) if (ch === END) return -1;
    const name = i - nameStart === 1 ? (buf[nameStart] ?? END) : 0;
    if (name === 114 /* r */) {
      if (seen & 1 || !address(buf, from, to, cell)) return -1;
      seen |= 1;
    } else if (name === 115 /* s */) {
      const style = digits(buf, from, to);
      if (seen & 2 || style < 0) return -1;
      seen |= 2;
      cell.style = style;
    } else if (name === 116 /* t */) {
      const t = to - from === 1 ? (buf[from] ?? END) : 0;
      if (seen & 4 || (t !== 115 && t !== 110)) return -1; // "s" or "n" only
      seen |= 4;
      cell.kind = t === 115 ? PLAIN_SHARED : PLAIN_NUMBER;
    }
    i = to + 1;
    ch = buf[i] ?? END;
  }
  if (!(seen & 1)) return -1;
  if (ch === SLASH) {
    if ((buf[i + 1] ?? END) !== GT) return -1;
    cell.kind = PLAIN_EMPTY;
    return i + 2;
  }
  return content(buf, i + 1, maxText, cell);
}

/** `</c>` at `at` (compared by character: startsWith's call costs more than the comparison). */
const endsCell = (buf: Buffer, at: number): boolean =>
  (buf[at] ?? END) === LT &&
  (buf[at + 1] ?? END) === SLASH &&
  (buf[at + 2] ?? END) === 99 /* c */ &&
  (buf[at + 3] ?? END) === GT;

/** After the open tag: `</c>`, or `<v>text</v></c>`. */
function content(buf: Buffer, at: number, maxText: number, cell: PlainCell): number {
  if (endsCell(buf, at)) {
    cell.kind = PLAIN_EMPTY;
    return at + 4;
  }
  if ((buf[at] ?? END) !== LT || (buf[at + 1] ?? END) !== V || (buf[at + 2] ?? END) !== GT)
    return -1;
  const from = at + 3;
  let to = from;
  for (let ch = buf[to] ?? END; ch !== LT; ch = buf[++to] ?? END) if (ch === END) return -1;
  if (
    to - from > maxText ||
    (buf[to + 1] ?? END) !== SLASH ||
    (buf[to + 2] ?? END) !== V ||
    (buf[to + 3] ?? END) !== GT ||
    !endsCell(buf, to + 4)
  )
    return -1;
  if (to === from) {
    cell.kind = PLAIN_EMPTY;
    return to + 8;
  }
  const value = valueOf(buf, from, to, cell.kind === PLAIN_SHARED);
  // NaN from text the general path must see; a NaN the text really means is read there too.
  if (Number.isNaN(value)) return -1;
  cell.value = value;
  return to + 8;
}

/** A plain `<row>` start tag as read: its number, and whether it is hidden. Reused from row to row. */
export interface PlainRow {
  row: number;
  hidden: boolean;
}

/** `hidden`'s value is "1" or "true", as the general path compares the attribute. */
function isHidden(buf: Buffer, from: number, to: number): boolean {
  if (to - from === 1) return buf[from] === 49;
  return to - from === 4 && buf.toString("latin1", from, to) === "true";
}

/**
 * The `<row …>` start tag at `lt` (not self-closing), read into `row`: its number (`r`, digits) and `hidden`, other
 * attributes (spans, ht, x14ac:dyDescent …) passed over. Returns the position after it, or -1 for anything the
 * general path must read (no number, an entity or whitespace in a value that matters, a repeated one).
 */
export function scanPlainRow(buf: Buffer, lt: number, row: PlainRow): number {
  let i = lt + 4;
  let ch = buf[i] ?? END;
  let seen = 0;
  row.hidden = false;
  for (let count = 0; ch !== GT; count++) {
    if (!isSpace(ch) || count > MAX_ATTRIBUTES) return -1;
    do ch = buf[++i] ?? END;
    while (isSpace(ch));
    if (ch === GT) break;
    const nameStart = i;
    while (ch !== EQUALS) {
      if (!(ch > 32) || ch === GT || ch === SLASH || ch === QUOTE || ch === 39) return -1;
      ch = buf[++i] ?? END;
    }
    if (buf[i + 1] !== QUOTE) return -1;
    const from = i + 2;
    let to = from;
    for (ch = buf[to] ?? END; ch !== QUOTE; ch = buf[++to] ?? END) if (ch === END) return -1;
    const length = i - nameStart;
    if (length === 1 && buf[nameStart] === 114 /* r */) {
      const n = digits(buf, from, to);
      if (seen & 1 || n < 1 || buf[from] === ZERO) return -1;
      seen |= 1;
      row.row = n;
    } else if (length === 6 && buf.toString("latin1", nameStart, i) === "hidden") {
      if (seen & 2) return -1;
      for (let j = from; j < to; j++) if (buf[j] === 38 /* & */ || (buf[j] ?? 0) < 32) return -1;
      seen |= 2;
      row.hidden = isHidden(buf, from, to);
    }
    i = to + 1;
    ch = buf[i] ?? END;
  }
  return seen & 1 ? i + 1 : -1;
}
