/** A WorkbookHost over an in-memory grid: plans land as the adapters land them, selections are recorded. */
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { SheetKind, SheetPlan, WritePlan } from "../../src/core/plan";
import { landingNotes, planSheetTargets, type ExistingSheet } from "../../src/core/ownership";
import type { AppliedPlan, AppliedSheet, WorkbookHost } from "../../src/workbook/host";

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

  async readGrid(
    onProgress?: (p: { phase: "read"; fraction: number }) => void
  ): Promise<WorkbookGrid> {
    this.reads += 1;
    if (this.readError) throw this.readError;
    onProgress?.({ phase: "read", fraction: 1 });
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
}
