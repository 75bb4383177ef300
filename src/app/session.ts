/** The one ScorecardSession: any WorkbookHost + the engine (in-thread or in a worker). */
import type { WorkbookGrid } from "../core/grid";
import { planSettingsSheet, readSettings, stateSheetOf } from "../core/state";
import { withSettings } from "./settings";
import { adoptionCells } from "./adopt";
import { landedName } from "../workbook/host";
import type { EngineAssess, EngineInput } from "./engine";
import { mergeOverrides } from "./overrides";
import { SessionError, throwIfAborted, toSessionError } from "./session-error";
import { sessionIo, type ReadListener, type SessionDeps, type SessionIo } from "./session-io";
import type {
  AssessOptions,
  AssessOutcome,
  CheckOutcome,
  Evaluation,
  PhaseProgress,
  RunOptions,
  ScorecardSession,
  ScorecardSettings,
  WorkbookOverview,
} from "./session-types";
import { planDefaultRulesFor, planSampleFor, planTemplateFor } from "./session-sheets";

export { countCells, DEFAULT_WORKER_THRESHOLD, type SessionDeps } from "./session-io";
export { withSettings } from "./settings";

const SOURCE_ROLES = new Set(["targets", "actuals", "ledger"]);

export function createSession(deps: SessionDeps): ScorecardSession {
  const io = sessionIo(deps);
  let rankingSheet: string | null = null;
  return {
    recognise: (signal, onProgress) => recognise(io, signal, onProgress),
    async assess(options, onProgress, signal) {
      const outcome = await assessAndWrite(io, options, onProgress, signal);
      rankingSheet = outcome.rankingSheet;
      return outcome;
    },
    check: (options, signal) => check(io, options, signal),
    evaluate: (options, onProgress, signal) => evaluate(io, options, onProgress, signal),
    apply: (plan, onProgress, signal) =>
      io.write(plan, (fraction) => onProgress?.({ phase: "write", fraction }), signal),
    selectIssue: (issue) => io.select(issue.sheet, issue.cell),
    async adoptSuggestion(issue) {
      const cells = adoptionCells(await io.current(), issue);
      if (cells.length === 0)
        throw new SessionError(
          "write_failed",
          "这个问题没有可采用的建议。",
          "This issue has no suggestion to adopt."
        );
      await io.writeCells(issue.sheet, cells);
      await io.select(issue.sheet, issue.cell);
      return {
        sheet: issue.sheet,
        cells: cells.map((c) => c.address),
        text: issue.suggestion ?? "",
      };
    },
    insertSample: () => planSampleFor(io),
    insertTemplate: () => planTemplateFor(io),
    openRules: () => planDefaultRulesFor(io),
    async showRanking() {
      if (!rankingSheet)
        throw new SessionError(
          "no_ranking",
          "还没有考核排名表，请先开始考核。",
          "There is no ranking sheet yet: run the assessment first."
        );
      await io.select(rankingSheet, "A1");
    },
    async saveOverrides(overrides) {
      const grid = await io.current();
      const settings: ScorecardSettings = { ...readSettings(grid), overrides };
      await io.write({ sheets: [planSettingsSheet(settings, grid)] });
    },
  };
}

/** The pane's view: recognition and issues with the settings the workbook remembers. */
async function recognise(
  io: SessionIo,
  signal?: AbortSignal,
  onProgress?: (p: PhaseProgress) => void
): Promise<WorkbookOverview> {
  const grid = await io.read(onProgress && readProgress(onProgress), signal);
  const settings = readSettings(grid);
  const input: EngineInput = {
    overrides: settings.overrides,
    now: io.now().toISOString(),
    ...(settings.asOf ? { asOf: settings.asOf } : {}),
    ...(settings.period ? { period: settings.period } : {}),
  };
  const check = await io
    .runnerFor(grid)
    .check(grid, input, signal)
    .catch((error: unknown) => {
      throw toSessionError(error, "engine_failed");
    });
  return {
    reports: check.reports,
    issues: check.issues,
    settings,
    empty: !check.reports.some((r) => SOURCE_ROLES.has(r.role)),
    stateSheet: stateSheetOf(grid.sheets)?.name ?? null,
    rulesSheet: check.rulesSheet,
    rulesSummary: check.rulesSummary,
    ...(check.rulesSummary_en ? { rulesSummary_en: check.rulesSummary_en } : {}),
    rulesPeriod: check.rulesPeriod,
    fieldsByRole: check.fieldsByRole,
    ...(check.columns ? { columns: check.columns } : {}),
    ...(check.pairings
      ? { indicators: check.pairings.map((p) => ({ key: p.key, name: p.name })) }
      : {}),
  };
}

/** The host's read progress as the read phase's. */
function readProgress(onProgress: (p: PhaseProgress) => void): ReadListener {
  return (fraction, detail) =>
    onProgress({ phase: "read", fraction, ...(detail ? { detail } : {}) });
}

