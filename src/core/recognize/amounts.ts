import type { CellValue } from "../grid";
import type { Issue } from "../issues";
import type { MeasureUnit, Quantity } from "../model";
import { readNumberCell } from "./cell-values";
import { issueAt } from "./issue";

/** A numeric cell read in a column of known unit, converted to the base unit, with what went wrong. */
export interface Amount {
  readonly value: number | null;
  readonly notApplicable: boolean;
  readonly blocked: boolean;
}

/** 1000%: beyond this a rate is a typing slip (a count entered as a percentage), not a real figure. */
export const MAX_RATIO = 10;

const EMPTY: Amount = { value: null, notApplicable: false, blocked: false };
const NA: Amount = { value: null, notApplicable: true, blocked: false };
const BLOCKED: Amount = { value: null, notApplicable: false, blocked: true };

export interface AmountContext {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly field: string;
  readonly unit: MeasureUnit | null;
  /** Expected quantity when the unit is unknown (custom indicators: null). */
  readonly quantity: Quantity | null;
  readonly issues: Issue[];
}

const isMoney = (q: Quantity | null | undefined): boolean => q === "money_cny" || q === "money_usd";

export function readAmount(raw: CellValue, ctx: AmountContext): Amount {
  const cell = readNumberCell(raw);
  const at = (code: Parameters<typeof issueAt>[0], severity: "error" | "warning", zh: string, en: string): void => {
    ctx.issues.push(issueAt(code, severity, ctx.sheet, ctx.row, ctx.col, { zh, en }, ctx.field));
  };
  switch (cell.kind) {
    case "empty":
      return EMPTY;
    case "na":
      return NA;
    case "error":
      at("formula_error", "error", `公式错误 ${cell.code}，该项不计分`, `formula error ${cell.code}; this figure is not scored`);
      return BLOCKED;
    case "invalid":
      at("wrong_type", "error", `“${cell.text}”不是数字`, `"${cell.text}" is not a number`);
      return BLOCKED;
    case "number":
      break;
  }
  const quantity = ctx.unit?.quantity ?? ctx.quantity;
  let value: number;
  if (cell.percent) {
    if (quantity !== null && quantity !== "ratio") {
      at("wrong_type", "error", `百分数不能用于${ctx.unit?.label ?? "该"}列`, `a percentage in a ${ctx.unit?.label ?? "non-ratio"} column`);
      return BLOCKED;
    }
    value = cell.value;
  } else if (cell.factorToWan !== undefined) {
    if (!isMoney(quantity)) {
      at("wrong_type", "error", "金额单位写在了非金额列", "an amount with a money unit in a non-money column");
      return BLOCKED;
    }
    value = cell.value * cell.factorToWan;
  } else value = cell.value * (ctx.unit?.factor ?? 1);
  // 4.72 亿 × 10000 must be 47200, not 47200.00000000001, or totals stop adding up.
  value = Number(value.toPrecision(12));
  if (cell.fromText) {
    at("number_as_text", "warning", `数字存为文本“${String(raw).trim()}”，已按 ${shown(cell.value, cell.percent)} 读取`, `number stored as text "${String(raw).trim()}", read as ${shown(cell.value, cell.percent)}`);
  }
  if (value < 0) {
    at("negative_amount", "error", `负数 ${cell.value}，该项不计分`, `negative value ${cell.value}; this figure is not scored`);
    return BLOCKED;
  }
  if (quantity === "ratio" && value > MAX_RATIO) {
    at("percent_too_large", "error", `比例 ${Math.round(value * 100)}% 超过 1000%`, `ratio ${Math.round(value * 100)}% exceeds 1000%`);
    return BLOCKED;
  }
  return { value, notApplicable: false, blocked: false };
}

const shown = (value: number, percent: boolean | undefined): string => (percent ? `${Number((value * 100).toPrecision(12))}%` : String(value));
