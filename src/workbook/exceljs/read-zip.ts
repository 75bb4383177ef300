/**
 * The zip of an .xlsx file, opened through its central directory, with the size limits enforced as parts stream:
 * declared sizes and compression ratios are checked before a part is inflated, and the bytes actually inflated are
 * counted against both the part's declared size and the workbook's budget, so a zip bomb that lies about its sizes
 * is stopped at the first byte over. Node only.
 */
import { unzipper, type ZipFileLike } from "./read-internals";
import { unreadableError } from "./read-errors";
import { limitErrors, type ReadLimits } from "./read-limits";

export class ZipPackage {
  private inflated = 0;

  private constructor(
    readonly source: string,
    readonly entries: ReadonlyMap<string, ZipFileLike>,
    readonly limits: ReadLimits
  ) {}

  /** Opens the zip's directory. Throws WorkbookReadError (damaged zip) or WorkbookLimitError (too many entries). */
  static async open(path: string, source: string, limits: ReadLimits): Promise<ZipPackage> {
    let files: ZipFileLike[];
    try {
      files = (await unzipper.Open.file(path)).files;
    } catch (err) {
      throw unreadableError(source, "damaged-zip", err);
    }
    if (files.length > limits.maxEntries) throw limitErrors.entries(source, limits);
    const entries = new Map<string, ZipFileLike>();
    for (const file of files) if (file.type === "File") entries.set(file.path, file);
    return new ZipPackage(source, entries, limits);
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

  /** A part's bytes, refused when it declares more than `maxBytes`, inflates past its declared size or the budget. */
  async *bytes(part: ZipFileLike, maxBytes?: number): AsyncGenerator<Uint8Array> {
    if (maxBytes !== undefined && part.uncompressedSize > maxBytes)
      throw limitErrors.partSize(this.source, part.path, maxBytes);
    this.checkRatio(part);
    let seen = 0;
    const stream = part.stream();
    try {
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        seen += chunk.length;
        this.inflated += chunk.length;
        if (seen > part.uncompressedSize) throw limitErrors.sizeMismatch(this.source, part.path);
        if (this.inflated > this.limits.maxUncompressedBytes)
          throw limitErrors.uncompressed(this.source, this.limits);
        yield chunk;
      }
    } finally {
      // Stop inflating when the reader stops early (an error, a limit): the rest of the part is never needed.
      (stream as unknown as { destroy?: () => void }).destroy?.();
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
