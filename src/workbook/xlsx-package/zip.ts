/**
 * The zip container of an .xlsx, read through its central directory and written back with every kept entry
 * copied as raw bytes (local header, compressed data, descriptor), so a part we do not change is the very bytes
 * it was. New and changed parts are deflated by fflate, which gives the same bytes in Node and in a browser.
 * No Node or DOM APIs: the web page runs this file too.
 */
import { deflateSync, inflateSync } from "fflate";

/** The bytes are not a zip we can read or write; the message says why. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  /** Name as stored (forward slashes, no leading slash). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** Offset of the compressed data. */
  readonly dataOffset: number;
  /** End of the local record (data and any data descriptor). */
  readonly recordEnd: number;
  /** This entry's central-directory record, as stored. */
  readonly central: Uint8Array;
  /** Where in `central` the local-header offset is kept (the zip64 extra when it overflowed). */
  readonly offsetField: { readonly at: number; readonly wide: boolean };
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
  readonly comment: Uint8Array;
}

/** Record signatures and the 4-byte overflow mark; the streaming reader (exceljs/read-zip.ts) reads them too. */
export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_EOCD64 = 0x06064b50;
export const SIG_LOCATOR64 = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
export const MAX32 = 0xffffffff;
/** Largest part inflated into memory: parts we edit are small, and a lying header must not exhaust memory. */
const MAX_INFLATED = 512 * 1024 * 1024;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function u64(dv: DataView, at: number): number {
  const value = Number(dv.getBigUint64(at, true));
  if (!Number.isSafeInteger(value)) throw new ZipError("zip64 size out of range");
  return value;
}

function need(bytes: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > bytes.length) throw new ZipError("truncated zip");
}

function findEocd(bytes: Uint8Array): number {
  const dv = view(bytes);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (
      dv.getUint32(at, true) === SIG_EOCD &&
      at + 22 + dv.getUint16(at + 20, true) <= bytes.length
    )
      return at;
  }
  throw new ZipError("not a zip file (no end of central directory)");
}

const decoder = new TextDecoder("utf-8");

export function entryName(raw: Uint8Array, flags: number): string {
  // Names are UTF-8 (flag 11) or CP437; OOXML part names are ASCII either way.
  if (flags & 0x800) return decoder.decode(raw);
  let s = "";
  for (const b of raw) s += String.fromCharCode(b);
  return s;
}

/** Reads the directory of a zip (zip64 included). Throws ZipError for anything that is not a readable zip. */
export function readZip(input: Uint8Array): ZipArchive {
  // A plain view: a Node Buffer's slice() shares memory, and copies made here must not write into the input.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const dv = view(bytes);
  const directory = readDirectoryEnd(bytes, dv);
  need(bytes, directory.offset, directory.size);
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    const entry = readCentralRecord(bytes, dv, at);
    entries.push(entry);
    at += entry.central.length;
  }
  return { bytes, entries, comment: directory.comment };
}

/** Where the central directory is and how many entries it holds, from the end record (zip64's when present). */
function readDirectoryEnd(
  bytes: Uint8Array,
  dv: DataView
): { count: number; size: number; offset: number; comment: Uint8Array } {
  const eocd = findEocd(bytes);
  const comment = bytes.slice(eocd + 22, eocd + 22 + dv.getUint16(eocd + 20, true));
  if (eocd >= 20 && dv.getUint32(eocd - 20, true) === SIG_LOCATOR64) {
    const at = u64(dv, eocd - 12);
    need(bytes, at, 56);
    if (dv.getUint32(at, true) !== SIG_EOCD64) throw new ZipError("bad zip64 directory");
    return { count: u64(dv, at + 32), size: u64(dv, at + 40), offset: u64(dv, at + 48), comment };
  }
  return {
    count: dv.getUint16(eocd + 10, true),
    size: dv.getUint32(eocd + 12, true),
    offset: dv.getUint32(eocd + 16, true),
    comment,
  };
}

