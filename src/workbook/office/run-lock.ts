/**
 * One writer at a time. The ribbon command and the task pane run in separate runtimes ("Runtimes in Office
 * Add-ins") over one workbook; a run takes the lock by adding a very hidden sheet of a fixed name, which Excel
 * lets only one batch do (ItemAlreadyExists for the next), and keeps it fresh with a heartbeat while it writes.
 * A lock whose heartbeat is older than LOCK_STALE_MS belongs to a runtime that died and may be taken over.
 */
import { isTempSheetName } from "./sheet-targets";

export const LOCK_SHEET = "~scorecard lock";
export const LOCK_STALE_MS = 120_000;

/** Sheets the product uses while writing and that no reader should see. */
export function isScratchSheet(name: string): boolean {
  return isTempSheetName(name) || name === LOCK_SHEET;
}

/** What the lock cell holds: the run and its last heartbeat. Text that Excel cannot take for a number. */
export function lockText(runId: string, now: number): string {
  return `run ${runId} at ${now}`;
}

export function parseLock(text: unknown): { runId: string; at: number } | null {
  const m = typeof text === "string" ? /^run (\S+) at (\d+)$/.exec(text) : null;
  return m ? { runId: m[1] ?? "", at: Number(m[2]) } : null;
}
