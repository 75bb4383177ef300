/** One streaming pass over a package: its mode, tokenizer, limits, counters and damage notes. */
import type { ReadNote } from "../../core/grid";
import { WorkbookReadError } from "./read-errors";
import { limitErrors, type ReadLimits } from "./read-limits";
import { noteFor } from "./read-notes";
import type { ReadMode } from "./read-sheet";
import type { ScanLimits } from "./read-xml";
import type { ZipPackage } from "./read-zip";

/**
 * How worksheet XML is tokenized: "auto" (the fast scanner, saxes when it declines), or one of them only — tests
 * use those to check each path against the DOM reader ("fast" throws where "auto" would turn to saxes).
 */
export type Tokenizer = "auto" | "fast" | "saxes";

export class Pass {
  readonly notes: ReadNote[] = [];
  cells = 0;
  mergedCells = 0;
  private sheetCells = 0;
  private sheetMerges = 0;
  private sheetName = "";

  constructor(
    readonly zip: ZipPackage,
    readonly mode: ReadMode,
    readonly tokenizer: Tokenizer
  ) {}

  get limits(): ReadLimits {
    return this.zip.limits;
  }

  get scanLimits(): ScanLimits {
    return {
      maxTokenChars: this.limits.maxXmlTokenChars,
      tooLong: () => limitErrors.token(this.zip.source, this.sheetName, this.limits),
    };
  }

  startSheet(name: string): void {
    this.sheetName = name;
    this.sheetCells = 0;
    this.sheetMerges = 0;
  }

  readonly onCell = (): void => {
    if (++this.sheetCells > this.limits.maxCellsPerSheet)
      throw limitErrors.cellsPerSheet(this.zip.source, this.sheetName, this.limits);
    if (++this.cells > this.limits.maxCellsPerWorkbook)
      throw limitErrors.cellsPerWorkbook(this.zip.source, this.limits);
  };

  readonly onMerge = (): void => {
    if (++this.sheetMerges > this.limits.maxMergesPerSheet)
      throw limitErrors.merges(this.zip.source, this.sheetName, this.limits);
  };

  /** In lenient mode a failure of this part becomes a note and `fallback` is used; otherwise it propagates. */
  async tolerate<T>(part: string, sheet: string | undefined, fallback: T, read: () => Promise<T>) {
    try {
      return await read();
    } catch (err) {
      if (this.mode === "exact" || isFatal(err)) throw err;
      this.notes.push(noteFor(part, sheet, "unreadable"));
      return fallback;
    }
  }
}

/** Limits and unreadable-file errors end the read in any mode; everything else is the part's own damage. */
export const isFatal = (err: unknown): boolean => err instanceof WorkbookReadError;
