/**
 * A 台账 that types each project's 到位资金 per month or quarter, under a merged group header (2024年到位资金 ›
 * 1月 … 12月, 到位资金 › 一季度 … 四季度): the project's funds in place are those periods added up to the as-of
 * month, by the rule a table's 一季度…四季度 follow (figure-reader's periodsSoFar). A 累计 column within the
 * group (到位资金 › 累计) already holds that sum, as does a 到位资金 / 本年到位资金 column of its own: it is read
 * instead, so nothing is counted twice. A 累计到位资金 of its own runs since each project began (ledger-funds-year):
 * the months, which are the year's, are read and it is not.
 */
import type { Issue } from "../issues";
import type { ColumnMap, MappedColumn } from "./column-map";
import { LEDGER_FIELDS } from "./dictionary-ledgers";
import type { HeaderColumn } from "./header-column";
import { matchHeader } from "./header-match";
import { isRunningFunds } from "./ledger-funds-year";
import { issueAt } from "./issue";
import { measureOf, periodSpan } from "./measure-words";
import type { PeriodPart } from "./table-columns";

const FUNDS = LEDGER_FIELDS.find((f) => f.key === "funds_in_place");

/** Leaves under the funds group that hold the running total of its periods. */
const TOTAL_LEAF = /^(?:合计|小计|总计|累计|本年累计|全年累计|累计到位|累计完成)$/;

/** The group label right above the leaf, normalised ("2024年到位资金"), or "". */
function groupOf(c: HeaderColumn): string {
  return c.levels.length >= 2 ? (c.levels[c.levels.length - 2] as string) : "";
}

const namesFunds = (group: string): boolean =>
  group !== "" && matchHeader("", group, "ledger")?.key === "funds_in_place";

/** What the funds group holds: its period columns (in month order) and a column totalling them. */
function fundsGroup(map: ColumnMap): {
  parts: PeriodPart[];
  columns: HeaderColumn[];
  total: HeaderColumn | null;
} {
  const parts: PeriodPart[] = [];
  const columns: HeaderColumn[] = [];
  let total: HeaderColumn | null = null;
  for (const c of map.unmatched) {
    if (!namesFunds(groupOf(c))) continue;
    const span = periodSpan(c.leafNorm);
    if (span) {
      parts.push({ col: c.col, ...span });
      columns.push(c);
    } else if (
      total === null &&
      (TOTAL_LEAF.test(c.leafNorm) || measureOf(c.leafNorm) === "actual")
    )
      total = c;
  }
  parts.sort((a, b) => a.start - b.start || a.end - b.end);
  return { parts, columns, total };
}

function note(sheet: string, c: HeaderColumn, zh: string, en: string): Issue {
  return issueAt("funds_summed", "info", sheet, c.headerRow, c.col, { zh, en }, "funds_in_place");
}

/**
 * The map with 到位资金 read from its period columns (`fundsParts`) or from the 累计 column beside them, and the
 * columns so read taken out of the unmatched ones; the map unchanged when the ledger has no such columns.
 */
export function withFundsPeriods(
  map: ColumnMap,
  sheet: string,
  asOfMonth: number | null,
  issues: Issue[]
): ColumnMap {
  if (!FUNDS) return map;
  const { parts, columns, total } = fundsGroup(map);
  if (parts.length < 2) return map;
  const used = new Set([...columns, ...(total ? [total] : [])]);
  const unmatched = map.unmatched.filter((c) => !used.has(c));
  const first = columns[0] as HeaderColumn;
  const periods = `${columns[0]?.leaf ?? ""}…${columns[columns.length - 1]?.leaf ?? ""}`;
  // A 累计到位资金 of its own beside the months runs since the project began; the months are the year's.
  const own = map.byField.get("funds_in_place");
  const running = own && total === null && isRunningFunds(own) ? own.column : null;
  const kept = running ? null : (own?.column ?? total);
  if (kept) {
    issues.push(
      note(
        sheet,
        first,
        `到位资金按“${kept.name}”列读取（已是累计数），${periods}各列不再相加，以免重复计算`,
        `funds in place are read from "${kept.name}" (already a running total); the ${periods} columns are not added to it`
      )
    );
    if (own) return { ...map, unmatched };
    const byField = new Map<string, MappedColumn>(map.byField);
    byField.set("funds_in_place", { field: FUNDS, column: kept });
    return { ...map, byField, unmatched };
  }
  if (running)
    issues.push(
      note(
        sheet,
        running,
        `“${running.name}”是项目开始以来的累计数，可能含往年到位资金；本期到位资金按${periods}各列计算`,
        `"${running.name}" runs since each project began and may hold earlier years' funds; this period's are the ${periods} columns`
      )
    );
  const byField = new Map<string, MappedColumn>(map.byField);
  byField.set("funds_in_place", { field: FUNDS, column: first });
  issues.push(
    note(
      sheet,
      first,
      `到位资金按“${first.group}”下${periods}各列相加${asOfMonth === null ? "" : `，计到${asOfMonth}月（截至日期所在月份）`}`,
      `funds in place are the ${periods} columns under "${first.group}" added up${asOfMonth === null ? "" : ` to month ${asOfMonth} (the as-of month)`}`
    )
  );
  return { ...map, byField, unmatched, fundsParts: parts };
}
