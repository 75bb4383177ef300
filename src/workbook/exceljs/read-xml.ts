/**
 * Tokenizing worksheet XML: a fast scanner for the machine-written XML every spreadsheet program saves, and saxes
 * (the tokenizer ExcelJS's DOM reader uses) for anything unusual. Both drive the same SAX-style XmlHandler.
 */
import { SaxesParser } from "./read-internals";
import { scanPlainCell, type PlainCell } from "./read-plain-cell";

export type ChunkSource = AsyncIterable<Uint8Array | string>;

/** UTF-8 decoding that carries a character split across chunks over to the next chunk. */
export async function* decoded(chunks: ChunkSource): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

export type AttrReader = (name: string) => string | undefined;
/** SAX-style callbacks one worksheet parse is driven by, whichever tokenizer feeds it. */
export interface XmlHandler {
  open(name: string, attr: AttrReader): void;
  text(text: string): void;
  close(name: string): void;
  /** Whether text at this point matters; lets the fast scanner skip slicing and decoding the rest. */
  wantsText(): boolean;
  /**
   * A plain cell element (read-plain-cell.ts) the fast scanner read whole: taken as open, text and close would
   * have been, or false (nothing done) to have it read that way.
   */
  plainCell?(cell: PlainCell): boolean;
}

/** saxes, as the DOM reader tokenizes: the reference path, used when the fast scanner meets unusual XML. */
export async function saxesSheet(
  chunks: ChunkSource,
  handler: XmlHandler,
  limits: ScanLimits
): Promise<void> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  /** Characters written since saxes last emitted something: what it is holding in its own buffers. */
  let pending = 0;
  let depth = 0;
  parser.on("error", (err) => {
    error ??= err;
  });
  parser.on("opentag", (tag) => {
    pending = 0;
    if (++depth > MAX_DEPTH) error ??= new XmlDamage("XML nested too deeply");
    else handler.open(tag.name, (name) => tag.attributes[name]);
  });
  parser.on("text", (text) => {
    pending = 0;
    handler.text(text);
  });
  parser.on("closetag", (tag) => {
    pending = 0;
    depth--;
    handler.close(tag.name);
  });
  for await (const text of decoded(chunks)) {
    pending += text.length;
    if (pending > limits.maxTokenChars) throw limits.tooLong();
    parser.write(text);
    if (error) throw error;
  }
  parser.close();
  if (error) throw error;
}

/** The fast scanner met something it leaves to saxes (CDATA, a DTD, an unknown entity, mismatched tags). */
export class NeedSaxes extends Error {}

const ENTITY: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** XML text → string as saxes gives it: line ends normalised, the five entities and character references decoded. */
export function xmlText(raw: string): string {
  let t = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  if (t.indexOf("&") >= 0) {
    t = t.replace(/&([^;&<]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(";")) throw new NeedSaxes("bare &");
      if (body.charCodeAt(0) === 35 /* # */) {
        const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff)
          throw new NeedSaxes("char ref");
        return String.fromCodePoint(code);
      }
      const e = ENTITY[body];
      if (e === undefined) throw new NeedSaxes(`entity ${body}`);
      return e;
    });
  }
  return t;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
const orInfinity = (index: number): number => (index < 0 ? Infinity : index);

/** Deeper than any worksheet XML (about eight levels); past it a part is damaged or hostile. */
const MAX_DEPTH = 256;

/** The part's XML is damaged (nested absurdly deep); lenient reading keeps what came before. */
export class XmlDamage extends Error {}

/** What a tokenizer needs beyond the handler: the longest text or tag it may hold, and what to throw past it. */
export interface ScanLimits {
  readonly maxTokenChars: number;
  readonly tooLong: () => Error;
}

/**
 * The current tag's attributes, split once on first request into [nameStart, nameEnd, valueStart, valueEnd]*
 * spans of the scanner's buffer; values are sliced and decoded only when asked for.
 */
class TagAttributes {
  private readonly spans = new Int32Array(256);
  private count = -1;
  private buf = "";
  private start = 0;
  private end = 0;

  readonly reader: AttrReader = (want) => {
    if (this.count < 0) this.split();
    const { spans, buf } = this;
    for (let k = 0; k < this.count * 4; k += 4) {
      const nameStart = spans[k] as number;
      if ((spans[k + 1] as number) - nameStart === want.length && buf.startsWith(want, nameStart)) {
        const raw = buf.slice(spans[k + 2], spans[k + 3]);
        // saxes normalises whitespace in attribute values to spaces, then decodes references
        return /[\t\n\r&]/.test(raw) ? xmlText(raw.replace(/[\t\n\r]/g, " ")) : raw;
      }
    }
    return undefined;
  };

  reset(buf: string, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.count = -1;
  }

