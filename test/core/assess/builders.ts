import type {
  IndicatorColumn,
  LedgerRow,
  LedgerSheet,
  MeasureUnit,
  SourcedValue,
  UnitRow,
  UnitTable,
} from "../../../src/core/model";

export const U = {
  亿元: { quantity: "money_cny", label: "亿元", factor: 10000 },
  万元: { quantity: "money_cny", label: "万元", factor: 1 },
  亿美元: { quantity: "money_usd", label: "亿美元", factor: 10000 },
  万美元: { quantity: "money_usd", label: "万美元", factor: 1 },
  个: { quantity: "count", label: "个", factor: 1 },
  "%": { quantity: "ratio", label: "%", factor: 0.01 },
} as const satisfies Record<string, MeasureUnit>;

/** {blocked: null}: an error cell that holds no value (recognition gives an unreadable cell none). */
export type Cell = number | null | "---" | { blocked: number | null };

export interface ColumnSpec {
  readonly key: string;
  readonly name?: string;
  readonly unit: MeasureUnit | null;
}

/**
 * A targets/actuals table: `rows` are [unit name, group, ...cells] with cells in the column's display unit
 * (converted to base units here, as recognition does). "---" is not applicable; {blocked} is an error cell.
 */
export function table(
  role: "targets" | "actuals",
  columns: readonly ColumnSpec[],
  rows: readonly (readonly [string, string | null, ...Cell[]])[],
  sheet = role === "targets" ? "目标" : "完成"
): UnitTable {
  const indicators: IndicatorColumn[] = columns.map((c, i) => ({
    key: c.key,
    name: c.name ?? c.key,
    col: i + 2,
    unit: c.unit,
  }));
  const units: UnitRow[] = rows.map(([name, group, ...cells], r) => {
    const values: Record<string, SourcedValue> = {};
    columns.forEach((c, i) => {
      const cell = cells[i] ?? null;
      const addr = `${String.fromCharCode(67 + i)}${r + 3}`;
      const factor = c.unit?.factor ?? 1;
      values[c.key] =
        cell === "---"
          ? { value: null, notApplicable: true, blocked: false, sheet, cell: addr }
          : typeof cell === "object" && cell !== null
            ? {
                value: cell.blocked === null ? null : cell.blocked * factor,
                notApplicable: false,
                blocked: true,
                sheet,
                cell: addr,
              }
            : {
                value: cell === null ? null : cell * factor,
                notApplicable: false,
                blocked: false,
                sheet,
                cell: addr,
              };
    });
    return { name, key: name, row: r + 2, group, values };
  });
  return {
    role,
    sheet,
    headerRows: [1],
    unitColumn: 1,
    groupColumn: rows.some((r) => r[1] !== null) ? 0 : null,
    indicators,
    units,
    totals: [],
  };
}

export function project(
  p: Partial<LedgerRow> & { name: string; unit: string },
  row = 0
): LedgerRow {
  return {
    sheet: "台账",
    row,
    nameKey: p.name,
    unitKey: p.unit,
    investor: null,
    industry: null,
    investment: null,
    currency: "CNY",
    foreignShare: null,
    fundsInPlace: null,
    stage: null,
    signedDate: null,
    registeredDate: null,
    startedDate: null,
    producedDate: null,
    industrial: null,
    investorType: null,
    origin: null,
    remarks: null,
    columns: {},
    provenance: null,
    ...p,
  };
}

export function ledger(
  rows: readonly (Partial<LedgerRow> & { name: string; unit: string })[]
): LedgerSheet {
  const keys = [
    "project_name",
    "unit",
    "investment",
    "currency",
    "stage",
    "signed_date",
    "registered_date",
    "started_date",
    "funds_in_place",
    "industrial",
    "investor_type",
    "origin",
  ];
  return {
    sheet: "台账",
    headerRows: [0],
    columns: Object.fromEntries(keys.map((k, i) => [k, i])),
    investmentUnit: U.万元,
    rows: rows.map((r, i) => project(r, i + 1)),
  };
}

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
