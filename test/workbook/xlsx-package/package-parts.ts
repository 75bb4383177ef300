/** Helpers for asserting what a package write changed: its parts, as bytes, by name. */
import { inflateEntry, readZip } from "../../../src/workbook/xlsx-package/zip";

/** Part name → uncompressed bytes. */
export function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const archive = readZip(bytes);
  return new Map(archive.entries.map((e) => [e.name, inflateEntry(archive, e)]));
}

export function partText(bytes: Uint8Array, name: string): string {
  const part = partsOf(bytes).get(name);
  if (!part) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(part);
}

/** The four parts a write edits besides adding or replacing our sheets. */
export const EDITED_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
];

/**
 * The sheet-name list a write extends when it adds sheets and the list matches the workbook (app-properties.ts):
 * not counted by changedParts; the surgical-write test checks it.
 */
export const APP_PROPERTIES = "docProps/app.xml";

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Names of the input's parts (docProps/app.xml apart) missing from the output or differing in any byte. */
export function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = partsOf(before);
  const b = new Map([...partsOf(after)].map(([k, v]) => [k.toLowerCase(), v]));
  return [...a]
    .filter(([name]) => name !== APP_PROPERTIES)
    .filter(([name, data]) => {
      const other = b.get(name.toLowerCase());
      return !other || !same(other, data);
    })
    .map(([name]) => name);
}

/** Parts of the output the input did not have. */
export function addedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = new Set([...partsOf(before).keys()].map((k) => k.toLowerCase()));
  return [...partsOf(after).keys()].filter((k) => !a.has(k.toLowerCase()));
}
