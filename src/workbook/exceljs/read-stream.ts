/**
 * Node-only fast path for reading an .xlsx file into the core grid, streaming each part out of the zip.
 *
 * Where the file is well formed the result is identical to the DOM reader (read.ts `readWorkbookBuffer`): same
 * values, merges, number formats, hidden sheets and columns, sheet order and names. ExcelJS's streaming
 * WorkbookReader was the starting point but cannot be used as is (verified on ExcelJS 4.4.0):
 * - its zip loop stops early after parking sheets in temp files: on an ExcelJS-written file whose xl/workbook.xml
 *   comes last in the zip it returns after xl/sharedStrings.xml, never seeing styles.xml or workbook.xml;
 * - its WorksheetReader drops `<mergeCell>`, ignores `hidden` on `<col>`, turns error/boolean formula results into
 *   NaN and keeps only the last run of inline rich text;
 * - it decodes each zip chunk as UTF-8 on its own, so a CJK character split across two chunks becomes U+FFFD.
 * So this file opens the zip through its central directory (read-zip.ts, with the size limits), reads
 * workbook.xml, the workbook rels, sharedStrings.xml and styles.xml with the very xforms the DOM reader uses, then
 * streams each worksheet through read-sheet.ts. Drawings, comments, tables, pivots and every other part are never
 * opened: they cannot stop the cells from being read.
 *
 * The first pass is "exact". Where it cannot reproduce the DOM reader (external hyperlinks, overlapping merges,
 * rows or cells out of order, odd sheet names, damaged XML) a "lenient" pass reads everything it can and notes
 * damage in `readNotes`; then, for a small undamaged file, the DOM reader is asked too, so the CLI agrees with the
 * web page, but it is never the path that fails: if it throws, the lenient grid stands.
 */
import { basename } from "node:path";
import {
  withFormulaResults,
  type SheetGrid,
  type UncachedFormula,
  type WorkbookGrid,
} from "../../core/grid";
import { readWorkbookBuffer } from "./read";
import { toSheetGrid } from "./read-bounds";
import { StreamFallback } from "./read-errors";
import { openInput, readInputBytes } from "./read-input";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./read-limits";
import { noteFor } from "./read-notes";
import { isFatal, Pass, type Tokenizer } from "./read-pass";
import { SheetXmlReader, type ParsedSheet, type ReadMode, type SheetContext } from "./read-sheet";
import { readWorkbookParts, sheetName, sheetParts } from "./read-workbook-parts";
import { NeedSaxes, saxesSheet } from "./read-xml";
import { scanSheet } from "./read-xml-scan";
import { ZipPackage, type ZipFileLike } from "./read-zip";

export { StreamFallback };
export type { Tokenizer };

export interface StreamOptions {
  readonly tokenizer?: Tokenizer;
  /** "exact" (default) throws StreamFallback where the DOM reader would differ; "lenient" reads on. */
  readonly mode?: ReadMode;
  readonly limits?: ReadLimits;
}

/** What one pass read, and what the DOM reader would have to hold to read the same file. */
interface PassResult {
  readonly grid: WorkbookGrid;
  readonly cells: number;
  /** Cells inside merged ranges as written (ExcelJS's DOM creates every one of them). */
  readonly mergedCells: number;
  readonly uncompressed: number;
}

/** One worksheet part: the fast scanner, or saxes over the part again when it declines. */
async function parseSheet(pass: Pass, file: ZipFileLike, ctx: SheetContext, name: string) {
  const { tokenizer } = pass;
  if (tokenizer !== "saxes") {
    const handler = new SheetXmlReader(ctx);
    try {
      await scanSheet(pass.zip.bytes(file), handler, pass.scanLimits);
      return handler.finish();
    } catch (err) {
      if (!(err instanceof NeedSaxes) || tokenizer === "fast") {
        if (pass.mode === "exact" || isFatal(err)) throw err;
        return damaged(pass, handler, file.path, name);
      }
    }
  }
  const again = new SheetXmlReader(ctx);
  try {
    await saxesSheet(pass.zip.bytes(file), again, pass.scanLimits);
  } catch (err) {
    if (pass.mode === "exact" || isFatal(err)) throw err;
    return damaged(pass, again, file.path, name);
  }
  return again.finish();
}

/** Lenient: the rows read before the damage, and one note saying the sheet could not be read to its end. */
function damaged(pass: Pass, handler: SheetXmlReader, part: string, sheet: string): ParsedSheet {
  pass.notes.push(noteFor(part, sheet, "truncated"));
  return handler.finish();
}

