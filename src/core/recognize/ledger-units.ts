/**
 * The unit column of a ledger whose header the dictionary does not know (所属专班, 承办单位, 招商主体 …): the
 * column whose values are the units of the workbook's unit tables, or whose header says it holds units.
 */
import type { SheetGrid } from "../grid";
import { normalizeText } from "../text";
import type { ColumnMap } from "./column-map";
import type { HeaderBlock } from "./header-block";
import { unitHeaderEvidence } from "./lexicon";
import type { MergedCells } from "./merged-cells";
import { UnitMatcher } from "./unit-names";

const SAMPLE_ROWS = 2000;

export function ledgerUnitColumn(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap,
  knownUnits: ReadonlySet<string>
): number | null {
  const mapped = new Set([...map.byField.values()].map((m) => m.column.col));
  let best: { col: number; score: number } | null = null;
  for (const column of block.columns) {
    if (mapped.has(column.col)) continue;
    const evidence = unitHeaderEvidence(column.leafNorm);
    if (evidence < 0) continue;
    const labels = labelsOf(sheet, merged, block, column.col);
    if (labels.size === 0) continue;
    const share = knownShare(labels, knownUnits);
    const score = 2 * share + evidence;
    if (share < 0.5 && evidence < 1) continue;
    if (!best || score > best.score) best = { col: column.col, score };
  }
  return best?.col ?? null;
}

/** The distinct names a column holds under the header (normalised), over the first rows sampled. */
export function labelsOf(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  col: number
): Set<string> {
  const labels = new Set<string>();
  const last = Math.min(sheet.rows.length, block.bottom + 1 + SAMPLE_ROWS);
  for (let r = block.bottom + 1; r < last; r++) {
    const v = merged.value(r, col);
    if (typeof v === "string" && v.trim() !== "") labels.add(normalizeText(v));
  }
  return labels;
}

/**
 * Share of the labels that name a known unit as the ledger's rows will be matched to it: exactly, or as the
 * matcher takes a short or long form (北京分局 for 驻北京招商分局, 九台区营城街道 for 营城街道).
 */
function knownShare(labels: ReadonlySet<string>, units: ReadonlySet<string>): number {
  if (labels.size === 0 || units.size === 0) return 0;
  let known = 0;
  let open = false;
  for (const l of labels)
    if (units.has(l)) known++;
    else open = true;
  if (!open) return 1;
  const matcher = new UnitMatcher(
    [...units].map((key) => ({ key, name: key })),
    [...labels]
  );
  known = 0;
  for (const l of labels) if (matcher.match(l).status !== "unknown") known++;
  return known / labels.size;
}

/**
 * A column the header words took for the unit (落地县区) whose values are not the targets' units, beside one
 * whose values are (引荐单位 holding the 驻外分局 assessed): the values decide. Null keeps the header's choice.
 */
export function unitColumnByValues(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap,
  tableUnits: ReadonlySet<string>
): number | null {
  const mapped = map.byField.get("unit")?.column.col;
  if (mapped === undefined || tableUnits.size === 0) return null;
  if (knownShare(labelsOf(sheet, merged, block, mapped), tableUnits) >= 0.5) return null;
  const other = ledgerUnitColumn(sheet, merged, block, map, tableUnits);
  if (other === null) return null;
  return knownShare(labelsOf(sheet, merged, block, other), tableUnits) >= 0.8 ? other : null;
}
