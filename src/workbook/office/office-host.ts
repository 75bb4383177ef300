/** The WorkbookHost inside Excel: Office.js through an injected `Excel.run`, so tests can pass the emulator. */
import type { WorkbookGrid } from "../../core/grid";
import type { WritePlan } from "../../core/plan";
import { stateSheetOf } from "../../core/state";
import { landingNotes } from "../../core/ownership";
import type { AppliedPlan, HostProgress, WorkbookHost } from "../host";
import { applyWritePlan, type Applied } from "./apply-plan";
import type { DateSystem } from "../../core/grid";
import { detectFeatures, type OfficeFeatures } from "./features";
import { explainOfficeError, hiddenSheet, officeErrorCode } from "./host-error";
import { readWorkbookGrid } from "./read-grid";
import { syncCounted } from "./sync";
import { writeCellTexts } from "./write-cells";
import {
  DEFAULT_LIMITS,
  newStats,
  type ExcelRun,
  type OfficeHostStats,
  type OfficeLimits,
  type SetSupport,
} from "./types";

export interface OfficeHostOptions {
  readonly limits?: Partial<OfficeLimits>;
  /** Name used in messages when Excel does not report the workbook's name (before ExcelApi 1.7). */
  readonly source?: string;
  /** Names this host's write runs (temporary sheets, the run lock); random by default. */
  readonly runId?: () => string;
  readonly now?: () => number;
}

export interface OfficeHost extends WorkbookHost {
  /** Syncs and planned bytes since creation (or the last reset). */
  readonly stats: OfficeHostStats;
  readonly features: OfficeFeatures;
  resetStats(): void;
}

function randomRunId(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

/**
 * @example createOfficeHost((batch) => Excel.run(batch), (n, v) => Office.context.requirements.isSetSupported(n, v))
 */
export function createOfficeHost(
  run: ExcelRun,
  isSetSupported: SetSupport,
  options: OfficeHostOptions = {}
): OfficeHost {
  const limits: OfficeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const features = detectFeatures(isSetSupported);
  const stats = newStats();
  const source = options.source ?? "Excel";
  const runId = options.runId ?? randomRunId;
  const now = options.now ?? Date.now;
  // What this runtime last saw of the workbook: its date system, and the state rows a write merges against.
  let dateSystem: DateSystem | null = null;
  let baseState: (readonly unknown[])[] | null = null;
  const explained = <T>(work: Promise<T>): Promise<T> =>
    work.catch((err: unknown) => {
      throw explainOfficeError(err);
    });
  return {
    stats,
    features,
    resetStats() {
      stats.syncs = 0;
      stats.plannedBytes = 0;
    },
    async readGrid(
      onProgress?: (p: HostProgress) => void,
      signal?: AbortSignal
    ): Promise<WorkbookGrid> {
      const outcome = await explained(
        run((context) =>
          readWorkbookGrid(context, { features, limits, stats, source, onProgress, signal })
        )
      );
      dateSystem = outcome.dateSystem;
      const state = stateSheetOf(outcome.grid.sheets);
      baseState = state ? state.rows.map((row) => [...row]) : [];
      return outcome.grid;
    },
    async applyPlan(
      plan: WritePlan,
      onProgress?: (p: HostProgress) => void,
      signal?: AbortSignal
    ): Promise<AppliedPlan> {
      const applied = await explained(
        run((context) =>
          applyWritePlan(context, plan, {
            features,
            limits,
            stats,
            runId: runId(),
            now,
            dateSystem,
            baseState,
            onProgress,
            signal,
          })
        )
      );
      dateSystem = applied.dateSystem;
      // What this run wrote is now what this runtime knows of the state sheet.
      if (applied.stateRows) baseState = applied.stateRows;
      return appliedPlanOf(applied);
    },
    writeCells(sheet, cells): Promise<void> {
      return explained(run((context) => writeCellTexts(context, sheet, cells, stats)));
    },
    selectCell(sheet: string, address: string): Promise<void> {
      return explained(run((context) => selectCellIn(context, sheet, address, stats)));
    },
  };
}

/** What landed, as the port reports it: each planned sheet's final name, and notes on what could not be written. */
function appliedPlanOf(applied: Applied): AppliedPlan {
  return {
    sheets: applied.targets.map((t) => ({
      planned: t.plan.name,
      name: t.name,
      replaced: t.replaces !== null,
    })),
    notes: [...landingNotes(applied.targets), ...applied.chartNotes],
  };
}

async function selectCellIn(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
  stats: OfficeHostStats
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  try {
    await syncCounted(context, stats);
  } catch (err) {
    if (officeErrorCode(err) !== "InvalidOperation") throw err;
    // Excel cannot activate a hidden sheet: say so instead of a bare InvalidOperation.
    const shown = { ws: context.workbook.worksheets.getItem(sheet).load("visibility") };
    await syncCounted(context, stats);
    if (shown.ws.visibility !== "Visible") throw hiddenSheet(sheet);
    throw err;
  }
}
