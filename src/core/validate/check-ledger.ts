import { isoDay } from "../grid/excel-date";
import type { Issue } from "../issues";
import type { LedgerRow, LedgerSheet } from "../model";
import { issueAt } from "../recognize/issue";
import { projectKey } from "../rules/registry";
import { StageIndex } from "../rules/stages";
import type { ValidationContext } from "./context";
import { unitNameIssues } from "./check-tables";
import type { UnitMatcher } from "../recognize/unit-names";

const DATES = [
  ["signedDate", "signed_date", "签约日期", "signing date"],
  ["registeredDate", "registered_date", "注册日期", "registration date"],
  ["startedDate", "started_date", "开工日期", "start date"],
] as const;

type DateSpec = (typeof DATES)[number];

/** Projects dated before the period, per date column: one note, not one warning each. */
interface EarlierRows {
  count: number;
  first: LedgerRow;
}

/**
 * Row checks of one ledger: stage words, dates against the period and the as-of date, 开工 before 签约,
 * duplicates, and projects counted as signed under a stated threshold. Linear in rows; lookups are cached.
 */
export function checkLedger(
  ledger: LedgerSheet,
  ctx: ValidationContext,
  matcher: UnitMatcher | null
): Issue[] {
  const issues: Issue[] = [];
  const stages = new StageIndex(ctx.stages, ctx.stageSynonyms);
  const signedAt = stages.position("签约");
  const start = ctx.period.start.getTime();
  const end = ctx.period.end.getTime() + 86_399_999;
  const asOf = ctx.asOf.getTime() + 86_399_999;
  const today = (ctx.today ?? ctx.asOf).getTime() + 86_399_999;
  // A ledger with a 报送月份 column re-reports its projects: the same project in several months is expected.
  const reported = "report_month" in ledger.columns;
  const seen = new Map<string, LedgerRow>();
  const unitRows = new Map<string, { row: LedgerRow; count: number }>();
  const stageNotes = new Map<string, { row: LedgerRow; count: number; stage: string }>();
  const earlier = new Map<string, EarlierRows>();
  const later = new Map<string, EarlierRows>();
  let repeats: { row: LedgerRow; count: number } | null = null;
  const col = (key: string): number => ledger.columns[key] ?? 0;
  const checkDate = (p: LedgerRow, d: Date, [, key, zh, en]: DateSpec): void => {
    const t = d.getTime();
    if (t > today) {
      issues.push(
        issueAt(
          "date_in_future",
          "error",
          p.sheet,
          p.row,
          col(key),
          {
            zh: `${zh} ${isoDay(d)} 晚于今天 ${isoDay(ctx.today ?? ctx.asOf)}`,
            en: `${en} ${isoDay(d)} is after today (${isoDay(ctx.today ?? ctx.asOf)})`,
          },
          key
        )
      );
    } else if (t > asOf && t <= end) {
      // The ledger is kept up to today; events after the as-of date belong to a later assessment.
      const e = later.get(key);
      if (e) e.count++;
      else later.set(key, { count: 1, first: p });
    } else if (t < start) {
      const e = earlier.get(key);
      if (e) e.count++;
      else earlier.set(key, { count: 1, first: p });
    } else if (t > end) {
      issues.push(
        issueAt(
          "date_outside_period",
          "warning",
          p.sheet,
          p.row,
          col(key),
          {
            zh: `${zh} ${isoDay(d)} 不在考核期 ${isoDay(ctx.period.start)} 至 ${isoDay(ctx.period.end)} 内`,
            en: `${en} ${isoDay(d)} is outside the period ${isoDay(ctx.period.start)} to ${isoDay(ctx.period.end)}`,
          },
          key
        )
      );
    }
  };

  for (const p of ledger.rows) {
    const stage = p.stage === null ? null : stages.match(p.stage);
    if (p.stage !== null && stage?.how === "none") {
      issues.push(
        issueAt(
          "unknown_stage",
          "error",
          p.sheet,
          p.row,
          col("stage"),
          {
            zh: `项目阶段“${p.stage}”无法对应到阶段列表（${ctx.stages.join("、")}），该项目不计入按阶段统计的指标`,
            en: `stage "${p.stage}" matches none of ${ctx.stages.join(", ")}; the project is left out of stage-based counts`,
          },
          "stage"
        )
      );
    } else if (p.stage !== null && stage?.how === "nearest") {
      const note = stageNotes.get(p.stage);
      if (note) note.count++;
      else stageNotes.set(p.stage, { row: p, count: 1, stage: stage.stage });
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
            zh: `开工日期 ${isoDay(p.startedDate)} 早于签约日期 ${isoDay(p.signedDate)}`,
            en: `start date ${isoDay(p.startedDate)} is before the signing date ${isoDay(p.signedDate)}`,
          },
          "started_date"
        )
      );
    }
    if (p.nameKey !== "") {
      const key = projectKey(p);
      const first = seen.get(key);
      if (first && reported) {
        if (repeats) repeats.count++;
        else repeats = { row: p, count: 1 };
      } else if (first) {
        issues.push(
          issueAt(
            "duplicate_project",
            "warning",
            p.sheet,
            p.row,
            col("project_name"),
            {
              zh: `项目“${p.name}”（${p.unit}）与第 ${first.row + 1} 行重复，只计一次`,
              en: `project "${p.name}" (${p.unit}) duplicates row ${first.row + 1}; counted once`,
            },
            "project_name"
          )
        );
      } else seen.set(key, p);
    }
    const threshold = ctx.signingThresholdWan;
    // Only amounts wholly in 万元 compare without a rate: not 万美元, nor 内资 with a 外资 part beside it.
    if (
      threshold !== null &&
      signedAt >= 0 &&
      stage !== null &&
      p.currency === "CNY" &&
      p.foreignInvestment === undefined &&
      p.investment !== null &&
      p.investment <= threshold &&
      stage.index >= signedAt
    ) {
      issues.push(
        issueAt(
          "below_signing_threshold",
          "warning",
          p.sheet,
          p.row,
          col("investment"),
          {
            zh: `总投资 ${p.investment} 万元未超过签约门槛 ${threshold} 万元，却处于“${p.stage}”阶段，不计入签约项目`,
            en: `investment ${p.investment} (10k CNY) does not exceed the signing threshold of ${threshold} yet the stage is "${p.stage}"; not counted as signed`,
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
  for (const [word, { row, count, stage }] of stageNotes) {
    const times = count > 1 ? `（共 ${count} 行）` : "";
    issues.push(
      issueAt(
        "stage_mapped",
        "warning",
        row.sheet,
        row.row,
        col("stage"),
        {
          zh: `项目阶段“${word}”不在阶段词表中，按最接近的“${stage}”计${times}；如不对，请在考核规则表的“阶段同义词”中写明`,
          en: `stage "${word}" is not in the stage words; counted as the nearest stage "${stage}"${count > 1 ? ` (${count} rows)` : ""}. If that is wrong, add it to the rules sheet's stage synonyms`,
        },
        "stage",
        stage
      )
    );
  }
  for (const [key, { count, first }] of earlier) {
    const spec = DATES.find((d) => d[1] === key) as DateSpec;
    issues.push(
      issueAt(
        "outside_period_rows",
        "info",
        first.sheet,
        first.row,
        col(key),
        {
          zh: `${count} 个项目的${spec[2]}早于考核期开始（${isoDay(ctx.period.start)}），按往年项目处理，不计入本期`,
          en: `${count} project(s) have a ${spec[3]} before the period starts (${isoDay(ctx.period.start)}); read as earlier years' projects and not counted in this period`,
        },
        key
      )
    );
  }
  for (const [key, { count, first }] of later) {
    const spec = DATES.find((d) => d[1] === key) as DateSpec;
    issues.push(
      issueAt(
        "outside_period_rows",
        "info",
        first.sheet,
        first.row,
        col(key),
        {
          zh: `${count} 个项目的${spec[2]}晚于截至日期 ${isoDay(ctx.asOf)}，本次不计入`,
          en: `${count} project(s) have a ${spec[3]} after the as-of date ${isoDay(ctx.asOf)} and are not counted this time`,
        },
        key
      )
    );
  }
  if (repeats) {
    issues.push(
      issueAt(
        "repeated_project",
        "info",
        repeats.row.sheet,
        repeats.row.row,
        col("project_name"),
        {
          zh: `台账按月份重复报送项目（${repeats.count} 行），每个项目按截至日期前最近一次报送计一次`,
          en: `the ledger re-reports projects by month (${repeats.count} rows); each project counts once, as of its latest report up to the as-of date`,
        },
        "project_name"
      )
    );
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
