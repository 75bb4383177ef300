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
import type { CellValue, ReadNote, SheetGrid, WorkbookGrid } from "../../core/grid";
import type ExcelJS from "exceljs";
import { readWorkbookBuffer, plainValue } from "./read";
import { toSheetGrid } from "./read-bounds";
import { StreamFallback, unreadableError, WorkbookReadError } from "./read-errors";
import { openInput, readInputBytes } from "./read-input";
import {
  parseSax,
  RelationshipsXform,
  SharedStringsXform,
  StylesXform,
  WorkbookXform,
  type RelLike,
  type StyleManagerLike,
  type WorkbookModelLike,
  type XformLike,
  type ZipFileLike,
} from "./read-internals";
import { DEFAULT_READ_LIMITS, limitErrors, type ReadLimits } from "./read-limits";
import { noteFor } from "./read-notes";
import { SheetXmlReader, type ParsedSheet, type ReadMode, type SheetContext } from "./read-sheet";
import { zipKind } from "./read-sniff";
import { decoded, NeedSaxes, saxesSheet, scanSheet, type ScanLimits } from "./read-xml";
import { ZipPackage } from "./read-zip";

export { StreamFallback };

/**
 * How worksheet XML is tokenized: "auto" (the fast scanner, saxes when it declines), or one of them only — tests
 * use those to check each path against the DOM reader ("fast" throws where "auto" would turn to saxes).
 */
export type Tokenizer = "auto" | "fast" | "saxes";

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

/** The parts read before the sheets, each through the xform the DOM reader uses (XLSX.load in xlsx.js). */
interface WorkbookParts {
  readonly model: WorkbookModelLike | undefined;
  readonly rels: readonly RelLike[] | undefined;
  /** null: the part exists but could not be read (its note is taken; text cells read as empty). */
  readonly strings: readonly CellValue[] | null | undefined;
  readonly styles: StyleManagerLike | undefined;
}

