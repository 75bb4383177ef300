/** A WorkbookHost over an in-memory grid: plans replace sheets by name, selections are recorded. */
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { SheetPlan, WritePlan } from "../../src/core/report";
import type { WorkbookHost } from "../../src/workbook/host";

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

export class MemoryHost implements WorkbookHost {
  readonly plans: WritePlan[] = [];
  readonly selections: string[] = [];
  reads = 0;
  readError: unknown = null;
  writeError: unknown = null;

  constructor(public grid: WorkbookGrid) {}

  async readGrid(
    onProgress?: (p: { phase: "read"; fraction: number }) => void
  ): Promise<WorkbookGrid> {
    this.reads += 1;
    if (this.readError) throw this.readError;
    onProgress?.({ phase: "read", fraction: 1 });
    return this.grid;
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    if (this.writeError) throw this.writeError;
    this.plans.push(plan);
    const sheets = [...this.grid.sheets];
    for (const planned of plan.sheets) {
      const next = sheetFromPlan(planned);
      const at = sheets.findIndex((s) => s.name === planned.name);
      if (at >= 0) sheets[at] = next;
      else sheets.push(next);
    }
    this.grid = { ...this.grid, sheets };
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    this.selections.push(`${sheetName}!${address}`);
  }
}
