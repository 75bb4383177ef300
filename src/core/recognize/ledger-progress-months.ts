/**
 * A dateless 调度台账 that keeps each month's 调度 in a column of its own — 7月进展 / 8月进展 / 9月进展 — says a
 * project's stage in its latest month up to the as-of: that column is the stage column. Read as none, the
 * 台账 had no stage and no indicator a source; read by the first, a project signed in September was 在谈.
 */
import type { SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { isBlankCell } from "./cell-values";
import type { ColumnMap, MappedColumn } from "./column-map";
import { LEDGER_FIELDS } from "./dictionary-ledgers";
import type { HeaderColumn } from "./header-column";
import { issueAt } from "./issue";

const STAGE = LEDGER_FIELDS.find((f) => f.key === "stage");
/** "9月进展", "9月份进度", "9月推进情况", "9月底进展情况". */
const MONTH_PROGRESS =
  /^(\d{1,2})月(?:份|底|末)?(?:项目)?(?:进展|进度|推进情况|进展情况|状态|调度情况)$/;

const monthOf = (c: HeaderColumn): number | null => {
  const m = MONTH_PROGRESS.exec(c.leafNorm);
  const month = m ? Number(m[1]) : NaN;
  return month >= 1 && month <= 12 ? month : null;
};

/** The map with the latest monthly progress column up to the as-of month read as the stage. */
/** Whether any project row has typed the column: the as-of month's 进展 is often not filled in yet. */
const filled = (grid: SheetGrid, from: number, col: number): boolean =>
  grid.rows.slice(from).some((row) => !isBlankCell(row[col] ?? null));

export function withMonthlyProgress(
  map: ColumnMap,
  grid: SheetGrid,
  firstRow: number,
  asOfMonth: number | null,
  issues: Issue[]
): ColumnMap {
  const sheet = grid.name;
  if (!STAGE || map.byField.has("stage") || map.byField.has("stage_mark")) return map;
  const months = map.unmatched
    .map((c) => ({ c, month: monthOf(c) }))
    .filter((x): x is { c: HeaderColumn; month: number } => x.month !== null);
  if (months.length < 2) return map;
  const due = months.filter(
    (x) => (asOfMonth === null || x.month <= asOfMonth) && filled(grid, firstRow, x.c.col)
  );
  const latest = due.sort((a, b) => b.month - a.month)[0];
  if (!latest) return map;
  const byField = new Map<string, MappedColumn>(map.byField);
  byField.set("stage", { field: STAGE, column: latest.c });
  const used = new Set(months.map((x) => x.c));
  issues.push(
    issueAt(
      "derived_indicator",
      "info",
      sheet,
      latest.c.headerRow,
      latest.c.col,
      {
        zh: `台账按各月进展列中截至当月最新的“${latest.c.name}”读取项目阶段`,
        en: `the project stage is read from "${latest.c.name}", the latest monthly progress column up to the as-of month`,
      },
      "stage"
    )
  );
  return { ...map, byField, unmatched: map.unmatched.filter((c) => !used.has(c)) };
}
