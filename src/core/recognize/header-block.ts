import { columnCount, type SheetGrid } from "../grid";
import type { MeasureUnit } from "../model";
import { cleanLabel, normalizeText } from "../text";
import { isHeaderWord } from "./header-match";
import type { MergedCells } from "./merged-cells";
import { parseUnitNote, splitHeaderUnit, unitByLabel, type UnitNote } from "./measure-units";

export interface HeaderColumn {
  readonly col: number;
  /** Display text of the group levels above the leaf, "" for a one-level header. */
  readonly group: string;
  readonly leaf: string;
  /** "签约项目 › 项目总数", or the leaf alone. */
  readonly name: string;
  /** Normalised, unit removed: what the dictionary is matched against. */
  readonly groupNorm: string;
  readonly leafNorm: string;
  /** Unit stated in the header text itself. */
  readonly unit: MeasureUnit | null;
  /** 0-based row of the cell holding the leaf text (top of its merge). */
  readonly headerRow: number;
}

export interface HeaderBlock {
  /** 0-based first and last header row. */
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  readonly columns: readonly HeaderColumn[];
  /** Titles and notes above the header, as written. */
  readonly above: readonly string[];
  readonly notes: readonly UnitNote[];
}

/** Titles, notes and blank rows come first; a header sits within the first rows of a sheet. */
const SCAN_ROWS = 30;
const MAX_DEPTH = 3;

interface RowFacts {
  readonly hits: number;
  readonly texts: number;
  readonly numbers: number;
  /** Cells that are nothing but a unit ("亿美元", "（个）"): a units row under the header. */
  readonly units: number;
}

/** "亿美元", "(亿元)", "（个）" alone in a cell. */
function pureUnit(norm: string): MeasureUnit | null {
  return unitByLabel(norm.replace(/^\((.*)\)$/, "$1"));
}

function rowFacts(merged: MergedCells, row: number, width: number): RowFacts {
  let hits = 0;
  let texts = 0;
  let numbers = 0;
  let units = 0;
  let last: unknown = undefined;
  for (let c = 0; c < width; c++) {
    const v = merged.value(row, c);
    if (typeof v === "number") numbers++;
    if (typeof v !== "string" || v.trim() === "") continue;
    // A merged group cell counts once for "how many distinct labels", but each column it covers is a hit.
    if (v !== last) texts++;
    last = v;
    const norm = normalizeText(v);
    if (norm.length <= 40 && isHeaderWord(splitHeaderUnit(norm).label)) hits++;
    if (norm.length <= 8 && pureUnit(norm)) units++;
  }
  return { hits, texts, numbers, units };
}

/**
 * A header with a single known word ("单位 | 签约率 | 注册率", seed 000's own indicators): a text-only row
 * with a dictionary hit, directly above a row of numbers.
 */
function lonelyHeaderRow(facts: readonly RowFacts[], merged: MergedCells, width: number): number {
  for (let r = 0; r < facts.length; r++) {
    const f = facts[r] as RowFacts;
    if (f.hits < 1 || f.texts < 2 || f.numbers > 0) continue;
    const next = facts[r + 1] ?? rowFacts(merged, r + 1, width);
    if (next.numbers > 0) return r;
  }
  return -1;
}

function spansRows(merged: MergedCells, upper: number, lower: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const area = merged.areaAt(lower, c);
    if (area && area.top <= upper) return true;
  }
  return false;
}

function hasGroupMerge(sheet: SheetGrid, row: number, width: number): boolean {
  return sheet.merges.some(
    (m) => m.top <= row && m.bottom >= row && m.right > m.left && m.right - m.left + 1 < width
  );
}

