/**
 * The plain grid model every host adapter fills and the engine reads.
 * Rows and columns are 0-based here; A1 addresses (1-based rows) appear only in reports and issues.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`, kept distinct from text that merely looks like one. */
export interface CellError {
  readonly kind: "error";
  readonly code: string;
}

/** Dates arrive as JS Dates (UTC midnight for whole days); Excel serials stay numbers until a field says they are dates. */
export type CellValue = number | string | boolean | Date | CellError | null;

/** Excel's grid: no workbook Excel opens has more rows or columns on a sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** Inclusive, 0-based rectangle. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /**
   * The host's identity of the sheet, qualified by host: "xlsx:<sheetId>" (files), "office:<worksheet id>"
   * (Excel). It survives renames; ownership records use it (report/ownership.ts).
   */
  readonly id?: string;
  /** Hidden or very-hidden sheets are read (so output/state sheets are found) but never recognised as sources. */
  readonly hidden: boolean;
  /** Row-major values of the used range anchored at A1; rows may be ragged (missing trailing cells are empty). */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  readonly merges: ReadonlyArray<CellRange>;
  /** Non-General number formats, keyed by A1 address. */
  readonly numberFormats: ReadonlyMap<string, string>;
  /** Hidden columns (0-based), e.g. helper columns a unit left in its submission. */
  readonly hiddenColumns: ReadonlySet<number>;
  /**
   * Rows hidden by hand or by an AutoFilter (0-based), where the host says which (the xlsx readers do): what a
   * clerk hid in a unit table is not shown, so it is not read as a unit.
   */
  readonly hiddenRows?: ReadonlySet<number>;
  /**
   * 1904 when the workbook counts date serials from 1904 (Mac Excel; File → Options → Advanced): a number read as
   * a date (a 签约日期 typed as a serial in a General cell, a formula's result) counts its days from 1904-01-01.
   * Absent in the 1900 system. A date the host typed as a date is a Date already, whatever the system.
   */
  readonly dateSystem?: 1904;
}

/**
 * A part of the file the reader could not read in full (a damaged sheet, styles or shared strings); the cells
 * around it were read anyway. The engine reports each as one info issue.
 */
export interface ReadNote {
  /** The sheet it concerns; absent for a workbook-wide part (styles, shared strings). */
  readonly sheet?: string;
  /** The package part, e.g. "xl/worksheets/sheet2.xml". */
  readonly part: string;
  readonly message_zh: string;
  readonly message_en: string;
}

export interface WorkbookGrid {
  /** File name or document title, used in messages. */
  readonly source: string;
  /** Every sheet, hidden ones included: product state lives in a hidden sheet (see report/ownership.ts). */
  readonly sheets: ReadonlyArray<SheetGrid>;
  /** What the reader could not read; absent or empty when the whole file was read. */
  readonly readNotes?: ReadonlyArray<ReadNote>;
}
