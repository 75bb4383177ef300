/**
 * Less noise: the same finding repeated down one column ("数字存为文本" on 300 cells) becomes one issue with a
 * count and its first cells, so the few real problems of a workbook do not hide among hundreds of repeats.
 */
import type { Issue } from "./types";

/** Repeats at or above this count are grouped; fewer stay as they are. */
export const GROUP_FROM = 4;
/** Cells a grouped issue lists. */
export const GROUP_SHOWN = 10;

/**
 * Issues that stand for more alike ones than were built: a check of every row of a large ledger builds only the
 * issues a group shows (its first GROUP_SHOWN cells) and counts the rest on one of them.
 */
const alsoFor = new WeakMap<Issue, number>();

/** Records that `issue` stands for `more` further issues of its kind, in its column, that were not built. */
export function countAlso(issue: Issue, more: number): void {
  if (more > 0) alsoFor.set(issue, more);
}

const weightOf = (i: Issue): number => 1 + (alsoFor.get(i) ?? 0);

/** The column letters of an A1 cell ("AB12" → "AB"), without a regular expression per issue. */
function columnOf(cell: string): string {
  let n = 0;
  while (n < cell.length) {
    const c = cell.charCodeAt(n);
    if (c < 0x41 || c > 0x5a) break;
    n++;
  }
  return cell.slice(0, n);
}

export function groupIssues(issues: readonly Issue[]): Issue[] {
  // Each issue's key once (a large ledger yields thousands of issues).
  const keys = issues.map(
    (i) => `${i.code}\u0000${i.severity}\u0000${i.sheet}\u0000${columnOf(i.cell)}`
  );
  const groups = new Map<string, Issue[]>();
  // How many issues each group stands for, counted ones included.
  const counts = new Map<string, number>();
  issues.forEach((i, at) => {
    const k = keys[at] as string;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
    counts.set(k, (counts.get(k) ?? 0) + weightOf(i));
  });
  const out: Issue[] = [];
  const emitted = new Set<string>();
  issues.forEach((i, at) => {
    const k = keys[at] as string;
    const list = groups.get(k) as Issue[];
    const count = counts.get(k) as number;
    if (count < GROUP_FROM) {
      out.push(i);
      return;
    }
    if (emitted.has(k)) return;
    emitted.add(k);
    const cells = list.slice(0, GROUP_SHOWN).map((x) => x.cell);
    const more = count > GROUP_SHOWN ? "…" : "";
    out.push({
      ...i,
      count,
      cells,
      message_zh: `${i.message_zh}（同类问题共 ${count} 处：${cells.join("、")}${more}）`,
      message_en: `${i.message_en} (${count} cells alike: ${cells.join(", ")}${more})`,
    });
  });
  return out;
}
