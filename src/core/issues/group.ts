/**
 * Less noise: the same finding repeated down one column ("数字存为文本" on 300 cells) becomes one issue with a
 * count and its first cells, so the few real problems of a workbook do not hide among hundreds of repeats.
 */
import type { Issue } from "./types";

/** Repeats at or above this count are grouped; fewer stay as they are. */
export const GROUP_FROM = 4;
/** Cells a grouped issue lists. */
const SHOWN = 10;

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
  issues.forEach((i, at) => {
    const k = keys[at] as string;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  const out: Issue[] = [];
  const emitted = new Set<string>();
  issues.forEach((i, at) => {
    const k = keys[at] as string;
    const list = groups.get(k) as Issue[];
    if (list.length < GROUP_FROM) {
      out.push(i);
      return;
    }
    if (emitted.has(k)) return;
    emitted.add(k);
    const cells = list.map((x) => x.cell);
    const shown = cells.slice(0, SHOWN).join("、");
    const more = cells.length > SHOWN ? "…" : "";
    out.push({
      ...i,
      count: list.length,
      cells: cells.slice(0, SHOWN),
      message_zh: `${i.message_zh}（同类问题共 ${list.length} 处：${shown}${more}）`,
      message_en: `${i.message_en} (${list.length} cells alike: ${cells.slice(0, SHOWN).join(", ")}${more})`,
    });
  });
  return out;
}
