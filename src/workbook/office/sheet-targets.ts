/** Pure: where each planned sheet goes — which owned sheet it replaces, its final name, its temporary name. */
import type { SheetKind, SheetPlan, WritePlan } from "../../core/report";

export interface ExistingSheet {
  readonly name: string;
  readonly position: number;
  /** Kind from the ownership marker; null for a user's sheet. */
  readonly ownedKind: SheetKind | null;
}

export interface SheetTarget {
  readonly plan: SheetPlan;
  /** Name the sheet ends with ("考核排名 (2)" when a user's sheet holds the planned name). */
  readonly name: string;
  /** Owned sheet from an earlier run that this one replaces, or null. */
  readonly replaces: ExistingSheet | null;
  /** Fresh sheet the content is written into before the swap. */
  readonly tempName: string;
}

const MAX_SHEET_NAME = 31;
const TEMP_PREFIX = "~scorecard tmp ";

export function isTempSheetName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/**
 * A name Excel accepts ("Rename a worksheet", support.microsoft.com): none of : \ / ? * [ ], no apostrophe at
 * either end, not empty, not "History" (reserved); the length is cut by the caller.
 */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (cleaned.toLowerCase() === "history") return `${cleaned}_`;
  return cleaned === "" ? "Sheet" : cleaned;
}

function freeName(taken: ReadonlySet<string>, planned: string): string {
  const wanted = safeSheetName(planned);
  const base = wanted.slice(0, MAX_SHEET_NAME).replace(/'+$/, "");
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Same choice as the ExcelJS adapter: same name first, then "<name> (n)", then any sheet of the kind. */
function findOwned(
  existing: readonly ExistingSheet[],
  plan: SheetPlan,
  claimed: ReadonlySet<string>
): ExistingSheet | null {
  const candidates = existing.filter((s) => !claimed.has(s.name) && s.ownedKind === plan.kind);
  const base = plan.name.toLowerCase();
  return (
    candidates.find((s) => s.name.toLowerCase() === base) ??
    candidates.find((s) => s.name.toLowerCase().startsWith(`${base} (`)) ??
    candidates[0] ??
    null
  );
}

/** Temporary names of one run: "~scorecard tmp <run> <n>", so two runtimes never share one. */
export function tempPrefix(runId: string): string {
  return `${TEMP_PREFIX}${runId} `;
}

export function resolveTargets(
  existing: readonly ExistingSheet[],
  plan: WritePlan,
  runId = "0"
): SheetTarget[] {
  const claimed = new Set<string>();
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  const tempTaken = new Set(existing.map((s) => s.name));
  let tempNo = 1;
  return plan.sheets.map((sheet) => {
    const replaces = sheet.owned ? findOwned(existing, sheet, claimed) : null;
    let name: string;
    if (replaces) {
      claimed.add(replaces.name);
      name = replaces.name;
    } else {
      name = freeName(taken, sheet.name);
      taken.add(name.toLowerCase());
    }
    while (tempTaken.has(`${tempPrefix(runId)}${tempNo}`)) tempNo++;
    const tempName = `${tempPrefix(runId)}${tempNo++}`;
    return { plan: sheet, name, replaces, tempName };
  });
}
