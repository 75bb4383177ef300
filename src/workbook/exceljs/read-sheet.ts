/**
 * One worksheet's XML → values, number formats, merges and column definitions, following ExcelJS's
 * CellXform.parseClose/reconcile and Row/Worksheet model setters rule by rule (comments name the rule where it is
 * not obvious), without building Row/Cell objects. What a cell's parts mean as a value is read-cell-value.ts.
 *
 * Two modes. "exact" reproduces the DOM reader and throws StreamFallback wherever it cannot (the caller then reads
 * the file another way). "lenient" never gives up on a sheet: it takes the sensible reading at each of those points
 * (a rich-text shared string is its text, a cell out of order still lands in its column) and records the ones that
 * mean the file is damaged, so the user hears about them once.
 */
import type { CellValue, UncachedFormula } from "../../core/grid";
import { shiftFormula } from "../../core/grid/formula-shared";
import {
  CellState,
  CellValueReader,
  decodeAddress,
  SKIP,
  type CellValueContext,
} from "./read-cell-value";
import { StreamFallback } from "./read-errors";
import { CellFormats } from "./read-formats";
import { Range, utils, type RangeLike } from "./read-internals";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "./read-limits";
import type { Damage } from "./read-notes";
import type { PlainCell, PlainRow } from "./read-plain-cell";
import type { AttrReader, XmlHandler } from "./read-xml";
import { decodeXstring } from "../xlsx-package/xstring";

export type ReadMode = "exact" | "lenient";

export interface SheetContext extends CellValueContext {
  readonly mode: ReadMode;
  /** Called once per cell that holds a value and per merged range, so the caller can enforce its limits as the
   * sheet streams (it throws to stop the read). */
  readonly onCell: () => void;
  readonly onMerge: () => void;
  /** The workbook asks to be recalculated on load: every formula's stored result is stale. */
  readonly recalcOnLoad?: boolean;
}

export interface ColDef {
  readonly min: number;
  readonly max: number;
  readonly hidden: boolean;
}

export interface ParsedSheet {
  readonly rows: CellValue[][];
  readonly numberFormats: CellFormats;
  readonly merges: RangeLike[];
  readonly cols: ColDef[];
  /** Rows marked hidden="1" (0-based): hidden by hand or by an AutoFilter. */
  readonly hiddenRows: Set<number>;
  /** Damage worked around in lenient mode; empty when the sheet read cleanly. */
  readonly damage: readonly Damage[];
  /** Formulas stored without a result (files written by scripts): evaluated once the workbook is read. */
  readonly uncached: readonly UncachedFormula[];
}

export class SheetXmlReader implements XmlHandler {
  private readonly rows: CellValue[][] = [];
  private readonly numberFormats = new CellFormats();
  private readonly mergeRefs: string[] = [];
  private readonly cols: ColDef[] = [];
  private readonly hiddenRows = new Set<number>();
  private readonly damage = new Set<Damage>();
  private readonly uncached: UncachedFormula[] = [];
  /** Shared-formula masters by si: their text and cell, which their clones' formulas are moved from. */
  private readonly masters = new Map<
    string | undefined,
    { text: string; row: number; col: number }
  >();
  private readonly exact: boolean;

  private depth = 0;
  /** Name of the open child of <worksheet> (depth 2), e.g. sheetData, cols, mergeCells. */
  private section = "";
  private rowIdx = -1;
  private rowOut: CellValue[] | null = null;
  private prevCol = 0;
  private inCell = false;
  private readonly cell = new CellState();
  private readonly values: CellValueReader;
  /** 0 none, 1 inside <f>, 2 inside <v> or <t> */
  private current: 0 | 1 | 2 = 0;
  private inRun = false;
  /** 0 none, 1 inside <rPr>, 2 inside <t> */
  private runPart: 0 | 1 | 2 = 0;
  private runBuf = "";
  private runText: string | undefined = undefined;

  constructor(private readonly ctx: SheetContext) {
    this.exact = ctx.mode === "exact";
    this.values = new CellValueReader(ctx, (why, damage) => this.decline(why, damage));
  }

  /** Exact mode gives up here; lenient mode goes on, remembering `damage` (when given) for the user. */
  private decline(why: string, damage?: Damage): void {
    if (this.exact) throw new StreamFallback(why);
    if (damage) this.damage.add(damage);
  }

  wantsText(): boolean {
    return this.inCell && (this.inRun ? this.runPart === 2 : this.current !== 0);
  }

