import { isoDay } from "../grid/excel-date";
import type { Issue } from "../issues";
import type { LedgerRow, LedgerSheet } from "../model";
import { issueAt } from "../recognize/issue";
import type { UnitMatcher } from "../recognize/unit-names";
import { listsEachProjectOnce, ProjectMap } from "../rules/registry";
import { StageIndex, type StageMatch } from "../rules/stages";
import { unitNameIssues } from "./check-tables";
import type { ValidationContext } from "./context";
import { countRow, LedgerDates, type RowCount } from "./ledger-dates";

/** One pass over a ledger's rows: what every row is checked against, and what is told once at the end. */
interface LedgerScan {
  readonly ctx: ValidationContext;
  readonly col: (key: string) => number;
  readonly stages: StageIndex;
  /** Position of 签约 in the stage list, or −1 when the list has none. */
  readonly signedAt: number;
  /** A ledger with a 报送月份 column re-reports its projects: the same project in several months is expected. */
  readonly reported: boolean;
  /** The ledger has the events' dates (签约日期, 开工日期): they, not a stage note, decide what counts. */
  readonly dated: boolean;
  readonly dates: LedgerDates;
  /** Stage words read as their nearest stage, per word. */
  readonly stageWords: Map<string, RowCount & { stage: string }>;
  /** First row of each project, by its identity key. */
  readonly projects: ProjectMap<LedgerRow>;
  /** Rows of each unit name, when there are unit names to check them against. */
  readonly units: Map<string, RowCount> | null;
  /** Rows that re-report a project already seen, in a ledger by month. */
  repeats: RowCount | null;
  /** Rows of projects withdrawn (已终止, 已撤销): never counted, told once. */
  withdrawn: RowCount | null;
  readonly issues: Issue[];
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
  const col = (key: string): number => ledger.columns[key] ?? 0;
  const stages = new StageIndex(ctx.stages, ctx.stageSynonyms);
  const scan: LedgerScan = {
    ctx,
    col,
    stages,
    signedAt: stages.position("签约"),
    reported: "report_month" in ledger.columns,
    dated: "signed_date" in ledger.columns || "started_date" in ledger.columns,
    dates: new LedgerDates(ctx, col),
    stageWords: new Map(),
    projects: new ProjectMap(),
    units: matcher ? new Map() : null,
    repeats: null,
    withdrawn: null,
    issues: [],
  };
  // Most ledgers list each project once: asked once (and remembered for the counts), not keyed row by row.
  const duplicates = !listsEachProjectOnce(ledger.rows);
  for (const p of ledger.rows) {
    const stage = checkStage(scan, p);
    scan.dates.check(p, scan.issues);
    checkStartAfterSigning(scan, p);
    if (duplicates) checkDuplicate(scan, p);
    checkSigningThreshold(scan, p, stage);
    if (scan.units && p.unit !== "") countRow(scan.units, p.unit, p);
  }
  return [
    ...scan.issues,
    ...stageWordNotes(scan),
    ...scan.dates.notes(),
    ...repeatNote(scan),
    ...withdrawnNote(scan),
    ...(matcher ? unitNotes(scan, matcher) : []),
  ];
}

/** A stage word that matches no stage is an error at its row; one read as its nearest stage is counted. */
function checkStage(scan: LedgerScan, p: LedgerRow): StageMatch | null {
  if (p.stage === null) return null;
  const stage = scan.stages.match(p.stage);
  if (stage.how === "none") {
    const { stages } = scan.ctx;
    // With the event's dates beside it (签约日期, 开工日期) the project is still counted by them: the note is
    // worth a look, not a block.
    const dated = scan.dated;
    scan.issues.push(
      issueAt(
        "unknown_stage",
        dated ? "warning" : "error",
        p.sheet,
        p.row,
        scan.col("stage"),
        dated
          ? {
              zh: `项目阶段“${p.stage}”无法对应到阶段列表（${stages.join("、")}），该项目按其签约、开工日期统计`,
              en: `stage "${p.stage}" matches none of ${stages.join(", ")}; the project is counted by its signing and start dates`,
            }
          : {
              zh: `项目阶段“${p.stage}”无法对应到阶段列表（${stages.join("、")}），该项目不计入按阶段统计的指标`,
              en: `stage "${p.stage}" matches none of ${stages.join(", ")}; the project is left out of stage-based counts`,
            },
        "stage"
      )
    );
  } else if (stage.how === "withdrawn") {
    if (scan.withdrawn) scan.withdrawn.count++;
    else scan.withdrawn = { first: p, count: 1 };
  } else if (stage.how === "nearest") {
    const note = scan.stageWords.get(p.stage);
    if (note) note.count++;
    else scan.stageWords.set(p.stage, { first: p, count: 1, stage: stage.stage });
  }
  return stage;
}

