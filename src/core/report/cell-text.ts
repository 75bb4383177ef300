/**
 * Excel holds at most 32,767 characters in a cell: a longer text is cut by Excel itself (and refused by Office.js),
 * so echoed user text (a unit name, a message quoting a cell) is cut here first, ends with an ellipsis, and the
 * report says so.
 */
import { toA1 } from "../grid/address";
import type { Issue } from "../issues/types";
import type { SheetPlan, WriteValue } from "../plan/write-plan";

/** Excel's limit ("Excel specifications and limits"). */
export const MAX_CELL_CHARS = 32_767;
const ELLIPSIS = "…";

/** `text` cut to `max` characters with an ellipsis, never inside a surrogate pair; unchanged when it fits. */
export function capText(text: string, max: number = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

export interface FittedSheet {
  readonly sheet: SheetPlan;
  /** A1 addresses of the cells cut. */
  readonly cut: readonly string[];
}

/** The sheet with every text cell under Excel's limit. */
export function fitSheetText(sheet: SheetPlan): FittedSheet {
  const cut: string[] = [];
  const values = sheet.values.map((row, r) =>
    row.map((v, c): WriteValue => {
      if (typeof v !== "string" || v.length <= MAX_CELL_CHARS) return v;
      cut.push(toA1(r, c));
      return capText(v);
    })
  );
  return { sheet: cut.length === 0 ? sheet : { ...sheet, values }, cut };
}

/** Room left in a cell for the text around an issue's own fields (the issues sheet adds a few words). */
const ISSUE_FIELD_CHARS = MAX_CELL_CHARS - 512;

/** The issue with each text field cut to fit a cell, and whether anything was cut. */
export function fitIssueText(issue: Issue): { issue: Issue; cut: boolean } {
  const cap = (v: string) => capText(v, ISSUE_FIELD_CHARS);
  const fitted: Issue = {
    ...issue,
    sheet: cap(issue.sheet),
    message_zh: cap(issue.message_zh),
    message_en: cap(issue.message_en),
    ...(issue.suggestion === undefined ? {} : { suggestion: cap(issue.suggestion) }),
    ...(issue.field === undefined ? {} : { field: cap(issue.field) }),
  };
  const cut =
    fitted.sheet !== issue.sheet ||
    fitted.message_zh !== issue.message_zh ||
    fitted.message_en !== issue.message_en ||
    fitted.suggestion !== issue.suggestion ||
    fitted.field !== issue.field;
  return { issue: cut ? fitted : issue, cut };
}

/** The info issue that says which cells of `sheet` were cut. */
export function truncationIssue(sheet: string, cells: readonly string[]): Issue {
  const first = cells[0] ?? "A1";
  const listed = cells.slice(0, 20).join("、") + (cells.length > 20 ? "…" : "");
  return {
    code: "text_truncated",
    severity: "info",
    sheet,
    cell: first,
    row: Number(/\d+$/.exec(first)?.[0] ?? 1),
    message_zh: `${cells.length} 个单元格的文字超过 Excel 单元格上限（32,767 个字符），已截断并以“…”结尾：${listed}`,
    message_en: `${cells.length} cell(s) held more text than Excel's 32,767-character cell limit and were cut, ending with "…": ${listed}`,
  };
}