  open(name: string, attr: AttrReader): void {
    this.depth++;
    if (this.depth === 2) {
      this.section = name;
      return;
    }
    if (this.inCell) {
      this.openInCell(name, attr);
      return;
    }
    switch (this.section) {
      case "sheetData":
        if (this.depth === 3 && name === "row") {
          this.openRow(attr("r"));
          const hidden = attr("hidden");
          if ((hidden === "1" || hidden === "true") && this.rowOut)
            this.hiddenRows.add(this.rowIdx);
        } else if (this.depth === 4 && name === "c" && this.rowOut) {
          this.inCell = true;
          this.cell.reset(attr);
          this.current = 0;
          this.inRun = false;
        }
        return;
      case "cols":
        if (this.depth === 3 && name === "col" && this.cols.length < EXCEL_MAX_COLUMNS) {
          const hidden = attr("hidden");
          this.cols.push({
            min: parseInt(attr("min") || "0", 10),
            max: parseInt(attr("max") || "0", 10),
            hidden: hidden === "1" || hidden === "true",
          });
        }
        return;
      case "mergeCells":
        if (this.depth === 3 && name === "mergeCell") {
          const ref = attr("ref");
          if (ref === undefined) this.decline("mergeCell without a ref", "merge-without-ref");
          else {
            this.ctx.onMerge();
            this.mergeRefs.push(ref);
          }
        }
        return;
      case "hyperlinks":
        // ExcelJS turns cells with an external link into {text, hyperlink}, which changes what they read as
        // (numbers and dates → null) and which rows count; lenient reading keeps the cell's own value.
        if (name === "hyperlink" && attr("r:id")) this.decline("external hyperlinks");
        return;
      default:
        return;
    }
  }

  /**
   * A plain row start tag read whole by the fast scanner: what open gives it, where its number is in order; a row
   * openRow would decline (out of order, beyond the grid) is left to it (false, nothing done).
   */
  plainRow(row: PlainRow): boolean {
    const n = row.row;
    if (this.inCell || this.depth !== 2 || this.section !== "sheetData") return false;
    if (!(n > this.rowIdx + 1) || n > EXCEL_MAX_ROWS) return false;
    this.depth++;
    this.rowIdx = n - 1;
    this.rowOut = this.rows[n - 1] ?? [];
    this.prevCol = 0;
    if (row.hidden) this.hiddenRows.add(this.rowIdx);
    return true;
  }

  private openRow(r: string | undefined): void {
    const n = r === undefined ? this.rowIdx + 2 : parseInt(r, 10);
    if (r === undefined || !(n > this.rowIdx + 1)) {
      this.decline("rows without a number or out of order", "rows-out-of-order");
      if (!(n >= 1)) return; // lenient: a row number that is no number → the row is skipped
    }
    if (n > EXCEL_MAX_ROWS) {
      this.decline("row beyond Excel's grid", "rows-beyond-grid");
      this.rowOut = null;
      return;
    }
    this.rowIdx = n - 1;
    this.rowOut = this.rows[n - 1] ?? [];
    this.prevCol = 0;
  }