/** One central-directory record at `at`, with where its local record's data starts and ends. */
function readCentralRecord(bytes: Uint8Array, dv: DataView, at: number): ZipEntry {
  need(bytes, at, 46);
  if (dv.getUint32(at, true) !== SIG_CENTRAL) throw new ZipError("bad central directory");
  const flags = dv.getUint16(at + 8, true);
  const method = dv.getUint16(at + 10, true);
  const crc = dv.getUint32(at + 16, true);
  const nameLength = dv.getUint16(at + 28, true);
  const extraLength = dv.getUint16(at + 30, true);
  const commentLength = dv.getUint16(at + 32, true);
  const length = 46 + nameLength + extraLength + commentLength;
  need(bytes, at, length);
  const name = entryName(bytes.subarray(at + 46, at + 46 + nameLength), flags);
  const wide = zip64Fields(dv, at, at + 46 + nameLength, extraLength, {
    size: dv.getUint32(at + 24, true),
    compressedSize: dv.getUint32(at + 20, true),
    localOffset: dv.getUint32(at + 42, true),
  });
  const { size, compressedSize, localOffset } = wide;
  if (flags & 1) throw new ZipError("encrypted zip entry");
  need(bytes, localOffset, 30);
  if (dv.getUint32(localOffset, true) !== SIG_LOCAL) throw new ZipError("bad local header");
  const dataOffset =
    localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
  let recordEnd = dataOffset + compressedSize;
  need(bytes, dataOffset, compressedSize);
  if (flags & 8) {
    const signed =
      recordEnd + 4 <= bytes.length && dv.getUint32(recordEnd, true) === SIG_DESCRIPTOR;
    recordEnd += (signed ? 4 : 0) + 4 + (wide.zip64 ? 16 : 8);
    need(bytes, 0, recordEnd);
  }
  return {
    name,
    method,
    flags,
    crc32: crc,
    compressedSize,
    size,
    localOffset,
    dataOffset,
    recordEnd,
    central: bytes.subarray(at, at + length),
    offsetField: wide.offsetField,
  };
}

interface EntrySizes {
  readonly size: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/**
 * The record's sizes and local offset with the zip64 extra applied: its 8-byte values follow in this order, each
 * present only where the 4-byte field overflowed.
 */
function zip64Fields(
  dv: DataView,
  recordAt: number,
  extraAt: number,
  extraLength: number,
  narrow: EntrySizes
): EntrySizes & { zip64: boolean; offsetField: ZipEntry["offsetField"] } {
  let { size, compressedSize, localOffset } = narrow;
  let offsetField = { at: 42, wide: false };
  let zip64 = false;
  for (let x = extraAt; x + 4 <= extraAt + extraLength;) {
    const id = dv.getUint16(x, true);
    const len = dv.getUint16(x + 2, true);
    if (id === 0x0001) {
      zip64 = true;
      let p = x + 4;
      if (size === MAX32) {
        size = u64(dv, p);
        p += 8;
      }
      if (compressedSize === MAX32) {
        compressedSize = u64(dv, p);
        p += 8;
      }
      if (localOffset === MAX32) {
        offsetField = { at: p - recordAt, wide: true };
        localOffset = u64(dv, p);
      }
    }
    x += 4 + len;
  }
  return { size, compressedSize, localOffset, zip64, offsetField };
}

/** The uncompressed bytes of an entry, checked against its CRC. */
export function inflateEntry(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.size > MAX_INFLATED) throw new ZipError(`part too large: ${entry.name}`);
  const data = archive.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = data.slice();
  else if (entry.method === 8) out = inflateSync(data, { out: new Uint8Array(entry.size) });
  else throw new ZipError(`unsupported compression method ${entry.method}: ${entry.name}`);
  if (out.length !== entry.size || crc32(out) !== entry.crc32)
    throw new ZipError(`corrupt part: ${entry.name}`);
  return out;
}

export type OutputEntry =
  | { readonly kind: "copy"; readonly entry: ZipEntry }
  | { readonly kind: "data"; readonly name: string; readonly data: Uint8Array };

/** 1980-01-01 00:00: new entries carry no clock, so the same input gives the same bytes. */
const DOS_DATE = 0x0021;
const encoder = new TextEncoder();

