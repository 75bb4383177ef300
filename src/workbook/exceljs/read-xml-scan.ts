/**
 * The fast scanner (read-xml.ts has saxes, the reference it agrees with) over the part's bytes as they are
 * inflated, not over text decoded from them: the markup of machine-written XML is ASCII, and a worksheet's bytes
 * read as bytes cost a third of their decoded string's character codes, with no per-chunk decoding or string
 * concatenation. Only what a handler is given is decoded — names (one string per distinct name), attribute values
 * on request, text the handler wants — each from a span that starts and ends at ASCII markup, so a character is
 * never split and decoding span by span gives what decoding the stream did (a byte-order mark inside text is kept,
 * as a streaming decoder keeps it; one before the root is text nobody reads). Lengths held against
 * `maxTokenChars` are counted in characters, as before: bytes first, characters only where the bytes exceed it.
 */
import { scanPlainCell, scanPlainRow, type PlainCell, type PlainRow } from "./read-plain-cell";
import {
  MAX_DEPTH,
  NeedSaxes,
  XmlDamage,
  xmlText,
  type AttrReader,
  type ChunkSource,
  type ScanLimits,
  type XmlHandler,
} from "./read-xml";

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

const utf8 = (buf: Buffer, from: number, to: number): string => buf.toString("utf8", from, to);

/** The span is longer than `max` characters (its byte count is never less than its character count). */
const overLimit = (buf: Buffer, from: number, to: number, max: number): boolean =>
  to - from > max && utf8(buf, from, to).length > max;

/** Tag names as strings, one string per distinct ASCII name, so a million `<row>` cost no million strings. */
class Names {
  private readonly byKey = new Map<number, string>();

  of(buf: Buffer, from: number, to: number): string {
    const length = to - from;
    if (length > 32) return utf8(buf, from, to);
    let key = length;
    for (let i = from; i < to; i++) key = (Math.imul(key, 31) + (buf[i] as number)) | 0;
    const known = this.byKey.get(key);
    if (known !== undefined && known.length === length) {
      let k = 0;
      while (k < length && known.charCodeAt(k) === buf[from + k]) k++;
      if (k === length) return known;
    }
    const name = utf8(buf, from, to);
    // ASCII names only (a string as long as its bytes), and not without bound: a hostile part may name thousands.
    if (name.length === length && this.byKey.size < 512) this.byKey.set(key, name);
    return name;
  }
}

/**
 * The current tag's attributes, split once on first request into [nameStart, nameEnd, valueStart, valueEnd]*
 * spans of the scanner's buffer; values are decoded only when asked for.
 */
class TagAttributes {
  private readonly spans = new Int32Array(256);
  private count = -1;
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;

  readonly reader: AttrReader = (want) => {
    if (this.count < 0) this.split();
    const { spans, buf } = this;
    for (let k = 0; k < this.count * 4; k += 4) {
      const nameStart = spans[k] as number;
      if ((spans[k + 1] as number) - nameStart === want.length && this.named(nameStart, want)) {
        const raw = utf8(buf, spans[k + 2] as number, spans[k + 3] as number);
        // saxes normalises whitespace in attribute values to spaces, then decodes references
        return /[\t\n\r&]/.test(raw) ? xmlText(raw.replace(/[\t\n\r]/g, " ")) : raw;
      }
    }
    return undefined;
  };

  private named(at: number, want: string): boolean {
    for (let k = 0; k < want.length; k++) if (this.buf[at + k] !== want.charCodeAt(k)) return false;
    return true;
  }

  reset(buf: Buffer, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.count = -1;
  }

  /** The first `byte` in [from, end), or -1. */
  private find(byte: number, from: number): number {
    const { buf, end } = this;
    for (let i = from; i < end; i++) if (buf[i] === byte) return i;
    return -1;
  }

  private split(): void {
    const { buf, end, spans } = this;
    this.count = 0;
    let i = this.start;
    for (;;) {
      while (i < end && (buf[i] as number) <= 32) i++;
      if (i >= end) return;
      const eq = this.find(EQUALS, i);
      if (eq < 0) throw new NeedSaxes("attribute without a value");
      let nameEnd = eq;
      while (nameEnd > i && (buf[nameEnd - 1] as number) <= 32) nameEnd--;
      let j = eq + 1;
      while (j < end && (buf[j] as number) <= 32) j++;
      const quote = buf[j];
      if (quote !== QUOTE && quote !== APOS) throw new NeedSaxes("unquoted attribute");
      const close = this.find(quote, j + 1);
      if (close < 0) throw new NeedSaxes("attribute");
      if (this.count * 4 + 4 > spans.length) throw new NeedSaxes("too many attributes");
      const k = this.count * 4;
      spans[k] = i;
      spans[k + 1] = nameEnd;
      spans[k + 2] = j + 1;
      spans[k + 3] = close;
      this.count++;
      i = close + 1;
    }
  }
}

