/**
 * Where each planned sheet lands — the one policy every host adapter executes (the file writer and Office.js):
 * an owned sheet replaces the product's sheet of its kind that is still replaceable (recorded, same name,
 * unchanged), otherwise it takes its planned name if free, else "<name> (2)", "(3)"…; a user's sheet, an
 * archive (renamed) or an edited product sheet is never touched.
 */
import { stateRow } from "../state/state-cells";
import { signStateValues, stateRowsWith, stateSheetPlan } from "../state/state-sheet";
import { OWNERSHIP_KEY } from "../plan/product-sheets";
import type { SheetKind, SheetPlan, WritePlan } from "../plan/write-plan";
import type { OwnershipRecord, OwnershipSnapshot } from "./records";
import { planDigest } from "./sheet-digest";

export interface ExistingSheet {
  readonly name: string;
  /** 0-based position in the tab order. */
  readonly position: number;
  /** Host-qualified id ("xlsx:3", "office:{…}"), null where the host gives none. */
  readonly id: string | null;
  /** Kind of product sheet it still is and may be replaced as; null for a user's sheet or an archive. */
  readonly ownedKind: SheetKind | null;
}

export interface SheetTarget {
  readonly plan: SheetPlan;
  /** Name the sheet ends with ("考核排名 (2)" when another sheet holds the planned name). */
  readonly name: string;
  /** The product's sheet from an earlier run that this one replaces, or null for a new sheet. */
  readonly replaces: ExistingSheet | null;
  /** The sheet (not the product's, or changed since written) that kept the planned name, when one did. */
  readonly displaced: string | null;
}

const MAX_SHEET_NAME = 31;

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
  // Cutting at 31 may leave an apostrophe at the end, which Excel refuses.
  const base = wanted.slice(0, MAX_SHEET_NAME).replace(/'+$/, "");
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The planned name first, then one the product gave it earlier because that name was taken ("考核排名 (2)"). */
function findReplaceable(
  existing: readonly ExistingSheet[],
  plan: SheetPlan,
  claimed: ReadonlySet<ExistingSheet>
): ExistingSheet | null {
  const candidates = existing.filter((s) => !claimed.has(s) && s.ownedKind === plan.kind);
  const base = safeSheetName(plan.name).toLowerCase();
  const numbered = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+\\)$`);
  return (
    candidates.find((s) => s.name.toLowerCase() === base) ??
    candidates.find((s) => numbered.test(s.name.toLowerCase())) ??
    null
  );
}

/**
 * Pure: the target of every planned sheet, in plan order.
 * @example planSheetTargets([{ name: "考核排名", position: 0, id: "xlsx:1", ownedKind: null }], plan)[0].name === "考核排名 (2)"
 */
export function planSheetTargets(
  existing: readonly ExistingSheet[],
  plan: WritePlan
): SheetTarget[] {
  const claimed = new Set<ExistingSheet>();
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  return plan.sheets.map((sheet) => {
    const replaces = sheet.owned
      ? sheet.kind === "state"
        ? (existing.find((s) => s.ownedKind === "state") ?? null)
        : findReplaceable(existing, sheet, claimed)
      : null;
    if (replaces) {
      claimed.add(replaces);
      return { plan: sheet, name: replaces.name, replaces, displaced: null };
    }
    const name = freeName(taken, sheet.name);
    taken.add(name.toLowerCase());
    const wanted = safeSheetName(sheet.name)
      .slice(0, MAX_SHEET_NAME)
      .replace(/'+$/, "")
      .toLowerCase();
    const holder =
      name.toLowerCase() === wanted
        ? undefined
        : existing.find((s) => s.name.toLowerCase() === wanted);
    return { plan: sheet, name, replaces: null, displaced: holder?.name ?? null };
  });
}

/** The existing sheets as the planner needs them, from a snapshot of the workbook's ownership. */
export function existingSheets(snapshot: OwnershipSnapshot): ExistingSheet[] {
  return snapshot.sheets.map((s, position) => ({
    name: s.name,
    position,
    id: s.id,
    ownedKind: s.product?.replaceable ? s.product.kind : null,
  }));
}

export interface LandingNote {
  readonly sheet: string;
  readonly message_zh: string;
  readonly message_en: string;
}

/** What to tell the user about sheets that could not take their planned name. */
export function landingNotes(targets: readonly SheetTarget[]): LandingNote[] {
  return targets.flatMap((t) =>
    t.displaced === null || !t.plan.owned
      ? []
      : [
          {
            sheet: t.name,
            message_zh: `工作表“${t.displaced}”不是本工具生成的，或生成后已被修改，已保留不动；本次结果写入“${t.name}”`,
            message_en: `Sheet "${t.displaced}" was not written by this tool or has been changed since, so it was kept; this run's result is in "${t.name}"`,
          },
        ]
  );
}

