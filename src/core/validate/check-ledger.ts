import type { Issue } from "../issues";
import type { LedgerRow, LedgerSheet } from "../model";
import { issueAt } from "../recognize/issue";
import type { ValidationContext } from "./context";
import { unitNameIssues } from "./check-tables";
import { StageIndex } from "./stages";
import type { UnitMatcher } from "./unit-names";

const DATES = [
  ["signedDate", "signed_date", "签约日期", "signing date"],
  ["registeredDate", "registered_date", "注册日期", "registration date"],
  ["startedDate", "started_date", "开工日期", "start date"],
] as const;

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Row checks of one ledger: stage list, dates against the period and the as-of date, 开工 before 签约,
 * duplicates, and projects counted as signed under the threshold. Linear in rows; every lookup is cached.
 */
export function checkLedger(
  ledger: LedgerSheet,
  ctx: ValidationContext,
  matcher: UnitMatcher | null
): Issue[] {
  const issues: Issue[] = [];
  const stages = new StageIndex(ctx.stages);
  const signedAt = stages.position("签约");
  const start = ctx.period.start.getTime();
  const end = ctx.period.end.getTime() + 86_399_999;
  const asOf = ctx.asOf.getTime() + 86_399_999;
  const seen = new Map<string, LedgerRow>();
  const unitRows = new Map<string, { row: LedgerRow; count: number }>();
  const col = (key: string): number => ledger.columns[key] ?? 0;
  const checkDate = (p: LedgerRow, d: Date, [, key, zh, en]: (typeof DATES)[number]): void => {
    const t = d.getTime();
    if (t > asOf) {
      issues.push(
        issueAt(
          "date_in_future",
          "error",
          p.sheet,
          p.row,
          col(key),
          {
            zh: `${zh} ${iso(d)} 晚于截至日期 ${iso(ctx.asOf)}`,
            en: `${en} ${iso(d)} is after the as-of date ${iso(ctx.asOf)}`,
          },
          key
        )
      );
    } else if (t < start || t > end) {
      issues.push(
        issueAt(
          "date_outside_period",
          "warning",
          p.sheet,
          p.row,
          col(key),
          {
            zh: `${zh} ${iso(d)} 不在考核期 ${iso(ctx.period.start)} 至 ${iso(ctx.period.end)} 内`,
            en: `${en} ${iso(d)} is outside the period ${iso(ctx.period.start)} to ${iso(ctx.period.end)}`,
          },
          key
        )
      );
    }
  };

  for (const p of ledger.rows) {
    const stageAt = p.stage === null ? -1 : stages.indexOf(p.stage);
    if (p.stage !== null && stageAt < 0) {
      issues.push(
        issueAt(
          "unknown_stage",
          "error",
          p.sheet,
          p.row,
          col("stage"),
          {
            zh: `项目阶段“${p.stage}”不在阶段列表（${ctx.stages.join("、")}）中`,
            en: `stage "${p.stage}" is not one of ${ctx.stages.join(", ")}`,
          },
          "stage",
          stages.suggest(p.stage) ?? undefined
        )
      );
    }
    if (p.signedDate) checkDate(p, p.signedDate, DATES[0]);
    if (p.registeredDate) checkDate(p, p.registeredDate, DATES[1]);
    if (p.startedDate) checkDate(p, p.startedDate, DATES[2]);
    if (p.signedDate && p.startedDate && p.startedDate.getTime() < p.signedDate.getTime()) {
      issues.push(
        issueAt(
          "start_before_signing",
          "error",
          p.sheet,
          p.row,
          col("started_date"),
          {
            zh: `开工日期 ${iso(p.startedDate)} 早于签约日期 ${iso(p.signedDate)}`,
            en: `start date ${iso(p.startedDate)} is before the signing date ${iso(p.signedDate)}`,
          },
          "started_date"
        )
      );
    }
    if (p.nameKey !== "") {
      const key = `${p.nameKey}\u0000${p.unitKey}`;
      const first = seen.get(key);
      if (first) {
        issues.push(
          issueAt(
            "duplicate_project",
            "error",
            p.sheet,
            p.row,
            col("project_name"),
            {
              zh: `项目“${p.name}”（${p.unit}）与第 ${first.row + 1} 行重复`,
              en: `project "${p.name}" (${p.unit}) duplicates row ${first.row + 1}`,
            },
            "project_name"
          )
        );
      } else seen.set(key, p);
    }
    if (
      signedAt >= 0 &&
      p.stage !== null &&
      p.currency === "CNY" &&
      p.investment !== null &&
      p.investment <= ctx.signingThresholdWan &&
      stageAt >= signedAt
    ) {
      issues.push(
        issueAt(
          "below_signing_threshold",
          "warning",
          p.sheet,
          p.row,
          col("investment"),
          {
            zh: `总投资 ${p.investment} 万元未超过签约门槛 ${ctx.signingThresholdWan} 万元，却处于“${p.stage}”阶段，不计入签约项目`,
            en: `investment ${p.investment} (10k CNY) does not exceed the signing threshold of ${ctx.signingThresholdWan} yet the stage is "${p.stage}"; not counted as signed`,
          },
          "investment"
        )
      );
    }
    if (matcher && p.unit !== "") {
      const entry = unitRows.get(p.unit);
      if (entry) entry.count++;
      else unitRows.set(p.unit, { row: p, count: 1 });
    }
  }
  if (matcher) {
    // One finding per distinct name (at its first row): a misspelt unit repeated on 5,000 rows is one problem.
    for (const [name, { row, count }] of unitRows)
      issues.push(
        ...unitNameIssues(matcher.match(name), name, row.sheet, row.row, col("unit"), count)
      );
  }
  return issues;
}
