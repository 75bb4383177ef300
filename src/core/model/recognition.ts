import type { Issue } from "../issues";
import type { LedgerSheet, UnitTable } from "./tables";

/** Every role a sheet can have, in the order a person picks from ("combined": one table holding each unit's
 * targets and actuals side by side, the usual 通报附表). */
export const SHEET_ROLES = [
  "targets",
  "actuals",
  "combined",
  "ledger",
  "rules",
  "output",
  "other",
] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

/** What the product says about one sheet (SPEC §4, and `sheets[]` of the CLI JSON in §9). */
export interface SheetReport {
  readonly name: string;
  readonly role: SheetRole;
  /** 0..1. */
  readonly confidence: number;
  /** 1-based Excel row numbers of the header block. */
  readonly headerRows: readonly number[];
  /** Canonical field key → column letter. */
  readonly columns: Readonly<Record<string, string>>;
  /** 1-based first and last data row, or null when there are none. */
  readonly dataRows: { readonly first: number; readonly last: number } | null;
  /** 1-based rows of 合计/总计/小计 lines. */
  readonly totalRows: readonly number[];
  /** Column letters with a header that maps to no field. */
  readonly unrecognisedColumns: readonly string[];
  /** Canonical field key → unit label (亿元, 个…) as read from the header or a note. */
  readonly units: Readonly<Record<string, string>>;
  readonly hidden: boolean;
  /** Column letters hidden in the sheet (helper columns left in a submission), when there are any. */
  readonly hiddenColumns?: readonly string[];
  /** A ledger kept one sheet per unit, with no unit column: the unit its tab or title names. */
  readonly sheetUnit?: string;
}

/** User corrections, kept in the workbook (SPEC §4): sheet → role, sheet → header text/column → field. */
export interface RecognitionOverrides {
  readonly roles?: Readonly<Record<string, SheetRole>>;
  readonly columns?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface IndicatorPairing {
  readonly key: string;
  readonly name: string;
  /** "Sheet!C" of the target column and of the actual column (null when the sheets have none). */
  readonly target: string;
  readonly actual: string | null;
  readonly by: "header" | "similar_header" | "position" | null;
}

/** A weight a 考核办法 sheet gives an indicator by name. */
export interface StatedWeight {
  readonly name: string;
  /** Normalised name, for matching the targets' indicators. */
  readonly key: string;
  readonly weight: number;
  /** "Sheet!C3". */
  readonly where: string;
}

export interface Recognition {
  readonly reports: readonly SheetReport[];
  readonly targets: UnitTable | null;
  readonly actuals: UnitTable | null;
  /** All ledger sheets' rows, in sheet order. */
  /** 去年同期 figures in a sheet of their own, keyed like the targets. */
  readonly lastYear?: UnitTable | null;
  readonly ledgers: readonly LedgerSheet[];
  /** How each target indicator found its actual column (or that it found none). */
  readonly pairings?: readonly IndicatorPairing[];
  /** Weights stated in a 考核办法 sheet. */
  readonly statedWeights?: readonly StatedWeight[];
  /** Name of the 考核规则 sheet, if the workbook has one. */
  readonly rulesSheet: string | null;
  readonly issues: readonly Issue[];
}
