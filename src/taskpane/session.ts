/** The one ScorecardSession: any WorkbookHost + the engine (in-thread or in a worker). */
import type { WorkbookGrid } from "../core/grid";
import type { RecognitionOverrides } from "../core/model/recognition";
import { STATE_SHEET_NAME } from "../core/report/ownership";
import type { WritePlan } from "../core/report";
import type { AppliedPlan, WorkbookHost } from "../workbook/host";
import { landedName } from "../workbook/host";
import type { EngineRunner, LoadEngine } from "./engine-api";
import type {
  AssessOutcome,
  PhaseProgress,
  ScorecardSession,
  ScorecardSettings,
  WorkbookOverview,
} from "./engine-port";
import { SessionError, throwIfAborted, toSessionError } from "./session-error";
import { planSettingsSheet, readSettings } from "./settings-sheet";
import { todayIso as todayOf } from "./today";

const SOURCE_ROLES = new Set(["targets", "actuals", "ledger"]);

export interface SessionDeps {
  readonly host: WorkbookHost;
  readonly loadEngine: LoadEngine;
  /** In-thread runner. */
  readonly runner: EngineRunner;
  /** Worker runner for large workbooks; absent where workers do not exist (jsdom, Node). */
  readonly workerRunner?: EngineRunner;
  /** Cells above which the worker runner is used. */
  readonly workerThreshold?: number;
  readonly now?: () => Date;
}

export const DEFAULT_WORKER_THRESHOLD = 50_000;

export function countCells(grid: WorkbookGrid): number {
  let cells = 0;
  for (const sheet of grid.sheets) for (const row of sheet.rows) cells += row.length;
  return cells;
}

