import type { WorkbookGrid } from "../core/grid";
import type { WritePlan } from "../core/plan";
import type { LandingNote } from "../core/ownership";

export type HostPhase = "read" | "write";

/** Where a read has got to, for a user waiting on a large workbook. */
export interface ReadDetail {
  /** The sheet being read. */
  readonly sheet: string;
  /** Rows read so far, over every sheet. */
  readonly rows: number;
}

export interface HostProgress {
  readonly phase: HostPhase;
  /** 0..1 */
  readonly fraction: number;
  /** While reading, where the reader is (the .xlsx reader reports it; Office reads sheet by sheet). */
  readonly detail?: ReadDetail;
}

/** Where one planned sheet landed. */
export interface AppliedSheet {
  /** The name in the plan ("考核排名"). */
  readonly planned: string;
  /** The name it landed under ("考核排名 (2)" when a sheet that is not the product's holds the planned name). */
  readonly name: string;
  /** True when it replaced the product's sheet from an earlier run. */
  readonly replaced: boolean;
}

/** What applyPlan did, one entry per planned sheet in plan order. */
export interface AppliedPlan {
  readonly sheets: readonly AppliedSheet[];
  /** Why a sheet could not take its planned name (a sheet that is not the product's holds it), to show the user. */
  readonly notes?: readonly LandingNote[];
}

/** The name a planned sheet landed under; the planned name itself when the plan did not hold it. */
export function landedName(applied: AppliedPlan, planned: string): string {
  return applied.sheets.find((s) => s.planned === planned)?.name ?? planned;
}

/** Sheets created anew and sheets that replaced the product's own from an earlier run. */
export function appliedCounts(applied: AppliedPlan): { created: number; replaced: number } {
  const replaced = applied.sheets.filter((s) => s.replaced).length;
  return { created: applied.sheets.length - replaced, replaced };
}

/** Where the engine's input comes from and its output goes: Office.js inside Excel, ExcelJS elsewhere. */
export interface WorkbookHost {
  readGrid(onProgress?: (p: HostProgress) => void, signal?: AbortSignal): Promise<WorkbookGrid>;
  /**
   * Applies the plan all-or-nothing per sheet: replaces the product's own sheets, never a user's sheet of the
   * same name (ours then lands as "<name> (2)"). Returns where each planned sheet landed.
   */
  applyPlan(
    plan: WritePlan,
    onProgress?: (p: HostProgress) => void,
    signal?: AbortSignal
  ): Promise<AppliedPlan>;
  /** Brings a cell into view and selects it (clicking an issue). */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Writes text into a few of the user's existing cells (采用建议), always as text — never a formula, whatever
   * it starts with (= + - @) — keeping each cell's format. All or nothing: throws HostError, writing none, when a
   * cell is missing, holds a formula, or is locked on a protected sheet.
   */
  writeCells(sheet: string, cells: readonly CellText[], signal?: AbortSignal): Promise<void>;
}

/** New text for one cell. */
export interface CellText {
  /** A1 address. */
  readonly address: string;
  readonly text: string;
}

/** Where a host failure is, when a sheet or cell is to blame. */
export interface HostErrorWhere {
  readonly sheet?: string;
  readonly cell?: string;
}

/** A host failure explained in both languages; the application layer shows it as it is. */
export class HostError extends Error implements HostErrorWhere {
  override readonly name = "HostError";
  readonly sheet?: string;
  readonly cell?: string;
  constructor(
    readonly message_zh: string,
    readonly message_en: string,
    where: HostErrorWhere = {}
  ) {
    super(message_en);
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.cell !== undefined) this.cell = where.cell;
  }
}

/** What a cancelled host call throws (the same as fetch and Office's own abort handling). */
export function cancelled(): Error {
  return new DOMException("Cancelled", "AbortError");
}
