/**
 * The package layer of an .xlsx (Open Packaging Conventions): parts by name (case-insensitive, as OPC says),
 * relationships, content types. Reads through zip.ts; edits are collected and written in one pass.
 */
import {
  attr,
  decodeXml,
  encodeXml,
  escapeAttr,
  findElements,
  prefixFor,
  splice,
  type XmlText,
} from "./xml-text";
import { inflateEntry, readZip, type OutputEntry, type ZipArchive, type ZipEntry } from "./zip";

export const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL_TYPE_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export const relType = (kind: string): string => REL_TYPE_BASE + kind;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Target as written (relative to the source part's folder, or absolute from "/"). */
  readonly target: string;
  readonly external: boolean;
}

/** An .xlsx opened for editing: reading parts, and the changes to write. */
export class Package {
  readonly archive: ZipArchive;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly changed = new Map<string, Uint8Array>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();

  constructor(bytes: Uint8Array) {
    this.archive = readZip(bytes);
    for (const e of this.archive.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    return !this.removed.has(key) && (this.changed.has(key) || this.byName.has(key));
  }

  /** Part names as stored (first spelling), in package order. */
  names(): string[] {
    return this.archive.entries.map((e) => e.name);
  }

  bytes(name: string): Uint8Array | null {
    const key = name.toLowerCase();
    if (this.removed.has(key)) return null;
    const changed = this.changed.get(key);
    if (changed) return changed;
    const entry = this.byName.get(key);
    return entry ? inflateEntry(this.archive, entry) : null;
  }

  xml(name: string): XmlText | null {
    const bytes = this.bytes(name);
    return bytes ? decodeXml(bytes) : null;
  }

  /** Sets a part's bytes; a part whose bytes do not change stays the stored entry. */
  set(name: string, data: Uint8Array): void {
    const key = name.toLowerCase();
    this.removed.delete(key);
    const entry = this.byName.get(key);
    if (entry && !this.changed.has(key) && sameBytes(inflateEntry(this.archive, entry), data))
      return;
    if (!entry && !this.changed.has(key)) this.added.push(name);
    this.changed.set(key, data);
  }

  setXml(name: string, xml: XmlText): void {
    this.set(name, encodeXml(xml.text, xml.encoding));
  }

  remove(name: string): void {
    this.removed.add(name.toLowerCase());
  }

  /** Kept entries in their order (changed ones in place), then new parts in the order they were added. */
  output(): OutputEntry[] {
    const out: OutputEntry[] = [];
    for (const entry of this.archive.entries) {
      const key = entry.name.toLowerCase();
      if (this.removed.has(key)) continue;
      const data = this.changed.get(key);
      out.push(data ? { kind: "data", name: entry.name, data } : { kind: "copy", entry });
    }
    for (const name of this.added) {
      const key = name.toLowerCase();
      const data = this.changed.get(key);
      if (data && !this.removed.has(key)) out.push({ kind: "data", name, data });
    }
    return out;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part into a part name (no leading slash). */
export function resolveTarget(sourcePart: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target.split("#")[0] ?? "");
  } catch {
    path = target;
  }
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

export function parseRelationships(xml: string | null): Relationship[] {
  if (xml === null) return [];
  const p = prefixFor(xml, REL_NS) ?? "";
  return findElements(xml, `${p}Relationship`).map((e) => ({
    id: attr(e.tag, "Id") ?? "",
    type: attr(e.tag, "Type") ?? "",
    target: attr(e.tag, "Target") ?? "",
    external: attr(e.tag, "TargetMode") === "External",
  }));
}

/** Relationships of `part` with their targets resolved to part names. */
export function relationshipsOf(pkg: Package, part: string): (Relationship & { part: string })[] {
  const rels = pkg.xml(relsPartOf(part));
  return parseRelationships(rels?.text ?? null).map((r) => ({
    ...r,
    part: r.external ? "" : resolveTarget(part, r.target),
  }));
}

/** The first free "rIdN" of a relationships part. */
export function freeRelId(
  rels: readonly Relationship[],
  taken: ReadonlySet<string> = new Set()
): string {
  const used = new Set([...rels.map((r) => r.id), ...taken]);
  let n = rels.reduce((max, r) => Math.max(max, Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0)), 0) + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Appends relationships to `xml` (a .rels part), written with the part's own prefix. */
export function addRelationships(xml: XmlText, rels: readonly Relationship[]): XmlText {
  if (rels.length === 0) return xml;
  const p = prefixFor(xml.text, REL_NS) ?? "";
  const close = xml.text.lastIndexOf(`</${p}Relationships>`);
  const text = rels
    .map(
      (r) =>
        `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`
    )
    .join("");
  if (close < 0) {
    // `<Relationships .../>`: an empty part.
    const empty = /<([\w.-]+:)?Relationships\b[^>]*\/>/.exec(xml.text);
    if (!empty) throw new Error("no <Relationships> element");
    const open = empty[0].replace(/\s*\/>$/, ">");
    return {
      ...xml,
      text: splice(
        xml.text,
        empty.index,
        empty.index + empty[0].length,
        `${open}${text}</${p}Relationships>`
      ),
    };
  }
  return { ...xml, text: splice(xml.text, close, close, text) };
}

export function removeRelationship(xml: XmlText, id: string): XmlText {
  const p = prefixFor(xml.text, REL_NS) ?? "";
  const found = findElements(xml.text, `${p}Relationship`).find((e) => attr(e.tag, "Id") === id);
  return found ? { ...xml, text: splice(xml.text, found.start, found.end, "") } : xml;
}

export const NEW_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;

/** `[Content_Types].xml` with an Override for each part that has none, and without those of removed parts. */
export function editContentTypes(
  xml: XmlText,
  add: readonly { part: string; type: string }[],
  remove: readonly string[] = []
): XmlText {
  const p = prefixFor(xml.text, CT_NS) ?? "";
  let text = xml.text;
  const overrides = findElements(text, `${p}Override`);
  const has = (part: string) =>
    overrides.some(
      (o) => (attr(o.tag, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()
    );
  for (const part of remove) {
    const o = findElements(text, `${p}Override`).find(
      (e) => (attr(e.tag, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()
    );
    if (o) text = splice(text, o.start, o.end, "");
  }
  const missing = add.filter((a) => !has(a.part));
  if (missing.length > 0) {
    const close = text.lastIndexOf(`</${p}Types>`);
    if (close < 0) throw new Error("no </Types> in [Content_Types].xml");
    const items = missing
      .map(
        (a) =>
          `<${p}Override PartName="/${escapeAttr(a.part)}" ContentType="${escapeAttr(a.type)}"/>`
      )
      .join("");
    text = splice(text, close, close, items);
  }
  return { ...xml, text };
}