/**
 * A minimal tokenizer for the machine-written XML of a worksheet part: tags, attributes, text, comments and
 * processing instructions. Allocates nothing per element beyond what the handler is given; plain cells go to the
 * handler whole (read-plain-cell.ts). Anything else (CDATA, DOCTYPE, unknown entities, mismatched tags) throws
 * NeedSaxes.
 */
class FastScanner {
  private buf: Buffer = Buffer.alloc(0);
  /** The bytes from the last markup or text not yet complete, carried into the next chunk. */
  private carry: Buffer | null = null;
  private readonly stack: string[] = [];
  private seenRoot = false;
  private readonly names = new Names();
  private readonly attributes = new TagAttributes();
  private readonly cell: PlainCell = { col: 0, row: 0, style: 0, kind: 0, value: 0 };
  private readonly row: PlainRow = { row: 0, hidden: false };

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: ScanLimits
  ) {}

  feed(chunk: Buffer): void {
    const buf = (this.buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk);
    const max = this.limits.maxTokenChars;
    const length = buf.length;
    let pos = 0;
    for (;;) {
      const lt = this.nextMarkup(pos);
      if (lt >= length) break; // text runs on into the next chunk
      // Chunks are large: a run of text inside one is held to the same limit as one carried between chunks.
      if (overLimit(buf, pos, lt, max)) throw this.limits.tooLong();
      if (lt > pos && this.stack.length > 0 && this.handler.wantsText())
        this.handler.text(xmlText(utf8(buf, pos, lt)));
      const next = this.markup(lt);
      if (next < 0) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.carry = pos >= length ? null : buf.subarray(pos);
    if (this.carry && overLimit(this.carry, 0, this.carry.length, max)) throw this.limits.tooLong();
  }

  /**
   * The next `<` at or after `from`, or the buffer's length: a loop over the first bytes (markup is usually a few
   * bytes on, nearer than a builtin call is worth), then Buffer's own search, so a long text run (or one carried
   * from chunk to chunk) is not walked byte by byte in JavaScript.
   */
  private nextMarkup(from: number): number {
    const buf = this.buf;
    const near = Math.min(buf.length, from + 64);
    let i = from;
    while (i < near && buf[i] !== LT) i++;
    if (i < near || near === buf.length) return i;
    const far = buf.indexOf(LT, near);
    return far < 0 ? buf.length : far;
  }

  /** The first `byte` at or after `from` in the buffer, or -1. */
  private find(byte: number, from: number): number {
    const buf = this.buf;
    for (let i = from, n = buf.length; i < n; i++) if (buf[i] === byte) return i;
    return -1;
  }

  /** The end of `<?…?>` or `<!--…-->` starting at `from`, after its closing `close` bytes; -1 when not in the buffer. */
  private endOf(from: number, close: readonly number[]): number {
    const buf = this.buf;
    const last = buf.length - close.length;
    for (let i = from; i <= last; i++) {
      let k = 0;
      while (k < close.length && buf[i + k] === close[k]) k++;
      if (k === close.length) return i + k;
    }
    return -1;
  }

  /** The markup starting at `lt`: handled, returns the position after it; incomplete in this buffer, -1. */
  private markup(lt: number): number {
    const buf = this.buf;
    const next = buf[lt + 1];
    if (next === SLASH) return this.closeTag(lt);
    if (next === 63 /* ? */) return this.endOf(lt + 2, PI_END);
    if (next === 33 /* ! */) {
      if (buf[lt + 2] !== 45 || buf[lt + 3] !== 45) {
        if (buf.length - lt < 9) return -1;
        throw new NeedSaxes("CDATA or DTD");
      }
      return this.endOf(lt + 4, COMMENT_END);
    }
    if (next === undefined) return -1;
    if (next === 99 /* c */ && this.handler.plainCell && this.stack.length > 0) {
      const end = scanPlainCell(buf, lt, this.limits.maxTokenChars, this.cell);
      if (end >= 0 && this.stack.length < MAX_DEPTH - 1 && this.handler.plainCell(this.cell))
        return end;
    }
    if (next === 115 /* s */ && this.handler.plainString) {
      const end = this.plainString(lt);
      if (end >= 0) return end;
    }
    if (next === 114 /* r */ && this.isRowTag(lt)) {
      const end = scanPlainRow(buf, lt, this.row);
      if (end >= 0 && this.handler.plainRow?.(this.row)) {
        this.stack.push(ROW);
        return end;
      }
    }
    return this.openTag(lt);
  }

  /**
   * `<si><t>text</t></si>` (or `<t xml:space="preserve">`) at `lt`, the text given to the handler whole: most of
   * a shared-strings part, read without four tags' names and handler calls each. Returns the position after it,
   * or -1 (nothing done) for anything else, or text with an entity or carriage return (the general path decodes).
   */
  private plainString(lt: number): number {
    const { buf, stack } = this;
    if (!startsAt(buf, lt, SI_OPEN) || stack.length === 0 || stack.length >= MAX_DEPTH - 1)
      return -1;
    let from = lt + SI_OPEN.length;
    if (startsAt(buf, from, T_OPEN)) from += T_OPEN.length;
    else if (startsAt(buf, from, T_PRESERVE)) from += T_PRESERVE.length;
    else return -1;
    let to = from;
    for (let b = buf[to]; b !== LT; b = buf[++to]) {
      if (b === undefined || b === 38 /* & */ || b === 13 /* \r */) return -1;
    }
    if (!startsAt(buf, to, T_SI_CLOSE) || overLimit(buf, from, to, this.limits.maxTokenChars))
      return -1;
    const handled = this.handler.plainString?.(to > from ? utf8(buf, from, to) : "");
    return handled ? to + T_SI_CLOSE.length : -1;
  }

  /** `<row` then a space or `>`, where a handler takes plain rows and the row is not the root or too deep. */
  private isRowTag(lt: number): boolean {
    const { buf, stack } = this;
    const after = buf[lt + 4] ?? 0;
    return (
      buf[lt + 2] === 111 /* o */ &&
      buf[lt + 3] === 119 /* w */ &&
      (isSpace(after) || after === GT) &&
      stack.length > 0 &&
      stack.length < MAX_DEPTH &&
      this.handler.plainRow !== undefined
    );
  }

  private closeTag(lt: number): number {
    const buf = this.buf;
    const gt = this.find(GT, lt + 2);
    if (gt < 0) return -1;
    let nameEnd = gt;
    while (nameEnd > lt + 2 && isSpace(buf[nameEnd - 1] as number)) nameEnd--;
    const name = this.names.of(buf, lt + 2, nameEnd);
    if (this.stack.pop() !== name) throw new NeedSaxes("mismatched close tag");
    this.handler.close(name);
    return gt + 1;
  }

  /** An open (or self-closing) tag: find its '>' outside quoted attribute values. */
  private openTag(lt: number): number {
    const buf = this.buf;
    const length = buf.length;
    let gt = lt + 1;
    for (let quote = 0; gt < length; gt++) {
      const b = buf[gt] as number;
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === QUOTE || b === APOS) quote = b;
      else if (b === GT) break;
    }
    if (gt >= length) return -1;
    const selfClosing = buf[gt - 1] === SLASH;
    let nameEnd = lt + 1;
    const limit = selfClosing ? gt - 1 : gt;
    while (nameEnd < limit && !isSpace(buf[nameEnd] as number)) nameEnd++;
    if (nameEnd === lt + 1) throw new NeedSaxes("empty tag name");
    const name = this.names.of(buf, lt + 1, nameEnd);
    if (this.stack.length === 0) {
      if (this.seenRoot) throw new NeedSaxes("second root");
      this.seenRoot = true;
    }
    if (this.stack.length >= MAX_DEPTH) throw new XmlDamage("XML nested too deeply");
    this.attributes.reset(buf, nameEnd, limit);
    this.stack.push(name);
    this.handler.open(name, this.attributes.reader);
    if (selfClosing) {
      this.stack.pop();
      this.handler.close(name);
    }
    return gt + 1;
  }

  finish(): void {
    const rest = this.carry ? utf8(this.carry, 0, this.carry.length) : "";
    if (this.stack.length > 0 || !this.seenRoot || rest.trim() !== "")
      throw new NeedSaxes("unterminated document");
  }
}

