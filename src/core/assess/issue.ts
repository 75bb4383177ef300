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
  // Keyed by place, then message: a large ledger yields thousands of issues, nearly all at places of their own,
  // so their long messages are not joined into keys and hashed.
  const seen = new Map<string, string[]>();
  return issues.filter((i) => {
    const k = `${i.code}\u0000${i.sheet}\u0000${i.cell}\u0000${i.field ?? ""}`;
    const messages = seen.get(k);
    if (!messages) {
      seen.set(k, [i.message_en]);
      return true;
    }
    if (messages.includes(i.message_en)) return false;
    messages.push(i.message_en);
    return true;
  });
}
