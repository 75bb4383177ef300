import type { CellValue } from "../grid";
import type { Issue, IssueCode } from "../issues";
import type { MeasureUnit, Quantity } from "../model";
import { isNotReportedText, type NumberCell, readNumberCell } from "./cell-values";
import { issueAt } from "./issue";

/** A numeric cell read in a column of known unit, converted to the base unit, with what went wrong. */
export interface Amount {
  readonly value: number | null;
  readonly notApplicable: boolean;
  readonly blocked: boolean;
  /** The money unit the text stated itself ("25亿元" → 亿元). */
  readonly ownUnit?: string;
  /** Read from text ("24.6" typed as text): Excel's SUM skips such a cell, so a 合计 formula may too. */
  readonly fromText?: true;
}

/** 1000%: beyond this a rate is a typing slip (a count entered as a percentage), not a real figure. */
export const MAX_RATIO = 10;

const EMPTY: Amount = { value: null, notApplicable: false, blocked: false };
const NA: Amount = { value: null, notApplicable: true, blocked: false };
const BLOCKED: Amount = { value: null, notApplicable: false, blocked: true };

/** Reused across the rows of a column (only `row` changes), so a large ledger allocates one per column. */
export interface AmountContext {
  readonly sheet: string;
  row: number;
  readonly col: number;
  readonly field: string;
  readonly unit: MeasureUnit | null;
  /** Expected quantity when the unit is unknown (custom indicators: null). */
  readonly quantity: Quantity | null;
  readonly issues: Issue[];
  /**
   * A range (8～10) stands for its lower end: the column's header says it runs 确保～力争, or the column is a
   * ledger's amounts, where "5-8亿" is an estimate that reaches at least 5亿.
   */
  readonly rangeLow?: boolean;
}

const isMoney = (q: Quantity | null | undefined): boolean => q === "money_cny" || q === "money_usd";

function report(
  ctx: AmountContext,
  code: IssueCode,
  severity: "error" | "warning",
  zh: string,
  en: string
): void {
  ctx.issues.push(issueAt(code, severity, ctx.sheet, ctx.row, ctx.col, { zh, en }, ctx.field));
}

/** A typed number written in `unit`, in the base unit. */
export function scaledNumber(raw: number, unit: MeasureUnit | null): number {
  const factor = unit?.factor ?? 1;
  return factor === 1 ? raw : Number((raw * factor).toPrecision(12));
}

export function readAmount(raw: CellValue, ctx: AmountContext): Amount {
  if (raw === null) return EMPTY;
  const quantity = ctx.unit?.quantity ?? ctx.quantity;
  // Typed numbers are nearly every cell of a large ledger: no parsing, no allocation beyond the result.
  if (typeof raw === "number" && Number.isFinite(raw))
    return checked(scaledNumber(raw, ctx.unit), raw, quantity, ctx);
  const cell = readNumberCell(raw);
  if (cell.kind === "empty") return EMPTY;
  if (cell.kind === "na") return NA;
  if (cell.kind === "invalid" && cell.range && ctx.rangeLow)
    return rangeLowEnd(cell, cell.range, ctx, quantity);
  if (cell.kind !== "number") return unreadable(cell, ctx);
  const value = textAmount(cell, quantity, ctx);
  if (value === null) return BLOCKED;
  const text = String(raw).trim();
  const read = shown(cell.value, cell.percent);
  report(
    ctx,
    "number_as_text",
    "warning",
    `数字存为文本“${text}”，已按 ${read} 读取`,
    `number stored as text "${text}", read as ${read}`
  );
  const amount: Amount = { ...checked(value, cell.value, quantity, ctx), fromText: true };
  return cell.unitText !== undefined ? { ...amount, ownUnit: cell.unitText } : amount;
}

