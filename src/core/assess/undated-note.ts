/**
 * The note that a ledger's projects without the event's date were counted in the period (签约日期 left blank,
 * stage 已签约, in a ledger of the period's own signings). Which rows those are is the counting's own rule
 * (ledger-filter's undatedRowsCounted), asked here of the same ledger rows and period the figures use.
 */
import { toA1 } from "../grid/address";
import { GROUP_SHOWN } from "../issues/group";
import type { Issue } from "../issues/types";
import { sheetOf, type LedgerColumns } from "../model/ledger-columns";
import type { LedgerSheet } from "../model/tables";
import { undatedRowsCounted, type RowPredicate } from "../rules/ledger-filter";
import type { LedgerFilter, RuleSet } from "../rules/schema";
import { DATES, rowIssue } from "../validate/ledger-dates";
import { ledgerContext } from "./ledger-figures";

type DateSpec = (typeof DATES)[number];

/** One info issue per date column and sheet: how many undated rows were counted, at the first of them. */
export function undatedCountedNotes(ledgers: readonly LedgerSheet[], rules: RuleSet): Issue[] {
  const filters = rules.indicators.flatMap((i) => {
    const f = i.aggregate?.filter;
    return f?.dateField !== undefined && f.minStage !== undefined ? [f] : [];
  });
  if (filters.length === 0 || ledgers.length === 0) return [];
  const ctx = ledgerContext(ledgers, rules);
  return DATES.flatMap((spec) => {
    const same = filters.filter((f) => f.dateField === spec[0]);
    const tests = same.flatMap((f) => undatedRowsCounted(f, ctx) ?? []);
    const first = same[0];
    if (!first || tests.length === 0) return [];
    // A part's own columns (a ledger kept one sheet per unit); a ledger made of rows has them on its sheet.
    const columnOf = (i: number, key: string): number | undefined => {
      const part = sheetOf(ctx.ledger, i);
      return part.columns[key] ?? ledgers.find((l) => l.sheet === part.sheet)?.columns[key];
    };
    return notes(ctx.ledger, tests, spec, first, columnOf);
  });
}

/** The rows any of the tests passes, per sheet of the ledger. */
function rowsPerSheet(c: LedgerColumns, tests: readonly RowPredicate[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < c.length; i++) {
    if (!tests.some((t) => t(i))) continue;
    const sheet = sheetOf(c, i).sheet;
    const rows = out.get(sheet);
    if (rows) rows.push(i);
    else out.set(sheet, [i]);
  }
  return out;
}

function notes(
  c: LedgerColumns,
  tests: readonly RowPredicate[],
  [, key, zh, en]: DateSpec,
  filter: LedgerFilter,
  columnOf: (i: number, key: string) => number | undefined
): Issue[] {
  const stage = filter.minStage ?? "";
  return [...rowsPerSheet(c, tests).values()].map((rows) => {
    const col = (i: number): number => columnOf(i, key) ?? columnOf(i, "stage") ?? 0;
    const cells = rows.slice(0, GROUP_SHOWN).map((i) => toA1(c.row[i] as number, col(i)));
    const more = rows.length > GROUP_SHOWN ? "…" : "";
    const n = rows.length;
    const issue = rowIssue(
      c,
      rows[0] as number,
      "undated_counted",
      "info",
      col(rows[0] as number),
      {
        zh: `${n} 个项目${zh}未填，但项目阶段已到“${stage}”：台账中填了${zh}的项目都在考核期内（本期台账），这些项目按本期${stage}计入台账统计（${cells.join("、")}${more}）`,
        en: `${n} project(s) have no ${en} but are at stage "${stage}" or later: every ${en} in the ledger falls in the period (the period's own ledger), so they were counted as "${stage}" in the period where the ledger is counted (${cells.join(", ")}${more})`,
      },
      key
    );
    return { ...issue, count: n, cells };
  });
}
