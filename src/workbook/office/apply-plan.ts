/**
 * Executor: writes a WritePlan through temporary sheets, then swaps them in with one sync, under the run lock
 * (run-lock.ts) so that a second runtime's run is refused instead of interleaving with this one.
 */
import { columnLetter } from "../../core/grid";
import { OWNERSHIP_KEY, type WritePlan, type WriteValue } from "../../core/plan";
import { signedStatePlan, signStateValues } from "../../core/state";
import {
  landedRecords,
  ownershipRow,
  type LandingNote,
  planLanding,
  type Landing,
  type OwnershipSnapshot,
} from "../../core/ownership";
import type { HostProgress } from "../host";
import type { DateSystem } from "../../core/grid";
import { queueDateSystemProbe } from "./date-system";
import { chartsAsWritable } from "./chart-ops";
import { listExistingSheets, officeSheetId } from "./existing-sheets";
import type { OfficeFeatures } from "./features";
import {
  busy,
  explainOfficeError,
  OfficeHostError,
  officeErrorCode,
  structureProtected,
} from "./host-error";
import { layoutOps, overlongCell, planWrites } from "./plan-writes";
import { runOp, SheetProxies } from "./run-op";
import { isScratchSheet, LOCK_SHEET, LOCK_STALE_MS, lockText, parseLock } from "./run-lock";
import { withTempNames, type SheetTarget } from "./sheet-targets";
import { mergeStateSheet } from "./state-merge";
import { syncCounted } from "./sync";
import type { OfficeHostStats, OfficeLimits } from "./types";

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

