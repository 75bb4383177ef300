/**
 * Node-only fast path for reading an .xlsx file into the core grid, streaming each part out of the zip.
 *
 * The result is identical to the DOM reader (read.ts `readWorkbookBuffer`): same values, merges, number formats,
 * hidden sheets and columns, sheet order and names. ExcelJS's streaming WorkbookReader was the starting point but
 * cannot be used as is (verified on ExcelJS 4.4.0):
 * - its zip loop stops early after parking sheets in temp files: on an ExcelJS-written file whose xl/workbook.xml
 *   comes last in the zip it returns after xl/sharedStrings.xml, never seeing styles.xml or workbook.xml;
 * - its WorksheetReader drops `<mergeCell>`, ignores `hidden` on `<col>`, turns error/boolean formula results into
 *   NaN and keeps only the last run of inline rich text;
 * - it decodes each zip chunk as UTF-8 on its own, so a CJK character split across two chunks becomes U+FFFD.
 * So this file opens the zip through its central directory (unzipper, the zip library ExcelJS itself depends on,
 * loaded from ExcelJS's own dependencies), reads workbook.xml, the workbook rels, sharedStrings.xml and styles.xml
 * with the very xforms the DOM reader uses, then streams each worksheet through a flat saxes handler that mirrors
 * ExcelJS's CellXform/RowXform/Worksheet model rules without building Row/Cell objects.
 *
 * Whatever that handler cannot reproduce exactly makes the whole file fall back to the DOM reader (see
 * `StreamFallback` below): external hyperlinks on a sheet, overlapping merges, rows or cells out of order or without
 * addresses, sheet names ExcelJS would reject or truncate, duplicate sheet ids. Any other failure of the stream
 * (a corrupt or truncated zip, a non-.xlsx file) also goes to the DOM reader, so the errors stay exactly the ones
 * read.ts throws (WorkbookReadError naming the file).
 */
import { open, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename } from "node:path";
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { WorkbookFileError } from "./file-io";
import { plainValue, readWorkbookBuffer } from "./read";

// ---------------------------------------------------------------------------------------------------------------
// ExcelJS internals (4.4.0) and the libraries it depends on. Its .d.ts types none of them, so each piece is
// narrowed through the small interface it is used by. Loaded relative to exceljs itself, so `saxes` and `unzipper`
// are the copies ExcelJS uses, not new dependencies of this project.

interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}
interface SaxesParserLike {
  on(event: "opentag", handler: (tag: SaxTag) => void): void;
  on(event: "closetag", handler: (tag: SaxTag) => void): void;
  on(event: "text", handler: (text: string) => void): void;
  on(event: "error", handler: (err: Error) => void): void;
  write(chunk: string): unknown;
  close(): unknown;
}
interface ExcelUtils {
  isDateFmt(fmt: string | undefined): boolean;
  /** ExcelJS passes whatever result a formula cached (string, boolean, error object); JS coerces it. */
  excelToDate(value: unknown, date1904?: boolean): Date;
  xmlDecode(text: string): string;
}
interface RangeLike {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
interface XformLike<M> {
  parse(events: AsyncIterable<unknown>): Promise<M>;
  readonly model: M;
}
interface StyleManagerLike extends XformLike<unknown> {
  getStyleModel(id: number): { numFmt?: string } | undefined;
}
interface RelLike {
  readonly Id: string;
  readonly Target: string;
}
interface WorkbookModelLike {
  readonly sheets?: ReadonlyArray<{
    readonly id: number;
    readonly name: string;
    readonly rId: string;
    readonly state?: string;
  }>;
  readonly properties?: { readonly date1904?: boolean };
}
/** A file in unzipper's central-directory listing (unzipper/lib/Open/directory.js). */
interface ZipFileLike {
  readonly path: string;
  readonly type: "File" | "Directory";
  stream(): NodeJS.ReadableStream;
}
type ChunkSource = AsyncIterable<Uint8Array | string>;

const exceljsRequire = createRequire(require.resolve("exceljs"));
const { SaxesParser } = exceljsRequire("saxes") as { SaxesParser: new () => SaxesParserLike };
const utils = exceljsRequire("./lib/utils/utils") as ExcelUtils;
const Range = exceljsRequire("./lib/doc/range") as new (ref: string) => RangeLike;
const unzipper = exceljsRequire("unzipper") as {
  Open: { file(path: string): Promise<{ files: ZipFileLike[] }> };
};
const iterateStream = exceljsRequire("./lib/utils/iterate-stream") as (
  stream: NodeJS.ReadableStream
) => AsyncIterable<Uint8Array>;
const parseSax = exceljsRequire("./lib/utils/parse-sax") as (
  chunks: AsyncIterable<string>
) => AsyncIterable<unknown>;
const WorkbookXform = exceljsRequire("./lib/xlsx/xform/book/workbook-xform") as new () => XformLike<
  WorkbookModelLike | undefined
>;
const RelationshipsXform = exceljsRequire(
  "./lib/xlsx/xform/core/relationships-xform"
) as new () => XformLike<RelLike[] | undefined>;
const SharedStringsXform = exceljsRequire(
  "./lib/xlsx/xform/strings/shared-strings-xform"
) as new () => XformLike<{ values: unknown[] } | undefined>;
const StylesXform = exceljsRequire(
  "./lib/xlsx/xform/style/styles-xform"
) as new () => StyleManagerLike;

// ---------------------------------------------------------------------------------------------------------------

/** Thrown where the streaming reader cannot reproduce the DOM reader exactly; the file is then read by the DOM. */
export class StreamFallback extends Error {
  constructor(why: string) {
    super(why);
    this.name = "StreamFallback";
  }
}

/** UTF-8 decoding that carries a character split across chunks over to the next chunk. */
async function* decoded(chunks: ChunkSource): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

type AttrReader = (name: string) => string | undefined;
/** SAX-style callbacks one worksheet parse is driven by, whichever tokenizer feeds it. */
interface XmlHandler {
  open(name: string, attr: AttrReader): void;
  text(text: string): void;
  close(name: string): void;
  /** Whether text at this point matters; lets the fast scanner skip slicing and decoding the rest. */
  wantsText(): boolean;
}

interface SheetContext {
  /** Shared strings as plain grid values; undefined when the file has no sharedStrings.xml. */
  readonly strings: readonly CellValue[] | undefined;
  readonly styles: StyleManagerLike | undefined;
  readonly date1904: boolean;
}

interface ColDef {
  readonly min: number;
  readonly max: number;
  readonly hidden: boolean;
}

interface ParsedSheet {
  readonly rows: CellValue[][];
  /** Per 0-based row: highest 1-based column ExcelJS would create a Cell for (0: none). */
  readonly cellCount: number[];
  /** Per 0-based row: whether ExcelJS's `row.hasValues` holds (a cell of a type other than Null). */
  readonly hasValues: boolean[];
  readonly numberFormats: Map<string, string>;
  readonly merges: RangeLike[];
  readonly cols: ColDef[];
}

const A = 65;
const Z = 90;
const ZERO = 48;
const NINE = 57;

const LETTERS: string[] = [];

/** 1-based column → its letters ("A", "AB"), cached: formatted columns ask once per row. */
function columnLetters(col: number): string {
  const cached = LETTERS[col];
  if (cached !== undefined) return cached;
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(A + ((n - 1) % 26)) + s;
  if (col <= 16384) LETTERS[col] = s;
  return s;
}

function decodeX(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/**
 * One worksheet's XML → values, formats, merges and cols, following ExcelJS's CellXform.parseClose/reconcile and
 * Row/Worksheet model setters rule by rule (comments name the rule where it is not obvious).
 */
function sheetHandler(ctx: SheetContext): XmlHandler & { finish(): ParsedSheet } {
  const rows: CellValue[][] = [];
  const cellCount: number[] = [];
  const hasValues: boolean[] = [];
  const numberFormats = new Map<string, string>();
  const mergeRefs: string[] = [];
  const cols: ColDef[] = [];
  const fmtCache = new Map<number, string | undefined>();
  const { strings, styles, date1904 } = ctx;

  const numFmtOf = (styleId: number): string | undefined => {
    if (!styleId || !styles) return undefined;
    if (fmtCache.has(styleId)) return fmtCache.get(styleId);
    const fmt = styles.getStyleModel(styleId)?.numFmt;
    fmtCache.set(styleId, fmt);
    return fmt;
  };

  let depth = 0;
  /** Name of the open child of <worksheet> (depth 2), e.g. sheetData, cols, mergeCells. */
  let section = "";
  // row state
  let rowIdx = -1;
  let rowOut: CellValue[] | null = null;
  let rowCells = 0;
  let rowHasValues = false;
  let prevCol = 0;
  // cell state (CellXform)
  let inCell = false;
  let cRef: string | undefined;
  let cT: string | undefined;
  let cS = 0;
  let fText: string | undefined;
  let fShare: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  /** Shared-formula masters seen so far (si → whether ExcelJS could record the master's address). */
  const sharedMasters = new Map<string | undefined, boolean>();
  let vText: string | undefined;
  let current: 0 | 1 | 2 = 0; // 0 none, 1 <f>, 2 <v>/<t>
  let runs: string[] | undefined;
  let inRun = false;
  let runPart: 0 | 1 | 2 = 0; // 0 none, 1 <rPr>, 2 <t>
  let runBuf = "";
  let runText: string | undefined;

  const endCell = (): void => {
    inCell = false;
    const isFormula = !!fText || !!fShare;
    const hasValue = vText !== undefined || runs !== undefined;
    let plain: CellValue;
    let nonNull = true;
    if (isFormula) {
      if (runs) throw new StreamFallback("formula with a rich-text value");
      let result: unknown;
      if (vText) {
        if (cT === "str") result = utils.xmlDecode(vText);
        else if (cT === "b") result = parseInt(vText, 10) !== 0;
        else if (cT === "e") result = { error: vText };
        else result = parseFloat(vText);
      }
      if (result !== undefined && utils.isDateFmt(numFmtOf(cS)))
        result = utils.excelToDate(result, date1904);
      // CellXform.reconcile: a shared master (t="shared" with ref) records its address under si; a clone (no ref)
      // gets that address as `sharedFormula`, or nothing when no master came before it.
      let hasFormula = !!fText;
      if (fShare === "shared") {
        if (fRef) sharedMasters.set(fSi, !!cRef);
        else hasFormula ||= sharedMasters.get(fSi) === true;
      }
      // FormulaValue's value getter copies only truthy fields: a cached 0, false, "" or NaN reads as no result,
      // and a cell left with neither formula nor sharedFormula reads as null in plainValue.
      plain = result && hasFormula ? plainValue(result as ExcelJS.CellValue) : null;
    } else if (hasValue) {
      if (runs) {
        if (cT !== "inlineStr") throw new StreamFallback("rich text in a non-inline cell");
        plain = runs.join("");
      } else {
        const text = vText as string;
        switch (cT) {
          case "s": {
            const index = parseInt(text, 10);
            if (!strings) plain = index;
            else {
              const s = strings[index];
              if (s === undefined) throw new StreamFallback("shared string index out of range");
              plain = s;
            }
            break;
          }
          case "str":
            plain = utils.xmlDecode(text);
            break;
          case "inlineStr":
            plain = text;
            break;
          case "b":
            plain = parseInt(text, 10) !== 0;
            break;
          case "e":
            plain = { kind: "error", code: text };
            break;
          default: {
            const n = parseFloat(text);
            if (utils.isDateFmt(numFmtOf(cS))) {
              const d = utils.excelToDate(n, date1904);
              plain = Number.isNaN(d.getTime()) ? null : d;
            } else plain = n;
          }
        }
      }
    } else if (cS) {
      nonNull = false; // Null type: ExcelJS creates the Cell (it counts in cellCount) but it holds no value
      plain = null;
    } else {
      return; // "Merge" type in CellXform: Row's model setter skips it altogether
    }
    let col: number;
    if (cRef !== undefined) {
      // decode "AB12"; anything else (absolute refs, lower case, a row other than the <row>'s) → DOM
      let i = 0;
      col = 0;
      const len = cRef.length;
      for (; i < len; i++) {
        const ch = cRef.charCodeAt(i);
        if (ch < A || ch > Z) break;
        col = col * 26 + (ch - A + 1);
      }
      let row = 0;
      const digitsFrom = i;
      for (; i < len; i++) {
        const ch = cRef.charCodeAt(i);
        if (ch < ZERO || ch > NINE) throw new StreamFallback(`cell address ${cRef}`);
        row = row * 10 + (ch - ZERO);
      }
      if (
        col === 0 ||
        digitsFrom === len ||
        cRef.charCodeAt(digitsFrom) === ZERO ||
        row !== rowIdx + 1
      )
        throw new StreamFallback(`cell address ${cRef}`);
    } else {
      if (prevCol === 0) throw new StreamFallback("cell without an address");
      col = prevCol + 1;
    }
    if (col <= prevCol) throw new StreamFallback("cells out of order");
    prevCol = col;
    rowCells = col;
    if (nonNull) rowHasValues = true;
    if (plain === null) return;
    const out = rowOut as CellValue[];
    while (out.length < col - 1) out.push(null);
    out.push(plain);
    const fmt = numFmtOf(cS);
    if (fmt && fmt !== "General") numberFormats.set(columnLetters(col) + String(rowIdx + 1), fmt);
  };

  const open = (name: string, attr: AttrReader): void => {
    depth++;
    if (depth === 2) {
      section = name;
      return;
    }
    if (inCell) {
      if (inRun) {
        if (runPart === 0) {
          if (name === "t") {
            runPart = 2;
            runBuf = "";
          } else if (name === "rPr") runPart = 1;
        }
        return;
      }
      switch (name) {
        case "f":
          current = 1;
          fShare = attr("t");
          fSi = attr("si");
          fRef = attr("ref");
          return;
        case "v":
        case "t":
          current = 2;
          return;
        case "r":
          if (vText) throw new StreamFallback("inline text before rich-text runs");
          inRun = true;
          runPart = 0;
          runText = undefined;
          return;
        default:
          return;
      }
    }
    switch (section) {
      case "sheetData":
        if (depth === 3 && name === "row") {
          const r = attr("r");
          const n = r === undefined ? NaN : parseInt(r, 10);
          if (!(n > rowIdx + 1)) throw new StreamFallback("rows without a number or out of order");
          rowIdx = n - 1;
          rowOut = [];
          rowCells = 0;
          rowHasValues = false;
          prevCol = 0;
        } else if (depth === 4 && name === "c" && rowOut) {
          inCell = true;
          cRef = attr("r");
          cT = attr("t");
          const s = attr("s");
          cS = s ? parseInt(s, 10) || 0 : 0;
          fText = undefined;
          fShare = undefined;
          vText = undefined;
          current = 0;
          runs = undefined;
          inRun = false;
        }
        return;
      case "cols":
        if (depth === 3 && name === "col") {
          const hidden = attr("hidden");
          cols.push({
            min: parseInt(attr("min") || "0", 10),
            max: parseInt(attr("max") || "0", 10),
            hidden: hidden === "1" || hidden === "true",
          });
        }
        return;
      case "mergeCells":
        if (depth === 3 && name === "mergeCell") {
          const ref = attr("ref");
          if (ref === undefined) throw new StreamFallback("mergeCell without a ref");
          mergeRefs.push(ref);
        }
        return;
      case "hyperlinks":
        // ExcelJS turns cells with an external link into {text, hyperlink}, which changes what they read as
        // (numbers and dates → null) and which rows count; the streaming pass does not reproduce that.
        if (name === "hyperlink" && attr("r:id")) throw new StreamFallback("external hyperlinks");
        return;
      default:
        return;
    }
  };
  const text = (text: string): void => {
    if (!inCell) return;
    if (inRun) {
      if (runPart === 2) runBuf += text;
      return;
    }
    if (current === 1) fText = fText === undefined ? text : fText + text;
    else if (current === 2) vText = vText === undefined ? text : vText + text;
  };
  const wantsText = (): boolean => inCell && (inRun ? runPart === 2 : current !== 0);
  const close = (name: string): void => {
    depth--;
    if (inCell) {
      if (inRun) {
        if (name === "r") {
          (runs ??= []).push(runText ?? "");
          inRun = false;
        } else if (runPart === 2 && name === "t") {
          runText = decodeX(runBuf);
          runPart = 0;
        } else if (runPart === 1 && name === "rPr") runPart = 0;
        else if (name === "f" || name === "v" || name === "is") current = 0;
        return;
      }
      if (name === "c") endCell();
      else if (name === "f" || name === "v" || name === "is" || name === "t") current = 0;
      return;
    }
    if (depth === 1) section = "";
    else if (depth === 2 && name === "row" && section === "sheetData" && rowOut) {
      cellCount[rowIdx] = rowCells;
      hasValues[rowIdx] = rowHasValues;
      rows[rowIdx] = rowOut;
      rowOut = null;
    }
  };

  return {
    open,
    text,
    close,
    wantsText,
    finish: () => ({
      rows,
      cellCount,
      hasValues,
      numberFormats,
      merges: mergeRefs.map((ref) => new Range(ref)),
      cols,
    }),
  };
}

/** saxes, as the DOM reader tokenizes: the reference path, used when the fast scanner meets unusual XML. */
async function saxesSheet(chunks: ChunkSource, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on("error", (err) => {
    error ??= err;
  });
  parser.on("opentag", (tag) => handler.open(tag.name, (name) => tag.attributes[name]));
  parser.on("text", (text) => handler.text(text));
  parser.on("closetag", (tag) => handler.close(tag.name));
  for await (const text of decoded(chunks)) {
    parser.write(text);
    if (error) throw error;
  }
  parser.close();
  if (error) throw error;
}

/** The fast scanner met something it leaves to saxes (CDATA, a DTD, an unknown entity, mismatched tags). */
class NeedSaxes extends Error {}

const ENTITY: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** XML text → string as saxes gives it: line ends normalised, the five entities and character references decoded. */
function xmlText(raw: string): string {
  let t = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  if (t.indexOf("&") >= 0) {
    t = t.replace(/&([^;&<]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(";")) throw new NeedSaxes("bare &");
      if (body.charCodeAt(0) === 35 /* # */) {
        const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff)
          throw new NeedSaxes("char ref");
        return String.fromCodePoint(code);
      }
      const e = ENTITY[body];
      if (e === undefined) throw new NeedSaxes(`entity ${body}`);
      return e;
    });
  }
  return t;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
const orInfinity = (index: number): number => (index < 0 ? Infinity : index);

/**
 * A minimal tokenizer for the machine-written XML of a worksheet part: tags, attributes, text, comments and
 * processing instructions. Allocates nothing per element beyond the name; attributes are read on request.
 * Anything else (CDATA, DOCTYPE, unknown entities, mismatched tags) throws NeedSaxes.
 */
async function scanSheet(chunks: ChunkSource, handler: XmlHandler): Promise<void> {
  let buf = "";
  let tagStart = 0;
  let tagEnd = 0;
  // The current tag's attributes, split once on first request: [nameStart, nameEnd, valueStart, valueEnd]*.
  const spans = new Int32Array(256);
  let spanCount = -1;
  const splitAttributes = (): void => {
    spanCount = 0;
    let i = tagStart;
    const end = tagEnd;
    for (;;) {
      while (i < end && buf.charCodeAt(i) <= 32) i++;
      if (i >= end) return;
      const eq = buf.indexOf("=", i);
      if (eq < 0 || eq >= end) throw new NeedSaxes("attribute without a value");
      let nameEnd = eq;
      while (nameEnd > i && buf.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      let j = eq + 1;
      while (j < end && buf.charCodeAt(j) <= 32) j++;
      const quote = buf.charCodeAt(j);
      if (quote !== 34 && quote !== 39) throw new NeedSaxes("unquoted attribute");
      const close = buf.indexOf(quote === 34 ? '"' : "'", j + 1);
      if (close < 0 || close >= end) throw new NeedSaxes("attribute");
      if (spanCount * 4 + 4 > spans.length) throw new NeedSaxes("too many attributes");
      spans[spanCount * 4] = i;
      spans[spanCount * 4 + 1] = nameEnd;
      spans[spanCount * 4 + 2] = j + 1;
      spans[spanCount * 4 + 3] = close;
      spanCount++;
      i = close + 1;
    }
  };
  const attr: AttrReader = (want) => {
    if (spanCount < 0) splitAttributes();
    for (let k = 0; k < spanCount * 4; k += 4) {
      const nameStart = spans[k] as number;
      if ((spans[k + 1] as number) - nameStart === want.length && buf.startsWith(want, nameStart)) {
        const raw = buf.slice(spans[k + 2], spans[k + 3]);
        // saxes normalises whitespace in attribute values to spaces, then decodes references
        return /[\t\n\r&]/.test(raw) ? xmlText(raw.replace(/[\t\n\r]/g, " ")) : raw;
      }
    }
    return undefined;
  };
  const stack: string[] = [];
  let seenRoot = false;
  for await (const chunk of decoded(chunks)) {
    buf = buf.length ? buf + chunk : chunk;
    let pos = 0;
    const len = buf.length;
    // next '"' and "'" at or after the scan position (Infinity: none left in this buffer)
    let dq = -1;
    let sq = -1;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) break; // text runs on into the next chunk
      if (lt > pos && stack.length > 0 && handler.wantsText())
        handler.text(xmlText(buf.slice(pos, lt)));
      const next = buf.charCodeAt(lt + 1);
      if (next === 47 /* / */) {
        const gt = buf.indexOf(">", lt + 2);
        if (gt < 0) {
          pos = lt;
          break;
        }
        let nameEnd = gt;
        while (nameEnd > lt + 2 && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
        const name = buf.slice(lt + 2, nameEnd);
        if (stack.pop() !== name) throw new NeedSaxes("mismatched close tag");
        handler.close(name);
        pos = gt + 1;
        continue;
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf("?>", lt + 2);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end + 2;
        continue;
      }
      if (next === 33 /* ! */) {
        if (!buf.startsWith("<!--", lt)) {
          if (len - lt < 9) {
            pos = lt;
            break;
          }
          throw new NeedSaxes("CDATA or DTD");
        }
        const end = buf.indexOf("-->", lt + 4);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end + 3;
        continue;
      }
      if (Number.isNaN(next)) {
        pos = lt;
        break;
      }
      // open tag: find its '>' outside quoted attribute values
      let i = lt + 1;
      let gt = -1;
      for (;;) {
        const end = buf.indexOf(">", i);
        if (end < 0) break;
        if (dq < i) dq = orInfinity(buf.indexOf('"', i));
        if (sq < i) sq = orInfinity(buf.indexOf("'", i));
        const q = dq < sq ? dq : sq;
        if (q > end) {
          gt = end;
          break;
        }
        const closeQuote = buf.indexOf(q === dq ? '"' : "'", q + 1);
        if (closeQuote < 0) break;
        i = closeQuote + 1;
      }
      if (gt < 0) {
        pos = lt;
        break;
      }
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      let nameEnd = lt + 1;
      const limit = selfClosing ? gt - 1 : gt;
      while (nameEnd < limit && !isSpace(buf.charCodeAt(nameEnd))) nameEnd++;
      const name = buf.slice(lt + 1, nameEnd);
      if (name === "") throw new NeedSaxes("empty tag name");
      if (stack.length === 0) {
        if (seenRoot) throw new NeedSaxes("second root");
        seenRoot = true;
      }
      tagStart = nameEnd;
      tagEnd = limit;
      spanCount = -1;
      stack.push(name);
      handler.open(name, attr);
      if (selfClosing) {
        stack.pop();
        handler.close(name);
      }
      pos = gt + 1;
    }
    buf = pos >= len ? "" : buf.slice(pos);
  }
  if (stack.length > 0 || !seenRoot || buf.trim() !== "")
    throw new NeedSaxes("unterminated document");
}

/**
 * How worksheet XML is tokenized: "auto" (the fast scanner, saxes when it declines), or one of them only — tests
 * use those to check each path against the DOM reader ("fast" throws where "auto" would turn to saxes).
 */
export type Tokenizer = "auto" | "fast" | "saxes";

/** One worksheet part → ParsedSheet: the fast scanner, or saxes over the part again when it declines. */
async function parseSheet(
  file: ZipFileLike,
  ctx: SheetContext,
  tokenizer: Tokenizer
): Promise<ParsedSheet> {
  if (tokenizer !== "saxes") {
    const handler = sheetHandler(ctx);
    try {
      await scanSheet(iterateStream(file.stream()), handler);
      return handler.finish();
    } catch (err) {
      if (!(err instanceof NeedSaxes) || tokenizer === "fast") throw err;
    }
  }
  const again = sheetHandler(ctx);
  await saxesSheet(iterateStream(file.stream()), again);
  return again.finish();
}

/** Worksheet.model setter + readSheet in read.ts, applied to a parsed sheet. */
function toSheetGrid(parsed: ParsedSheet, name: string, hidden: boolean): SheetGrid {
  const { rows, cellCount, hasValues, numberFormats } = parsed;
  const merges: CellRange[] = [];
  const seen: RangeLike[] = [];
  for (const m of parsed.merges) {
    if (!(m.top >= 1 && m.left >= 1 && m.bottom >= m.top && m.right >= m.left))
      throw new StreamFallback("merge range");
    for (const o of seen) {
      // Worksheet._mergeCellsInternal throws on intersecting merges; the DOM reader reports that.
      if (m.left <= o.right && m.right >= o.left && m.top <= o.bottom && m.bottom >= o.top)
        throw new StreamFallback("overlapping merges");
    }
    seen.push(m);
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    // Every cell of the range now exists; all but the master become Merge cells (non-Null, value dropped).
    for (let r = m.top - 1; r <= m.bottom - 1; r++) {
      cellCount[r] = Math.max(cellCount[r] ?? 0, m.right);
      if (r > m.top - 1 || m.right > m.left) hasValues[r] = true;
      const out = rows[r];
      if (!out) continue;
      const from = r === m.top - 1 ? m.left : m.left - 1;
      const to = Math.min(m.right - 1, out.length - 1);
      for (let c = from; c <= to; c++) {
        if (out[c] !== null && out[c] !== undefined) {
          out[c] = null;
          numberFormats.delete(columnLetters(c + 1) + String(r + 1));
        }
      }
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
    }
  }

  // eachRow({includeEmpty:false}) visits rows with hasValues; the grid is as long as the last one.
  let last = -1;
  let columnCount = 0;
  for (let r = hasValues.length - 1; r >= 0; r--) {
    if (hasValues[r]) {
      if (last < 0) last = r;
      columnCount = Math.max(columnCount, cellCount[r] ?? 0);
    }
  }
  const outRows: CellValue[][] = new Array<CellValue[]>(last + 1);
  for (let r = 0; r <= last; r++) outRows[r] = (hasValues[r] && rows[r]) || [];

  // Column.fromModel: cols sorted by min; each column takes the first definition that reaches it.
  const hiddenColumns = new Set<number>();
  const cols = [...parsed.cols].sort((a, b) => a.min - b.min);
  let next = 1;
  for (const col of cols) {
    if (next < col.min) next = col.min;
    for (; next <= col.max && next <= columnCount; next++)
      if (col.hidden) hiddenColumns.add(next - 1);
    if (next <= col.max) next = col.max + 1;
  }

  return { name, hidden, rows: outRows, merges, numberFormats, hiddenColumns };
}

const ILLEGAL_NAME = /[*?:/\\[\]]|^'|'$/;

/**
 * The streaming pass alone, without the DOM fallback: throws StreamFallback, or any zip/XML error, where the DOM
 * reader must decide. Exported for tests that check the streaming pass itself.
 */
export async function streamWorkbookFile(
  path: string,
  options: { readonly tokenizer?: Tokenizer } = {}
): Promise<WorkbookGrid> {
  const tokenizer = options.tokenizer ?? "auto";
  const zip = await unzipper.Open.file(path);
  const entries = new Map<string, ZipFileLike>();
  for (const file of zip.files) if (file.type === "File") entries.set(file.path, file);
  const text = (file: ZipFileLike): AsyncGenerator<string> => decoded(iterateStream(file.stream()));

  // The parts the DOM reader reads before the sheets, each through the xform it uses (XLSX.load in xlsx.js).
  const workbookPart = entries.get("xl/workbook.xml");
  if (!workbookPart) throw new StreamFallback("no xl/workbook.xml");
  const workbookXform = new WorkbookXform();
  await workbookXform.parse(parseSax(text(workbookPart)));
  const model = workbookXform.model;

  const relsPart = entries.get("xl/_rels/workbook.xml.rels");
  let rels: readonly RelLike[] = [];
  if (relsPart) {
    const relsXform = new RelationshipsXform();
    await relsXform.parse(parseSax(text(relsPart)));
    rels = relsXform.model ?? [];
  }

  let strings: CellValue[] | undefined;
  const stringsPart = entries.get("xl/sharedStrings.xml");
  if (stringsPart) {
    const xform = new SharedStringsXform();
    await xform.parse(parseSax(text(stringsPart)));
    // ExcelJS's cell reconcile reads `.richText` off the string, so a missing one makes the DOM reader fail.
    strings = (xform.model?.values ?? []).map((v) => {
      if (v === undefined || v === null) throw new StreamFallback("empty shared string");
      return plainValue(v as ExcelJS.CellValue);
    });
  }

  let styles: StyleManagerLike | undefined;
  const stylesPart = entries.get("xl/styles.xml");
  if (stylesPart) {
    styles = new StylesXform();
    await styles.parse(parseSax(text(stylesPart)));
  }

  const context: SheetContext = { strings, styles, date1904: !!model?.properties?.date1904 };

  // WorkbookXform.reconcile + Workbook.model: sheets in workbook.xml order, matched to parts through the rels.
  const relById = new Map<string, RelLike>();
  for (const rel of rels) relById.set(rel.Id, rel);
  const sheets: SheetGrid[] = [];
  const ids = new Set<number>();
  const names = new Set<string>();
  const used = new Set<string>();
  for (const sheet of model?.sheets ?? []) {
    const rel = relById.get(sheet.rId);
    if (!rel) continue;
    const partPath = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    const part = entries.get(partPath);
    // Only parts named like a worksheet are worksheets to ExcelJS; chartsheets and dangling rels are skipped.
    if (!part || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(partPath)) continue;
    const { id, name } = sheet;
    if (!(Number.isInteger(id) && id > 0) || ids.has(id)) throw new StreamFallback("sheet ids");
    if (used.has(partPath)) throw new StreamFallback("two sheets on one part");
    if (
      typeof name !== "string" ||
      name === "" ||
      name === "History" ||
      name.length > 31 ||
      ILLEGAL_NAME.test(name) ||
      names.has(name.toLowerCase())
    )
      throw new StreamFallback(`sheet name ${String(name)}`);
    ids.add(id);
    used.add(partPath);
    names.add(name.toLowerCase());
    const parsed = await parseSheet(part, context, tokenizer);
    sheets.push(
      toSheetGrid(parsed, name, sheet.state === "hidden" || sheet.state === "veryHidden")
    );
  }
  return { source: basename(path), sheets };
}

function fileError(path: string, err: unknown): WorkbookFileError {
  const code =
    err && typeof err === "object" && "code" in err ? String((err as { code?: unknown }).code) : "";
  const why =
    code === "ENOENT"
      ? "文件不存在 / file not found"
      : code === "EISDIR"
        ? "这是一个目录 / is a directory"
        : code === "EACCES"
          ? "没有权限 / permission denied"
          : err instanceof Error
            ? err.message
            : String(err);
  return new WorkbookFileError(path, `无法读取 / cannot read ${path}: ${why}`, { cause: err });
}

/**
 * The DOM reader over a file: bytes → read.ts. Throws WorkbookFileError (missing, unreadable, directory) or
 * WorkbookReadError (not an .xlsx), both naming the file.
 */
export async function readWorkbookFileDom(path: string): Promise<WorkbookGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw fileError(path, err);
  }
  return readWorkbookBuffer(bytes, basename(path));
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads an .xlsx file into a grid identical to `readWorkbookFileDom`'s, faster and with less memory.
 * Throws the same errors: WorkbookFileError (missing, unreadable, directory) or WorkbookReadError (not an .xlsx).
 * @example const grid = await readWorkbookFileStreaming("ledger.xlsx");
 */
export async function readWorkbookFileStreaming(path: string): Promise<WorkbookGrid> {
  // Open and sniff first, so a missing file or a directory is reported exactly as before, and anything that is not
  // a zip goes straight to the DOM reader's message.
  let isZip = false;
  try {
    const handle = await open(path, "r");
    try {
      const head = new Uint8Array(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      isZip = bytesRead === 4 && ZIP_MAGIC.every((b, i) => head[i] === b);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw fileError(path, err);
  }
  if (!isZip) return readWorkbookFileDom(path);
  try {
    return await streamWorkbookFile(path);
  } catch {
    // Fallback, or a zip/XML the stream could not read: the DOM reader decides (and names the file if it fails).
    return readWorkbookFileDom(path);
  }
}
