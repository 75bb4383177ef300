/** A WorkbookHost over an in-memory grid: plans land as the adapters land them, selections are recorded. */
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { SheetKind, SheetPlan, WritePlan } from "../../src/core/plan";
import { landingNotes, planSheetTargets, type ExistingSheet } from "../../src/core/ownership";
import { parseA1 } from "../../src/core/grid";
import type {
  AppliedPlan,
  AppliedSheet,
  CellText,
  HostProgress,
  ReadDetail,
  WorkbookHost,
} from "../../src/workbook/host";

export function sheetFromPlan(plan: SheetPlan): SheetGrid {
  return {
    name: plan.name,
    hidden: plan.visibility !== "visible",
    rows: plan.values.map((r) => [...r]),
    merges: [],
    numberFormats: new Map(),
    hiddenColumns: new Set(),
  };
}

export function sheet(name: string, rows: SheetGrid["rows"], hidden = false): SheetGrid {
  return { name, hidden, rows, merges: [], numberFormats: new Map(), hiddenColumns: new Set() };
}

/**
 * Sheets land where core's planner puts them, as in both adapters: a planned sheet the product owns replaces the
 * sheet of that name only when the product wrote it (this host remembers which); a name held by any other sheet
 * makes it "<name> (2)".
 */
export class MemoryHost implements WorkbookHost {
  readonly plans: WritePlan[] = [];
  readonly applied: AppliedPlan[] = [];
  readonly selections: string[] = [];
  reads = 0;
  readError: unknown = null;
  writeError: unknown = null;
  /** The sheets the product wrote and still owns, by name, with their kind. */
  readonly owned: Map<string, SheetKind>;

  constructor(
    public grid: WorkbookGrid,
    owned: Readonly<Record<string, SheetKind>> = {}
  ) {
    this.owned = new Map(Object.entries(owned));
  }

  /** Reported with the read's progress when set (the .xlsx reader's rows read). */
  readDetail: ReadDetail | null = null;

  async readGrid(onProgress?: (p: HostProgress) => void): Promise<WorkbookGrid> {
    this.reads += 1;
    if (this.readError) throw this.readError;
    onProgress?.({
      phase: "read",
      fraction: 1,
      ...(this.readDetail ? { detail: this.readDetail } : {}),
    });
    return this.grid;
  }

  async applyPlan(plan: WritePlan): Promise<AppliedPlan> {
    if (this.writeError) throw this.writeError;
    this.plans.push(plan);
    // Where each sheet lands is core's planner, as in both adapters; this host only executes it.
    const existing: ExistingSheet[] = this.grid.sheets.map((s, position) => ({
      name: s.name,
      position,
      id: null,
      ownedKind: this.owned.get(s.name) ?? null,
    }));
    const targets = planSheetTargets(existing, plan);
    const sheets = [...this.grid.sheets];
    const landed: AppliedSheet[] = targets.map((t) => {
      const next = { ...sheetFromPlan(t.plan), name: t.name };
      const at = t.replaces ? sheets.findIndex((s) => s.name === t.replaces?.name) : -1;
      if (at >= 0) sheets[at] = next;
      else sheets.push(next);
      if (t.plan.owned) this.owned.set(t.name, t.plan.kind);
      return { planned: t.plan.name, name: t.name, replaced: t.replaces !== null };
    });
    this.grid = { ...this.grid, sheets };
    const notes = landingNotes(targets);
    const applied: AppliedPlan = { sheets: landed, ...(notes.length ? { notes } : {}) };
    this.applied.push(applied);
    return applied;
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    this.selections.push(`${sheetName}!${address}`);
  }

  /** Cells written, as "Sheet!A1=text", in order. */
  readonly cellWrites: string[] = [];

  async writeCells(sheetName: string, cells: readonly CellText[]): Promise<void> {
    if (this.writeError) throw this.writeError;
    const sheets = this.grid.sheets.map((s) => {
      if (s.name !== sheetName) return s;
      const rows = s.rows.map((r) => [...r]);
      for (const { address, text } of cells) {
        const { row, col } = parseA1(address);
        while (rows.length <= row) rows.push([]);
        const line = rows[row] as (typeof rows)[number];
        while (line.length <= col) line.push(null);
        line[col] = text;
        this.cellWrites.push(`${sheetName}!${address}=${text}`);
      }
      return { ...s, rows };
    });
    this.grid = { ...this.grid, sheets };
  }
}
