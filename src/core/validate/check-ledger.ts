import { isoDay } from "../grid/excel-date";
import type { Issue } from "../issues";
import {
  currencyAt,
  ledgerColumns,
  sheetOf,
  stageAt,
  unitKeyAt,
  type LedgerColumns,
  type LedgerSheet,
} from "../model";
import type { UnitMatcher } from "../recognize/unit-names";
import { listsEachProjectOnce, ProjectMap } from "../rules/ledger-projects";
import { StageIndex, type StageMatch } from "../rules/stages";
import { unitNameIssues } from "./check-tables";
import type { ValidationContext } from "./context";
import { LedgerDates, rowIssue, type RowCount } from "./ledger-dates";
import { RowFindings } from "./row-findings";

/** One pass over a ledger's rows: what every row is checked against, and what is told once at the end. */
interface LedgerScan {
  readonly ctx: ValidationContext;
  readonly ledger: LedgerColumns;
  readonly col: (key: string) => number;
  readonly stages: StageIndex;
  /** The match of each of the ledger's stage words (by its index in `ledger.stages`). */
  readonly stageMatches: readonly StageMatch[];
  /** Position of 签约 in the stage list, or −1 when the list has none. */
  readonly signedAt: number;
  /** A ledger with a 报送月份 column re-reports its projects: the same project in several months is expected. */
  readonly reported: boolean;
  /** The ledger has the events' dates (签约日期, 开工日期): they, not a stage note, decide what counts. */
  readonly dated: boolean;
  readonly dates: LedgerDates;
  /** The findings at single rows, and the checks that make them (numbered in the order a row is checked). */
  readonly findings: RowFindings;
  readonly checks: {
    readonly unknownStage: number;
    readonly startBeforeSigning: number;
    readonly duplicate: number;
    readonly belowThreshold: number;
  };
  /** Rows read as their nearest stage, per stage word (by its index in `ledger.stages`). */
  readonly stageWords: (RowCount | undefined)[];
  /** First row of each project, by its identity. */
  readonly projects: ProjectMap<number>;
  /** The first row of the project each duplicate row repeats. */
  readonly duplicateOf: Map<number, number>;
  /** Rows of each unit (by its index in `ledger.units`), when there are unit names to check them against. */
  readonly units: (RowCount | undefined)[] | null;
  /** Rows that re-report a project already seen, in a ledger by month. */
  repeats: RowCount | null;
  /** Rows of projects withdrawn (已终止, 已撤销): never counted, told once. */
  withdrawn: RowCount | null;
  /** Rows of 续建 projects (earlier years' signings and starts): never counted as new, told once. */
  continuing: RowCount | null;
}

/**
 * Row checks of one ledger: stage words, dates against the period and the as-of date, 开工 before 签约,
 * duplicates, and projects counted as signed under a stated threshold. Linear in rows; each stage word and unit
 * is looked at once, not once per row.
 */
export function checkLedger(
  sheet: LedgerSheet,
  ctx: ValidationContext,
  matcher: UnitMatcher | null,
  rowsShown = Infinity
): Issue[] {
  const ledger = ledgerColumns(sheet);
  const col = (key: string): number => sheet.columns[key] ?? 0;
  const stages = new StageIndex(ctx.stages, ctx.stageSynonyms);
  // Findings are built when the scan is done (only those shown, with a limit), in the order a row is checked.
  const findings = new RowFindings(ledger, rowsShown);
  const unknownStage = findings.check((i) => unknownStageIssue(scan, i));
  const dates = new LedgerDates(ctx, col, ledger, findings);
  const scan: LedgerScan = {
    ctx,
    ledger,
    col,
    stages,
    stageMatches: ledger.stages.map((word) => stages.match(word)),
    signedAt: stages.position("签约"),
    reported: "report_month" in sheet.columns,
    dated: "signed_date" in sheet.columns || "started_date" in sheet.columns,
    dates,
    findings,
    checks: {
      unknownStage,
      startBeforeSigning: findings.check((i) => startBeforeSigningIssue(scan, i)),
      duplicate: findings.check((i) => duplicateIssue(scan, i)),
      belowThreshold: findings.check((i) => belowThresholdIssue(scan, i)),
    },
    stageWords: [],
    projects: new ProjectMap(),
    duplicateOf: new Map(),
    units: matcher ? [] : null,
    repeats: null,
    withdrawn: null,
    continuing: null,
  };
  // Most ledgers list each project once: asked once (and remembered for the counts), not keyed row by row.
  checkRows(scan, !listsEachProjectOnce(ledger));
  return [
    ...findings.issues(),
    ...stageWordNotes(scan),
    ...dates.notes(),
    ...repeatNote(scan),
    ...withdrawnNote(scan),
    ...continuingNote(scan),
    ...(matcher ? unitNotes(scan, matcher) : []),
  ];
}

/**
 * Every row's checks. The loop alone, in a function of its own: run over a million rows it is compiled while it
 * runs, and code after it that has never run would undo that compilation.
 */
