/**
 * What one `<c>` element of a worksheet's XML means: its parts as read (CellState) and the grid value ExcelJS would
 * give them, following CellXform.parseClose/reconcile and plainValue rule by rule. read-sheet.ts walks the XML.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/grid";
import { plainValue } from "./read";
import { utils, type StyleManagerLike } from "./read-internals";
import type { Damage } from "./read-notes";
import { PLAIN_EMPTY, PLAIN_SHARED, type PlainCell } from "./read-plain-cell";
import type { AttrReader } from "./read-xml";
import { decodeXstring } from "../xlsx-package/xstring";

const A = 65;
const Z = 90;
const ZERO = 48;
const NINE = 57;

/** "AB12" → [column, row] (1-based), or null for anything else (lower case, "$", no row, a leading zero). */
export function decodeAddress(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const len = ref.length;
  for (; i < len; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < A || ch > Z) break;
    col = col * 26 + (ch - A + 1);
  }
  const digitsFrom = i;
  let row = 0;
  for (; i < len; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < ZERO || ch > NINE) return null;
    row = row * 10 + (ch - ZERO);
  }
  if (col === 0 || digitsFrom === len || ref.charCodeAt(digitsFrom) === ZERO) return null;
  return [col, row];
}

/** What one `<c>` element held, reset per cell. */
export class CellState {
  ref: string | undefined = undefined;
  type: string | undefined = undefined;
  style = 0;
  formula: string | undefined = undefined;
  share: string | undefined = undefined;
  si: string | undefined = undefined;
  sharedRef: string | undefined = undefined;
  value: string | undefined = undefined;
  runs: string[] | undefined = undefined;

  reset(attr: AttrReader): void {
    this.ref = attr("r");
    this.type = attr("t");
    const s = attr("s");
    this.style = s ? parseInt(s, 10) || 0 : 0;
    this.formula = undefined;
    this.share = undefined;
    this.si = undefined;
    this.sharedRef = undefined;
    this.value = undefined;
    this.runs = undefined;
  }
}

/** A cell ExcelJS's Row setter skips altogether (no value, no style). */
export const SKIP = Symbol("skip");

/** What the cell values depend on besides the cell: the shared strings, the styles and the date system. */
export interface CellValueContext {
  /** Shared strings as plain grid values; undefined when the file has no sharedStrings.xml. */
  readonly strings: readonly CellValue[] | undefined;
  /** The shared strings could not be read (already noted): a missing one is expected, not more damage. */
  readonly stringsLost: boolean;
  readonly styles: StyleManagerLike | undefined;
  readonly date1904: boolean;
}

/** Exact mode gives up here; lenient mode goes on, remembering `damage` (when given) for the user. */
export type Decline = (why: string, damage?: Damage) => void;

/** Cell values of one sheet, in document order (a shared formula's clones depend on its master before them). */
export class CellValueReader {
  private readonly fmtCache = new Map<number, string | undefined>();
  /** Whether a style's number format is a date one (ExcelJS's isDateFmt), by style index. */
  private readonly dateStyles: boolean[] = [];
  /** Shared-formula masters seen so far (si → whether ExcelJS could record the master's address). */
  private readonly sharedMasters = new Map<string | undefined, boolean>();

  constructor(
    private readonly ctx: CellValueContext,
    private readonly decline: Decline
  ) {}

  /** The number format of a cell style, looked up once per style. */
  numFmtOf(styleId: number): string | undefined {
    const styles = this.ctx.styles;
    if (!styleId || !styles) return undefined;
    if (this.fmtCache.has(styleId)) return this.fmtCache.get(styleId);
    const fmt = styles.getStyleModel(styleId)?.numFmt;
    this.fmtCache.set(styleId, fmt);
    return fmt;
  }

  /** Whether numbers in this style are dates, asked once per style (every cell of a date column asks). */
  private isDateStyle(styleId: number): boolean {
    return (this.dateStyles[styleId] ??= utils.isDateFmt(this.numFmtOf(styleId)));
  }

  /** A plain cell's grid value (read-plain-cell.ts), as `valueOf` gives it for the same element. */
  plainValue(cell: PlainCell): CellValue | typeof SKIP {
    if (cell.kind === PLAIN_EMPTY) return cell.style ? null : SKIP;
    return cell.kind === PLAIN_SHARED
      ? this.sharedString(cell.value)
      : this.numberValue(cell.value, cell.style);
  }

  /** The cell's grid value; SKIP for a cell ExcelJS would not create at all. */
  valueOf(cell: CellState): CellValue | typeof SKIP {
    if (cell.formula || cell.share) return this.formulaValue(cell);
    if (cell.value !== undefined || cell.runs !== undefined) return this.storedValue(cell);
    // A styled cell is a Null cell in ExcelJS; an unstyled empty one is its "Merge" type, which Row's setter skips.
    return cell.style ? null : SKIP;
  }

  private formulaValue(cell: CellState): CellValue {
    if (cell.runs) {
      this.decline("formula with a rich-text value");
      return cell.runs.join("");
    }
    let result: unknown;
    const v = cell.value;
    if (v) {
      // A string result is ST_Xstring like any cell text: ExcelJS leaves its escapes (plainValue undoes them there).
      if (cell.type === "str") result = decodeXstring(utils.xmlDecode(v));
      else if (cell.type === "b") result = parseInt(v, 10) !== 0;
      else if (cell.type === "e") result = { error: v };
      else result = parseFloat(v);
    }
    if (result !== undefined && utils.isDateFmt(this.numFmtOf(cell.style)))
      result = utils.excelToDate(result, this.ctx.date1904);
    // CellXform.reconcile: a shared master (t="shared" with ref) records its address under si; a clone (no ref)
    // gets that address as `sharedFormula`, or nothing when no master came before it.
    let hasFormula = !!cell.formula;
    if (cell.share === "shared") {
      if (cell.sharedRef) this.sharedMasters.set(cell.si, !!cell.ref);
      else hasFormula ||= this.sharedMasters.get(cell.si) === true;
    }
    // A cached "" or NaN reads as no result (as ExcelJS's FormulaValue has it); a cached 0 or FALSE is a figure,
    // as read.ts takes it from the cell's result. A cell left with neither formula nor sharedFormula reads as null.
    const kept = !!result || result === 0 || result === false;
    return kept && hasFormula ? plainValue(result as ExcelJS.CellValue) : null;
  }

  private storedValue(cell: CellState): CellValue {
    if (cell.runs) {
      if (cell.type !== "inlineStr") this.decline("rich text in a non-inline cell");
      return cell.runs.join("");
    }
    const text = cell.value as string;
    switch (cell.type) {
      case "s":
        return this.sharedString(parseInt(text, 10));
      case "str":
        return decodeXstring(utils.xmlDecode(text));
      case "inlineStr":
        // ExcelJS leaves an inline `<t>`'s escapes as they are; the DOM reader is given it as a run (read-package.ts).
        return decodeXstring(text);
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return { kind: "error", code: text };
      default:
        return this.numberValue(parseFloat(text), cell.style);
    }
  }

  private numberValue(n: number, style: number): CellValue {
    if (!this.isDateStyle(style)) return n;
    const d = utils.excelToDate(n, this.ctx.date1904);
    return Number.isNaN(d.getTime()) ? null : d;
  }

  private sharedString(index: number): CellValue {
    const strings = this.ctx.strings;
    if (!strings) return index;
    const s = strings[index];
    if (s === undefined) {
      if (!this.ctx.stringsLost)
        this.decline("shared string index out of range", "missing-shared-string");
      return null;
    }
    return s;
  }
}
