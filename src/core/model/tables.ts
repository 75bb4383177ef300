import { parseA1 } from "../grid/address";
import type { MeasureUnit } from "./measure";

/** One numeric cell as the engine uses it, with where it came from so every figure can be traced. */
export interface SourcedValue {
  /** In the base unit of the column's quantity; null when empty, not applicable or unusable. */
  readonly value: number | null;
  /** "---", "—", "/", "无", "-": the indicator does not apply (never zero). */
  readonly notApplicable: boolean;
  /** An error was reported on this cell, so it must not be scored. */
  readonly blocked: boolean;
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  /** The money unit the cell stated itself ("25亿元" → 亿元): in the base unit whatever its column's measure is. */
  readonly ownUnit?: string;
  /** The cell held the number as text: a 合计 written as =SUM() leaves it out, as Excel does. */
  readonly fromText?: true;
}

/** An indicator column of a targets or actuals sheet. */
export interface IndicatorColumn {
  /** Stable English key (`foreign_capital_usd`), or one derived from the header for bureau-specific indicators. */
  readonly key: string;
  /** Header text as shown, group and leaf joined with " › " when the header has two levels. */
  readonly name: string;
  readonly col: number;
  /** The sheet holding the column when it is not the table's (a workbook with one sheet per indicator). */
  readonly sheet?: string;
  readonly unit: MeasureUnit | null;
  /** Points the header states ("签约项目(20分)"): the indicator's weight. */
  readonly weight?: number;
  /** How this column was tied to its indicator, for the report ("按表头", "按位置"). */
  readonly pairedBy?: "header" | "similar_header" | "position" | "override";
}

/** One responsible unit's row (责任单位) in a targets or actuals sheet, or a totals row. */
export interface UnitRow {
  /** As written, trimmed. */
  readonly name: string;
  /** Normalised for matching (half-width, simplified, no spaces). */
  readonly key: string;
  /** 0-based row index. */
  readonly row: number;
  /** The cell holding the name, "D2", when it is not in the table's unit column (a table read on its side). */
  readonly nameCell?: string;
  /** The sheet holding the row when it is not the table's (a workbook kept one sheet per unit). */
  readonly sheet?: string;
  /** 类别 (开发区/城区/县市) when the sheet has such a column. */
  readonly group: string | null;
  readonly values: Readonly<Record<string, SourcedValue>>;
  /** 加分 / 扣分 of the row (year-end assessments), in points, with the 事由 when one is written. */
  readonly adjustment?: ScoreAdjustment;
  /** 上月排名 / 上季度排名 as written in the sheet. */
  readonly previousRank?: number;
}

/** Where a unit's name is written (0-based): its row of the unit column, or its cell in a sideways table. */
export function unitNameAt(
  table: Pick<UnitTable, "unitColumn">,
  u: Pick<UnitRow, "row" | "nameCell">
): { readonly row: number; readonly col: number } {
  return u.nameCell !== undefined ? parseA1(u.nameCell) : { row: u.row, col: table.unitColumn };
}

/** The sheet a unit's row is on: its own (a workbook kept one sheet per unit) or the table's. */
export function unitSheetOf(table: Pick<UnitTable, "sheet">, u: Pick<UnitRow, "sheet">): string {
  return u.sheet ?? table.sheet;
}

export interface ScoreAdjustment {
  readonly bonus: number;
  readonly penalty: number;
  readonly reason: string | null;
  /** Where the figures are, "Sheet!C5". */
  readonly cells: readonly string[];
}

