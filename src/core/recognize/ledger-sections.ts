/**
 * One sheet holding several lists of projects, each under its own caption and header — 一、在谈项目 (预计签约时间),
 * 二、签约项目 (签约时间), 三、开工项目 (开工时间) — is several 台账, each read by its own header: read as one, the
 * first list's header named every column and the later headers were read as projects. Each section is read on
 * its own copy of the sheet with the other sections' rows left blank (row numbers unchanged, so every address
 * still names the user's cell); the titles above the first section stay in every copy.
 */
import type { CellValue, SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import { matchHeader } from "./header-match";

/** A header row has at least this many text cells and no numbers. */
const MIN_HEADER_CELLS = 3;
/** Lists of projects run to a few hundred rows each; a longer sheet is an export, left as it is. */
const MAX_ROWS = 5000;

const texts = (row: ReadonlyArray<CellValue> | undefined): string[] =>
  (row ?? []).filter((v) => !isBlankCell(v)).map((v) => normalizeText(textOf(v)));

/** Whether the row is a 台账 header: text only, one of its cells naming the project column (项目名称). */
function isProjectHeader(row: ReadonlyArray<CellValue> | undefined): boolean {
  if ((row ?? []).some((v) => typeof v === "number" || v instanceof Date)) return false;
  const t = texts(row);
  return (
    t.length >= MIN_HEADER_CELLS &&
    t.some((x) => matchHeader("", x, "ledger")?.key === "project_name")
  );
}

/** A caption row right above a header: one text cell ("二、签约项目（7个）"). */
const isCaption = (row: ReadonlyArray<CellValue> | undefined): boolean => texts(row).length === 1;

/** The sheet's sections as copies with the other sections' rows blank, or null for a sheet of one list. */
export function sectionSheets(sheet: SheetGrid): SheetGrid[] | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const headers: number[] = [];
  sheet.rows.forEach((row, r) => {
    if (isProjectHeader(row)) headers.push(r);
  });
  if (headers.length < 2) return null;
  // The same header again is one list printed over pages (read as one), not lists of their own.
  const keys = new Set(headers.map((h) => texts(sheet.rows[h]).join("|")));
  if (keys.size < 2) return null;
  const tops = headers.map((h) => (h > 0 && isCaption(sheet.rows[h - 1]) ? h - 1 : h));
  const spans = tops.map((top, k) => ({
    top,
    bottom: (tops[k + 1] ?? sheet.rows.length) - 1,
  }));
  // A list with no rows under its header is no section (a header typed and left empty).
  if (spans.some((s, k) => !hasBody(sheet, (headers[k] as number) + 1, s.bottom))) return null;
  return spans.map((keep) => {
    const blank = (r: number): boolean =>
      r >= (spans[0]?.top ?? 0) && (r < keep.top || r > keep.bottom);
    return {
      ...sheet,
      rows: sheet.rows.map((row, r) => (blank(r) ? [] : row)),
      merges: sheet.merges.filter((m) => !blank(m.top) && !blank(m.bottom)),
    };
  });
}

function hasBody(sheet: SheetGrid, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) if (texts(sheet.rows[r]).length > 0) return true;
  return false;
}
