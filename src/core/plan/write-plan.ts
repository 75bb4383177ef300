/**
 * A host-agnostic description of what to write. Core builds it; the ExcelJS and Office.js adapters apply it.
 * Styles are grouped so a host can make one format call per style (RangeAreas on ExcelApi 1.9+).
 */

/** The font every host writes our cells in (the default of Chinese Excel; hosts without it substitute a CJK sans-serif). */
export const DEFAULT_FONT = "等线";
/** The format hosts give a date cell the plan leaves unformatted, which would otherwise print as a serial number. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** Strings are always written as literal text, even when they begin with = + - @. */
export type WriteValue = number | string | boolean | Date | null;

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "middle" | "bottom";

export interface CellStyle {
  /** Fill colour RRGGBB. */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Points. */
  readonly fontSize?: number;
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: VerticalAlign;
  readonly wrap?: boolean;
  readonly numberFormat?: string;
  /** Thin border on all four sides of every cell in the range. */
  readonly border?: "thin" | "medium";
}

/**
 * One style and every range that wears it (A1 ranges such as "B3:D9").
 * Entries apply in order and layer: a later entry overrides only the properties it sets, so a table-wide
 * border entry followed by a status-fill entry leaves both on the cell (as Office.js property writes do).
 */
export interface StyledRanges {
  readonly style: CellStyle;
  readonly ranges: readonly string[];
}

export interface Hyperlink {
  readonly cell: string;
  readonly sheet: string;
  /** A1 address inside `sheet`. */
  readonly target: string;
  readonly tooltip?: string;
}

export interface ListValidation {
  readonly range: string;
  /** Literal choices (hosts write them inline: keep the joined text under 255 characters). */
  readonly values: readonly string[];
  /**
   * Choices read from cells instead, e.g. the unit column of the targets sheet, so the list follows edits.
   * When set, hosts use it as the list source (Excel: `='Sheet'!$B$6:$B$60`) and ignore `values`.
   */
  readonly source?: { readonly sheet: string; readonly range: string };
  readonly prompt?: string;
}

export interface DataBar {
  readonly range: string;
  readonly color: string;
}

export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paperSize: "A4";
  readonly fitToWidth: number;
  /** 0 = as many pages tall as needed. */
  readonly fitToHeight: number;
  /** 1-based inclusive rows repeated at the top of every printed page. */
  readonly repeatRows?: readonly [number, number];
  readonly centerHorizontally?: boolean;
  /** Page footer text (Excel header/footer codes allowed, e.g. &P / &N). */
  readonly footer?: string;
  /** 1-based rows that each begin a new printed page (a summary page before the details). */
  readonly pageBreaks?: readonly number[];
}

export type SheetKind =
  "ranking" | "issues" | "rules" | "notice" | "chart" | "merged" | "state" | "sample";

/** One data series of a chart: a row or column of the chart's own sheet. */
export interface ChartSeries {
  readonly name: string;
  /** A1 range on the same sheet, one row or one column. */
  readonly values: string;
  /** Bars, or a line drawn over them on the same axes (a 序时进度 reference line). */
  readonly type: "bar" | "line";
  /** RRGGBB. */
  readonly color: string;
  /** Per-point fills for a bar series (status colours), in category order. */
  readonly pointColors?: readonly string[];
}

/** A native chart (vertical clustered bars, optional reference lines) of data on its own sheet. */
export interface ChartSpec {
  readonly title: string;
  /** A1 range of the category labels on the same sheet. */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Number format of the value axis, e.g. "0%" or "0". */
  readonly valueFormat: string;
  /** 0-based cells of the top-left and bottom-right corners the chart spans. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

export interface SheetPlan {
  /** Preferred name; the adapter may use "考核排名 (2)" when a user's sheet already holds the name. */
  readonly name: string;
  readonly kind: SheetKind;
  /** True for sheets the product owns and may replace on the next run (ownership marker written). */
  readonly owned: boolean;
  /** Values from A1, row-major; null leaves a cell empty. */
  readonly values: readonly (readonly WriteValue[])[];
  readonly styles: readonly StyledRanges[];
  readonly merges: readonly string[];
  /** Character widths, by 0-based column. */
  readonly columnWidths: readonly number[];
  /** Points, by 1-based row. */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print?: PrintSetup;
  readonly hyperlinks: readonly Hyperlink[];
  readonly validations: readonly ListValidation[];
  readonly dataBars: readonly DataBar[];
  readonly tabColor?: string;
  readonly visibility: "visible" | "hidden" | "veryHidden";
  /** Native charts over the sheet's cells (hosts that cannot draw one leave the data table). */
  readonly charts?: readonly ChartSpec[];
}

export interface WritePlan {
  readonly sheets: readonly SheetPlan[];
  /** Sheet to activate after writing. */
  readonly activate?: string;
}
