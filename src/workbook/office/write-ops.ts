/** The steps planWrites produces and the executor performs, as plain data (one Office.js call each). */
import type { CellStyle, ChartSpec, PrintSetup } from "../../core/plan";

/** Values as Office.js `values` accepts them: Dates already serials; null leaves a cell untouched. */
export type OfficeWriteValue = number | string | boolean | null;

/** A style without its number format (sent separately), plus a font name. */
export interface OpStyle extends Omit<CellStyle, "numberFormat"> {
  readonly fontName?: string;
}

export type WriteOp =
  | { readonly kind: "addSheet"; readonly sheet: string }
  | {
      readonly kind: "values";
      readonly sheet: string;
      readonly address: string;
      readonly values: readonly (readonly OfficeWriteValue[])[];
    }
  /** `address` is one rectangle, or several joined by "," for `getRanges` (RangeAreas, ExcelApi 1.9). */
  | {
      readonly kind: "style";
      readonly sheet: string;
      readonly address: string;
      readonly areas: boolean;
      readonly style: OpStyle;
    }
  /** One rectangle and a format per cell, null where a cell keeps its own (RangeAreas has no numberFormat). */
  | {
      readonly kind: "numberFormat";
      readonly sheet: string;
      readonly address: string;
      readonly formats: readonly (readonly (string | null)[])[];
    }
  | { readonly kind: "merge"; readonly sheet: string; readonly address: string }
  | {
      readonly kind: "columnWidth";
      readonly sheet: string;
      readonly column: string;
      readonly points: number;
    }
  | {
      readonly kind: "rowHeight";
      readonly sheet: string;
      readonly row: number;
      readonly points: number;
    }
  | {
      readonly kind: "freeze";
      readonly sheet: string;
      readonly rows: number;
      readonly columns: number;
    }
  | { readonly kind: "print"; readonly sheet: string; readonly print: PrintSetup }
  /** One native chart (many calls, one step: its parts are meaningless apart). */
  | {
      readonly kind: "chart";
      readonly sheet: string;
      readonly chart: ChartSpec;
      readonly axisFormat: boolean;
    }
  | {
      readonly kind: "hyperlink";
      readonly sheet: string;
      readonly cell: string;
      readonly reference: string;
      readonly text: string;
      readonly tooltip?: string;
    }
  | {
      readonly kind: "validation";
      readonly sheet: string;
      readonly address: string;
      readonly source: string;
      readonly prompt?: string;
    }
  | {
      readonly kind: "dataBar";
      readonly sheet: string;
      readonly address: string;
      readonly color: string;
    }
  | { readonly kind: "tabColor"; readonly sheet: string; readonly color: string }
  | { readonly kind: "deleteSheet"; readonly sheet: string }
  | { readonly kind: "renameSheet"; readonly sheet: string; readonly to: string }
  | { readonly kind: "position"; readonly sheet: string; readonly position: number }
  | {
      readonly kind: "visibility";
      readonly sheet: string;
      readonly visibility: "Visible" | "Hidden" | "VeryHidden";
    }
  | { readonly kind: "activate"; readonly sheet: string };

export interface WriteBatch {
  readonly ops: readonly WriteOp[];
  /** Estimated request bytes (JSON of the ops). */
  readonly bytes: number;
  /** True for the batch that swaps finished sheets in: after it starts there is nothing to roll back. */
  readonly swap: boolean;
  /** True for the batch after the swap that sets freeze panes and page layout on the shown sheets. */
  readonly layout?: boolean;
}

/** Optional features, from `isSetSupported`. */
export interface WriteFeatures {
  /** ExcelApi 1.9: `getRanges` (RangeAreas) and `pageLayout`. */
  readonly rangeAreas: boolean;
  readonly pageLayout: boolean;
  /** ExcelApi 1.7: `range.hyperlink`, `worksheet.tabColor`. */
  readonly hyperlinks: boolean;
  readonly tabColor: boolean;
  /** ExcelApi 1.8. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: boolean;
  /** ExcelApi 1.7: a chart with series set from cells and a line series over columns (chart-ops.ts). */
  readonly charts: boolean;
  /** ExcelApi 1.8: `ChartAxis.numberFormat`. */
  readonly chartAxisFormat: boolean;
}

export const ALL_FEATURES: WriteFeatures = {
  rangeAreas: true,
  pageLayout: true,
  hyperlinks: true,
  tabColor: true,
  dataValidation: true,
  conditionalFormats: true,
  charts: true,
  chartAxisFormat: true,
};
