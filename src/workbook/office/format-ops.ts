/**
 * Pure: a sheet plan's styles → as few Office.js format calls as the API allows. Each distinct style (number
 * format apart) is one call over the union of its ranges (RangeAreas, ExcelApi 1.9; one call per rectangle
 * without it), and number formats go as one matrix per row block, null where a cell keeps its format — so the
 * number of calls follows the styles and the sheet's size, never how many units or cells wear a style.
 */
import { parseRangeA1, rangeToA1, type CellRange } from "../../core/grid";
import { DATE_FORMAT, type SheetPlan } from "../../core/plan";
import { jsonBytes } from "./payload-size";
import type { OfficeLimits } from "./types";
import type { OpStyle, WriteFeatures, WriteOp } from "./write-ops";

/** Rows without a number format a block spans before a new block (a matrix of nulls costs bytes, not calls). */
const MAX_GAP_ROWS = 16;

/** One style with every rectangle that wears it, in the order the plan's entries take effect. */
interface StyleGroup {
  readonly key: string;
  readonly style: OpStyle;
  readonly rects: CellRange[];
}

/** The same key for the same style, whatever order its properties were written in. */
export function styleKey(style: OpStyle): string {
  const keys = Object.keys(style).sort() as (keyof OpStyle)[];
  return JSON.stringify(keys.map((k) => [k, style[k]]));
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * The plan's entries grouped by style. Entries layer (a later one overrides what it sets), so an entry joins an
 * earlier group of its style only when no entry in between touches its cells: the cells end as they would.
 */
export function groupStyles(entries: SheetPlan["styles"]): StyleGroup[] {
  const groups: StyleGroup[] = [];
  for (const entry of entries) {
    const { numberFormat, ...style } = entry.style;
    void numberFormat;
    if (Object.keys(style).length === 0 || entry.ranges.length === 0) continue;
    const key = styleKey(style);
    const rects = entry.ranges.map(parseRangeA1);
    let target: StyleGroup | undefined;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i] as StyleGroup;
      if (g.key === key) {
        target = g;
        break;
      }
      if (g.rects.some((a) => rects.some((b) => intersects(a, b)))) break;
    }
    if (target) target.rects.push(...rects);
    else groups.push({ key, style, rects });
  }
  return groups;
}

/** Merges rectangles that meet along a whole side (same rows side by side, then same columns stacked). */
function mergeAlong(rects: readonly CellRange[], across: boolean): CellRange[] {
  const [band, lo, hi] = across
    ? (["top", "left", "right"] as const)
    : (["left", "top", "bottom"] as const);
  const other = across ? "bottom" : "right";
  const sorted = [...rects].sort(
    (a, b) => a[band] - b[band] || a[other] - b[other] || a[lo] - b[lo]
  );
  const out: CellRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last[band] === r[band] && last[other] === r[other] && r[lo] <= last[hi] + 1) {
      out[out.length - 1] = { ...last, [hi]: Math.max(last[hi], r[hi]) };
    } else out.push(r);
  }
  return out;
}

/** The same cells as fewer, larger rectangles, row-major: shorter RangeAreas addresses, fewer calls. */
export function coalesce(rects: readonly CellRange[]): string[] {
  return mergeAlong(mergeAlong(rects, true), false)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map(rangeToA1);
}

/** One step per RangeAreas address (joined up to the length limit), or one per rectangle without 1.9. */
function areaOps(
  sheet: string,
  ranges: readonly string[],
  style: OpStyle,
  limits: OfficeLimits,
  features: WriteFeatures
): WriteOp[] {
  if (!features.rangeAreas)
    return ranges.map((address) => ({ kind: "style", sheet, address, areas: false, style }));
  const ops: WriteOp[] = [];
  let group: string[] = [];
  let length = 0;
  const flush = () => {
    if (group.length === 0) return;
    ops.push(
      group.length === 1
        ? { kind: "style", sheet, address: group[0] ?? "", areas: false, style }
        : { kind: "style", sheet, address: group.join(","), areas: true, style }
    );
    group = [];
    length = 0;
  };
  for (const r of ranges) {
    if (length + r.length + 1 > limits.maxAreasAddressLength) flush();
    group.push(r);
    length += r.length + 1;
  }
  flush();
  return ops;
}

/** Fill, font, border and alignment: one call per distinct style of the sheet (per rectangle before 1.9). */
export function styleOps(
  sheet: string,
  plan: SheetPlan,
  limits: OfficeLimits,
  features: WriteFeatures
): WriteOp[] {
  return groupStyles(plan.styles).flatMap((g) =>
    areaOps(sheet, coalesce(g.rects), g.style, limits, features)
  );
}

/** Row → column → format: the plan's entries in order (a later one wins), then dates that have none. */
function cellFormats(plan: SheetPlan): Map<number, Map<number, string>> {
  const rows = new Map<number, Map<number, string>>();
  const set = (r: number, c: number, format: string) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, format);
  };
  for (const entry of plan.styles) {
    const format = entry.style.numberFormat;
    if (format === undefined) continue;
    for (const address of entry.ranges) {
      const r = parseRangeA1(address);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) set(row, col, format);
    }
  }
  plan.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof Date && rows.get(r)?.get(c) === undefined) set(r, c, DATE_FORMAT);
    })
  );
  return rows;
}

interface FormatBlock {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cellBytes: number;
}

function blockBytes(b: FormatBlock): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1) * b.cellBytes;
}

function blockOp(sheet: string, b: FormatBlock, rows: Map<number, Map<number, string>>): WriteOp {
  const formats: (string | null)[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = rows.get(r);
    const out: (string | null)[] = [];
    for (let c = b.left; c <= b.right; c++) out.push(row?.get(c) ?? null);
    formats.push(out);
  }
  return { kind: "numberFormat", sheet, address: rangeToA1(b), formats };
}

/**
 * Number formats as matrices (RangeAreas has no numberFormat): one per block of nearby rows that fits a request,
 * spanning the columns its formats use, null for a cell that keeps its format.
 */
export function numberFormatOps(sheet: string, plan: SheetPlan, limits: OfficeLimits): WriteOp[] {
  const rows = cellFormats(plan);
  const ops: WriteOp[] = [];
  let block: FormatBlock | null = null;
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(r) as Map<number, string>;
    const cols = [...row.keys()];
    const widest = Math.max(...[...row.values()].map((f) => jsonBytes(f) + 1));
    const next: FormatBlock = {
      top: block && r - block.bottom <= MAX_GAP_ROWS ? block.top : r,
      bottom: r,
      left: Math.min(block?.left ?? Infinity, ...cols),
      right: Math.max(block?.right ?? -Infinity, ...cols),
      cellBytes: Math.max(block?.cellBytes ?? 5, widest),
    };
    if (block && (next.top !== block.top || blockBytes(next) > limits.maxPayloadBytes / 2)) {
      ops.push(blockOp(sheet, block, rows));
      block = {
        top: r,
        bottom: r,
        left: Math.min(...cols),
        right: Math.max(...cols),
        cellBytes: Math.max(5, widest),
      };
    } else block = next;
  }
  if (block) ops.push(blockOp(sheet, block, rows));
  return ops;
}
