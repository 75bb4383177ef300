/**
 * Findings of the checks made on every row of a ledger (a date after today, a project under the signing
 * threshold…). A ledger kept up to next year's plans has thousands of one kind in one column, and grouping
 * (issues/group.ts) shows only the first cells of them with a count: with a limit, only the issues a group shows
 * are built, and the rest are counted on one of them. Without one, every finding is built.
 */
import { countAlso } from "../issues/group";
import type { Issue } from "../issues/types";
import type { LedgerColumns } from "../model";

/** Builds the finding of one check at row `i` of the ledger's columns. */
export type RowIssue = (i: number) => Issue;

/** The rows one check found, in one part (sheet) of the ledger. */
interface Found {
  /** Row indices kept, in sheet-row order: the first `shown` of them. */
  readonly kept: number[];
  /** Rows found beyond those kept. */
  more: number;
}

export class RowFindings {
  private readonly builds: RowIssue[] = [];
  /** Per check (by its number), per part of the ledger. */
  private readonly found: Map<number, Found>[] = [];

  /**
   * `shown`: how many findings of one check in one sheet to build (Infinity: all). A ledger made of row objects
   * may list one sheet row twice, so every finding of it is built (grouping must see each to drop repeats).
   */
  constructor(
    private readonly ledger: LedgerColumns,
    private readonly shown: number
  ) {
    if (ledger.source !== null) this.shown = Infinity;
  }

  /**
   * A check, numbered in the order checks are made on a row: findings at one cell and severity keep that order.
   * One check's findings share a code, a severity and a column.
   */
  check(build: RowIssue): number {
    this.found.push(new Map());
    return this.builds.push(build) - 1;
  }

  /** Check `check` found something at row `i`. */
  add(check: number, i: number): void {
    const c = this.ledger;
    const part = c.part === null ? 0 : (c.part[i] as number);
    const byPart = this.found[check] as Map<number, Found>;
    let found = byPart.get(part);
    if (!found) byPart.set(part, (found = { kept: [], more: 0 }));
    const { kept } = found;
    if (kept.length < this.shown) {
      kept.push(i);
    } else {
      found.more++;
      // Rows read from a sheet come in sheet order, so this is the usual end; a row above the last one kept
      // takes its place (and that one is counted instead).
      if (!this.before(i, kept[kept.length - 1] as number)) return;
      kept[kept.length - 1] = i;
    }
    for (let k = kept.length - 1; k > 0 && this.before(i, kept[k - 1] as number); k--) {
      kept[k] = kept[k - 1] as number;
      kept[k - 1] = i;
    }
  }

  private before(i: number, j: number): boolean {
    const row = this.ledger.row;
    return (row[i] as number) < (row[j] as number);
  }

  /** The findings built, row by row in the order the rows were checked, each row's in the order of its checks. */
  issues(): Issue[] {
    const at: { i: number; check: number; more: number }[] = [];
    this.found.forEach((byPart, check) => {
      for (const { kept, more } of byPart.values())
        kept.forEach((i, k) => at.push({ i, check, more: k === 0 ? more : 0 }));
    });
    at.sort((a, b) => a.i - b.i || a.check - b.check);
    return at.map(({ i, check, more }) => {
      const issue = (this.builds[check] as RowIssue)(i);
      countAlso(issue, more);
      return issue;
    });
  }
}