const ROW = "row";
const ascii = (text: string): readonly number[] => [...text].map((c) => c.charCodeAt(0));
const SI_OPEN = ascii("<si>");
const T_OPEN = ascii("<t>");
const T_PRESERVE = ascii('<t xml:space="preserve">');
const T_SI_CLOSE = ascii("</t></si>");

/** The ASCII `bytes` at `at` in `buf`. */
function startsAt(buf: Buffer, at: number, bytes: readonly number[]): boolean {
  for (let k = 0; k < bytes.length; k++) if (buf[at + k] !== bytes[k]) return false;
  return true;
}
const PI_END = [63, GT];
const COMMENT_END = [45, 45, GT];

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Text chunks (tests) as bytes; a high surrogate that ends a chunk waits for its pair in the next one. */
async function* bytesOf(chunks: ChunkSource): AsyncGenerator<Buffer> {
  let high = "";
  for await (const chunk of chunks) {
    if (typeof chunk !== "string") {
      yield asBuffer(chunk);
      continue;
    }
    let text = high + chunk;
    const last = text.charCodeAt(text.length - 1);
    high = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : "";
    if (high) text = text.slice(0, -1);
    yield Buffer.from(text, "utf8");
  }
  if (high) yield Buffer.from(high, "utf8");
}

/** The part's XML through the fast scanner; NeedSaxes where it must be read by saxes instead. */
export async function scanSheet(
  chunks: ChunkSource,
  handler: XmlHandler,
  limits: ScanLimits
): Promise<void> {
  const scanner = new FastScanner(handler, limits);
  for await (const chunk of bytesOf(chunks)) scanner.feed(chunk);
  scanner.finish();
}
