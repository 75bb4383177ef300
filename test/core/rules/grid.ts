import type { CellValue, SheetGrid } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/plan";

/** The grid a host would read back after writing `plan` (values only). */
export function planToGrid(plan: SheetPlan): SheetGrid {
  return {
    name: plan.name,
    hidden: plan.visibility !== "visible",
    rows: plan.values.map((r) => r.map((v): CellValue => v)),
    merges: [],
    numberFormats: new Map(),
    hiddenColumns: new Set(),
  };
}

export function setCell(grid: SheetGrid, row: number, col: number, value: CellValue): SheetGrid {
  const rows = grid.rows.map((r) => [...r]);
  while (rows.length <= row) rows.push([]);
  const r = rows[row] as CellValue[];
  while (r.length <= col) r.push(null);
  r[col] = value;
  return { ...grid, rows };
}

export function findRow(grid: SheetGrid, first: string): number {
  const i = grid.rows.findIndex((r) => r[0] === first);
  if (i < 0) throw new Error(`no row ${first}`);
  return i;
}
