import { isoDay } from "../grid/excel-date";
import type { Issue } from "../issues";
import { sheetOf, type LedgerColumns } from "../model";
import { issueAt, type IssueText } from "../recognize/issue";
import type { ValidationContext } from "./context";
import type { RowFindings } from "./row-findings";

/** A ledger's dates: field, column key, and names in Chinese and English. */
export const DATES = [
  ["signedDate", "signed_date", "签约日期", "signing date"],
  ["registeredDate", "registered_date", "注册日期", "registration date"],
  ["startedDate", "started_date", "开工日期", "start date"],
  ["producedDate", "produced_date", "投产日期", "production date"],
] as const;

type DateSpec = (typeof DATES)[number];

/** Rows that share one finding: told once, at the first of them (its index in the columns), with their count. */
export interface RowCount {
  count: number;
  first: number;
}

/** Counts row `i` under `key`, remembering the first row seen there. */
export function countRow<K>(rows: Map<K, RowCount>, key: K, i: number): void {
  const e = rows.get(key);
  if (e) e.count++;
  else rows.set(key, { count: 1, first: i });
}

/** An issue at row `i` of a ledger's columns, in column `col`. */
export function rowIssue(
  c: LedgerColumns,
  i: number,
  code: Parameters<typeof issueAt>[0],
  severity: Parameters<typeof issueAt>[1],
  col: number,
  text: IssueText,
  field?: string,
  suggestion?: string
): Issue {
  return issueAt(
    code,
    severity,
    sheetOf(c, i).sheet,
    c.row[i] as number,
    col,
    text,
    field,
    suggestion
  );
}

/** A date on or before the end of this day counts as within it. */
const endOfDay = (d: Date): number => d.getTime() + 86_399_999;

/**
 * A ledger's three dates against the period, the as-of date and today. A date after today is an error and
 * one after the period a warning, each at its row. Dates before the period or after the as-of date are what a
 * running ledger holds, so they are counted per column and told once by `notes()`.
 */
export class LedgerDates {
  private readonly start: number;
  private readonly end: number;
  private readonly asOf: number;
  private readonly today: number;
  // Projects dated outside the counted span, per date column: one note, not one warning each.
  private readonly earlier = new Map<string, RowCount>();
  private readonly later = new Map<string, RowCount>();
  /** Per date column (DATES' order), the checks of a date after today and of one after the period. */
  private readonly checks: readonly (readonly [future: number, outside: number])[];

  constructor(
    private readonly ctx: ValidationContext,
    private readonly col: (key: string) => number,
    private readonly ledger: LedgerColumns,
    private readonly findings: RowFindings
  ) {
    this.start = ctx.period.start.getTime();
    this.end = endOfDay(ctx.period.end);
    this.asOf = endOfDay(ctx.asOf);
    this.today = endOfDay(ctx.today ?? ctx.asOf);
    this.checks = DATES.map((spec) => [
      findings.check(this.afterToday(spec)),
      findings.check(this.outsidePeriod(spec)),
    ]);
  }

  /** Checks the dates of row `i`. */
  check(i: number): void {
    for (let d = 0; d < DATES.length; d++) {
      const spec = DATES[d] as DateSpec;
      const t = this.ledger.dates[spec[0]][i] as number;
      if (!Number.isNaN(t)) this.checkDate(i, t, spec, d);
    }
  }

  private checkDate(i: number, t: number, [, key]: DateSpec, d: number): void {
    const [future, outside] = this.checks[d] as readonly [number, number];
    if (t > this.today) this.findings.add(future, i);
    // The ledger is kept up to today; events after the as-of date belong to a later assessment.
    else if (t > this.asOf && t <= this.end) countRow(this.later, key, i);
    else if (t < this.start) countRow(this.earlier, key, i);
    else if (t > this.end) this.findings.add(outside, i);
  }

  private afterToday([field, key, zh, en]: DateSpec): (i: number) => Issue {
    // A ledger kept up to next year's plans has thousands of these: today formatted once.
    const today = isoDay(this.ctx.today ?? this.ctx.asOf);
    return (i) => {
      const day = isoDay(new Date(this.ledger.dates[field][i] as number));
      return rowIssue(
        this.ledger,
        i,
        "date_in_future",
        "error",
        this.col(key),
        { zh: `${zh} ${day} 晚于今天 ${today}`, en: `${en} ${day} is after today (${today})` },
        key
      );
    };
  }

  private outsidePeriod([field, key, zh, en]: DateSpec): (i: number) => Issue {
    const [start, end] = [isoDay(this.ctx.period.start), isoDay(this.ctx.period.end)];
    return (i) => {
      const day = isoDay(new Date(this.ledger.dates[field][i] as number));
      return rowIssue(
        this.ledger,
        i,
        "date_outside_period",
        "warning",
        this.col(key),
        {
          zh: `${zh} ${day} 不在考核期 ${start} 至 ${end} 内`,
          en: `${en} ${day} is outside the period ${start} to ${end}`,
        },
        key
      );
    };
  }

  /** One note per date column for the rows before the period, then one for those after the as-of date. */
  notes(): Issue[] {
    const { ctx } = this;
    const start = isoDay(ctx.period.start);
    const asOf = isoDay(ctx.asOf);
    return [
      ...this.note(this.earlier, ([, , zh, en], count) => ({
        zh: `${count} 个项目的${zh}早于考核期开始（${start}），按往年项目处理，不计入本期`,
        en: `${count} project(s) have a ${en} before the period starts (${start}); read as earlier years' projects and not counted in this period`,
      })),
      ...this.note(this.later, ([, , zh, en], count) => ({
        zh: `${count} 个项目的${zh}晚于截至日期 ${asOf}，本次不计入`,
        en: `${count} project(s) have a ${en} after the as-of date ${asOf} and are not counted this time`,
      })),
    ];
  }

  private note(
    rows: Map<string, RowCount>,
    text: (spec: DateSpec, count: number) => { zh: string; en: string }
  ): Issue[] {
    return [...rows].map(([key, { count, first }]) => {
      const spec = DATES.find((d) => d[1] === key) as DateSpec;
      return rowIssue(
        this.ledger,
        first,
        "outside_period_rows",
        "info",
        this.col(key),
        text(spec, count),
        key
      );
    });
  }
}
