import { join } from "node:path";
import type { WorkbookGrid } from "../../core/grid";
import type { Issue } from "../../core/issues";
import type { AssessmentResults, Recognition } from "../../core/model";
import type { SheetPlan } from "../../core/report";

/**
 * The parts of the recognition reader and the assessment engine the write-side commands (demo, merge) need,
 * looked up at run time while those modules are being written in parallel. Replace with static imports once
 * `src/workbook/exceljs/read-file.ts` and `src/core/assess` exist.
 */
export interface EngineLink {
  readWorkbookFile(path: string): Promise<WorkbookGrid>;
  assessWorkbook?(
    grid: WorkbookGrid,
    options: { asOf?: string; now: Date },
  ): {
    recognition: Recognition;
    issues: readonly Issue[];
    results: AssessmentResults | null;
    rulesSheet?: SheetPlan | null;
    stateSheet?: SheetPlan | null;
  };
  recognizeWorkbook?(grid: WorkbookGrid): Recognition;
}

function tryRequire(path: string): Record<string, unknown> | null {
  try {
    return require(path) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function fn<T>(mods: readonly (Record<string, unknown> | null)[], name: string): T | undefined {
  for (const m of mods) if (m && typeof m[name] === "function") return m[name] as T;
  return undefined;
}

export function loadEngine(): EngineLink | null {
  const src = join(__dirname, "..", "..");
  const reader = tryRequire(join(src, "workbook", "exceljs", "read-file"));
  const assess = tryRequire(join(src, "core", "assess"));
  const recognize = tryRequire(join(src, "core", "recognize"));
  const readWorkbookFile = fn<EngineLink["readWorkbookFile"]>([reader], "readWorkbookFile");
  if (!readWorkbookFile) return null;
  const assessWorkbook = fn<NonNullable<EngineLink["assessWorkbook"]>>([assess], "assessWorkbook");
  const recognizeWorkbook = fn<NonNullable<EngineLink["recognizeWorkbook"]>>([recognize, assess], "recognizeWorkbook");
  return {
    readWorkbookFile,
    ...(assessWorkbook ? { assessWorkbook } : {}),
    ...(recognizeWorkbook ? { recognizeWorkbook } : {}),
  };
}