  private split(): void {
    const { buf, end, spans } = this;
    this.count = 0;
    let i = this.start;
    for (;;) {
      while (i < end && buf.charCodeAt(i) <= 32) i++;
      if (i >= end) return;
      const eq = buf.indexOf("=", i);
      if (eq < 0 || eq >= end) throw new NeedSaxes("attribute without a value");
      let nameEnd = eq;
      while (nameEnd > i && buf.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let j = eq + 1;
      while (j < end && buf.charCodeAt(j) <= 32) j++;
      const quote = buf.charCodeAt(j);
      if (quote !== 34 && quote !== 39) throw new NeedSaxes("unquoted attribute");
      const close = buf.indexOf(quote === 34 ? '"' : "'", j + 1);
      if (close < 0 || close >= end) throw new NeedSaxes("attribute");
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
 * processing instructions. Allocates nothing per element beyond the name; attributes are read on request.
 * Anything else (CDATA, DOCTYPE, unknown entities, mismatched tags) throws NeedSaxes.
 */
class FastScanner {
  private buf = "";
  private readonly stack: string[] = [];
  private seenRoot = false;
  private readonly attributes = new TagAttributes();
  /** Next '"' and "'" at or after the scan position (-1: not looked for yet; Infinity: none in this buffer). */
  private dq = -1;
  private sq = -1;
  private readonly cell: PlainCell = { col: 0, row: 0, style: 0, kind: 0, value: 0 };

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: ScanLimits
  ) {}

  feed(chunk: string): void {
    const buf = (this.buf = this.buf.length ? this.buf + chunk : chunk);
    let pos = 0;
    this.dq = -1;
    this.sq = -1;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) break; // text runs on into the next chunk
      // Chunks are large: a run of text inside one is held to the same limit as one carried between chunks.
      if (lt - pos > this.limits.maxTokenChars) throw this.limits.tooLong();
      if (lt > pos && this.stack.length > 0 && this.handler.wantsText())
        this.handler.text(xmlText(buf.slice(pos, lt)));
      const next = this.markup(lt);
      if (next < 0) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.buf = pos >= buf.length ? "" : buf.slice(pos);
    if (this.buf.length > this.limits.maxTokenChars) throw this.limits.tooLong();
  }

  /** The markup starting at `lt`: handled, returns the position after it; incomplete in this buffer, -1. */
  private markup(lt: number): number {
    const buf = this.buf;
    const next = buf.charCodeAt(lt + 1);
    if (next === 47 /* / */) {
      const gt = buf.indexOf(">", lt + 2);
      if (gt < 0) return -1;
      let nameEnd = gt;
      while (nameEnd > lt + 2 && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = buf.slice(lt + 2, nameEnd);
      if (this.stack.pop() !== name) throw new NeedSaxes("mismatched close tag");
      this.handler.close(name);
      return gt + 1;
    }
    if (next === 63 /* ? */) {
      const end = buf.indexOf("?>", lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (next === 33 /* ! */) {
      if (!buf.startsWith("<!--", lt)) {
        if (buf.length - lt < 9) return -1;
        throw new NeedSaxes("CDATA or DTD");
      }
      const end = buf.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (Number.isNaN(next)) return -1;
    if (next === 99 /* c */ && this.handler.plainCell && this.stack.length > 0) {
      const end = scanPlainCell(buf, lt, this.limits.maxTokenChars, this.cell);
      if (end >= 0 && this.stack.length < MAX_DEPTH - 1 && this.handler.plainCell(this.cell))
        return end;
    }
    return this.openTag(lt);
  }

  /** An open (or self-closing) tag: find its '>' outside quoted attribute values. */
  private openTag(lt: number): number {
    const buf = this.buf;
    let i = lt + 1;
    let gt = -1;
    for (;;) {
      const end = buf.indexOf(">", i);
      if (end < 0) break;
      if (this.dq < i) this.dq = orInfinity(buf.indexOf('"', i));
      if (this.sq < i) this.sq = orInfinity(buf.indexOf("'", i));
      const q = this.dq < this.sq ? this.dq : this.sq;
      if (q > end) {
        gt = end;
        break;
      }
      const closeQuote = buf.indexOf(q === this.dq ? '"' : "'", q + 1);
      if (closeQuote < 0) break;
      i = closeQuote + 1;
    }
    if (gt < 0) return -1;
    const selfClosing = buf.charCodeAt(gt - 1) === 47;
    let nameEnd = lt + 1;
    const limit = selfClosing ? gt - 1 : gt;
    while (nameEnd < limit && !isSpace(buf.charCodeAt(nameEnd))) nameEnd++;
    const name = buf.slice(lt + 1, nameEnd);
    if (name === "") throw new NeedSaxes("empty tag name");
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
    if (this.stack.length > 0 || !this.seenRoot || this.buf.trim() !== "")
      throw new NeedSaxes("unterminated document");
  }
}

export async function scanSheet(
  chunks: ChunkSource,
  handler: XmlHandler,
  limits: ScanLimits
): Promise<void> {
  const scanner = new FastScanner(handler, limits);
  for await (const chunk of decoded(chunks)) scanner.feed(chunk);
  scanner.finish();
}
