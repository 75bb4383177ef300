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

/** The four parts a write may edit besides adding or replacing our sheets. */
export const EDITED_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
];

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Names of the input's parts that are missing from the output or differ in any byte. */
export function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = partsOf(before);
  const b = new Map([...partsOf(after)].map(([k, v]) => [k.toLowerCase(), v]));
  return [...a]
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
