/** Reader test helpers: hand-editing .xlsx packages (rewrite, add or drop parts) and comparing grids. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetGrid, WorkbookGrid } from "../../../src/core/grid";

/** Maps and sets as sorted arrays, so equality says nothing about insertion order. */
export function comparable(grid: WorkbookGrid): unknown {
  return {
    source: grid.source,
    sheets: grid.sheets.map((s: SheetGrid) => ({
      name: s.name,
      hidden: s.hidden,
      rows: s.rows,
      merges: s.merges,
      numberFormats: [...s.numberFormats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
    })),
  };
}

export type PartEdit = ((xml: string) => string) | null;

/** The workbook's package with `edits` applied: a function rewrites a part (added when absent), null drops it. */
export async function editedPackage(
  wb: ExcelJS.Workbook | Uint8Array,
  edits: Readonly<Record<string, PartEdit>>
): Promise<Uint8Array> {
  const bytes =
    wb instanceof Uint8Array ? wb : new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, edit] of Object.entries(edits)) {
    if (edit === null) zip.remove(part);
    else zip.file(part, edit((await zip.file(part)?.async("string")) ?? ""));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export async function writeTo(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A small three-sheet workbook (text, numbers, a date) to damage. */
export function plainWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("甲");
  a.addRow(["责任单位", "目标"]);
  a.addRow(["高新区", 10]);
  a.addRow(["经开区", 20]);
  const b = wb.addWorksheet("乙");
  b.addRow(["项目", "金额"]);
  b.addRow(["项目一", 3000]);
  const c = wb.addWorksheet("丙");
  c.getCell("A1").value = new Date(Date.UTC(2024, 2, 5));
  return wb;
}
