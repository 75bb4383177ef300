/**
 * How the product knows a file is one it wrote and nobody has changed since: the zip comment (outside every
 * part, dropped by any program that saves the file again) holds a digest of the package's entries — names, CRCs
 * and sizes. A file whose comment matches is ours to overwrite; any other file, whatever its extension, is not.
 */
import { textDigest } from "../../core/ownership";
import { Package } from "./opc";
import { readZip, writeZip, type OutputEntry, type StoredEntry, type ZipArchive } from "./zip";

const PREFIX = "scorecard:";
/** PREFIX + 16 hex digits. */
const STAMP_LENGTH = PREFIX.length + 16;

function fingerprint(entries: readonly StoredEntry[]): string {
  return textDigest(entries.map((e) => `${e.name}\t${e.crc32}\t${e.size}`));
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function stamp(entries: readonly StoredEntry[]): Uint8Array {
  return ascii(PREFIX + fingerprint(entries));
}

/** The package with its zip comment set to the stamp of its entries (entries untouched). */
export function stampPackage(bytes: Uint8Array): Uint8Array {
  const archive = readZip(bytes);
  return writeZip(
    archive,
    archive.entries.map((entry) => ({ kind: "copy", entry })),
    stamp
  );
}

/** A zip of `entries` (writeZip), stamped as ours in the same pass: the package is built once, not twice. */
export function writeStampedZip(archive: ZipArchive, entries: readonly OutputEntry[]): Uint8Array {
  return writeZip(archive, entries, stamp);
}

/** True when `bytes` is a package this product wrote, unchanged since. Never throws. */
export function isProductPackage(bytes: Uint8Array): boolean {
  try {
    const archive = readZip(bytes);
    if (archive.comment.length !== STAMP_LENGTH) return false;
    const comment = String.fromCharCode(...archive.comment);
    return comment === PREFIX + fingerprint(archive.entries);
  } catch {
    return false;
  }
}

/** True for a macro-enabled workbook (.xlsm, .xltm): its package must keep that extension. Never throws. */
export function isMacroEnabled(bytes: Uint8Array): boolean {
  try {
    const types = new Package(bytes).xml("[Content_Types].xml")?.text ?? "";
    return /application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml/.test(types);
  } catch {
    return false;
  }
}
