/**
 * Pure: where each planned sheet goes, as report/sheet-targets.ts decides for every host, plus the temporary
 * sheet Office.js writes it into before the swap.
 */
import { type WritePlan } from "../../core/plan";
import {
  planSheetTargets,
  type ExistingSheet,
  type SheetTarget as LandingTarget,
} from "../../core/ownership";

export { safeSheetName, type ExistingSheet } from "../../core/ownership";

export interface SheetTarget extends LandingTarget {
  /** Fresh sheet the content is written into before the swap. */
  readonly tempName: string;
}

const TEMP_PREFIX = "~scorecard tmp ";

export function isTempSheetName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/** Temporary names of one run: "~scorecard tmp <run> <n>", so two runtimes never share one. */
export function tempPrefix(runId: string): string {
  return `${TEMP_PREFIX}${runId} `;
}

/** Each target with a temporary sheet name no sheet in `existing` holds. */
export function withTempNames(
  targets: readonly LandingTarget[],
  existing: readonly Pick<ExistingSheet, "name">[],
  runId = "0"
): SheetTarget[] {
  const taken = new Set(existing.map((s) => s.name));
  let tempNo = 1;
  return targets.map((t) => {
    while (taken.has(`${tempPrefix(runId)}${tempNo}`)) tempNo++;
    return { ...t, tempName: `${tempPrefix(runId)}${tempNo++}` };
  });
}

export function resolveTargets(
  existing: readonly ExistingSheet[],
  plan: WritePlan,
  runId = "0"
): SheetTarget[] {
  return withTempNames(planSheetTargets(existing, plan), existing, runId);
}
