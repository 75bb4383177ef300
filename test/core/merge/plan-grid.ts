import type { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { parseRangeA1 } from "../../../src/core/grid";
import type { WritePlan } from "../../../src/core/plan";

/** What a host would read back after applying `plan` to an empty workbook: values, merges, number formats. */
export function gridFromPlan(plan: WritePlan, source: string): WorkbookGrid {
  const sheets: SheetGrid[] = plan.sheets.map((s) => {
    const numberFormats = new Map<string, string>();
    for (const st of s.styles) {
      if (!st.style.numberFormat) continue;
      for (const r of st.ranges) {
        const range = parseRangeA1(r);
        for (let row = range.top; row <= range.bottom; row++)
          for (let col = range.left; col <= range.right; col++)
            numberFormats.set(`${String.fromCharCode(65 + col)}${row + 1}`, st.style.numberFormat);
      }
    }
    return {
      name: s.name,
      hidden: s.visibility !== "visible",
      rows: s.values.map((r) => r.map((v): CellValue => v)),
      merges: s.merges.map(parseRangeA1),
      numberFormats,
      hiddenColumns: new Set<number>(),
    };
  });
  return { source, sheets };
}
