import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/report";

export type HostPhase = "read" | "write";

export interface HostProgress {
  readonly phase: HostPhase;
  /** 0..1 */
  readonly fraction: number;
}

/** Where the engine's input comes from and its output goes: Office.js inside Excel, ExcelJS elsewhere. */
export interface WorkbookHost {
  readGrid(onProgress?: (p: HostProgress) => void, signal?: AbortSignal): Promise<WorkbookGrid>;
  /** Applies the plan all-or-nothing per sheet: replaces owned sheets, never a user's sheet of the same name. */
  applyPlan(plan: WritePlan, onProgress?: (p: HostProgress) => void, signal?: AbortSignal): Promise<void>;
  /** Brings a cell into view and selects it (clicking an issue). */
  selectCell(sheet: string, address: string): Promise<void>;
}
