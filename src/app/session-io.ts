/** What every session operation goes through: the host, the engine, the clock, with errors made explainable. */
import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/plan";
import type { AppliedPlan, CellText, ReadDetail, WorkbookHost } from "../workbook/host";
import type { Engine, EngineRunner, LoadEngine } from "./engine";
import { toSessionError } from "./session-error";

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

export type ReadListener = (fraction: number, detail?: ReadDetail) => void;

export interface SessionIo {
  readonly now: () => Date;
  /** Reads the workbook (and remembers it until the next write). */
  read(onProgress?: ReadListener, signal?: AbortSignal): Promise<WorkbookGrid>;
  /** The grid last read, or a fresh read when the workbook changed since. */
  current(): Promise<WorkbookGrid>;
  write(
    plan: WritePlan,
    onProgress?: (fraction: number) => void,
    signal?: AbortSignal
  ): Promise<AppliedPlan>;
  select(sheet: string, cell: string): Promise<void>;
  writeCells(sheet: string, cells: readonly CellText[]): Promise<void>;
  engine(): Promise<Engine>;
  runnerFor(grid: WorkbookGrid): EngineRunner;
}

export function sessionIo(deps: SessionDeps): SessionIo {
  const { host } = deps;
  let lastGrid: WorkbookGrid | null = null;

  async function read(onProgress?: ReadListener, signal?: AbortSignal) {
    try {
      lastGrid = await host.readGrid((p) => onProgress?.(p.fraction, p.detail), signal);
      return lastGrid;
    } catch (error) {
      throw toSessionError(error, "read_failed");
    }
  }

  return {
    now: deps.now ?? (() => new Date()),
    read,
    current: async () => lastGrid ?? (await read()),
    async write(plan, onProgress, signal) {
      try {
        const applied = await host.applyPlan(plan, (p) => onProgress?.(p.fraction), signal);
        // The workbook changed: re-read before planning anything else from it.
        lastGrid = null;
        return applied;
      } catch (error) {
        throw toSessionError(error, "write_failed");
      }
    },
    async select(sheet, cell) {
      try {
        await host.selectCell(sheet, cell);
      } catch (error) {
        throw toSessionError(error, "write_failed");
      }
    },
    async writeCells(sheet, cells) {
      try {
        await host.writeCells(sheet, cells);
      } catch (error) {
        throw toSessionError(error, "write_failed");
      } finally {
        // Even a refused write leaves nothing half-known: the next read is fresh.
        lastGrid = null;
      }
    },
    async engine() {
      try {
        return await deps.loadEngine();
      } catch (error) {
        throw toSessionError(error, "engine_unavailable");
      }
    },
    runnerFor: (grid) =>
      deps.workerRunner && countCells(grid) > (deps.workerThreshold ?? DEFAULT_WORKER_THRESHOLD)
        ? deps.workerRunner
        : deps.runner,
  };
}
