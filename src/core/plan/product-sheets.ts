/**
 * The names ownership is kept under. Ownership itself (records, digests, where each sheet lands) is
 * core/ownership/; these constants sit here because the report and state writers need them too.
 */
import type { SheetKind } from "./write-plan";

/** Hidden sheet holding product state (overrides, previous rankings, ownership) as key/value rows. */
export const STATE_SHEET_NAME = "_scorecard_state";
/** State-sheet key of the ownership records (JSON list of OwnershipRecord). */
export const OWNERSHIP_KEY = "owned.sheets";

/**
 * A note for people at the foot of each product sheet. It confers nothing: ownership is recorded. In the
 * sheets' own language only, since it is printed with them for the meeting.
 */
export function ownerMarkerText(kind: SheetKind): string {
  void kind;
  return "本表由招商考核助手生成；本表未被修改时，重新考核将整体替换本表";
}