class Pass {
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
const isFatal = (err: unknown): boolean => err instanceof WorkbookReadError;

/** The part's text, failing at the end when it does not close `root`: ExcelJS's xforms accept a truncated part. */
async function* complete(chunks: AsyncIterable<string>, part: string, root: string) {
  let tail = "";
  for await (const text of chunks) {
    tail = (tail + text).slice(-(root.length + 64));
    yield text;
  }
  if (!new RegExp(`(</(\\w+:)?${root}\\s*>|/>)\\s*$`).test(tail))
    throw new Error(`${part} is truncated`);
}

async function parsePart<M>(
  pass: Pass,
  part: ZipFileLike,
  root: string,
  xform: XformLike<M>,
  maxBytes: number
): Promise<M> {
  await xform.parse(parseSax(complete(decoded(pass.zip.bytes(part, maxBytes)), part.path, root)));
  return xform.model;
}

async function readWorkbookParts(pass: Pass): Promise<WorkbookParts> {
  const { zip, limits } = pass;
  const workbookPart = zip.entries.get("xl/workbook.xml");
  if (!workbookPart) {
    const kind = zipKind(zip.names, await zip.smallText("mimetype", 256));
    throw unreadableError(zip.source, kind ?? "no-workbook-part");
  }
  let model: WorkbookModelLike | undefined;
  try {
    model = await parsePart(
      pass,
      workbookPart,
      "workbook",
      new WorkbookXform(),
      limits.maxStylesBytes
    );
  } catch (err) {
    if (isFatal(err)) throw err;
    throw unreadableError(zip.source, "damaged-content", err);
  }
  const relsName = "xl/_rels/workbook.xml.rels";
  const relsPart = zip.entries.get(relsName);
  if (!relsPart) {
    // ExcelJS finds no sheet without the rels; lenient reading looks where sheets usually are.
    if (pass.mode === "exact") throw new StreamFallback("no workbook rels");
    pass.notes.push(noteFor(relsName, undefined, "unreadable"));
  }
  const rels = relsPart
    ? await pass.tolerate(relsPart.path, undefined, undefined, () =>
        parsePart(pass, relsPart, "Relationships", new RelationshipsXform(), limits.maxStylesBytes)
      )
    : undefined;

  const stringsPart = zip.entries.get("xl/sharedStrings.xml");
  const strings = stringsPart
    ? await pass.tolerate(stringsPart.path, undefined, null, async () => {
        const parsed = await parsePart(
          pass,
          stringsPart,
          "sst",
          new SharedStringsXform(),
          limits.maxSharedStringsBytes
        );
        // ExcelJS's cell reconcile reads `.richText` off the string, so a missing one makes the DOM reader fail.
        return (parsed?.values ?? []).map((v) => {
          if (v === undefined || v === null) {
            if (pass.mode === "exact") throw new StreamFallback("empty shared string");
            return "";
          }
          return plainValue(v as ExcelJS.CellValue);
        });
      })
    : undefined;

  const stylesPart = zip.entries.get("xl/styles.xml");
  const styles = stylesPart
    ? await pass.tolerate(stylesPart.path, undefined, undefined, async () => {
        const xform = new StylesXform();
        await parsePart(pass, stylesPart, "styleSheet", xform, limits.maxStylesBytes);
        return xform;
      })
    : undefined;
  return { model, rels: rels ?? undefined, strings, styles };
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

const ILLEGAL_NAME = /[*?:/\\[\]]|^'|'$/;

/** A sheet name ExcelJS would keep as is; lenient mode keeps other names, made unique. */
function sheetName(pass: Pass, name: unknown, index: number, taken: Set<string>): string {
  const ok =
    typeof name === "string" &&
    name !== "" &&
    name !== "History" &&
    name.length <= 31 &&
    !ILLEGAL_NAME.test(name) &&
    !taken.has(name.toLowerCase());
  if (!ok && pass.mode === "exact") throw new StreamFallback(`sheet name ${String(name)}`);
  let unique = typeof name === "string" && name !== "" ? name : `Sheet${index + 1}`;
  for (let k = 2; taken.has(unique.toLowerCase()); k++)
    unique = `${typeof name === "string" && name ? name : "Sheet"} (${k})`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** WorkbookXform.reconcile + Workbook.model: sheets in workbook.xml order, matched to parts through the rels. */
function sheetParts(pass: Pass, parts: WorkbookParts) {
  const relById = new Map<string, RelLike>();
  for (const rel of parts.rels ?? []) relById.set(rel.Id, rel);
  const found: { sheet: NonNullable<WorkbookModelLike["sheets"]>[number]; part: ZipFileLike }[] =
    [];
  const ids = new Set<number>();
  const used = new Set<string>();
  (parts.model?.sheets ?? []).forEach((sheet, index) => {
    const rel = relById.get(sheet.rId);
    // Lenient, when the rels could not be read: the conventional part name for the n-th sheet.
    const target = rel?.Target ?? (parts.rels ? undefined : `worksheets/sheet${index + 1}.xml`);
    if (target === undefined) return;
    const partPath = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
    const part = pass.zip.entries.get(partPath);
    // Only parts named like a worksheet are worksheets to ExcelJS; chartsheets and dangling rels are skipped.
    if (!part || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(partPath)) return;
    const { id } = sheet;
    const clash = !(Number.isInteger(id) && id > 0) || ids.has(id) || used.has(partPath);
    if (clash && pass.mode === "exact") throw new StreamFallback("sheet ids or parts");
    ids.add(id);
    used.add(partPath);
    found.push({ sheet, part });
  });
  return found;
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
    mode: pass.mode,
    onCell: pass.onCell,
    onMerge: pass.onMerge,
  };
  const sheets: SheetGrid[] = [];
  const taken = new Set<string>();
  let uncompressed = 0;
  for (const [index, { sheet, part }] of sheetList.entries()) {
    const name = sheetName(pass, sheet.name, index, taken);
    pass.startSheet(name);
    uncompressed += part.uncompressedSize;
    const parsed = await parseSheet(pass, part, base, name);
    for (const m of parsed.merges)
      pass.mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
    const { sheet: grid, damage } = toSheetGrid(parsed, name, hidden, pass.mode);
    if (damage.length) pass.notes.push(noteFor(part.path, name, "damaged", damage));
    // The sheetId names the sheet in ownership records (core/report/ownership.ts); a clashing one names none.
    const unique = sheetList.filter((s) => s.sheet.id === sheet.id).length === 1;
    sheets.push(unique ? { ...grid, id: `xlsx:${sheet.id}` } : grid);
  }
  const grid: WorkbookGrid = {
    source: pass.zip.source,
    sheets,
    ...(pass.notes.length ? { readNotes: pass.notes } : {}),
  };
  return { grid, cells: pass.cells, mergedCells: pass.mergedCells, uncompressed };
}

async function streamPass(path: string, options: StreamOptions): Promise<PassResult> {
  const zip = await ZipPackage.open(path, basename(path), options.limits ?? DEFAULT_READ_LIMITS);
  return readPass(new Pass(zip, options.mode ?? "exact", options.tokenizer ?? "auto"));
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
