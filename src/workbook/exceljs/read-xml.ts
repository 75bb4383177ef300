/**
 * Tokenizing worksheet XML: a fast scanner for the machine-written XML every spreadsheet program saves
 * (read-xml-scan.ts), and saxes (the tokenizer ExcelJS's DOM reader uses) for anything unusual. Both drive the same
 * SAX-style XmlHandler; this file has saxes's side and what both share.
 */
import { SaxesParser } from "./read-internals";
import type { PlainCell, PlainRow } from "./read-plain-cell";

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
  /** A plain `<row>` start tag, likewise: taken as its open would have been, or false (nothing done). */
  plainRow?(row: PlainRow): boolean;
  /** A plain shared string `<si><t>text</t></si>`, likewise (its text has no entity or carriage return). */
  plainString?(text: string): boolean;
}

/** Characters written to saxes at a time (at most). */
const SAX_STEP = 1 << 16;

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
  // A part inflated in one call (read-zip.ts) is one chunk: saxes is fed it in steps well under the limit, so
  // what the limit holds is what saxes holds, not the size of the part.
  const step = Math.max(2, Math.min(SAX_STEP, Math.floor(limits.maxTokenChars / 4)));
  for await (const text of decoded(chunks)) {
    for (let at = 0; at < text.length;) {
      let end = Math.min(text.length, at + step);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep a surrogate pair together
      pending += end - at;
      if (pending > limits.maxTokenChars) throw limits.tooLong();
      parser.write(at === 0 && end === text.length ? text : text.slice(at, end));
      if (error) throw error;
      at = end;
    }
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

/** Deeper than any worksheet XML (about eight levels); past it a part is damaged or hostile. */
export const MAX_DEPTH = 256;

/** The part's XML is damaged (nested absurdly deep); lenient reading keeps what came before. */
export class XmlDamage extends Error {}

/** What a tokenizer needs beyond the handler: the longest text or tag it may hold, and what to throw past it. */
export interface ScanLimits {
  readonly maxTokenChars: number;
  readonly tooLong: () => Error;
}
