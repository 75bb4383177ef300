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
  // One object, its optional keys added in place (not two spreads per issue: a ledger yields thousands).
  const issue: { -readonly [K in keyof Issue]: Issue[K] } = {
    code,
    severity,
    sheet,
    cell,
    row: row + 1,
    message_zh: `${sheet}!${cell}：${text.zh}`,
    message_en: `${sheet}!${cell}: ${text.en}`,
  };
  if (field !== undefined) issue.field = field;
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Sheet order, then row, then column, then severity: the order a reviewer walks the workbook in. */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[]): Issue[] {
  const rank = new Map(sheetOrder.map((name, i) => [name, i]));
  // Each issue's sort key once, not per comparison: a large ledger yields thousands of issues.
  const keyed = issues.map((issue, at) => {
    const letters = /^[A-Z]+/.exec(issue.cell)?.[0];
    return {
      issue,
      at,
      sheet: rank.get(issue.sheet) ?? 1e9,
      col: letters ? columnIndex(letters) : 0,
      severity: SEVERITY_ORDER[issue.severity],
    };
  });
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet ||
      a.issue.row - b.issue.row ||
      a.col - b.col ||
      a.severity - b.severity ||
      a.at - b.at
  );
  return keyed.map((k) => k.issue);
}