/**
 * Ownership after writing: a record for every owned sheet written (`landedId` gives the host id it now has, when
 * the host knows it), and the earlier records of product sheets left in place (archives, sheets not rewritten).
 */
export function landedRecords(
  targets: readonly SheetTarget[],
  snapshot: OwnershipSnapshot,
  landedId: (target: SheetTarget) => string | null
): OwnershipRecord[] {
  const written: OwnershipRecord[] = [];
  const replaced = new Set<string>();
  for (const t of targets) {
    if (!t.plan.owned || t.plan.kind === "state") continue;
    if (t.replaces) replaced.add(t.replaces.name);
    const previous = t.replaces
      ? snapshot.sheets.find((s) => s.name === t.replaces?.name)?.product?.record
      : null;
    const id = landedId(t);
    // Another host's id of the same sheet stays: the sheet is the same object, only its content is new.
    const otherIds = (previous?.ids ?? []).filter((i) => id === null || family(i) !== family(id));
    written.push({
      kind: t.plan.kind,
      name: t.name,
      digest: planDigest(t.plan),
      ids: id === null ? otherIds : [id, ...otherIds],
    });
  }
  const kept = snapshot.sheets.flatMap((s) =>
    s.product?.record && !replaced.has(s.name) ? [s.product.record] : []
  );
  return [...written, ...kept];
}

function family(id: string): string {
  return id.slice(0, Math.max(0, id.indexOf(":")));
}

/** The state-sheet row holding `records`. */
export function ownershipRow(records: readonly OwnershipRecord[]): string[] {
  return stateRow(OWNERSHIP_KEY, JSON.stringify(records));
}

/**
 * The plan with the ownership records in its state sheet. A plan without a state sheet gets one that keeps every
 * row the workbook's state sheet had, so nothing remembered is lost.
 */
export function withOwnershipRecords(
  plan: WritePlan,
  records: readonly OwnershipRecord[],
  snapshot: OwnershipSnapshot
): WritePlan {
  const entries = { [OWNERSHIP_KEY]: JSON.stringify(records) };
  const index = plan.sheets.findIndex((s) => s.kind === "state");
  const current = index >= 0 ? (plan.sheets[index] as SheetPlan) : null;
  const sheet: SheetPlan = current
    ? { ...current, values: signStateValues(stateRowsWith(current.values, entries)) }
    : stateSheetPlan(stateRowsWith(snapshot.stateRows, entries));
  return {
    ...plan,
    sheets: current
      ? plan.sheets.map((s, i) => (i === index ? sheet : s))
      : [...plan.sheets, sheet],
  };
}

export interface Landing {
  /** The plan with the ownership records in its state sheet (added when the plan had none). */
  readonly plan: WritePlan;
  /** One per sheet of `plan`, in order. */
  readonly targets: readonly SheetTarget[];
  readonly notes: readonly LandingNote[];
}

/**
 * Everything a host needs to write a plan: where each sheet lands and the state sheet that records it.
 * `landedId` gives the host id a target will have (`fresh` counts new sheets in plan order), null if unknown.
 * `existing` defaults to the snapshot's sheets; a host may pass them with vetoes of its own applied.
 */
export function planLanding(
  snapshot: OwnershipSnapshot,
  plan: WritePlan,
  landedId: (target: SheetTarget, fresh: number) => string | null,
  existing: readonly ExistingSheet[] = existingSheets(snapshot)
): Landing {
  const idOf = (targets: readonly SheetTarget[]) => {
    const fresh = new Map(targets.filter((t) => !t.replaces).map((t, i) => [t, i]));
    return (t: SheetTarget) => landedId(t, fresh.get(t) ?? -1);
  };
  const first = planSheetTargets(existing, plan);
  const recorded = plan.sheets.some((s) => s.owned && s.kind !== "state")
    ? withOwnershipRecords(plan, landedRecords(first, snapshot, idOf(first)), snapshot)
    : plan;
  // Recording may add a state sheet at the end; the policy is the same, so every other sheet keeps its target.
  const targets = planSheetTargets(existing, recorded);
  return { plan: recorded, targets, notes: landingNotes(targets) };
}
