import { columnIndex, toA1 } from "../grid";
import type { Issue, IssueCode, Severity } from "../issues";

export interface IssueText {
  readonly zh: string;
  readonly en: string;
}

/** An issue at a 0-based cell; the messages are prefixed with "Sheet!A1" so they read alone in a log. */
export function issueAt(
  code: IssueCode,
  severity: Severity,
  sheet: string,
  row: number,
  col: number,
  text: IssueText,
  field?: string,
  suggestion?: string
): Issue {
  const cell = toA1(row, col);
  const base = {
    code,
    severity,
    sheet,
    cell,
    row: row + 1,
    message_zh: `${sheet}!${cell}：${text.zh}`,
    message_en: `${sheet}!${cell}: ${text.en}`,
  };
  const withField = field !== undefined ? { ...base, field } : base;
  return suggestion !== undefined ? { ...withField, suggestion } : withField;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Sheet order, then row, then column, then severity: the order a reviewer walks the workbook in. */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[]): Issue[] {
  const rank = new Map(sheetOrder.map((name, i) => [name, i]));
  const colOf = (cell: string): number => {
    const letters = /^[A-Z]+/.exec(cell)?.[0];
    return letters ? columnIndex(letters) : 0;
  };
  return [...issues].sort(
    (a, b) =>
      (rank.get(a.sheet) ?? 1e9) - (rank.get(b.sheet) ?? 1e9) ||
      a.row - b.row ||
      colOf(a.cell) - colOf(b.cell) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
  );
}