export function findHeaderBlock(sheet: SheetGrid, merged: MergedCells): HeaderBlock | null {
  const width = columnCount(sheet);
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  const facts: RowFacts[] = [];
  let best = -1;
  for (let r = 0; r < limit; r++) {
    const f = rowFacts(merged, r, width);
    facts.push(f);
    if (f.hits >= 2 && (best < 0 || f.hits > (facts[best] as RowFacts).hits)) best = r;
  }
  if (best < 0) best = lonelyHeaderRow(facts, merged, width);
  if (best < 0) return null;

  let top = best;
  let bottom = best;
  const factsAt = (r: number): RowFacts => facts[r] ?? rowFacts(merged, r, width);
  while (bottom + 1 < sheet.rows.length && bottom - top + 1 < MAX_DEPTH) {
    const next = factsAt(bottom + 1);
    if (next.numbers > 0) break;
    if (
      spansRows(merged, bottom, bottom + 1, width) ||
      (next.hits >= 1 && hasGroupMerge(sheet, bottom, width))
    )
      bottom++;
    else break;
  }
  const below = bottom + 1 < sheet.rows.length ? factsAt(bottom + 1) : null;
  if (below && below.units > 0 && below.units === below.texts && below.numbers === 0) bottom++;
  while (top > 0 && bottom - top + 1 < MAX_DEPTH) {
    const prev = factsAt(top - 1);
    if (prev.numbers > 0 || prev.texts < 2) break;
    if (
      spansRows(merged, top - 1, top, width) ||
      hasGroupMerge(sheet, top - 1, width) ||
      prev.hits >= 1
    )
      top--;
    else break;
  }

  return blockAt(sheet, merged, top, bottom, width);
}

/**
 * The first row holding text, as a one-row header: for a sheet the user has told us the role of, whose
 * headers the dictionary does not know.
 */
export function firstTextRowBlock(sheet: SheetGrid, merged: MergedCells): HeaderBlock | null {
  const width = columnCount(sheet);
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (rowFacts(merged, r, width).texts >= 2) return blockAt(sheet, merged, r, r, width);
  }
  return null;
}

function blockAt(
  sheet: SheetGrid,
  merged: MergedCells,
  top: number,
  bottom: number,
  width: number
): HeaderBlock {
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    let headerRow = -1;
    let rowUnit: MeasureUnit | null = null;
    for (let r = top; r <= bottom; r++) {
      const v = merged.value(r, c);
      if (typeof v !== "string" && typeof v !== "number") continue;
      const text = cleanLabel(String(v));
      if (text === "" || parts[parts.length - 1] === text) continue;
      const asUnit = text.length <= 8 ? pureUnit(normalizeText(text)) : null;
      if (asUnit) {
        rowUnit = asUnit;
        continue;
      }
      parts.push(text);
      headerRow = merged.areaAt(r, c)?.top ?? r;
    }
    const leaf = parts.pop();
    if (leaf === undefined) continue;
    const group = parts.join(" › ");
    const leafSplit = splitHeaderUnit(normalizeText(leaf));
    const groupSplits = parts.map((p) => splitHeaderUnit(normalizeText(p)));
    // "实际利用外资(亿美元) › 完成": a unit stated on the group speaks for the leaves under it.
    const isRate = /率|占比|比重|%|rate|share/.test(leafSplit.label);
    const unit =
      leafSplit.unit ??
      rowUnit ??
      (isRate
        ? null
        : groupSplits.reduceRight<MeasureUnit | null>((found, g) => found ?? g.unit, null));
    const label = leafSplit.label;
    const groupNorm = groupSplits.map((g) => g.label).join("›");
    columns.push({
      col: c,
      group,
      leaf,
      name: group ? `${group} › ${leaf}` : leaf,
      groupNorm,
      leafNorm: label,
      unit,
      headerRow,
    });
  }

  const above: string[] = [];
  const notes: UnitNote[] = [];
  for (let r = 0; r < top; r++) {
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v !== "string" || v.trim() === "") continue;
      above.push(v.trim());
      const note = parseUnitNote(normalizeText(v));
      if (note) notes.push(note);
    }
  }
  return { top, bottom, width, columns, above, notes };
}
