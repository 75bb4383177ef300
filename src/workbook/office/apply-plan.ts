/** Executor: writes a WritePlan through temporary sheets, then swaps them in with one final sync. */
import type { WritePlan } from "../../core/report";
import type { HostProgress } from "../host";
import { listExistingSheets } from "./existing-sheets";
import type { OfficeFeatures } from "./features";
import { planWrites } from "./plan-writes";
import { runOp, SheetProxies } from "./run-op";
import { isTempSheetName, resolveTargets, type SheetTarget } from "./sheet-targets";
import { syncCounted } from "./sync";
import type { OfficeHostStats, OfficeLimits } from "./types";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

export interface ApplyOptions {
  readonly features: OfficeFeatures;
  readonly limits: OfficeLimits;
  readonly stats: OfficeHostStats;
  readonly onProgress?: ((p: HostProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Deletes every temporary sheet still present (this run's, or a crashed run's). Two syncs. */
async function removeTempSheets(
  context: Excel.RequestContext,
  stats: OfficeHostStats
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await syncCounted(context, stats);
  const temps = worksheets.items.filter((ws) => isTempSheetName(ws.name));
  if (temps.length === 0) return;
  for (const ws of temps) ws.delete();
  await syncCounted(context, stats);
}

/**
 * After a swap failed part-way, makes every sheet either wholly old or wholly new: a finished temporary sheet
 * whose name is free again (its old sheet already deleted) takes the name; any other is deleted. Two syncs.
 */
async function finishSwap(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  targets: readonly SheetTarget[]
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await syncCounted(context, stats);
  const names = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
  for (const t of targets) {
    const hasTemp = names.has(t.tempName.toLowerCase());
    if (hasTemp && names.has(t.name.toLowerCase())) {
      worksheets.getItem(t.tempName).delete();
      continue;
    }
    if (hasTemp) worksheets.getItem(t.tempName).name = t.name;
    // Ours either way (the old owned sheet, or the new one renamed before the failure, still hidden).
    if (hasTemp || names.has(t.name.toLowerCase()))
      worksheets.getItem(t.name).visibility = VISIBILITY[t.plan.visibility];
  }
  await syncCounted(context, stats);
}

/**
 * Syncs: 1 (sheet list) + 2 more to find ownership markers when the plan has owned sheets, + one per write
 * batch (payload-sized), the last of which swaps the finished sheets in.
 * Throws what Excel threw; before the swap nothing visible has changed and the temporary sheets are removed;
 * a swap that fails part-way is finished or undone sheet by sheet (finishSwap).
 */
export async function applyWritePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions
): Promise<SheetTarget[]> {
  const { features, limits, stats, signal, onProgress } = options;
  const scan = plan.sheets.some((s) => s.owned);
  const existing = await listExistingSheets(context, stats, limits, scan, signal);
  const leftovers = existing.filter((s) => isTempSheetName(s.name));
  const targets = resolveTargets(
    existing.filter((s) => !isTempSheetName(s.name)),
    plan
  );
  const batches = planWrites(plan, limits, { targets, features });
  onProgress?.({ phase: "write", fraction: 0 });
  let swapping = false;
  try {
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i];
      if (!batch) continue;
      if (batch.swap) {
        signal?.throwIfAborted();
        swapping = true;
      }
      if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
      const sheets = new SheetProxies(context);
      if (i === 0) for (const s of leftovers) sheets.get(s.name).delete();
      for (const op of batch.ops) runOp(sheets, op);
      stats.plannedBytes += batch.bytes;
      // Once the swap is under way a cancel no longer applies: finishing is the consistent outcome.
      if (swapping) await syncCounted(context, stats);
      else await syncCounted(context, stats, signal);
      onProgress?.({ phase: "write", fraction: (i + 1) / batches.length });
    }
  } catch (err) {
    const recover = swapping
      ? finishSwap(context, stats, targets)
      : removeTempSheets(context, stats);
    await recover.catch(() => undefined);
    throw err;
  }
  return targets;
}