/** A 目标分解表 (targets) or 完成情况表 (actuals): a unit column and indicator columns. */
export interface UnitTable {
  readonly role: "targets" | "actuals";
  readonly sheet: string;
  /** 0-based header rows. */
  readonly headerRows: readonly number[];
  readonly unitColumn: number;
  readonly groupColumn: number | null;
  readonly indicators: readonly IndicatorColumn[];
  readonly units: readonly UnitRow[];
  readonly totals: readonly UnitRow[];
  /** Indicator key → key in `values` of last year's same-period figure (去年同期), when the sheet has one. */
  readonly lastYear?: Readonly<Record<string, string>>;
  /** The sheets this table joins (县区, 园区, 部门 kept apart), each as read: totals are checked per part. */
  readonly parts?: readonly UnitTable[];
  /** Units the sheet marks 不参与考核 (normalised names): their rows on other sheets are not unknown units. */
  readonly excluded?: readonly string[];
  /** The as-of date the sheet states of itself ("截至2023年12月31日", "1-8月完成情况"), YYYY-MM-DD. */
  readonly statedAsOf?: string;
}

export type Currency = "CNY" | "USD";

/** One project of a 项目台账. Amounts are in the base unit of `currency` (万元 or 万美元). */
export interface LedgerRow {
  readonly sheet: string;
  /** 0-based row index. */
  readonly row: number;
  readonly name: string;
  /** Normalised project name, for duplicate detection. */
  readonly nameKey: string;
  readonly unit: string;
  readonly unitKey: string;
  readonly investor: string | null;
  readonly industry: string | null;
  /** The project's investment in `currency`; in a ledger with 内资 and 外资 columns, the 内资 part (CNY). */
  readonly investment: number | null;
  readonly currency: Currency;
  /** The 外资 part in 万美元, in a ledger that keeps it apart from 内资; the total converts it at the rules' rate. */
  readonly foreignInvestment?: number;
  /**
   * The 合同外资 of a ledger that keeps it beside its 投资总额 (a 外商投资企业台账), in 万美元: already within the
   * investment, so never added to it; summed alone by an indicator named for it (合同外资).
   */
  readonly foreignContract?: number;
  /**
   * The 协议投资额 / 合同投资额 of a ledger that keeps it beside its 总投资, in `currency`: what a signing indicator
   * (签约金额) sums, where 总投资 stays the project's size (thresholds, 总投资 indicators).
   */
  readonly agreedInvestment?: number;
  /** Amounts written but unreadable (待定, 面议, #REF!): a sum over the row is not known, never 0. */
  readonly unreadable?: readonly ("investment" | "fundsInPlace")[];
  readonly foreignShare: number | null;
  readonly fundsInPlace: number | null;
  readonly stage: string | null;
  readonly signedDate: Date | null;
  readonly registeredDate: Date | null;
  readonly startedDate: Date | null;
  /** 投产日期: when the project went into production (a 投产项目 counts by it). */
  readonly producedDate: Date | null;
  readonly industrial: boolean | null;
  readonly investorType: string | null;
  /** 省外/省内/境外 and similar, when the ledger says where the investor comes from. */
  readonly origin: string | null;
  readonly remarks: string | null;
  /** Canonical field → 0-based column, so issues and traces can name the cell. */
  readonly columns: Readonly<Record<string, number>>;
  /** Where a merged row came from (`scorecard merge`). */
  readonly provenance: string | null;
  /** 报送月份 of a ledger that re-reports its projects every month: the latest report up to the as-of date counts. */
  readonly reportDate?: Date;
}

export interface LedgerSheet {
  readonly sheet: string;
  readonly headerRows: readonly number[];
  readonly columns: Readonly<Record<string, number>>;
  /** Unit of the investment column as the header or a note states it. */
  readonly investmentUnit: MeasureUnit | null;
  readonly rows: readonly LedgerRow[];
  /** The one year the ledger's title or sheet name states ("2024年新引进项目推进台账"), when it states one. */
  readonly statedYear?: number;
  /**
   * The as-of date its name or title states ("3月台账", "截至2024年3月31日"): a workbook keeping one snapshot
   * sheet per month re-reports each project on every sheet, and only the latest report up to the as-of counts.
   */
  readonly statedAsOf?: string;
}