/** A cell holding no figure — a formula error, 未报送, text that is no number — is reported and never scored. */
function unreadable(
  cell: Extract<NumberCell, { kind: "error" | "invalid" }>,
  ctx: AmountContext
): Amount {
  if (cell.kind === "error")
    report(
      ctx,
      "formula_error",
      "error",
      `公式错误 ${cell.code}，该项不计分`,
      `formula error ${cell.code}; this figure is not scored`
    );
  else if (isNotReportedText(cell.text))
    report(
      ctx,
      "missing_actual",
      "error",
      `“${cell.text}”：该单位未报送此项，不能按0计，该项不计分`,
      `"${cell.text}": the unit did not report this figure; it is not counted as 0 and not scored`
    );
  else if (cell.kind === "invalid" && cell.range)
    report(
      ctx,
      "wrong_type",
      "error",
      `“${cell.text}”是一个范围，表中未说明哪一端是考核目标（确保还是力争），该项不计分；请只填确保目标`,
      `"${cell.text}" is a range and the table does not say which end is assessed (确保 or 力争); not scored — enter the 确保 target alone`
    );
  else if (cell.kind === "invalid" && cell.growth)
    report(
      ctx,
      "wrong_type",
      "error",
      `“${cell.text}”是增长率，不是目标数额，工作簿中没有可据以折算的基数，该项不计分；请填入目标数额`,
      `"${cell.text}" is a growth rate, not a target figure, and the workbook holds no base to apply it to; not scored — enter the target figure`
    );
  else
    report(ctx, "wrong_type", "error", `“${cell.text}”不是数字`, `"${cell.text}" is not a number`);
  return BLOCKED;
}

/** "8～10" under 确保～力争: the 确保 figure, said once as text read. */
function rangeLowEnd(
  cell: { readonly text: string },
  range: { readonly low: number; readonly factorToWan?: number },
  ctx: AmountContext,
  quantity: Quantity | null
): Amount {
  report(
    ctx,
    "number_as_text",
    "warning",
    `范围“${cell.text}”按下限（确保数）${range.low} 读取`,
    `range "${cell.text}" read as its lower (确保) figure ${range.low}`
  );
  const factor = range.factorToWan ?? ctx.unit?.factor ?? 1;
  const value = Number((range.low * factor).toPrecision(12));
  return checked(value, range.low, quantity, ctx);
}

/**
 * A number typed as text, in the column's base unit; null (reported) when what it states cannot stand in the
 * column: a percentage in an amount column, a money unit in a count column.
 */
function textAmount(
  cell: Extract<NumberCell, { kind: "number" }>,
  quantity: Quantity | null,
  ctx: AmountContext
): number | null {
  let value: number;
  if (cell.percent) {
    if (quantity !== null && quantity !== "ratio") {
      report(
        ctx,
        "wrong_type",
        "error",
        `百分数不能用于${ctx.unit?.label ?? "该"}列`,
        `a percentage in a ${ctx.unit?.label ?? "non-ratio"} column`
      );
      return null;
    }
    value = cell.value;
  } else if (cell.factorToWan !== undefined) {
    // "25亿元" under a header stating no measure (quantity unknown) says its own: read in 万元 like any amount.
    if (quantity !== null && !isMoney(quantity)) {
      report(
        ctx,
        "wrong_type",
        "error",
        "金额单位写在了非金额列",
        "an amount with a money unit in a non-money column"
      );
      return null;
    }
    value = cell.value * cell.factorToWan;
  } else value = cell.value * (ctx.unit?.factor ?? 1);
  // 4.72 亿 × 10000 must be 47200, not 47200.00000000001, or totals stop adding up.
  return Number(value.toPrecision(12));
}

function checked(
  value: number,
  written: number,
  quantity: Quantity | null,
  ctx: AmountContext
): Amount {
  if (value < 0) {
    report(
      ctx,
      "negative_amount",
      "error",
      `负数 ${written}，该项不计分`,
      `negative value ${written}; this figure is not scored`
    );
    return BLOCKED;
  }
  if (quantity === "ratio" && value > MAX_RATIO) {
    report(
      ctx,
      "percent_too_large",
      "error",
      `比例 ${Math.round(value * 100)}% 超过 1000%`,
      `ratio ${Math.round(value * 100)}% exceeds 1000%`
    );
    return BLOCKED;
  }
  return { value, notApplicable: false, blocked: false };
}

const shown = (value: number, percent: boolean | undefined): string =>
  percent ? `${Number((value * 100).toPrecision(12))}%` : String(value);
