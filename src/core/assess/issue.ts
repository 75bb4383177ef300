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
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}\u0000${i.sheet}\u0000${i.cell}\u0000${i.field ?? ""}\u0000${i.message_en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
