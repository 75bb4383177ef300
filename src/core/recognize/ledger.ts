import type { CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { Currency, LedgerRow, LedgerSheet, MeasureUnit, Quantity } from "../model";
import { normalizeText, toHalfWidth } from "../text";
import { readAmount, type AmountContext } from "./amounts";
import { readBooleanCell, readDateCell, textOf } from "./cell-values";
import type { ColumnMap } from "./column-map";
import type { HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import { unitByLabel, unitFromNotes } from "./measure-units";
import type { MergedCells } from "./merged-cells";
import { isFootnote, isTotalLabel } from "./row-labels";
import { range } from "./unit-table";

export interface LedgerRead {
  readonly ledger: LedgerSheet;
  readonly dataRows: { readonly first: number; readonly last: number } | null;
  readonly totalRows: readonly number[];
  readonly units: Readonly<Record<string, string>>;
  readonly issues: readonly Issue[];
}

const WAN_CNY = unitByLabel("万元") as MeasureUnit;

const CURRENCIES: ReadonlyMap<string, Currency> = new Map([
  ["人民币", "CNY"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["元", "CNY"],
  ["万元", "CNY"],
  ["亿元", "CNY"],
  ["¥", "CNY"],
  ["￥", "CNY"],
  ["美元", "USD"],
  ["usd", "USD"],
  ["us$", "USD"],
  ["$", "USD"],
  ["万美元", "USD"],
  ["亿美元", "USD"],
]);

/** Normalisation of repeated strings (unit names, stages) done once per distinct text, not once per row. */
class KeyCache {
  private readonly map = new Map<string, string>();
  key(text: string): string {
    let k = this.map.get(text);
    if (k === undefined) {
      k = normalizeText(text);
      this.map.set(text, k);
    }
    return k;
  }
}

type DateField = "signed_date" | "registered_date" | "started_date";
const DATE_LABELS: Readonly<Record<DateField, readonly [string, string]>> = {
  signed_date: ["签约日期", "signing date"],
  registered_date: ["注册日期", "registration date"],
  started_date: ["开工日期", "start date"],
};
const PERCENT: MeasureUnit = { quantity: "ratio", label: "%", factor: 0.01 };
const RATIO: MeasureUnit = { quantity: "ratio", label: "", factor: 1 };
const isBlank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

export function readLedger(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap
): LedgerRead {
  const issues: Issue[] = [];
  const columns: Record<string, number> = {};
  for (const [key, m] of map.byField) columns[key] = m.column.col;
  const unitOf = (key: string): MeasureUnit | null => {
    const m = map.byField.get(key);
    if (!m) return null;
    return (
      m.column.unit ??
      unitFromNotes(block.notes, "money_cny") ??
      unitFromNotes(block.notes, "money_usd") ??
      (m.field.defaultUnit ? unitByLabel(m.field.defaultUnit) : null)
    );
  };
  const investmentUnit = unitOf("investment");
  const fundsUnit = unitOf("funds_in_place") ?? investmentUnit;
  const shareUnit = map.byField.get("foreign_share")?.column.unit ?? null;
  const headerCurrency: Currency = investmentUnit?.quantity === "money_usd" ? "USD" : "CNY";
  const statedCurrency = map.byField.get("investment")?.column.unit != null;

  const col = (key: string): number => columns[key] ?? -1;
  const nameCol = col("project_name");
  const [
    investorCol,
    industryCol,
    stageCol,
    investorTypeCol,
    originCol,
    remarksCol,
    currencyCol,
    industrialCol,
  ] = (
    [
      "investor",
      "industry",
      "stage",
      "investor_type",
      "origin",
      "remarks",
      "currency",
      "industrial",
    ] as const
  ).map(col) as [number, number, number, number, number, number, number, number];
  const unitCol = col("unit");
  const cache = new KeyCache();
  const rows: LedgerRow[] = [];
  const totalRows: number[] = [];
  let first = -1;
  let last = -1;
  const hasMerges = sheet.merges.length > 0;
  const text = (r: number, c: number): string | null => {
    if (c < 0) return null;
    const own = sheet.rows[r]?.[c] ?? null;
    if (typeof own === "string") {
      const t = own.trim();
      return t === "" ? null : t;
    }
    // Units merged down over several projects: the name lives in the merge's first cell.
    const t = textOf(own === null && hasMerges ? merged.value(r, c) : own);
    return t === "" ? null : t;
  };
  const raw = (r: number, c: number): CellValue => (c < 0 ? null : (sheet.rows[r]?.[c] ?? null));

  const amountContexts = new Map<string, AmountContext>();
  const amount = (
    r: number,
    key: string,
    unitOfColumn: MeasureUnit | null,
    currency: Currency
  ): number | null => {
    const c = col(key);
    if (c < 0) return null;
    const id = `${key}:${currency}`;
    let ctx = amountContexts.get(id);
    if (!ctx) {
      const quantity: Quantity = currency === "USD" ? "money_usd" : "money_cny";
      ctx = {
        sheet: sheet.name,
        row: r,
        col: c,
        field: key,
        unit: { ...(unitOfColumn ?? WAN_CNY), quantity },
        quantity,
        issues,
      };
      amountContexts.set(id, ctx);
    }
    ctx.row = r;
    return readAmount(raw(r, c), ctx).value;
  };
  const shareCol = col("foreign_share");
  const shareContext: AmountContext = {
    sheet: sheet.name,
    row: 0,
    col: shareCol,
    field: "foreign_share",
    unit: shareUnit,
    quantity: "ratio",
    issues,
  };
  const readShare = (r: number): number | null => {
    const shareRaw = raw(r, shareCol);
    shareContext.row = r;
    // A bare 50 in a share column without a % sign is 50%, since a share above 1 is meaningless.
    const unit = shareUnit ?? (typeof shareRaw === "number" && shareRaw > 1 ? PERCENT : RATIO);
    return readAmount(shareRaw, { ...shareContext, unit }).value;
  };
  const readDate = (r: number, key: DateField): Date | null => {
    const c = col(key);
    if (c < 0) return null;
    const cell = readDateCell(raw(r, c));
    if (cell.kind === "date") return cell.value;
    if (cell.kind === "invalid" || cell.kind === "error") {
      const [zh, en] = DATE_LABELS[key];
      const shown = cell.kind === "invalid" ? cell.text : cell.code;
      issues.push(
        issueAt(
          cell.kind === "error" ? "formula_error" : "bad_date",
          "error",
          sheet.name,
          r,
          c,
          { zh: `${zh}“${shown}”无法识别`, en: `${en} "${shown}" is not a date` },
          key
        )
      );
    }
    return null;
  };
  const readCurrency = (r: number): Currency => {
    const currencyText = text(r, currencyCol);
    if (currencyText === null) return headerCurrency;
    const stated = CURRENCIES.get(toHalfWidth(currencyText).trim().toLowerCase());
    if (stated === undefined) {
      issues.push(
        issueAt(
          "currency_mismatch",
          "warning",
          sheet.name,
          r,
          currencyCol,
          {
            zh: `不支持的币种“${currencyText}”，按${headerCurrency === "USD" ? "美元" : "人民币"}读取`,
            en: `unsupported currency "${currencyText}", read as ${headerCurrency}`,
          },
          "currency"
        )
      );
      return headerCurrency;
    }
    if (statedCurrency && stated !== headerCurrency) {
      issues.push(
        issueAt(
          "currency_mismatch",
          "warning",
          sheet.name,
          r,
          currencyCol,
          {
            zh: `币种“${currencyText}”与投资额列的单位 ${investmentUnit?.label ?? ""} 不一致`,
            en: `currency "${currencyText}" contradicts the investment column's unit ${investmentUnit?.label ?? ""}`,
          },
          "currency"
        )
      );
    }
    return stated;
  };
  const readIndustrial = (r: number): boolean | null => {
    const c = industrialCol;
    if (c < 0) return null;
    const b = readBooleanCell(raw(r, c));
    if (b !== "invalid") return b;
    const shown = textOf(raw(r, c));
    issues.push(
      issueAt(
        "wrong_type",
        "warning",
        sheet.name,
        r,
        c,
        { zh: `“${shown}”应为“是”或“否”`, en: `"${shown}" should be 是 (yes) or 否 (no)` },
        "industrial"
      )
    );
    return null;
  };

  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every(isBlank)) continue;
    const name = text(r, nameCol) ?? "";
    const lead = name || textOf(merged.value(r, 0));
    if (
      isTotalLabel(lead) ||
      (nameCol >= 0 && name === "" && isTotalLabel(text(r, unitCol) ?? ""))
    ) {
      totalRows.push(r + 1);
      continue;
    }
    if (name === "" && isFootnote(lead)) continue;
    if (name === "" && nameCol >= 0) {
      issues.push(
        issueAt(
          "wrong_type",
          "error",
          sheet.name,
          r,
          nameCol,
          { zh: "项目名称为空", en: "project name is empty" },
          "project_name"
        )
      );
    }
    const unit = text(r, unitCol) ?? "";
    const currency = readCurrency(r);
    rows.push({
      sheet: sheet.name,
      row: r,
      name,
      nameKey: normalizeText(name),
      unit,
      unitKey: cache.key(unit),
      investor: text(r, investorCol),
      industry: text(r, industryCol),
      investment: amount(r, "investment", investmentUnit, currency),
      currency,
      foreignShare: shareCol >= 0 ? readShare(r) : null,
      fundsInPlace: amount(r, "funds_in_place", fundsUnit, currency),
      stage: text(r, stageCol),
      signedDate: readDate(r, "signed_date"),
      registeredDate: readDate(r, "registered_date"),
      startedDate: readDate(r, "started_date"),
      industrial: readIndustrial(r),
      investorType: text(r, investorTypeCol),
      origin: text(r, originCol),
      remarks: text(r, remarksCol),
      columns,
      provenance: text(r, col("provenance")),
    });
    if (first < 0) first = r;
    last = r;
  }
  const units: Record<string, string> = {};
  if (investmentUnit && col("investment") >= 0) units["investment"] = investmentUnit.label;
  if (fundsUnit && col("funds_in_place") >= 0) units["funds_in_place"] = fundsUnit.label;
  return {
    ledger: {
      sheet: sheet.name,
      headerRows: range(block.top, block.bottom),
      columns,
      investmentUnit,
      rows,
    },
    dataRows: first < 0 ? null : { first: first + 1, last: last + 1 },
    totalRows,
    units,
    issues,
  };
}
