/**
 * Issues grouped for reading: by sheet (sheets with errors first), within a sheet by kind (errors, then findings
 * that change how a figure is read, warnings, info). The task pane's list and the printed 校验结果 use the same.
 */
import type { Issue, IssueCode, Severity } from "./types";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type IssueFilter = Severity | "all";

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Findings of one kind (code) in one sheet. */
export interface KindGroup {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly issues: readonly Issue[];
  /** The figures were read through a unit conversion or a unit clash: they change numbers, check them. */
  readonly changesNumbers: boolean;
}

export interface SheetGroup {
  readonly sheet: string;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly total: number;
  readonly kinds: readonly KindGroup[];
}

const MEASURE_CODES: ReadonlySet<IssueCode> = new Set([
  "unit_of_measure_mismatch",
  "unit_of_measure_assumed",
  "currency_mismatch",
]);
/** A figure typed with its own unit ("172,000万", "3.5亿", "12%"): how it was read decides the number. */
const UNIT_IN_TEXT = /[万亿元]|美元|%|％/;

/** True for findings that change how a figure is read (a unit of measure), which a reviewer must check first. */
export function changesNumbers(issue: Pick<Issue, "code" | "message_zh">): boolean {
  if (MEASURE_CODES.has(issue.code)) return true;
  if (issue.code !== "number_as_text") return false;
  const quoted = /“([^”]*)”/.exec(issue.message_zh)?.[1] ?? "";
  return UNIT_IN_TEXT.test(quoted);
}

/**
 * The issues the filter keeps, by sheet (sheets with errors first, then warnings, then the rest, each in order
 * of first appearance) and within a sheet by kind: errors, then unit-of-measure findings, warnings, info.
 */
export function groupForList(issues: readonly Issue[], filter: IssueFilter = "all"): SheetGroup[] {
  const sheets = new Map<string, Map<IssueCode, Issue[]>>();
  for (const issue of issues) {
    if (filter !== "all" && issue.severity !== filter) continue;
    let kinds = sheets.get(issue.sheet);
    if (!kinds) sheets.set(issue.sheet, (kinds = new Map()));
    const list = kinds.get(issue.code);
    if (list) list.push(issue);
    else kinds.set(issue.code, [issue]);
  }
  const groups = [...sheets].map(([sheet, kinds], order) => {
    const kindGroups = [...kinds].map(([code, list], at) => ({
      group: {
        code,
        severity: worst(list),
        issues: [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]),
        changesNumbers: list.some(changesNumbers),
      },
      at,
    }));
    kindGroups.sort((a, b) => kindRank(a.group) - kindRank(b.group) || a.at - b.at);
    const all = kindGroups.flatMap((k) => k.group.issues);
    return {
      group: {
        sheet,
        counts: countBySeverity(all),
        total: all.length,
        kinds: kindGroups.map((k) => k.group),
      },
      order,
    };
  });
  groups.sort(
    (a, b) => RANK[worstOf(a.group.counts)] - RANK[worstOf(b.group.counts)] || a.order - b.order
  );
  return groups.map((g) => g.group);
}

function kindRank(kind: KindGroup): number {
  // Unit-of-measure findings right after the errors: they change numbers without blocking anything.
  if (kind.severity === "error") return 0;
  if (kind.changesNumbers) return 1;
  return kind.severity === "warning" ? 2 : 3;
}

function worst(list: readonly Issue[]): Severity {
  return list.reduce<Severity>((w, i) => (RANK[i.severity] < RANK[w] ? i.severity : w), "info");
}

function worstOf(counts: Readonly<Record<Severity, number>>): Severity {
  return SEVERITIES.find((s) => counts[s] > 0) ?? "info";
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}
