/**
 * The zip of an .xlsx file, opened through its central directory, with the size limits enforced as parts stream:
 * declared sizes and compression ratios are checked before a part is inflated, and the bytes actually inflated are
 * counted against both the part's declared size and the workbook's budget, so a zip bomb that lies about its sizes
 * is stopped at the first byte over. Only the directory is read up front; a part's local header and data are read
 * when the part is, so damage in a part nobody reads (a drawing, a comment) never stops the cells. Node only:
 * the file through a handle, each part inflated by Node's zlib.
 */
import { open, type FileHandle } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import {
  entryName,
  MAX32,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_EOCD64,
  SIG_LOCAL,
  SIG_LOCATOR64,
  u64,
  ZipError,
} from "../xlsx-package/zip";
import { unreadableError } from "./read-errors";
import { limitErrors, type ReadLimits } from "./read-limits";

/** One file of the zip, as its central-directory record describes it. */
export interface ZipFileLike {
  readonly path: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly method: number;
  readonly localOffset: number;
}

const MAX16 = 0xffff;
/**
 * Compressed bytes read at a time, and inflated bytes handed on at a time. Measured at 100k ledger rows: 32 KiB
 * steps read faster than 512 KiB ones (long strings cost the XML scanner and the collector more than steps cost).
 */
const READ_CHUNK = 1 << 16;
const INFLATE_CHUNK = 1 << 15;
/**
 * A part up to this size is inflated in one call and handed on whole: zlib's stream steps (a thread-pool trip, a
 * buffer and three async iterations per 32 KiB) cost more than the inflation, about 0.1 s of CPU on a 100k-row
 * ledger's 43 MB sheet. Larger parts (300k rows and up) stream, so memory stays bounded.
 */
const WHOLE_PART_BYTES = 64 << 20;

/**
 * Deflated bytes inflated on the thread pool into one buffer of the declared size, rejected when they are damaged
 * or inflate to more. zlib's one-call API gathers its output in chunks and copies them into one buffer at the end,
 * on this thread: at 43 MB that copy (and its fresh pages) cost about as much as the inflation. An output buffer
 * a byte larger than declared is filled once, by the thread pool, and handed on as it is.
 */
function inflateInOne(compressed: Uint8Array, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const inflate = createInflateRaw({ chunkSize: Math.max(64, size + 1) });
    inflate.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length > size) inflate.destroy(new Error("larger than declared"));
    });
    inflate.on("error", reject);
    inflate.on("end", () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))
    );
    inflate.end(compressed);
  });
}

async function readAt(handle: FileHandle, at: number, length: number): Promise<DataView> {
  const buf = new Uint8Array(length);
  const { bytesRead } = await handle.read(buf, 0, length, at);
  if (bytesRead !== length) throw new ZipError("truncated zip");
  return new DataView(buf.buffer);
}

interface Directory {
  readonly count: number;
  readonly size: number;
  readonly offset: number;
}

