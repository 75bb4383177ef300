/** What a 台账 date cell read in part, or not at all, tells the user (ledger-reader.ts LedgerReader.date). */
import { isoDay } from "../grid";
import type { Issue } from "../issues";
import { monthDayIn, type DateCell } from "./cell-values";
import { issueAt } from "./issue";

/** The cell: its sheet, 0-based row and column, and its field as DATE_FIELDS names it (key, 中文, English). */
export interface DateAt {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly field: readonly [field: string, zh: string, en: string];
}

/** "45383" as text read as its day: said as numbers stored as text are (SPEC §4), a warning. */
export function textSerialIssue(at: DateAt, text: string, date: Date): Issue {
  const [field, zh, en] = at.field;
  const read = isoDay(date);
  return issueAt(
    "number_as_text",
    "warning",
    at.sheet,
    at.row,
    at.col,
    {
      zh: `${zh}“${text}”是存为文本的 Excel 日期序列号，已按 ${read} 读取`,
      en: `${en} "${text}" is an Excel date serial stored as text, read as ${read}`,
    },
    field
  );
}

/** A date that cannot be read: a formula error, a day without its year, or text that is no date. */
export function badDateIssue(
  at: DateAt,
  cell: Extract<DateCell, { kind: "invalid" | "error" }>
): Issue {
  const [field, zh, en] = at.field;
  const shown = cell.kind === "invalid" ? cell.text : cell.code;
  const yearless = cell.kind === "invalid" && monthDayIn(cell.text, 2000) !== null;
  return issueAt(
    cell.kind === "error" ? "formula_error" : "bad_date",
    "error",
    at.sheet,
    at.row,
    at.col,
    yearless
      ? {
          zh: `${zh}“${shown}”没有年份，台账跨多个年度，无法判断是哪一年（请写明年份或加“年度”列）`,
          en: `${en} "${shown}" has no year and the ledger spans several years (write the year, or add a 年度 column)`,
        }
      : { zh: `${zh}“${shown}”无法识别`, en: `${en} "${shown}" is not a date` },
    field
  );
}