export interface ApplyOptions {
  readonly features: OfficeFeatures;
  readonly limits: OfficeLimits;
  readonly stats: OfficeHostStats;
  readonly runId: string;
  readonly now: () => number;
  /** Known from an earlier read of this workbook, or null to find out while taking the lock. */
  readonly dateSystem: DateSystem | null;
  /** State-sheet rows as this runtime last read them, or null. */
  readonly baseState: readonly (readonly unknown[])[] | null;
  readonly onProgress?: ((p: HostProgress) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface Applied {
  readonly targets: SheetTarget[];
  readonly dateSystem: DateSystem;
  /** The state sheet's rows as written (after merging), or null when the plan has none. */
  readonly stateRows: (readonly unknown[])[] | null;
  /** Planned charts this Excel could not draw (written as notes on their sheet instead). */
  readonly chartNotes: readonly LandingNote[];
}

function hasDates(plan: WritePlan): boolean {
  return plan.sheets.some((s) => s.values.some((row) => row.some((v) => v instanceof Date)));
}

/** After a failed first sync: why the lock could not be taken. Throws, or returns true to try once more. */
async function diagnoseLock(
  context: Excel.RequestContext,
  options: ApplyOptions,
  original: unknown
): Promise<true> {
  const { features, stats, signal } = options;
  const found = {
    protection: features.protection ? context.workbook.protection.load("protected") : null,
    lock: context.workbook.worksheets.getItemOrNullObject(LOCK_SHEET).load("name"),
  };
  await syncCounted(context, stats, signal);
  if (found.protection?.protected || officeErrorCode(original) === "AccessDenied")
    throw structureProtected();
  if (found.lock.isNullObject) throw explainOfficeError(original);
  const held = {
    cell: context.workbook.worksheets.getItem(LOCK_SHEET).getRange("A1").load("values"),
  };
  await syncCounted(context, stats, signal);
  const lock = parseLock(held.cell.values[0]?.[0]);
  if (lock && options.now() - lock.at < LOCK_STALE_MS) throw busy();
  // A runtime that died mid-write (closed pane, crashed Excel) left it: take it over.
  context.workbook.worksheets.getItem(LOCK_SHEET).delete();
  await syncCounted(context, stats, signal);
  return true;
}

/** Sync 1: take the lock, list the sheets, and (when needed) find the date system in the lock sheet. */
async function openRun(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions,
  retried = false
): Promise<DateSystem> {
  const worksheets = context.workbook.worksheets;
  const lock = worksheets.add(LOCK_SHEET);
  lock.visibility = "VeryHidden";
  lock.getRange("A1").values = [[lockText(options.runId, options.now())]];
  const probe =
    options.dateSystem === null && hasDates(plan)
      ? queueDateSystemProbe(lock.getRange("B1"))
      : null;
  worksheets.load("items/name,items/position,items/id");
  try {
    await syncCounted(context, options.stats, options.signal);
  } catch (err) {
    options.signal?.throwIfAborted();
    if (retried) throw explainOfficeError(err);
    await diagnoseLock(context, options, err);
    return openRun(context, plan, options, true);
  }
  return probe ? probe() : (options.dateSystem ?? 1900);
}

/** Deletes this run's temporary sheets and the lock (the workbook as it was). */
async function abandon(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  targets: readonly SheetTarget[]
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await syncCounted(context, stats);
  const names = new Set(worksheets.items.map((ws) => ws.name));
  for (const t of targets) if (names.has(t.tempName)) worksheets.getItem(t.tempName).delete();
  if (names.has(LOCK_SHEET)) worksheets.getItem(LOCK_SHEET).delete();
  await syncCounted(context, stats);
}

/**
 * After a swap failed part-way, makes every sheet either wholly old or wholly new: a finished temporary sheet
 * whose name is free again (its old sheet already deleted) takes the name; any other is deleted; the new ones
 * get their freeze panes and page layout. Three syncs.
 */
async function finishSwap(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  targets: readonly SheetTarget[],
  features: OfficeFeatures
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await syncCounted(context, stats);
  const names = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
  const fresh: SheetTarget[] = [];
  for (const t of targets) {
    const hasTemp = names.has(t.tempName.toLowerCase());
    const hasName = names.has(t.name.toLowerCase());
    if (hasTemp && hasName) {
      worksheets.getItem(t.tempName).delete();
      continue;
    }
    if (hasTemp) worksheets.getItem(t.tempName).name = t.name;
    // Ours either way (the old owned sheet, or the new one renamed before the failure, still hidden).
    if (hasTemp || hasName) worksheets.getItem(t.name).visibility = VISIBILITY[t.plan.visibility];
    // New content under the final name: renamed now, or before the failure (its temporary sheet is gone).
    if (hasTemp || hasName) fresh.push(t);
  }
  if (names.has(LOCK_SHEET.toLowerCase())) worksheets.getItem(LOCK_SHEET).delete();
  await syncCounted(context, stats);
  const sheets = new SheetProxies(context);
  const layout = fresh.flatMap((t) => layoutOps(t, features));
  for (const op of layout) runOp(sheets, op);
  if (layout.length > 0) await syncCounted(context, stats);
}

/**
 * A sheet Excel has just added has an id only now: its ownership record, written without one, gets it here (one
 * sync reads the ids, one writes the record row and the state sheet's signature over its new rows). Best effort:
 * without it the record matches by name and values. Returns the state rows as they now stand, when rewritten.
 */
async function recordNewSheetIds(
  context: Excel.RequestContext,
  stats: OfficeHostStats,
  landing: Landing,
  snapshot: OwnershipSnapshot,
  written: readonly (readonly unknown[])[] | null
): Promise<WriteValue[][] | null> {
  const state = landing.targets.find((t) => t.plan.kind === "state");
  const values = (written ?? []).map((r) => toStateWriteValues(r));
  const row = values.findIndex((r) => r[0] === OWNERSHIP_KEY);
  const fresh = landing.targets.filter(
    (t) => !t.replaces && t.plan.owned && t.plan.kind !== "state"
  );
  if (!state || row < 0 || fresh.length === 0) return null;
  const loaded = fresh.map((t) => {
    const ws = context.workbook.worksheets.getItem(t.name);
    ws.load("id");
    return [t, ws] as const;
  });
  await syncCounted(context, stats);
  const ids = new Map(loaded.map(([t, ws]) => [t, officeSheetId(ws.id)]));
  const cells = ownershipRow(
    landedRecords(landing.targets, snapshot, (t) => ids.get(t) ?? t.replaces?.id ?? null)
  );
  const width = Math.max(cells.length, values[row]?.length ?? 0);
  const address = `A${row + 1}:${columnLetter(width - 1)}${row + 1}`;
  const sheet = context.workbook.worksheets.getItem(state.name);
  sheet.getRange(address).values = [Array.from({ length: width }, (_, i) => cells[i] ?? "")];
  values[row] = cells;
  // The signature (row 1) covers every row under it: it is written anew with the record.
  const signed = signStateValues(values);
  sheet.getRange("A1:B1").values = [[signed[0]?.[0] ?? "", signed[0]?.[1] ?? ""]];
  await syncCounted(context, stats);
  return signed;
}

/** A state row as written (the merged plan's values are write values already; anything else is blank). */
function toStateWriteValues(row: readonly unknown[]): WriteValue[] {
  return row.map((v) =>
    typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null
  );
}

function layoutFailed(err: unknown): OfficeHostError {
  const why = err instanceof Error ? err.message : String(err);
  return new OfficeHostError(
    "layout_failed",
    `结果表已写入，但冻结窗格、打印设置或图表未能应用（${why}）。可在 Excel 中手动设置。`,
    `The result sheets are written, but freeze panes, the print layout or the charts could not be set (${why}). Set them in Excel by hand.`
  );
}

/**
 * The plan with its owned state sheet merged with what another runtime may have recorded since this one read it
 * (state-merge.ts) and signed; the state rows as they will be written, or null when the plan has none.
 */
function withMergedState(
  plan: WritePlan,
  baseState: ApplyOptions["baseState"],
  current: Parameters<typeof mergeStateSheet>[2]
): { plan: WritePlan; stateRows: (readonly unknown[])[] | null } {
  const stateIndex = plan.sheets.findIndex((s) => s.kind === "state" && s.owned);
  const state = plan.sheets[stateIndex];
  if (!state) return { plan, stateRows: null };
  const signed = signedStatePlan(mergeStateSheet(state, baseState, current));
  return {
    plan: { ...plan, sheets: plan.sheets.map((s, i) => (i === stateIndex ? signed : s)) },
    stateRows: signed.values.map((r) => [...r]),
  };
}

type WriteBatch = ReturnType<typeof planWrites>[number];

/**
 * One write batch and its sync, with the lock's heartbeat (the last batch releases the lock instead). A failing
 * layout batch (freeze panes, print setup, charts) leaves the written sheets and says so (layoutFailed).
 */
async function writeBatch(
  context: Excel.RequestContext,
  batch: WriteBatch,
  at: { readonly first: boolean; readonly last: boolean; readonly swapping: boolean },
  leftovers: readonly string[],
  options: ApplyOptions
): Promise<void> {
  const { features, stats, signal } = options;
  if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  const sheets = new SheetProxies(context);
  // Left by a runtime that died mid-write: this run holds the lock, so no live run owns them.
  if (at.first) for (const name of leftovers) if (name !== LOCK_SHEET) sheets.get(name).delete();
  for (const op of batch.ops) runOp(sheets, op);
  if (at.last) sheets.get(LOCK_SHEET).delete();
  else sheets.get(LOCK_SHEET).getRange("A1").values = [[lockText(options.runId, options.now())]];
  stats.plannedBytes += batch.bytes;
  try {
    // Once the swap is under way a cancel no longer applies: finishing is the consistent outcome.
    if (at.swapping) await syncCounted(context, stats);
    else await syncCounted(context, stats, signal);
  } catch (err) {
    if (!batch.layout) throw err;
    context.workbook.worksheets.getItem(LOCK_SHEET).delete();
    await syncCounted(context, stats).catch(() => undefined);
    throw layoutFailed(explainOfficeError(err));
  }
}

/**
 * Syncs: 1 (lock, sheet list, date system) + 1 for the state sheet and 1 for the sheets its ownership records
 * name when the plan has owned sheets, + 2 after the lock is released to record the ids of sheets just added,
 * + one per write batch (payload-sized; the heartbeat rides along), the swap, and the layout batch, which also
 * releases the lock (and draws the 图表 sheet's charts where Excel can). Throws what Excel threw, explained where the user can act; before the swap nothing visible
 * has changed and this run's temporary sheets are removed; a swap that fails part-way is finished or undone
 * sheet by sheet (finishSwap). Another run's temporary sheets are removed only while this run holds the lock,
 * when they can only be left over from a runtime that died.
 */
export async function applyWritePlan(
  context: Excel.RequestContext,
  requested: WritePlan,
  options: ApplyOptions
): Promise<Applied> {
  const { features, limits, stats, signal, onProgress } = options;
  const { plan, notes: chartNotes } = chartsAsWritable(requested, features.charts);
  const tooLong = overlongCell(plan);
  if (tooLong) throw tooLong;
  const dateSystem = await openRun(context, plan, options);
  let targets: SheetTarget[] = [];
  let stateRows: (readonly unknown[])[] | null = null;
  let landing: Landing | null = null;
  let snapshot: OwnershipSnapshot | null = null;
  let swapping = false;
  try {
    const existing = await listExistingSheets(
      context,
      stats,
      { scanOwnership: plan.sheets.some((s) => s.owned), skip: isScratchSheet, dateSystem },
      signal
    );
    snapshot = existing.snapshot;
    // A new sheet's worksheet id is known only once Excel adds it (recordNewSheetIds, after the swap).
    landing = planLanding(snapshot, plan, (t) => t.replaces?.id ?? null, existing.sheets);
    const merged = withMergedState(landing.plan, options.baseState, existing.wholeSheet);
    stateRows = merged.stateRows;
    const landed = landing.targets.map((t, i) => ({ ...t, plan: merged.plan.sheets[i] ?? t.plan }));
    targets = withTempNames(
      landed,
      [...existing.sheets, ...existing.skipped.map((name) => ({ name }))],
      options.runId
    );
    const batches = planWrites(merged.plan, limits, { targets, features, dateSystem });
    onProgress?.({ phase: "write", fraction: 0 });
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i];
      if (!batch) continue;
      if (batch.swap) {
        signal?.throwIfAborted();
        swapping = true;
      }
      const at = { first: i === 0, last: i === batches.length - 1, swapping };
      await writeBatch(context, batch, at, existing.skipped, options);
      onProgress?.({ phase: "write", fraction: (i + 1) / batches.length });
    }
  } catch (err) {
    if (err instanceof OfficeHostError && err.code === "layout_failed") throw err;
    const recover = swapping
      ? finishSwap(context, stats, targets, features)
      : abandon(context, stats, targets);
    await recover.catch(() => undefined);
    throw explainOfficeError(err);
  }
  if (landing && snapshot) {
    const rewritten = await recordNewSheetIds(context, stats, landing, snapshot, stateRows).catch(
      () => null
    );
    if (rewritten) stateRows = rewritten;
  }
  return { targets, dateSystem, stateRows, chartNotes };
}
