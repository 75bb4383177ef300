import type { HeaderField } from "./dictionary";
import type { HeaderBlock, HeaderColumn } from "./header-block";
import { matchHeader, type MatchScope } from "./header-match";
import type { PeriodPart } from "./table-columns";

export interface MappedColumn {
  readonly field: HeaderField;
  readonly column: HeaderColumn;
}

export interface ColumnMap {
  /** Field key → the column it is read from (the first visible one when several claim it). */
  readonly byField: ReadonlyMap<string, MappedColumn>;
  /** Later columns that map to a field already taken. */
  readonly duplicates: readonly MappedColumn[];
  readonly unmatched: readonly HeaderColumn[];
  /** Columns that named a field of the sheet's kind (not unit/seq/group). */
  readonly fieldHits: number;
  /** A ledger's 到位资金 typed per month or quarter: the period columns added up (ledger-funds-periods.ts). */
  readonly fundsParts?: readonly PeriodPart[];
}

export function mapColumns(
  block: HeaderBlock,
  scope: MatchScope,
  hidden: ReadonlySet<number>
): ColumnMap {
  const byField = new Map<string, MappedColumn>();
  const duplicates: MappedColumn[] = [];
  const unmatched: HeaderColumn[] = [];
  let fieldHits = 0;
  for (const column of block.columns) {
    const field = matchHeader(column.groupNorm, column.leafNorm, scope);
    if (!field) {
      unmatched.push(column);
      continue;
    }
    if (field.kind === "indicator" || field.kind === "field") fieldHits++;
    const taken = byField.get(field.key);
    if (!taken) byField.set(field.key, { field, column });
    else if (hidden.has(taken.column.col) && !hidden.has(column.col)) {
      // A hidden helper column must not shadow the visible one a reviewer sees.
      duplicates.push(taken);
      byField.set(field.key, { field, column });
    } else duplicates.push({ field, column });
  }
  return { byField, duplicates, unmatched, fieldHits };
}