/** The engine input for a run with explicit options (CLI): the workbook's overrides with the run's over them. */
function runInput(io: SessionIo, grid: WorkbookGrid, options: RunOptions): EngineInput {
  return {
    overrides: mergeOverrides(readSettings(grid).overrides, options.overrides),
    now: io.now().toISOString(),
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  };
}

async function check(
  io: SessionIo,
  options: RunOptions,
  signal?: AbortSignal
): Promise<CheckOutcome> {
  const grid = await io.read(undefined, signal);
  const input = runInput(io, grid, options);
  const result = await io
    .runnerFor(grid)
    .check(grid, input, signal)
    .catch((error: unknown) => {
      throw toSessionError(error, "engine_failed");
    });
  return {
    reports: result.reports,
    ...(result.pairings ? { pairings: result.pairings } : {}),
    issues: result.issues,
    overrides: input.overrides,
  };
}

/** Reads and assesses; throws only for host, engine or cancellation failures, never for workbook content. */
async function runEngine(
  io: SessionIo,
  grid: WorkbookGrid,
  input: EngineInput,
  report: (p: PhaseProgress) => void,
  signal?: AbortSignal
): Promise<EngineAssess> {
  const outcome = await io
    .runnerFor(grid)
    .assess(grid, input, (phase) => report({ phase, fraction: 0 }), signal)
    .catch((error: unknown) => {
      throw toSessionError(error, "engine_failed");
    });
  throwIfAborted(signal);
  return outcome;
}

async function evaluate(
  io: SessionIo,
  options: RunOptions,
  onProgress: (p: PhaseProgress) => void = () => undefined,
  signal?: AbortSignal
): Promise<Evaluation> {
  onProgress({ phase: "read", fraction: 0 });
  const grid = await io.read(readProgress(onProgress), signal);
  throwIfAborted(signal);
  const input = runInput(io, grid, options);
  const outcome = await runEngine(io, grid, input, onProgress, signal);
  // The run's corrections travel with the outputs, as when the pane saves them; the pane's as-of and
  // period stay. Without corrections the state sheet keeps whatever the workbook already remembers.
  const settings: ScorecardSettings = { ...readSettings(grid), overrides: input.overrides };
  return {
    reports: outcome.reports,
    ...(outcome.pairings ? { pairings: outcome.pairings } : {}),
    issues: outcome.issues,
    overrides: input.overrides,
    results: outcome.results,
    plan: options.overrides ? withSettings(outcome.plan, settings, grid) : outcome.plan,
  };
}

/** The pane's and the ribbon's run: assess with the form's as-of and period, write, remember them. */
async function assessAndWrite(
  io: SessionIo,
  options: AssessOptions,
  onProgress: (p: PhaseProgress) => void,
  signal?: AbortSignal
): Promise<AssessOutcome> {
  onProgress({ phase: "read", fraction: 0 });
  const grid = await io.read(readProgress(onProgress), signal);
  throwIfAborted(signal);
  const saved = readSettings(grid);
  // What this run used is what the ribbon's 一键考核 repeats: a cleared period is cleared there too.
  const settings: ScorecardSettings = {
    overrides: saved.overrides,
    asOf: options.asOf,
    ...(options.period ? { period: options.period } : {}),
  };
  const input: EngineInput = {
    asOf: options.asOf,
    now: io.now().toISOString(),
    overrides: saved.overrides,
    ...(options.period ? { period: options.period } : {}),
  };
  const outcome = await runEngine(io, grid, input, onProgress, signal);
  if (!outcome.results) throw nothingAssessed(outcome);
  onProgress({ phase: "write", fraction: 0 });
  const plan = withSettings(outcome.plan, settings, grid);
  const applied = await io.write(
    plan,
    (fraction) => onProgress({ phase: "write", fraction }),
    signal
  );
  onProgress({ phase: "write", fraction: 1 });
  const ranking = plan.sheets.find((s) => s.kind === "ranking");
  return {
    results: outcome.results,
    issues: outcome.issues,
    reports: outcome.reports,
    // Where it landed: "考核排名 (2)" when the user has a sheet of their own named 考核排名.
    rankingSheet: ranking ? landedName(applied, ranking.name) : null,
    settings,
    applied,
    ...(outcome.notice !== undefined ? { notice: outcome.notice } : {}),
    ...(outcome.rateCap !== undefined ? { rateCap: outcome.rateCap } : {}),
  };
}

function nothingAssessed(outcome: EngineAssess): SessionError {
  const missing = outcome.issues.find((i) => i.code === "no_targets_sheet");
  return new SessionError(
    "engine_failed",
    missing?.message_zh ?? "没有找到目标分解表，无法考核",
    missing?.message_en ?? "No targets sheet was found, so nothing can be assessed",
    missing ? { sheet: missing.sheet, cell: missing.cell } : {}
  );
}
