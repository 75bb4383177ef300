import { columnLetter, type SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type {
  IndicatorColumn,
  MeasureUnit,
  Quantity,
  SourcedValue,
  UnitRow,
  UnitTable,
} from "../model";
import { toA1 } from "../grid";
import { normalizeText } from "../text";
import { readAmount } from "./amounts";
import { readNumberCell, textOf } from "./cell-values";
import type { ColumnMap } from "./column-map";
import type { HeaderBlock, HeaderColumn } from "./header-block";
import { issueAt } from "./issue";
import { unitByLabel, unitFromNotes } from "./measure-units";
import type { MergedCells } from "./merged-cells";
import { isFootnote, isTotalLabel } from "./row-labels";

export interface TableRead {
  readonly table: Omit<UnitTable, "role">;
  readonly dataRows: { readonly first: number; readonly last: number } | null;
  readonly totalRows: readonly number[];
  readonly units: Readonly<Record<string, string>>;
  /** Column letters of headers that are neither a field nor a numeric indicator. */
  readonly unrecognised: readonly string[];
  readonly issues: readonly Issue[];
}

interface IndicatorPlan {
  readonly column: IndicatorColumn;
  readonly quantity: Quantity | null;
  /** The header's unit contradicts the indicator (外资 in 亿元): every value is blocked. */
  readonly blocked: boolean;
}

/** Key of an indicator no dictionary knows: its normalised header, so the actuals column with the same header pairs with it. */
export function customIndicatorKey(column: HeaderColumn): string {
  return column.groupNorm ? `${column.groupNorm}›${column.leafNorm}` : column.leafNorm;
}

// 去年同期 columns do pass: they are read as columns so assessment can pair them with their indicator (同比).
const NOT_AN_INDICATOR = /同比|增长|增幅|排名|名次|得分|分值|权重|yoy|growth|rank|score|weight/;

function isNumericColumn(sheet: SheetGrid, col: number, from: number): boolean {
  let numeric = 0;
  let other = 0;
  const last = Math.min(sheet.rows.length, from + 200);
  for (let r = from; r < last; r++) {
    const cell = readNumberCell(sheet.rows[r]?.[col] ?? null);
    if (cell.kind === "number" || cell.kind === "na" || cell.kind === "error") numeric++;
    else if (cell.kind === "invalid") other++;
  }
  return numeric > 0 && numeric >= other * 2;
}

const FRACTION: MeasureUnit = { quantity: "ratio", label: "%", factor: 1 };

/** Cells formatted as 0% hold fractions (0.6 shows as 60%): the column is a rate. */
function percentFormatted(sheet: SheetGrid, col: number, from: number): MeasureUnit | null {
  const last = Math.min(sheet.rows.length, from + 20);
  for (let r = from; r < last; r++) {
    const fmt = sheet.numberFormats.get(toA1(r, col));
    if (fmt !== undefined) return fmt.includes("%") ? FRACTION : null;
  }
  return null;
}

function planIndicators(
  sheet: SheetGrid,
  block: HeaderBlock,
  map: ColumnMap,
  issues: Issue[]
): { plans: IndicatorPlan[]; unrecognised: string[] } {
  const plans: IndicatorPlan[] = [];
  for (const { field, column } of map.byField.values()) {
    if (field.kind !== "indicator") continue;
    const unit: MeasureUnit | null =
      column.unit ??
      unitFromNotes(block.notes, field.quantity) ??
      (field.defaultUnit ? unitByLabel(field.defaultUnit) : null);
    const blocked = field.quantity !== null && unit !== null && unit.quantity !== field.quantity;
    if (blocked) {
      issues.push(
        issueAt(
          "unit_of_measure_mismatch",
          "error",
          sheet.name,
          column.headerRow,
          column.col,
          {
            zh: `“${column.name}”的单位 ${unit.label} 与指标应有的单位 ${field.defaultUnit ?? ""} 不符，该列不计分`,
            en: `"${column.name}" is given in ${unit.label}, but the indicator is measured in ${field.defaultUnit ?? "another unit"}; the column is not scored`,
          },
          field.key
        )
      );
    }
    plans.push({
      column: { key: field.key, name: column.name, col: column.col, unit },
      quantity: field.quantity,
      blocked,
    });
  }
  const unrecognised: string[] = [];
  const known = new Set([...map.byField.values()].map((m) => m.column.col));
  for (const d of map.duplicates) known.add(d.column.col);
  for (const column of map.unmatched) {
    if (known.has(column.col)) continue;
    // Hidden unknown columns are helpers (old figures, formulas); growth rates, ranks and scores describe
    // indicators rather than being ones: none of them is an indicator of its own.
    if (
      sheet.hiddenColumns.has(column.col) ||
      NOT_AN_INDICATOR.test(`${column.groupNorm}${column.leafNorm}`) ||
      !isNumericColumn(sheet, column.col, block.bottom + 1)
    ) {
      unrecognised.push(columnLetter(column.col));
      continue;
    }
    const unit =
      column.unit ??
      percentFormatted(sheet, column.col, block.bottom + 1) ??
      unitFromNotes(block.notes, null);
    plans.push({
      column: { key: customIndicatorKey(column), name: column.name, col: column.col, unit },
      quantity: unit?.quantity ?? null,
      blocked: false,
    });
  }
  plans.sort((a, b) => a.column.col - b.column.col);
  return { plans, unrecognised };
}

export function readUnitTable(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap
): TableRead {
  const issues: Issue[] = [];
  const unitColumn = map.byField.get("unit")?.column.col ?? -1;
  const seqColumn = map.byField.get("seq")?.column.col ?? -1;
  const groupColumn = map.byField.get("group")?.column.col ?? null;
  const { plans, unrecognised } = planIndicators(sheet, block, map, issues);

  const units: UnitRow[] = [];
  const totals: UnitRow[] = [];
  let first = -1;
  let last = -1;
  let section: string | null = null;
  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const name = unitColumn >= 0 ? textOf(merged.value(r, unitColumn)) : "";
    const label =
      name ||
      (seqColumn >= 0 ? textOf(merged.value(r, seqColumn)) : "") ||
      textOf(merged.value(r, 0));
    const total = isTotalLabel(label);
    if (!total && (name === "" || isFootnote(name))) continue;
    const values: Record<string, SourcedValue> = {};
    for (const plan of plans) {
      const amount = readAmount(sheet.rows[r]?.[plan.column.col] ?? null, {
        sheet: sheet.name,
        row: r,
        col: plan.column.col,
        field: plan.column.key,
        unit: plan.column.unit,
        quantity: plan.quantity,
        issues,
      });
      values[plan.column.key] = {
        ...amount,
        blocked: amount.blocked || plan.blocked,
        sheet: sheet.name,
        cell: toA1(r, plan.column.col),
      };
    }
    if (
      !total &&
      plans.length > 0 &&
      plans.every(
        (p) =>
          values[p.column.key]?.value === null &&
          !values[p.column.key]?.notApplicable &&
          !values[p.column.key]?.blocked
      )
    ) {
      // A row with a name and no figures is a section heading ("一、开发区"), the group of the rows below.
      section = name.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*/, "");
      continue;
    }
    const group =
      groupColumn !== null ? textOf(merged.value(r, groupColumn)) || null : total ? null : section;
    const row: UnitRow = {
      name: total ? label : name,
      key: normalizeText(total ? label : name),
      row: r,
      group,
      values,
    };
    (total ? totals : units).push(row);
    if (first < 0) first = r;
    last = r;
  }

  const unitLabels: Record<string, string> = {};
  for (const plan of plans)
    if (plan.column.unit) unitLabels[plan.column.key] = plan.column.unit.label;
  return {
    table: {
      sheet: sheet.name,
      headerRows: range(block.top, block.bottom),
      unitColumn,
      groupColumn,
      indicators: plans.map((p) => p.column),
      units,
      totals,
    },
    dataRows: first < 0 ? null : { first: first + 1, last: last + 1 },
    totalRows: totals.map((t) => t.row + 1),
    units: unitLabels,
    unrecognised,
    issues,
  };
}

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/**
 * A unit listed twice has no single figure: every value of both rows is blocked (the duplicate itself is
 * reported by validation), so the engine scores the other units and leaves this one out.
 */
export function blockDuplicateUnits<T extends Omit<UnitTable, "role">>(table: T): T {
  const count = new Map<string, number>();
  for (const u of table.units) count.set(u.key, (count.get(u.key) ?? 0) + 1);
  if (table.units.every((u) => count.get(u.key) === 1)) return table;
  const units = table.units.map((u) => {
    if (count.get(u.key) === 1) return u;
    const values: Record<string, SourcedValue> = {};
    for (const [k, v] of Object.entries(u.values)) values[k] = { ...v, blocked: true };
    return { ...u, values };
  });
  return { ...table, units };
}
