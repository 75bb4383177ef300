/** The WorkbookHost inside Excel: Office.js through an injected `Excel.run`, so tests can pass the emulator. */
import type { WorkbookGrid } from "../../core/grid";
import type { WritePlan } from "../../core/report";
import type { AppliedPlan, HostProgress, WorkbookHost } from "../host";
import { applyWritePlan } from "./apply-plan";
import { detectFeatures, type OfficeFeatures } from "./features";
import { readWorkbookGrid } from "./read-grid";
import { syncCounted } from "./sync";
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
}

export interface OfficeHost extends WorkbookHost {
  /** Syncs and planned bytes since creation (or the last reset). */
  readonly stats: OfficeHostStats;
  readonly features: OfficeFeatures;
  resetStats(): void;
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
  return {
    stats,
    features,
    resetStats() {
      stats.syncs = 0;
      stats.plannedBytes = 0;
    },
    readGrid(onProgress?: (p: HostProgress) => void, signal?: AbortSignal): Promise<WorkbookGrid> {
      return run((context) =>
        readWorkbookGrid(context, { features, limits, stats, source, onProgress, signal })
      );
    },
    async applyPlan(
      plan: WritePlan,
      onProgress?: (p: HostProgress) => void,
      signal?: AbortSignal
    ): Promise<AppliedPlan> {
      const targets = await run((context) =>
        applyWritePlan(context, plan, { features, limits, stats, onProgress, signal })
      );
      return {
        sheets: targets.map((t) => ({
          planned: t.plan.name,
          name: t.name,
          replaced: t.replaces !== null,
        })),
      };
    },
    selectCell(sheet: string, address: string): Promise<void> {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await syncCounted(context, stats);
      });
    },
  };
}
