/** What the issue list shows, decided without React: ordering, grouping by sheet and kind, counts, pages. */
export {
  changesNumbers,
  countBySeverity,
  groupForList,
  SEVERITIES,
  type IssueFilter,
  type KindGroup,
  type SheetGroup,
} from "../../core/issues";

/** Issues listed per kind before the "more" button; a long list stays quick to render and to scroll. */
export const ISSUE_PAGE = 100;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The message without the "Sheet!C5：" it opens with: under the sheet's own heading, beside the cell, that
 * place is already on screen.
 */
export function withoutPlace(message: string, sheet: string, cell: string): string {
  const quoted = `(?:'${escapeRegExp(sheet.replace(/'/g, "''"))}'|${escapeRegExp(sheet)})`;
  const lead = new RegExp(`^${quoted}!${escapeRegExp(cell)}\\s*[：:]\\s*`);
  const stripped = message.replace(lead, "");
  return stripped.length > 0 ? stripped : message;
}
