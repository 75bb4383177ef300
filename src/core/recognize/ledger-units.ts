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

const SAMPLE_ROWS = 2000;

export function ledgerUnitColumn(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  map: ColumnMap,
  knownUnits: ReadonlySet<string>
): number | null {
  const mapped = new Set([...map.byField.values()].map((m) => m.column.col));
  const last = Math.min(sheet.rows.length, block.bottom + 1 + SAMPLE_ROWS);
  let best: { col: number; score: number } | null = null;
  for (const column of block.columns) {
    if (mapped.has(column.col)) continue;
    const evidence = unitHeaderEvidence(column.leafNorm);
    if (evidence < 0) continue;
    const labels = new Set<string>();
    for (let r = block.bottom + 1; r < last; r++) {
      const v = merged.value(r, column.col);
      if (typeof v === "string" && v.trim() !== "") labels.add(normalizeText(v));
    }
    if (labels.size === 0) continue;
    let known = 0;
    for (const l of labels) if (knownUnits.has(l)) known++;
    const share = known / labels.size;
    const score = 2 * share + evidence;
    if (share < 0.5 && evidence < 1) continue;
    if (!best || score > best.score) best = { col: column.col, score };
  }
  return best?.col ?? null;
}
