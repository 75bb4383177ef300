/**
 * What a file is, from its first bytes and its zip listing, before anything is parsed: an .xlsx, a password-protected
 * workbook (an OLE compound file holding EncryptedPackage), a legacy .xls, an .ods, a Word file, or nothing we read.
 * Pure: the Node reader and the web page both feed it bytes.
 */
import type { UnreadableKind } from "./read-errors";

export type Container = "zip" | "cfb" | "empty" | "other";

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The container, from at least the first 8 bytes (fewer when the file is shorter). */
export function sniffContainer(head: Uint8Array): Container {
  if (head.length === 0) return "empty";
  if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY)) return "zip";
  if (startsWith(head, CFB)) return "cfb";
  return "other";
}

/** Bytes of an OLE compound file's first directory sector, from its 512-byte header: [offset, length]. */
export function cfbDirectoryRange(header: Uint8Array): readonly [number, number] | null {
  if (header.length < 0x34) return null;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const first = view.getUint32(0x30, true);
  if (first >= 0xfffffffa) return null;
  return [(first + 1) * size, size];
}

function utf16(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.charCodeAt(0), 0);
  return out;
}

function contains(hay: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTED = utf16("EncryptedPackage");
const ENCRYPTION_INFO = utf16("EncryptionInfo");
const WORKBOOK = utf16("Workbook");
const BOOK = utf16("Book");

/**
 * An OLE compound file is what Excel saves a password-protected .xlsx as (EncryptedPackage + EncryptionInfo
 * streams), and also the legacy .xls format (a Workbook or Book stream). `directory` is its first directory sector,
 * or any bytes known to hold the directory (the whole file will do).
 */
export function cfbKind(directory: Uint8Array): UnreadableKind {
  if (contains(directory, ENCRYPTED) || contains(directory, ENCRYPTION_INFO)) return "encrypted";
  if (contains(directory, WORKBOOK) || contains(directory, BOOK)) return "legacy-xls";
  return "not-zip";
}

/**
 * A zip that is not an .xlsx we can read, from its entry names (and the `mimetype` entry's text, when there is one);
 * null when it looks like an .xlsx.
 */
export function zipKind(
  names: ReadonlySet<string>,
  mimetype: string | undefined
): UnreadableKind | null {
  if (names.has("xl/workbook.xml")) return null;
  if (mimetype?.startsWith("application/vnd.oasis.opendocument")) return "ods";
  if (names.has("content.xml") && names.has("META-INF/manifest.xml")) return "ods";
  if (names.has("word/document.xml")) return "docx";
  if (names.has("ppt/presentation.xml")) return "pptx";
  return "no-workbook-part";
}
