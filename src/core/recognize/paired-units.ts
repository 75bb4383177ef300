/**
 * A figure column whose header states no measure is in the measure of the column it pairs with: "签约金额" on the
 * actuals sheet beside "签约金额（亿元）" on the targets is in 亿元. Read as it stands, its 15 would be 15万元 against
 * 20亿元 and every unit would rate at 0.01%. Taking the paired measure is said as info; a column whose figures
 * were in yet another measure then shows as implausible rates (completeness), an error, never as a ranking.
 */
import { columnLetter } from "../grid";
import type { Issue } from "../issues";
import type { IndicatorColumn, MeasureUnit, SourcedValue, UnitRow, UnitTable } from "../model";
import { issueAt } from "./issue";

export interface PairedTables {
  readonly targets: UnitTable;
  readonly actuals: UnitTable;
  readonly issues: Issue[];
}

/** Gives each paired indicator stated on one side only the other side's measure, rescaling its figures. */
export function adoptPairedUnits(targets: UnitTable, actuals: UnitTable): PairedTables {
  const toActuals = new Map<string, MeasureUnit>();
  const toTargets = new Map<string, MeasureUnit>();
  const issues: Issue[] = [];
  for (const t of targets.indicators) {
    const a = actuals.indicators.find((i) => i.key === t.key);
    if (!a) continue;
    const [from, to, into, table, pairTable] =
      t.unit && !a.unit
        ? [t, a, toActuals, actuals, targets]
        : a.unit && !t.unit
          ? [a, t, toTargets, targets, actuals]
          : [null, null, null, null, null];
    if (!from?.unit || from.unit.quantity === "ratio") continue;
    into.set(to.key, from.unit);
    if (from.unit.factor !== 1)
      issues.push(
        assumedIssue(
          table,
          to,
          `${from.sheet ?? pairTable.sheet}!${columnLetter(from.col)}`,
          from.unit
        )
      );
  }
  return {
    targets: withUnits(targets, toTargets),
    actuals: withUnits(actuals, toActuals),
    issues,
  };
}

function assumedIssue(
  table: UnitTable,
  column: IndicatorColumn,
  pairAt: string,
  unit: MeasureUnit
): Issue {
  const row = table.headerRows[table.headerRows.length - 1] ?? 0;
  const sheet = column.sheet ?? table.sheet;
  return issueAt(
    "unit_of_measure_assumed",
    "info",
    sheet,
    row,
    column.col,
    {
      zh: `“${column.name}”的表头未写计量单位，按配对的 ${pairAt} 读作${unit.label}；如不是，请在表头写明单位`,
      en: `"${column.name}" states no unit of measure; read in ${unit.label} like its pair ${pairAt}; if that is wrong, state the unit in the header`,
    },
    column.key
  );
}

function withUnits(table: UnitTable, units: ReadonlyMap<string, MeasureUnit>): UnitTable {
  if (units.size === 0) return table;
  const rescale = (row: UnitRow): UnitRow => {
    let values: Record<string, SourcedValue> | null = null;
    for (const [key, unit] of units)
      for (const k of [key, `${key}@last_year`]) {
        const v = row.values[k];
        if (!v || v.value === null || v.ownUnit || unit.factor === 1) continue;
        values ??= { ...row.values };
        values[k] = { ...v, value: Number((v.value * unit.factor).toPrecision(12)) };
      }
    return values ? { ...row, values } : row;
  };
  return {
    ...table,
    indicators: table.indicators.map((i) => {
      const unit = units.get(i.key);
      return unit ? { ...i, unit } : i;
    }),
    units: table.units.map(rescale),
    totals: table.totals.map(rescale),
  };
}
