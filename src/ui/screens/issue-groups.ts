/** What the issue list shows, decided without React: filtering, grouping by sheet, counts, pages. */
import type { Issue, Severity } from "../../core/issues";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** Issues listed per sheet before the "more" button; a long list stays quick to render and to scroll. */
export const ISSUE_PAGE = 100;

export type IssueFilter = Severity | "all";

/** The issues the filter keeps, grouped by sheet in order of first appearance. */
export function groupBySheet(
  issues: readonly Issue[],
  filter: IssueFilter = "all"
): [string, Issue[]][] {
  const groups = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (filter !== "all" && issue.severity !== filter) continue;
    const list = groups.get(issue.sheet);
    if (list) list.push(issue);
    else groups.set(issue.sheet, [issue]);
  }
  return [...groups];
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}