/** What a written entry is known by: its name, and the CRC and size of its uncompressed bytes. */
export interface StoredEntry {
  readonly name: string;
  readonly crc32: number;
  readonly size: number;
}

interface Prepared extends StoredEntry {
  readonly local: Uint8Array[];
  readonly central: Uint8Array;
  readonly localLength: number;
}

function prepareNew(name: string, data: Uint8Array, offset: number): Prepared {
  const nameBytes = encoder.encode(name);
  const packed = deflateSync(data, { level: 6 });
  const crc = crc32(data);
  const flags = nameBytes.some((b) => b > 0x7f) ? 0x800 : 0;
  if (packed.length > MAX32 || data.length > MAX32 || offset > MAX32)
    throw new ZipError("package larger than 4 GB");
  const header = new Uint8Array(30 + nameBytes.length);
  const h = view(header);
  h.setUint32(0, SIG_LOCAL, true);
  h.setUint16(4, 20, true);
  h.setUint16(6, flags, true);
  h.setUint16(8, 8, true);
  h.setUint16(10, 0, true);
  h.setUint16(12, DOS_DATE, true);
  h.setUint32(14, crc, true);
  h.setUint32(18, packed.length, true);
  h.setUint32(22, data.length, true);
  h.setUint16(26, nameBytes.length, true);
  h.setUint16(28, 0, true);
  header.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const c = view(central);
  c.setUint32(0, SIG_CENTRAL, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, flags, true);
  c.setUint16(10, 8, true);
  c.setUint16(12, 0, true);
  c.setUint16(14, DOS_DATE, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, packed.length, true);
  c.setUint32(24, data.length, true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return {
    name,
    crc32: crc,
    size: data.length,
    local: [header, packed],
    central,
    localLength: header.length + packed.length,
  };
}

function prepareCopy(archive: ZipArchive, entry: ZipEntry, offset: number): Prepared {
  const record = archive.bytes.subarray(entry.localOffset, entry.recordEnd);
  const central = entry.central.slice();
  const c = view(central);
  if (entry.offsetField.wide) c.setBigUint64(entry.offsetField.at, BigInt(offset), true);
  else if (offset > MAX32 - 1) throw new ZipError("package larger than 4 GB");
  else c.setUint32(entry.offsetField.at, offset, true);
  const { name, crc32, size } = entry;
  return { name, crc32, size, local: [record], central, localLength: record.length };
}

/**
 * A zip of `entries` in order; kept entries are copied byte for byte from `archive`. The comment may be computed
 * from the entries as written (package-stamp.ts).
 */
export function writeZip(
  archive: ZipArchive,
  entries: readonly OutputEntry[],
  commentOf: Uint8Array | ((written: readonly StoredEntry[]) => Uint8Array)
): Uint8Array {
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const e of entries) {
    const p =
      e.kind === "copy"
        ? prepareCopy(archive, e.entry, offset)
        : prepareNew(e.name, e.data, offset);
    prepared.push(p);
    offset += p.localLength;
  }
  const comment = typeof commentOf === "function" ? commentOf(prepared) : commentOf;
  const cdOffset = offset;
  const cdSize = prepared.reduce((n, p) => n + p.central.length, 0);
  if (entries.length > 0xfffe || cdOffset + cdSize > MAX32 || comment.length > 0xffff)
    throw new ZipError("package too large for a zip without zip64");
  const out = new Uint8Array(cdOffset + cdSize + 22 + comment.length);
  let at = 0;
  for (const p of prepared)
    for (const part of p.local) {
      out.set(part, at);
      at += part.length;
    }
  for (const p of prepared) {
    out.set(p.central, at);
    at += p.central.length;
  }
  const e = view(out);
  e.setUint32(at, SIG_EOCD, true);
  e.setUint16(at + 8, entries.length, true);
  e.setUint16(at + 10, entries.length, true);
  e.setUint32(at + 12, cdSize, true);
  e.setUint32(at + 16, cdOffset, true);
  e.setUint16(at + 20, comment.length, true);
  out.set(comment, at + 22);
  return out;
}