function checkRows(scan: LedgerScan, duplicates: boolean): void {
  const { ledger, dates } = scan;
  for (let i = 0; i < ledger.length; i++) {
    const stage = checkStage(scan, i);
    dates.check(i);
    checkStartAfterSigning(scan, i);
    if (duplicates) checkDuplicate(scan, i);
    checkSigningThreshold(scan, i, stage);
    if (scan.units) tally(scan.units, ledger.unit[i] as number, i);
  }
}

/** Counts row `i` at `at`, remembering the first row counted there. */
function tally(counts: (RowCount | undefined)[], at: number, i: number): void {
  const e = counts[at];
  if (e) e.count++;
  else counts[at] = { count: 1, first: i };
}

/** A stage word that matches no stage is an error at its row; one read as its nearest stage is counted. */
function checkStage(scan: LedgerScan, i: number): StageMatch | null {
  const word = scan.ledger.stage[i] as number;
  if (word < 0) return null;
  const stage = scan.stageMatches[word] as StageMatch;
  if (stage.how === "none") {
    scan.findings.add(scan.checks.unknownStage, i);
  } else if (stage.how === "withdrawn") {
    if (scan.withdrawn) scan.withdrawn.count++;
    else scan.withdrawn = { first: i, count: 1 };
  } else if (stage.how === "continuing") {
    if (scan.continuing) scan.continuing.count++;
    else scan.continuing = { first: i, count: 1 };
  } else if (stage.how === "nearest") {
    tally(scan.stageWords, word, i);
  }
  return stage;
}

function unknownStageIssue(scan: LedgerScan, i: number): Issue {
  const { stages } = scan.ctx;
  const text = stageAt(scan.ledger, i) ?? "";
  // With the event's dates beside it (签约日期, 开工日期) the project is still counted by them: the note is
  // worth a look, not a block.
  const dated = scan.dated;
  return rowIssue(
    scan.ledger,
    i,
    "unknown_stage",
    dated ? "warning" : "error",
    scan.col("stage"),
    dated
      ? {
          zh: `项目阶段“${text}”无法对应到阶段列表（${stages.join("、")}），该项目按其签约、开工日期统计`,
          en: `stage "${text}" matches none of ${stages.join(", ")}; the project is counted by its signing and start dates`,
        }
      : {
          zh: `项目阶段“${text}”无法对应到阶段列表（${stages.join("、")}），该项目不计入按阶段统计的指标`,
          en: `stage "${text}" matches none of ${stages.join(", ")}; the project is left out of stage-based counts`,
        },
    "stage"
  );
}

function checkStartAfterSigning(scan: LedgerScan, i: number): void {
  const { signedDate, startedDate } = scan.ledger.dates;
  // NaN (no date) is never before another.
  if ((startedDate[i] as number) < (signedDate[i] as number))
    scan.findings.add(scan.checks.startBeforeSigning, i);
}

function startBeforeSigningIssue(scan: LedgerScan, i: number): Issue {
  const { signedDate, startedDate } = scan.ledger.dates;
  const start = isoDay(new Date(startedDate[i] as number));
  const sign = isoDay(new Date(signedDate[i] as number));
  return rowIssue(
    scan.ledger,
    i,
    "start_before_signing",
    "error",
    scan.col("started_date"),
    {
      zh: `开工日期 ${start} 早于签约日期 ${sign}`,
      en: `start date ${start} is before the signing date ${sign}`,
    },
    "started_date"
  );
}

/** A project seen again is a duplicate, unless the ledger re-reports its projects month by month. */
function checkDuplicate(scan: LedgerScan, i: number): void {
  const c = scan.ledger;
  const nameKey = c.nameKey[i] as string;
  if (nameKey === "") return;
  const unitKey = unitKeyAt(c, i);
  const first = scan.projects.get(unitKey, nameKey);
  if (first === undefined) {
    scan.projects.set(unitKey, nameKey, i);
  } else if (scan.reported) {
    if (scan.repeats) scan.repeats.count++;
    else scan.repeats = { first: i, count: 1 };
  } else {
    scan.duplicateOf.set(i, first);
    scan.findings.add(scan.checks.duplicate, i);
  }
}

function duplicateIssue(scan: LedgerScan, i: number): Issue {
  const c = scan.ledger;
  const name = c.name[i] as string;
  const unit = c.units[c.unit[i] as number] as string;
  const firstRow = (c.row[scan.duplicateOf.get(i) as number] as number) + 1;
  return rowIssue(
    c,
    i,
    "duplicate_project",
    "warning",
    scan.col("project_name"),
    {
      zh: `项目“${name}”（${unit}）与第 ${firstRow} 行重复，只计一次`,
      en: `project "${name}" (${unit}) duplicates row ${firstRow}; counted once`,
    },
    "project_name"
  );
}

