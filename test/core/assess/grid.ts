import {
  parseRangeA1,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../../../src/core/grid";
import type { SheetPlan, WritePlan } from "../../../src/core/plan";

/** What a host reads back after writing the plan's sheets: values and merges. */
export function sheetFromPlan(s: SheetPlan): SheetGrid {
  return {
    name: s.name,
    hidden: s.visibility !== "visible",
    rows: s.values.map((r) => r.map((v): CellValue => v)),
    merges: s.merges.map(parseRangeA1),
    numberFormats: new Map(),
    hiddenColumns: new Set(),
  };
}

export function gridFromPlan(plan: WritePlan, source = "book.xlsx"): WorkbookGrid {
  return { source, sheets: plan.sheets.map(sheetFromPlan) };
}

/** The grid with `sheets` replacing same-named ones (or added). */
export function withSheets(grid: WorkbookGrid, sheets: readonly SheetPlan[]): WorkbookGrid {
  const replaced = sheets.map(sheetFromPlan);
  return {
    ...grid,
    sheets: [...grid.sheets.filter((s) => !replaced.some((r) => r.name === s.name)), ...replaced],
  };
}