function checkStartAfterSigning(scan: LedgerScan, p: LedgerRow): void {
  if (!p.signedDate || !p.startedDate || p.startedDate.getTime() >= p.signedDate.getTime()) return;
  scan.issues.push(
    issueAt(
      "start_before_signing",
      "error",
      p.sheet,
      p.row,
      scan.col("started_date"),
      {
        zh: `开工日期 ${isoDay(p.startedDate)} 早于签约日期 ${isoDay(p.signedDate)}`,
        en: `start date ${isoDay(p.startedDate)} is before the signing date ${isoDay(p.signedDate)}`,
      },
      "started_date"
    )
  );
}

/** A project seen again is a duplicate, unless the ledger re-reports its projects month by month. */
function checkDuplicate(scan: LedgerScan, p: LedgerRow): void {
  if (p.nameKey === "") return;
  const first = scan.projects.get(p);
  if (!first) {
    scan.projects.set(p, p);
  } else if (scan.reported) {
    if (scan.repeats) scan.repeats.count++;
    else scan.repeats = { first: p, count: 1 };
  } else {
    scan.issues.push(
      issueAt(
        "duplicate_project",
        "warning",
        p.sheet,
        p.row,
        scan.col("project_name"),
        {
          zh: `项目“${p.name}”（${p.unit}）与第 ${first.row + 1} 行重复，只计一次`,
          en: `project "${p.name}" (${p.unit}) duplicates row ${first.row + 1}; counted once`,
        },
        "project_name"
      )
    );
  }
}

/** A project at 签约 or later whose investment does not exceed the stated threshold is not counted as signed. */
function checkSigningThreshold(scan: LedgerScan, p: LedgerRow, stage: StageMatch | null): void {
  const threshold = scan.ctx.signingThresholdWan;
  // Only amounts wholly in 万元 compare without a rate: not 万美元, nor 内资 with a 外资 part beside it.
  if (
    threshold === null ||
    scan.signedAt < 0 ||
    stage === null ||
    p.currency !== "CNY" ||
    p.foreignInvestment !== undefined ||
    p.investment === null ||
    p.investment > threshold ||
    stage.index < scan.signedAt
  )
    return;
  scan.issues.push(
    issueAt(
      "below_signing_threshold",
      "warning",
      p.sheet,
      p.row,
      scan.col("investment"),
      {
        zh: `总投资 ${p.investment} 万元未超过签约门槛 ${threshold} 万元，却处于“${p.stage}”阶段，不计入签约项目`,
        en: `investment ${p.investment} (10k CNY) does not exceed the signing threshold of ${threshold} yet the stage is "${p.stage}"; not counted as signed`,
      },
      "investment"
    )
  );
}

function stageWordNotes(scan: LedgerScan): Issue[] {
  return [...scan.stageWords].map(([word, { first, count, stage }]) => {
    const times = count > 1 ? `（共 ${count} 行）` : "";
    return issueAt(
      "stage_mapped",
      "warning",
      first.sheet,
      first.row,
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
    issueAt(
      "repeated_project",
      "info",
      first.sheet,
      first.row,
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
  return [
    issueAt(
      "excluded_row",
      "info",
      first.sheet,
      first.row,
      scan.col("stage"),
      {
        zh: `${count} 个项目已终止、撤销或取消（如“${first.stage ?? ""}”），不计入任何指标`,
        en: `${count} project${count > 1 ? "s are" : " is"} terminated, revoked or cancelled (such as "${first.stage ?? ""}") and counted in no indicator`,
      },
      "stage"
    ),
  ];
}

/** One finding per distinct name (at its first row): a misspelt unit repeated on 5,000 rows is one problem. */
function unitNotes(scan: LedgerScan, matcher: UnitMatcher): Issue[] {
  return [...(scan.units ?? [])].flatMap(([name, { first, count }]) =>
    unitNameIssues(matcher.match(name), name, first.sheet, first.row, scan.col("unit"), count)
  );
}