  private openInCell(name: string, attr: AttrReader): void {
    if (this.inRun) {
      if (this.runPart === 0) {
        if (name === "t") {
          this.runPart = 2;
          this.runBuf = "";
        } else if (name === "rPr") this.runPart = 1;
      }
      return;
    }
    switch (name) {
      case "f":
        this.current = 1;
        this.cell.share = attr("t");
        this.cell.si = attr("si");
        this.cell.sharedRef = attr("ref");
        return;
      case "v":
      case "t":
        this.current = 2;
        return;
      case "r":
        if (this.cell.value) {
          this.decline("inline text before rich-text runs");
          (this.cell.runs ??= []).push(this.cell.value);
          this.cell.value = undefined;
        }
        this.inRun = true;
        this.runPart = 0;
        this.runText = undefined;
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    if (!this.inCell) return;
    if (this.inRun) {
      if (this.runPart === 2) this.runBuf += text;
      return;
    }
    const cell = this.cell;
    if (this.current === 1) cell.formula = cell.formula === undefined ? text : cell.formula + text;
    else if (this.current === 2) cell.value = cell.value === undefined ? text : cell.value + text;
  }

  close(name: string): void {
    this.depth--;
    if (this.inCell) {
      if (this.inRun) {
        if (name === "r") {
          (this.cell.runs ??= []).push(this.runText ?? "");
          this.inRun = false;
        } else if (this.runPart === 2 && name === "t") {
          this.runText = decodeXstring(this.runBuf);
          this.runPart = 0;
        } else if (this.runPart === 1 && name === "rPr") this.runPart = 0;
        else if (name === "f" || name === "v" || name === "is") this.current = 0;
        return;
      }
      if (name === "c") this.endCell();
      else if (name === "f" || name === "v" || name === "is" || name === "t") this.current = 0;
      return;
    }
    if (this.depth === 1) this.section = "";
    else if (this.depth === 2 && name === "row" && this.section === "sheetData" && this.rowOut) {
      if (this.rowOut.length) this.rows[this.rowIdx] = this.rowOut;
      this.rowOut = null;
    }
  }

  /**
   * A plain cell read whole by the fast scanner: what open, text and close give the same element, where its place
   * is in order; anything endCell would decline or note (an address off the row, a column out of order or past
   * the grid, a cell inside another) is left to them (false, nothing done).
   */
  plainCell(cell: PlainCell): boolean {
    const out = this.rowOut;
    const col = cell.col;
    if (this.inCell || this.depth !== 3 || this.section !== "sheetData" || out === null)
      return false;
    if (cell.row !== this.rowIdx + 1 || col <= this.prevCol || col > EXCEL_MAX_COLUMNS)
      return false;
    const plain = this.values.plainValue(cell);
    if (plain === SKIP) return true;
    this.prevCol = col;
    // A formula-less cell has nothing to evaluate (noteUncached), and a styled empty one is not stored.
    if (plain === null) return true;
    while (out.length < col - 1) out.push(null);
    out.push(plain);
    this.ctx.onCell();
    this.formatAt(col, cell.style);
    return true;
  }

  private endCell(): void {
    this.inCell = false;
    const plain = this.values.valueOf(this.cell);
    if (plain === SKIP) return;
    const col = this.cellColumn();
    if (col === null) return;
    this.prevCol = col;
    const { formula, share, sharedRef } = this.cell;
    if (share === "shared" && formula !== undefined && sharedRef !== undefined)
      this.masters.set(this.cell.si, {
        text: utils.xmlDecode(formula),
        row: this.rowIdx,
        col: col - 1,
      });
    if (plain === null) {
      this.noteUncached(col - 1);
      return;
    }
    if (this.ctx.recalcOnLoad) this.noteUncached(col - 1, true);
    const out = this.rowOut as CellValue[];
    if (out.length < col) {
      while (out.length < col - 1) out.push(null);
      out.push(plain);
      this.ctx.onCell();
    } else {
      // lenient only (exact mode declined above): a cell written twice keeps the later value
      if (out[col - 1] === null) this.ctx.onCell();
      out[col - 1] = plain;
    }
    this.formatAt(col, this.cell.style);
  }

  /**
   * A formula cell without a cached result, to be evaluated once the workbook is read: its own text, or a shared
   * master's moved to it (a clone stores none); its number format says whether a number it comes to is a date.
   */
  /** A formula to compute once the workbook is read: stored without a result, or with a `stale` one. */
  private noteUncached(col: number, stale = false): void {
    const { formula, value, share, si, runs } = this.cell;
    if (!stale && (value !== undefined || runs !== undefined)) return;
    let text = formula === undefined ? undefined : utils.xmlDecode(formula);
    if (text === undefined && share === "shared") {
      const master = this.masters.get(si);
      text =
        master &&
        (shiftFormula(master.text, this.rowIdx - master.row, col - master.col) ?? undefined);
    }
    if (text === undefined) return;
    const format = this.values.numFmtOf(this.cell.style);
    this.uncached.push({
      row: this.rowIdx,
      col,
      text,
      ...(format ? { format } : {}),
      ...(stale ? { stale } : {}),
    });
  }

  private formatAt(col: number, style: number): void {
    const fmt = this.values.numFmtOf(style);
    if (fmt && fmt !== "General") this.numberFormats.set(this.rowIdx, col, fmt);
  }

  /** The cell's 1-based column, or null when lenient reading drops it (beyond Excel's grid). */
  private cellColumn(): number | null {
    const ref = this.cell.ref;
    let col: number;
    if (ref !== undefined) {
      const decoded = decodeAddress(ref);
      if (decoded === null || decoded[1] !== this.rowIdx + 1) {
        this.decline(`cell address ${ref}`, "bad-cell-address");
        const loose = decoded ?? decodeAddress(ref.replace(/\$/g, "").toUpperCase());
        col = loose ? loose[0] : this.prevCol + 1;
      } else col = decoded[0];
    } else {
      if (this.prevCol === 0) this.decline("cell without an address");
      col = this.prevCol + 1;
    }
    if (col <= this.prevCol) this.decline("cells out of order", "cells-out-of-order");
    if (col > EXCEL_MAX_COLUMNS) {
      this.decline("column beyond Excel's grid", "cells-beyond-grid");
      return null;
    }
    return col;
  }

  /** What was read; after a parse error (lenient mode) it holds the rows read up to that point. */
  finish(): ParsedSheet {
    if (this.rowOut?.length) this.rows[this.rowIdx] = this.rowOut;
    const merges: RangeLike[] = [];
    for (const ref of this.mergeRefs) {
      let range: RangeLike | null = null;
      try {
        range = new Range(ref);
      } catch {
        range = null;
      }
      const valid =
        range !== null &&
        range.top >= 1 &&
        range.left >= 1 &&
        range.bottom >= range.top &&
        range.right >= range.left;
      if (valid) merges.push(range as RangeLike);
      else this.decline("merge range", "bad-merge-ref");
    }
    return {
      rows: this.rows,
      numberFormats: this.numberFormats,
      merges,
      cols: this.cols,
      hiddenRows: this.hiddenRows,
      damage: [...this.damage],
      uncached: this.uncached,
    };
  }
}
