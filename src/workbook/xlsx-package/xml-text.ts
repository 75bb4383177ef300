/**
 * Small, exact edits to the XML text of a part: find an element, read or set an attribute, insert before a close
 * tag. The rest of the text is left as it was, character for character, so a part we touch changes only where
 * it must. Element names are matched with whatever prefix the part binds to the namespace (`x:sheet`).
 */

export type XmlEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface XmlText {
  readonly text: string;
  readonly encoding: XmlEncoding;
}

export function decodeXml(bytes: Uint8Array): XmlText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
}

/** The text in the part's own encoding (and byte-order mark). */
export function encodeXml(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "utf-8-bom") {
    const body = new TextEncoder().encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = encoding === "utf-16le";
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + 2 * i] = le ? unit & 0xff : unit >> 8;
    out[3 + 2 * i] = le ? unit >> 8 : unit & 0xff;
  }
  return out;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The prefix ("x:" or "") the document's root element binds to `uri`, or null when it binds none. */
export function prefixFor(xml: string, uri: string): string | null {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
  const escaped = uri.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const m = new RegExp(`\\sxmlns(?::([\\w.-]+))?\\s*=\\s*["']${escaped}["']`).exec(root);
  if (!m) return null;
  return m[1] === undefined ? "" : `${m[1]}:`;
}

/** The root element's local name and namespace URI. */
export function rootElement(xml: string): { local: string; uri: string | null } {
  const tag = /<(?![?!])([\w.-]+:)?([\w.-]+)[^>]*>/.exec(xml);
  if (!tag) return { local: "", uri: null };
  const prefix = tag[1] ? tag[1].slice(0, -1) : "";
  const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*["']([^"']*)["']`).exec(
    tag[0]
  );
  return { local: tag[2] ?? "", uri: ns?.[1] ?? null };
}

export interface Element {
  /** Offset of "<". */
  readonly start: number;
  /** Offset just past the element (its close tag, or "/>"). */
  readonly end: number;
  /** The start tag, e.g. `<sheet name="A" sheetId="1" r:id="rId1"/>`. */
  readonly tag: string;
  /** Offset just past the start tag; equals `end` for an empty element. */
  readonly contentStart: number;
  /** Offset of the close tag; equals `end` for an empty element. */
  readonly contentEnd: number;
}

/**
 * Every `qname` element from `from` to `to`, in order. Elements of that name must not nest (true of every
 * element this module looks for).
 */
export function findElements(xml: string, qname: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const open = new RegExp(`<${qname.replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*>`, "g");
  const close = `</${qname}>`;
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tag = m[0];
    const contentStart = m.index + tag.length;
    if (tag.endsWith("/>")) {
      out.push({ start: m.index, end: contentStart, tag, contentStart, contentEnd: contentStart });
      continue;
    }
    const contentEnd = xml.indexOf(close, contentStart);
    if (contentEnd < 0) throw new Error(`unclosed <${qname}>`);
    const end = contentEnd + close.length;
    out.push({ start: m.index, end, tag, contentStart, contentEnd });
    open.lastIndex = end;
  }
  return out;
}

export function findElement(xml: string, qname: string, from = 0, to = xml.length): Element | null {
  return findElements(xml, qname, from, to)[0] ?? null;
}

/** An attribute of a start tag, unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(
    tag
  );
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** The start tag with `name` set to `value` (added before the tag's end), or removed when `value` is null. */
export function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === null) return tag.replace(re, "");
  const text = ` ${name}="${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, text);
  return tag.replace(/\s*(\/?)>$/, `${text}$1>`);
}

/** `xml` with `[start, end)` replaced by `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** Every element name in `fragment` (written unprefixed) given `prefix`. */
export function withPrefix(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.replace(
    /<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g,
    (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}${prefix}${name}`)
  );
}
