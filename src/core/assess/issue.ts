import { parseA1 } from "../grid/address";
import type { Issue, IssueCode, Severity } from "../issues/types";

export function assessIssue(
  code: IssueCode,
  severity: Severity,
  sheet: string,
  cell: string,
  zh: string,
  en: string,
  field?: string
): Issue {
  let row = 1;
  try {
    row = parseA1(cell).row + 1;
  } catch {
    // A sheet-level issue names A1.
  }
  return {
    code,
    severity,
    sheet,
    cell,
    row,
    ...(field === undefined ? {} : { field }),
    message_zh: zh,
    message_en: en,
  };
}

/** Same code, place and message once, first occurrence kept. */
export function dedupeIssues(issues: readonly Issue[]): Issue[] {
  // Keyed by the cell alone, then compared: a large ledger yields thousands of issues, nearly all at cells of
  // their own, so no key string is joined and hashed per issue, and long messages are compared only at a shared cell.
  const seen = new Map<string, Issue[]>();
  return issues.filter((i) => {
    const here = seen.get(i.cell);
    if (!here) {
      seen.set(i.cell, [i]);
      return true;
    }
    const same = (o: Issue): boolean =>
      o.code === i.code &&
      o.sheet === i.sheet &&
      (o.field ?? "") === (i.field ?? "") &&
      o.message_en === i.message_en;
    if (here.some(same)) return false;
    here.push(i);
    return true;
  });
}
