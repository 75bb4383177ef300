/** A WorkbookHost over an in-memory grid: plans land as the adapters land them, selections are recorded. */
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { SheetKind, SheetPlan, WritePlan } from "../../src/core/plan";
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
 * Sheets land like both adapters land them: a planned sheet the product owns replaces the sheet of that name only
 * when the product wrote it (this host remembers which); a name held by any other sheet makes it "<name> (2)".
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
    const sheets = [...this.grid.sheets];
    const landed: AppliedSheet[] = [];
    const claimed = new Set<string>();
    for (const planned of plan.sheets) {
      const previous = planned.owned ? this.ownedSheet(planned, claimed) : null;
      const name = previous ?? freeName(sheets, planned.name);
      const next = { ...sheetFromPlan(planned), name };
      const at = sheets.findIndex((s) => s.name === name);
      if (previous !== null) sheets[at] = next;
      else sheets.push(next);
      claimed.add(name);
      if (planned.owned) this.owned.set(name, planned.kind);
      landed.push({ planned: planned.name, name, replaced: previous !== null });
    }
    this.grid = { ...this.grid, sheets };
    const applied = { sheets: landed };
    this.applied.push(applied);
    return applied;
  }

  /** The adapters' choice: the planned name, then "<name> (n)", then any sheet of the kind. */
  private ownedSheet(planned: SheetPlan, claimed: ReadonlySet<string>): string | null {
    const mine = [...this.owned]
      .filter(([name, kind]) => kind === planned.kind && !claimed.has(name))
      .map(([name]) => name);
    return (
      mine.find((n) => n === planned.name) ??
      mine.find((n) => n.startsWith(`${planned.name} (`)) ??
      mine[0] ??
      null
    );
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    this.selections.push(`${sheetName}!${address}`);
  }
}

function freeName(sheets: readonly SheetGrid[], wanted: string): string {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++)
    if (!taken.has(`${wanted} (${n})`.toLowerCase())) return `${wanted} (${n})`;
}