async function readPass(pass: Pass): Promise<PassResult> {
  const parts = await readWorkbookParts(pass);
  const sheetList = sheetParts(pass, parts);
  pass.zip.checkDeclared(sheetList.map((s) => s.part));
  const base = {
    strings: parts.strings === null ? [] : parts.strings,
    stringsLost: parts.strings === null,
    styles: parts.styles,
    date1904: !!parts.model?.properties?.date1904,
    recalcOnLoad: parts.recalcOnLoad,
    mode: pass.mode,
    onCell: pass.onCell,
    onMerge: pass.onMerge,
  };
  const sheets: SheetGrid[] = [];
  const formulas = new Map<string, readonly UncachedFormula[]>();
  const taken = new Set<string>();
  let uncompressed = 0;
  for (const [index, { sheet, part }] of sheetList.entries()) {
    const name = sheetName(pass, sheet.name, index, taken);
    pass.startSheet(name);
    uncompressed += part.uncompressedSize;
    const parsed = await parseSheet(pass, part, base, name);
    for (const m of parsed.merges)
      pass.mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    formulas.set(name, parsed.uncached);
    const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
    const { sheet: grid, damage } = toSheetGrid(parsed, name, hidden, pass.mode);
    if (damage.length) pass.notes.push(noteFor(part.path, name, "damaged", damage));
    // The sheetId names the sheet in ownership records (core/report/ownership.ts); a clashing one names none.
    const unique = sheetList.filter((s) => s.sheet.id === sheet.id).length === 1;
    const dated = base.date1904 ? { ...grid, dateSystem: 1904 as const } : grid;
    sheets.push(unique ? { ...dated, id: `xlsx:${sheet.id}` } : dated);
  }
  const grid: WorkbookGrid = withFormulaResults(
    {
      source: pass.zip.source,
      sheets,
      ...(pass.notes.length ? { readNotes: pass.notes } : {}),
    },
    formulas
  );
  return { grid, cells: pass.cells, mergedCells: pass.mergedCells, uncompressed };
}

async function streamPass(path: string, options: StreamOptions): Promise<PassResult> {
  const zip = await ZipPackage.open(path, basename(path), options.limits ?? DEFAULT_READ_LIMITS);
  try {
    return await readPass(new Pass(zip, options.mode ?? "exact", options.tokenizer ?? "auto"));
  } finally {
    await zip.close();
  }
}

/**
 * One streaming pass without the DOM: throws StreamFallback ("exact" mode), WorkbookReadError or
 * WorkbookLimitError. Exported for tests that check the streaming pass itself.
 */
export async function streamWorkbookFile(
  path: string,
  options: StreamOptions = {}
): Promise<WorkbookGrid> {
  return (await streamPass(path, options)).grid;
}

/** Small enough for ExcelJS's DOM, which holds every cell (and every cell of every merge) as an object. */
function domCanRead(result: PassResult, limits: ReadLimits): boolean {
  const cellBudget = limits.domMaxUncompressedBytes / 32;
  return (
    !result.grid.readNotes?.length &&
    result.uncompressed <= limits.domMaxUncompressedBytes &&
    result.cells + result.mergedCells <= cellBudget
  );
}

/**
 * The DOM reader over a file: bytes → read.ts. Throws WorkbookFileError (missing, not a regular file, unreadable)
 * or WorkbookReadError (not an .xlsx), both naming the file.
 */
export async function readWorkbookFileDom(path: string): Promise<WorkbookGrid> {
  const input = await openInput(path);
  return readWorkbookBuffer(await readInputBytes(input), input.source);
}

/**
 * Reads an .xlsx file into a grid, equal to `readWorkbookFileDom`'s wherever that one can read the file, with
 * bounded memory and time. Throws WorkbookFileError (missing, not a regular file, unreadable), WorkbookReadError
 * (not a workbook: encrypted, .xls, .ods, damaged zip) or WorkbookLimitError (a limit of read-limits.ts), each
 * naming the file; damage inside the file is reported in `readNotes` instead.
 * @example const grid = await readWorkbookFileStreaming("ledger.xlsx");
 */
export async function readWorkbookFileStreaming(
  path: string,
  options: { readonly limits?: ReadLimits } = {}
): Promise<WorkbookGrid> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  await openInput(path);
  try {
    return await streamWorkbookFile(path, { limits });
  } catch (err) {
    if (isFatal(err)) throw err;
  }
  const lenient = await streamPass(path, { limits, mode: "lenient" });
  if (!domCanRead(lenient, limits)) return lenient.grid;
  try {
    return await readWorkbookFileDom(path);
  } catch {
    return lenient.grid;
  }
}