/** The end-of-central-directory record (zip64's when the plain one overflowed or a locator precedes it). */
async function readDirectoryEnd(handle: FileHandle, fileSize: number): Promise<Directory> {
  const tailLength = Math.min(fileSize, 22 + MAX16 + 20);
  const tailAt = fileSize - tailLength;
  const tail = await readAt(handle, tailAt, tailLength);
  let eocd = -1;
  for (let at = tailLength - 22; at >= 0; at--) {
    if (
      tail.getUint32(at, true) === SIG_EOCD &&
      at + 22 + tail.getUint16(at + 20, true) <= tailLength
    ) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("not a zip file (no end of central directory)");
  if (eocd >= 20 && tail.getUint32(eocd - 20, true) === SIG_LOCATOR64) {
    const end64 = await readAt(handle, u64(tail, eocd - 12), 56);
    if (end64.getUint32(0, true) !== SIG_EOCD64) throw new ZipError("bad zip64 directory");
    return { count: u64(end64, 32), size: u64(end64, 40), offset: u64(end64, 48) };
  }
  return {
    count: tail.getUint16(eocd + 10, true),
    size: tail.getUint32(eocd + 12, true),
    offset: tail.getUint32(eocd + 16, true),
  };
}

/** The zip64 extra's 8-byte values, in order, each present only where the 4-byte field overflowed. */
function wideSizes(dv: DataView, extraAt: number, extraEnd: number, narrow: number[]): number[] {
  const out = [...narrow];
  for (let x = extraAt; x + 4 <= extraEnd;) {
    const id = dv.getUint16(x, true);
    const len = dv.getUint16(x + 2, true);
    if (id === 0x0001) {
      let p = x + 4;
      for (let i = 0; i < out.length; i++)
        if (out[i] === MAX32 && p + 8 <= x + 4 + len) {
          out[i] = u64(dv, p);
          p += 8;
        }
    }
    x += 4 + len;
  }
  return out;
}

/** Every file record of the central directory (folders left out). */
function readRecords(dv: DataView, count: number): ZipFileLike[] {
  const bytes = new Uint8Array(dv.buffer, dv.byteOffset, dv.byteLength);
  const files: ZipFileLike[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== SIG_CENTRAL)
      throw new ZipError("bad central directory");
    const flags = dv.getUint16(at + 8, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const next = at + 46 + nameLength + extraLength + dv.getUint16(at + 32, true);
    if (next > dv.byteLength) throw new ZipError("bad central directory");
    const path = entryName(bytes.subarray(at + 46, at + 46 + nameLength), flags);
    const extraAt = at + 46 + nameLength;
    const [uncompressedSize, compressedSize, localOffset] = wideSizes(
      dv,
      extraAt,
      extraAt + extraLength,
      [dv.getUint32(at + 24, true), dv.getUint32(at + 20, true), dv.getUint32(at + 42, true)]
    ) as [number, number, number];
    if (!path.endsWith("/"))
      files.push({
        path,
        compressedSize,
        uncompressedSize,
        method: dv.getUint16(at + 10, true),
        localOffset,
      });
    at = next;
  }
  return files;
}

/** Compressed bytes of a part straight from the file, in large reads. */
async function* rawChunks(
  handle: FileHandle,
  start: number,
  length: number
): AsyncGenerator<Uint8Array> {
  for (let at = start, end = start + length; at < end;) {
    const size = Math.min(READ_CHUNK, end - at);
    const buf = new Uint8Array(size);
    const { bytesRead } = await handle.read(buf, 0, size, at);
    if (bytesRead === 0) throw new ZipError("truncated zip");
    at += bytesRead;
    yield bytesRead === size ? buf : buf.subarray(0, bytesRead);
  }
}

export class ZipPackage {
  private inflated = 0;

  private constructor(
    readonly source: string,
    readonly entries: ReadonlyMap<string, ZipFileLike>,
    readonly limits: ReadLimits,
    private readonly handle: FileHandle
  ) {}

  /**
   * Opens the zip's directory; the caller closes the package. Throws WorkbookReadError (damaged zip) or
   * WorkbookLimitError (too many entries).
   */
  static async open(path: string, source: string, limits: ReadLimits): Promise<ZipPackage> {
    let handle: FileHandle | undefined;
    let directory: Directory;
    try {
      handle = await open(path, "r");
      directory = await readDirectoryEnd(handle, (await handle.stat()).size);
    } catch (err) {
      await handle?.close();
      throw unreadableError(source, "damaged-zip", err);
    }
    if (directory.count > limits.maxEntries) {
      await handle.close();
      throw limitErrors.entries(source, limits);
    }
    try {
      const dir = await readAt(handle, directory.offset, directory.size);
      const entries = new Map<string, ZipFileLike>();
      for (const file of readRecords(dir, directory.count)) entries.set(file.path, file);
      return new ZipPackage(source, entries, limits, handle);
    } catch (err) {
      await handle.close();
      throw unreadableError(source, "damaged-zip", err);
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  get names(): ReadonlySet<string> {
    return new Set(this.entries.keys());
  }

  /** The sum of the declared sizes of these parts, refused up front when over the budget. */
  checkDeclared(parts: readonly ZipFileLike[]): void {
    let total = 0;
    for (const part of parts) {
      total += part.uncompressedSize;
      this.checkRatio(part);
    }
    if (total > this.limits.maxUncompressedBytes)
      throw limitErrors.uncompressed(this.source, this.limits);
  }

  private checkRatio(part: ZipFileLike): void {
    const { maxCompressionRatio, ratioFloorBytes } = this.limits;
    if (
      part.uncompressedSize > ratioFloorBytes &&
      part.uncompressedSize > maxCompressionRatio * Math.max(1, part.compressedSize)
    )
      throw limitErrors.ratio(this.source, part.path, this.limits);
  }

  /** The part's data as stored: after its local header, whose name and extra lengths may differ from the directory's. */
  private async *stored(part: ZipFileLike): AsyncGenerator<Uint8Array> {
    const local = await readAt(this.handle, part.localOffset, 30);
    if (local.getUint32(0, true) !== SIG_LOCAL) throw new Error(`bad local header: ${part.path}`);
    const dataAt = part.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    yield* rawChunks(this.handle, dataAt, part.compressedSize);
  }

  /**
   * A part inflated in one call, or null where that fails (damaged data, more than declared): the stream then
   * meets the same failure where it is, after the bytes before it, as every part's reading did.
   */
  private async inflateWhole(part: ZipFileLike): Promise<Uint8Array | null> {
    try {
      const local = await readAt(this.handle, part.localOffset, 30);
      if (local.getUint32(0, true) !== SIG_LOCAL) return null;
      const dataAt = part.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
      const compressed = await readAt(this.handle, dataAt, part.compressedSize);
      return await inflateInOne(
        new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength),
        part.uncompressedSize
      );
    } catch {
      return null;
    }
  }

  /** The part's uncompressed bytes, in chunks. */
  private async *chunks(part: ZipFileLike): AsyncGenerator<Uint8Array> {
    const whole =
      part.method === 8 && part.uncompressedSize <= WHOLE_PART_BYTES
        ? await this.inflateWhole(part)
        : null;
    if (whole) yield whole;
    else yield* this.inflate(part);
  }

  /** The part's uncompressed bytes, in chunks as zlib's stream gives them. */
  private inflate(part: ZipFileLike): AsyncIterable<Uint8Array> {
    if (part.method === 0) return this.stored(part);
    if (part.method !== 8)
      throw new Error(`unsupported compression method ${part.method}: ${part.path}`);
    return pipeline(
      this.stored(part),
      createInflateRaw({ chunkSize: INFLATE_CHUNK }),
      () => undefined
    ) as Readable;
  }

  /** A part's bytes, refused when it declares more than `maxBytes`, inflates past its declared size or the budget. */
  async *bytes(part: ZipFileLike, maxBytes?: number): AsyncGenerator<Uint8Array> {
    if (maxBytes !== undefined && part.uncompressedSize > maxBytes)
      throw limitErrors.partSize(this.source, part.path, maxBytes);
    this.checkRatio(part);
    let seen = 0;
    // A reader that stops early (an error, a limit) ends this loop, which ends the stream: the rest of the part is
    // never inflated.
    for await (const chunk of this.chunks(part)) {
      seen += chunk.length;
      this.inflated += chunk.length;
      if (seen > part.uncompressedSize) throw limitErrors.sizeMismatch(this.source, part.path);
      if (this.inflated > this.limits.maxUncompressedBytes)
        throw limitErrors.uncompressed(this.source, this.limits);
      yield chunk;
    }
  }

  /** A small part's text (mimetype), or undefined when it is missing or not small. */
  async smallText(name: string, maxBytes: number): Promise<string | undefined> {
    const part = this.entries.get(name);
    if (!part || part.uncompressedSize > maxBytes) return undefined;
    const chunks: Uint8Array[] = [];
    for await (const chunk of this.bytes(part, maxBytes)) chunks.push(chunk);
    return new TextDecoder().decode(Buffer.concat(chunks));
  }
}
