/**
 * Rules a workbook states in its own words (a 考核办法, a title, a 注) where it keeps no 考核规则 sheet: the
 * campaign period, the dollar rate, the rate cap and the scoring method, each told in an info issue.
 */
import type { WorkbookGrid } from "../grid/types";
import type { Issue } from "../issues/types";
import { statedCap, statedExchangeRate, statedPeriod } from "../recognize";
import { statedMethod } from "../recognize/stated-method";
import type { RuleSet } from "../rules/schema";
import { assessIssue } from "./issue";

const STATED_PERIOD_GRACE_MONTHS = 6;

/** ISO day `months` later (day clamped to the month's end). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** A campaign period the workbook states (seed 001's 2007-07-01..2008-03-31) replaces the calendar year. */
export function withStatedPeriod(
  grid: WorkbookGrid,
  rules: RuleSet,
  fallback: string,
  issues: Issue[]
): RuleSet {
  const period = statedPeriod(grid.sheets);
  if (!period) return rules;
  // Half a year after its end a stated campaign is last campaign's title in a copied workbook, not this run's.
  if (fallback > addMonths(period.end, STATED_PERIOD_GRACE_MONTHS)) {
    issues.push(
      assessIssue(
        "period_from_workbook",
        "warning",
        period.sheet,
        period.cell,
        `工作簿写明的考核期“${period.text}”（${period.start} 至 ${period.end}）已结束半年以上，本次按 ${fallback.slice(0, 4)} 年考核；如仍按该考核期，请用 --as-of 指定截至日期或在考核规则表中写明`,
        `the workbook's period "${period.text}" (${period.start} to ${period.end}) ended more than half a year before ${fallback}, so the calendar year ${fallback.slice(0, 4)} is assessed; give --as-of or state the period in the rules sheet to assess that campaign`
      )
    );
    return rules;
  }
  if (fallback < period.start) return rules;
  issues.push(
    assessIssue(
      "period_from_workbook",
      "info",
      period.sheet,
      period.cell,
      `考核期按工作簿中的“${period.text}”取 ${period.start} 至 ${period.end}`,
      `the period ${period.start} to ${period.end} is taken from "${period.text}"`
    )
  );
  return { ...rules, period: { start: period.start, end: period.end, asOf: fallback } };
}

/** A US-dollar rate the workbook states ("1美元=6.9元") replaces the default one. */
export function withStatedRate(grid: WorkbookGrid, rules: RuleSet, issues: Issue[]): RuleSet {
  const rate = statedExchangeRate(grid.sheets);
  if (!rate || rate.rate === rules.exchangeRate) return rules;
  issues.push(
    assessIssue(
      "exchange_rate_from_workbook",
      "info",
      rate.sheet,
      rate.cell,
      `美元按工作簿中的“${rate.text}”折算：1美元 = ${rate.rate} 元`,
      `US dollars convert at the workbook's own rate, "${rate.text}": 1 USD = ${rate.rate} CNY`
    )
  );
  return { ...rules, exchangeRate: rate.rate };
}

/** A cap the workbook's 考核办法 states ("完成率超过100%的按100%计算", "不设上限") replaces the default one. */
export function withStatedCap(grid: WorkbookGrid, rules: RuleSet, issues: Issue[]): RuleSet {
  const stated = statedCap(grid.sheets);
  if (!stated || stated.cap === rules.cap) return rules;
  const pct = stated.cap === null ? null : `${Math.round(stated.cap * 1000) / 10}%`;
  issues.push(
    assessIssue(
      "cap_from_workbook",
      "info",
      stated.sheet,
      stated.cell,
      pct === null
        ? `完成率按工作簿中的“${stated.text}”不设上限`
        : `完成率按工作簿中的“${stated.text}”封顶 ${pct}`,
      pct === null
        ? `completion rates are not capped, as the workbook states: "${stated.text}"`
        : `completion rates are capped at ${pct}, as the workbook states: "${stated.text}"`
    )
  );
  return { ...rules, cap: stated.cap };
}

/** A scoring method the workbook's 考核办法 states (seed 000: 完成得满分，未完成不得分) replaces the default one. */
export function withStatedMethod(grid: WorkbookGrid, rules: RuleSet, issues: Issue[]): RuleSet {
  const stated = statedMethod(grid.sheets);
  if (!stated || stated.method === rules.method) return rules;
  issues.push(
    assessIssue(
      "method_from_workbook",
      "info",
      stated.sheet,
      stated.cell,
      `计分方法按工作簿中的“${stated.text}”取达标计分：完成得满分，未完成不得分`,
      `scored by reaching the target, as the workbook states: "${stated.text}" (completed earns full marks, not completed nothing)`
    )
  );
  return { ...rules, method: stated.method };
}
