/** The text cells of a sheet's first rows, where titles and notes state what the workbook is about. */
import { toA1, type SheetGrid } from "../grid";

export interface TitleText {
  readonly text: string;
  /** A1 address in its sheet. */
  readonly cell: string;
}

/** Text cells of rows [from, to) and the first 30 columns; a cell over 300 characters is a paragraph, not a title. */
function textsOfRows(sheet: SheetGrid, from: number, to: number, out: TitleText[]): TitleText[] {
  for (let r = from; r < Math.min(sheet.rows.length, to); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const v = row[c];
      if (typeof v === "string" && v.length <= 300) out.push({ text: v, cell: toA1(r, c) });
    }
  }
  return out;
}

/** Text cells of the first `rows` rows. */
export function titleTexts(sheet: SheetGrid, rows: number): TitleText[] {
  return textsOfRows(sheet, 0, rows, []);
}

/** The texts of a sheet's first `rows` rows and of its last ones: titles above a table and notes under it. */
export function titleAndNoteTexts(sheet: SheetGrid, rows: number): TitleText[] {
  const top = titleTexts(sheet, rows);
  return textsOfRows(sheet, Math.max(rows, sheet.rows.length - rows), sheet.rows.length, top);
}
