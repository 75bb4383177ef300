import type { CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { Currency, LedgerRow, LedgerSheet, MeasureUnit, Quantity } from "../model";
import { normalizeText, toHalfWidth } from "../text";
import { readAmount } from "./amounts";
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
  ["人民币", "CNY"], ["rmb", "CNY"], ["cny", "CNY"], ["元", "CNY"], ["万元", "CNY"], ["亿元", "CNY"], ["¥", "CNY"], ["￥", "CNY"],
  ["美元", "USD"], ["usd", "USD"], ["us$", "USD"], ["$", "USD"], ["万美元", "USD"], ["亿美元", "USD"],
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

const DATE_FIELDS = [
  ["signed_date", "签约日期", "signing date"],
  ["registered_date", "注册日期", "registration date"],
  ["started_date", "开工日期", "start date"],
] as const;

export function readLedger(sheet: SheetGrid, merged: MergedCells, block: HeaderBlock, map: ColumnMap): LedgerRead {
  const issues: Issue[] = [];
  const columns: Record<string, number> = {};
  for (const [key, m] of map.byField) columns[key] = m.column.col;
  const unitOf = (key: string): MeasureUnit | null => {
    const m = map.byField.get(key);
    if (!m) return null;
    return m.column.unit ?? unitFromNotes(block.notes, "money_cny") ?? unitFromNotes(block.notes, "money_usd") ?? (m.field.defaultUnit ? unitByLabel(m.field.defaultUnit) : null);
  };
  const investmentUnit = unitOf("investment");
  const fundsUnit = unitOf("funds_in_place") ?? investmentUnit;
  const shareUnit = map.byField.get("foreign_share")?.column.unit ?? null;
  const headerCurrency: Currency = investmentUnit?.quantity === "money_usd" ? "USD" : "CNY";
  const statedCurrency = map.byField.get("investment")?.column.unit != null;

  const col = (key: string): number => columns[key] ?? -1;
  const nameCol = col("project_name");
  const unitCol = col("unit");
  const cache = new KeyCache();
  const rows: LedgerRow[] = [];
  const totalRows: number[] = [];
  let first = -1;
  let last = -1;
  const text = (r: number, c: number): string | null => {
    if (c < 0) return null;
    const t = textOf(merged.value(r, c));
    return t === "" ? null : t;
  };
  const raw = (r: number, c: number): CellValue => (c < 0 ? null : (sheet.rows[r]?.[c] ?? null));

  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const name = text(r, nameCol) ?? "";
    const lead = name || textOf(merged.value(r, 0));
    if (isTotalLabel(lead) || (nameCol >= 0 && isTotalLabel(text(r, unitCol) ?? ""))) {
      totalRows.push(r + 1);
      continue;
    }
    if (name === "" && isFootnote(lead)) continue;
    if (name === "" && nameCol >= 0) {
      issues.push(issueAt("wrong_type", "error", sheet.name, r, nameCol, { zh: "项目名称为空", en: "project name is empty" }, "project_name"));
    }
    const unit = text(r, unitCol) ?? "";
    let currency = headerCurrency;
    const currencyText = text(r, col("currency"));
    if (currencyText !== null) {
      const stated = CURRENCIES.get(toHalfWidth(currencyText).trim().toLowerCase());
      if (stated === undefined) {
        issues.push(issueAt("currency_mismatch", "warning", sheet.name, r, col("currency"), { zh: `不支持的币种“${currencyText}”，按${headerCurrency === "USD" ? "美元" : "人民币"}读取`, en: `unsupported currency "${currencyText}", read as ${headerCurrency}` }, "currency"));
      } else {
        if (statedCurrency && stated !== headerCurrency) {
          issues.push(issueAt("currency_mismatch", "warning", sheet.name, r, col("currency"), { zh: `币种“${currencyText}”与投资额列的单位 ${investmentUnit?.label ?? ""} 不一致`, en: `currency "${currencyText}" contradicts the investment column's unit ${investmentUnit?.label ?? ""}` }, "currency"));
        }
        currency = stated;
      }
    }
    const amount = (key: string, unitOfColumn: MeasureUnit | null): number | null => {
      const c = col(key);
      if (c < 0) return null;
      const quantity: Quantity = currency === "USD" ? "money_usd" : "money_cny";
      const u = unitOfColumn ? { ...unitOfColumn, quantity } : { ...WAN_CNY, quantity };
      return readAmount(raw(r, c), { sheet: sheet.name, row: r, col: c, field: key, unit: u, quantity, issues }).value;
    };
    const investment = amount("investment", investmentUnit);
    const fundsInPlace = amount("funds_in_place", fundsUnit);
    let foreignShare: number | null = null;
    if (col("foreign_share") >= 0) {
      const shareRaw = raw(r, col("foreign_share"));
      const unitForShare = shareUnit ?? { quantity: "ratio" as const, label: "", factor: typeof shareRaw === "number" && shareRaw > 1 ? 0.01 : 1 };
      foreignShare = readAmount(shareRaw, { sheet: sheet.name, row: r, col: col("foreign_share"), field: "foreign_share", unit: unitForShare, quantity: "ratio", issues }).value;
    }
    const dates: Record<string, Date | null> = {};
    for (const [key, zh, en] of DATE_FIELDS) {
      const c = col(key);
      const cell = readDateCell(raw(r, c));
      dates[key] = cell.kind === "date" ? cell.value : null;
      if (cell.kind === "invalid" || cell.kind === "error") {
        const shown = cell.kind === "invalid" ? cell.text : cell.code;
        issues.push(issueAt(cell.kind === "error" ? "formula_error" : "bad_date", "error", sheet.name, r, c, { zh: `${zh}“${shown}”无法识别`, en: `${en} "${shown}" is not a date` }, key));
      }
    }
    let industrial: boolean | null = null;
    if (col("industrial") >= 0) {
      const b = readBooleanCell(raw(r, col("industrial")));
      if (b === "invalid") {
        issues.push(issueAt("wrong_type", "warning", sheet.name, r, col("industrial"), { zh: `“${textOf(raw(r, col("industrial")))}”应为“是”或“否”`, en: `"${textOf(raw(r, col("industrial")))}" should be 是 (yes) or 否 (no)` }, "industrial"));
      } else industrial = b;
    }
    rows.push({
      sheet: sheet.name,
      row: r,
      name,
      nameKey: normalizeText(name),
      unit,
      unitKey: cache.key(unit),
      investor: text(r, col("investor")),
      industry: text(r, col("industry")),
      investment,
      currency,
      foreignShare,
      fundsInPlace,
      stage: text(r, col("stage")),
      signedDate: dates["signed_date"] ?? null,
      registeredDate: dates["registered_date"] ?? null,
      startedDate: dates["started_date"] ?? null,
      industrial,
      investorType: text(r, col("investor_type")),
      origin: text(r, col("origin")),
      remarks: text(r, col("remarks")),
      columns,
      provenance: null,
    });
    if (first < 0) first = r;
    last = r;
  }
  const units: Record<string, string> = {};
  if (investmentUnit && col("investment") >= 0) units["investment"] = investmentUnit.label;
  if (fundsUnit && col("funds_in_place") >= 0) units["funds_in_place"] = fundsUnit.label;
  return {
    ledger: { sheet: sheet.name, headerRows: range(block.top, block.bottom), columns, investmentUnit, rows },
    dataRows: first < 0 ? null : { first: first + 1, last: last + 1 },
    totalRows,
    units,
    issues,
  };
}