export function createSession(deps: SessionDeps): ScorecardSession {
  const { host } = deps;
  const now = deps.now ?? (() => new Date());
  let lastGrid: WorkbookGrid | null = null;
  let rankingSheet: string | null = null;

  const runnerFor = (grid: WorkbookGrid): EngineRunner =>
    deps.workerRunner && countCells(grid) > (deps.workerThreshold ?? DEFAULT_WORKER_THRESHOLD)
      ? deps.workerRunner
      : deps.runner;

  async function read(
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal
  ): Promise<WorkbookGrid> {
    try {
      lastGrid = await host.readGrid((p) => onProgress?.(p.fraction), signal);
      return lastGrid;
    } catch (error) {
      throw toSessionError(error, "read_failed");
    }
  }

  async function write(
    plan: WritePlan,
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal
  ): Promise<AppliedPlan> {
    try {
      const applied = await host.applyPlan(plan, (p) => onProgress?.(p.fraction), signal);
      // The workbook changed: re-read before planning anything else from it.
      lastGrid = null;
      return applied;
    } catch (error) {
      throw toSessionError(error, "write_failed");
    }
  }

  async function engine() {
    try {
      return await deps.loadEngine();
    } catch (error) {
      throw toSessionError(error, "engine_unavailable");
    }
  }

  async function select(sheet: string, cell: string): Promise<void> {
    try {
      await host.selectCell(sheet, cell);
    } catch (error) {
      throw toSessionError(error, "write_failed");
    }
  }

  return {
    async recognise(signal) {
      const grid = await read(undefined, signal);
      const settings = readSettings(grid);
      const input = {
        overrides: settings.overrides,
        now: now().toISOString(),
        ...(settings.asOf ? { asOf: settings.asOf } : {}),
        ...(settings.period ? { period: settings.period } : {}),
      };
      const check = await runnerFor(grid)
        .check(grid, input, signal)
        .catch((error: unknown) => {
          throw toSessionError(error, "engine_failed");
        });
      const overview: WorkbookOverview = {
        reports: check.reports,
        issues: check.issues,
        settings,
        empty: !check.reports.some((r) => SOURCE_ROLES.has(r.role)),
        rulesSheet: check.rulesSheet,
        rulesSummary: check.rulesSummary,
        ...(check.rulesSummary_en ? { rulesSummary_en: check.rulesSummary_en } : {}),
        rulesPeriod: check.rulesPeriod,
        fieldsByRole: check.fieldsByRole,
      };
      return overview;
    },

    async assess(options, onProgress, signal) {
      const report = (p: PhaseProgress) => onProgress(p);
      report({ phase: "read", fraction: 0 });
      const grid = await read((fraction) => report({ phase: "read", fraction }), signal);
      throwIfAborted(signal);
      const saved = readSettings(grid);
      // What this run used is what the ribbon's 一键考核 repeats: a cleared period is cleared there too.
      const settings: ScorecardSettings = {
        overrides: saved.overrides,
        asOf: options.asOf,
        ...(options.period ? { period: options.period } : {}),
      };
      const input = {
        asOf: options.asOf,
        now: now().toISOString(),
        overrides: saved.overrides,
        ...(options.period ? { period: options.period } : {}),
      };
      const outcome = await runnerFor(grid)
        .assess(grid, input, (phase) => report({ phase, fraction: 0 }), signal)
        .catch((error: unknown) => {
          throw toSessionError(error, "engine_failed");
        });
      throwIfAborted(signal);
      report({ phase: "write", fraction: 0 });
      const plan = withSettings(outcome.plan, settings, grid);
      const applied = await write(plan, (fraction) => report({ phase: "write", fraction }), signal);
      report({ phase: "write", fraction: 1 });
      const ranking = plan.sheets.find((s) => s.kind === "ranking");
      // Where it landed: "考核排名 (2)" when the user has a sheet of their own named 考核排名.
      rankingSheet = ranking ? landedName(applied, ranking.name) : null;
      const result: AssessOutcome = {
        results: outcome.results,
        issues: outcome.issues,
        reports: outcome.reports,
        rankingSheet,
        settings,
      };
      return result;
    },

    async selectIssue(issue) {
      await select(issue.sheet, issue.cell);
    },

    async insertSample() {
      const eng = await engine();
      const grid = lastGrid ?? (await read());
      // The sample's figures are as of its own date: remember it so the first run matches the data.
      const settings: ScorecardSettings = { ...readSettings(grid), ...eng.sampleSettings };
      const plan = withSettings(eng.planSample(), settings, grid);
      const applied = await write(plan);
      if (plan.activate) await select(landedName(applied, plan.activate), "A1");
    },

    async insertTemplate() {
      const plan = (await engine()).planTemplate(todayOf(now()));
      const applied = await write(plan);
      if (plan.activate) await select(landedName(applied, plan.activate), "A1");
    },

    async openRules() {
      const grid = lastGrid ?? (await read());
      const eng = await engine();
      const existing = eng.findRulesSheet(grid);
      if (existing) return select(existing, "A1");
      const plan = eng.planDefaultRules(readSettings(grid).asOf ?? todayOf(now()));
      const applied = await write(plan);
      const name = plan.activate ?? plan.sheets.find((s) => s.kind === "rules")?.name;
      if (name) await select(landedName(applied, name), "A1");
    },

    async showRanking() {
      if (!rankingSheet)
        throw new SessionError(
          "no_ranking",
          "还没有考核排名表，请先开始考核。",
          "There is no ranking sheet yet: run the assessment first."
        );
      await select(rankingSheet, "A1");
    },

    async saveOverrides(overrides: RecognitionOverrides) {
      const grid = lastGrid ?? (await read());
      const settings: ScorecardSettings = { ...readSettings(grid), overrides };
      await write({ sheets: [planSettingsSheet(settings, grid)] });
    },
  };
}

/** Adds the pane's settings row to the plan's state sheet, or adds a state sheet when the plan has none. */
export function withSettings(
  plan: WritePlan,
  settings: ScorecardSettings,
  grid: WorkbookGrid
): WritePlan {
  const ours = planSettingsSheet(settings, grid);
  const index = plan.sheets.findIndex((s) => s.name === STATE_SHEET_NAME);
  if (index < 0) return { ...plan, sheets: [...plan.sheets, ours] };
  const theirs = plan.sheets[index]!;
  const mine = ours.values[ours.values.length - 1]!;
  const merged = { ...theirs, values: [...theirs.values.filter((r) => r[0] !== mine[0]), mine] };
  return { ...plan, sheets: plan.sheets.map((s, i) => (i === index ? merged : s)) };
}
