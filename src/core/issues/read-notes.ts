import type { WorkbookGrid } from "../grid/types";
import type { Issue } from "./types";

/**
 * One info issue per part the reader could not read in full (grid.readNotes). It points at A1 of the sheet
 * concerned, or of the first sheet for a workbook-wide part, so every issue still names a real cell.
 */
export function readNoteIssues(grid: WorkbookGrid): Issue[] {
  const first = grid.sheets[0]?.name ?? "";
  return (grid.readNotes ?? []).map((note) => ({
    code: "unreadable_part",
    severity: "info",
    sheet: note.sheet ?? first,
    cell: "A1",
    row: 1,
    message_zh: note.message_zh,
    message_en: note.message_en,
  }));
}