/** A project at 签约 or later whose investment does not exceed the stated threshold is not counted as signed. */
function checkSigningThreshold(scan: LedgerScan, i: number, stage: StageMatch | null): void {
  const threshold = scan.ctx.signingThresholdWan;
  const c = scan.ledger;
  const investment = c.investment[i] as number;
  // Only amounts wholly in 万元 compare without a rate: not 万美元, nor 内资 with a 外资 part beside it.
  if (
    threshold === null ||
    scan.signedAt < 0 ||
    stage === null ||
    currencyAt(c, i) !== "CNY" ||
    !Number.isNaN(c.foreignInvestment?.[i] ?? NaN) ||
    Number.isNaN(investment) ||
    investment > threshold ||
    stage.index < scan.signedAt
  )
    return;
  scan.findings.add(scan.checks.belowThreshold, i);
}

function belowThresholdIssue(scan: LedgerScan, i: number): Issue {
  const c = scan.ledger;
  const threshold = scan.ctx.signingThresholdWan;
  const investment = c.investment[i] as number;
  const word = stageAt(c, i) ?? "";
  return rowIssue(
    c,
    i,
    "below_signing_threshold",
    "warning",
    scan.col("investment"),
    {
      zh: `总投资 ${investment} 万元未超过签约门槛 ${threshold} 万元，却处于“${word}”阶段，不计入签约项目`,
      en: `investment ${investment} (10k CNY) does not exceed the signing threshold of ${threshold} yet the stage is "${word}"; not counted as signed`,
    },
    "investment"
  );
}

function stageWordNotes(scan: LedgerScan): Issue[] {
  return scan.ledger.stages.flatMap((word, w) => {
    const seen = scan.stageWords[w];
    const match = scan.stageMatches[w];
    if (!seen || match?.how !== "nearest") return [];
    const { first, count } = seen;
    const stage = match.stage;
    const times = count > 1 ? `（共 ${count} 行）` : "";
    return rowIssue(
      scan.ledger,
      first,
      "stage_mapped",
      "warning",
      scan.col("stage"),
      {
        zh: `项目阶段“${word}”不在阶段词表中，按最接近的“${stage}”计${times}；如不对，请在考核规则表的“阶段同义词”中写明`,
        en: `stage "${word}" is not in the stage words; counted as the nearest stage "${stage}"${count > 1 ? ` (${count} rows)` : ""}. If that is wrong, add it to the rules sheet's stage synonyms`,
      },
      "stage",
      stage
    );
  });
}

function repeatNote(scan: LedgerScan): Issue[] {
  if (!scan.repeats) return [];
  const { first, count } = scan.repeats;
  return [
    rowIssue(
      scan.ledger,
      first,
      "repeated_project",
      "info",
      scan.col("project_name"),
      {
        zh: `台账按月份重复报送项目（${count} 行），每个项目按截至日期前最近一次报送计一次`,
        en: `the ledger re-reports projects by month (${count} rows); each project counts once, as of its latest report up to the as-of date`,
      },
      "project_name"
    ),
  ];
}

function withdrawnNote(scan: LedgerScan): Issue[] {
  if (!scan.withdrawn) return [];
  const { first, count } = scan.withdrawn;
  const word = stageAt(scan.ledger, first) ?? "";
  return [
    rowIssue(
      scan.ledger,
      first,
      "excluded_row",
      "info",
      scan.col("stage"),
      {
        zh: `${count} 个项目已终止、撤销或取消（如“${word}”），不计入任何指标`,
        en: `${count} project${count > 1 ? "s are" : " is"} terminated, revoked or cancelled (such as "${word}") and counted in no indicator`,
      },
      "stage"
    ),
  ];
}

function continuingNote(scan: LedgerScan): Issue[] {
  if (!scan.continuing) return [];
  const { first, count } = scan.continuing;
  return [
    rowIssue(
      scan.ledger,
      first,
      "excluded_row",
      "info",
      scan.col("stage"),
      {
        zh: `${count} 个续建项目（以往年度签约、开工）不计入本期新签约、新开工等指标`,
        en: `${count} continuing project${count > 1 ? "s" : ""} (signed and started in earlier years) ${count > 1 ? "are" : "is"} not counted as this period's signings or starts`,
      },
      "stage"
    ),
  ];
}

/** One finding per distinct name (at its first row): a misspelt unit repeated on 5,000 rows is one problem. */
function unitNotes(scan: LedgerScan, matcher: UnitMatcher): Issue[] {
  const c = scan.ledger;
  // Per name, in the order names first appear (a name may stand under two keys in a ledger made of rows).
  const byName = new Map<string, RowCount>();
  c.units.forEach((name, u) => {
    const seen = scan.units?.[u];
    if (!seen || name === "") return;
    const e = byName.get(name);
    if (e) e.count += seen.count;
    else byName.set(name, { ...seen });
  });
  return [...byName].flatMap(([name, { first, count }]) =>
    unitNameIssues(
      matcher.match(name),
      name,
      sheetOf(c, first).sheet,
      c.row[first] as number,
      scan.col("unit"),
      count
    )
  );
}
