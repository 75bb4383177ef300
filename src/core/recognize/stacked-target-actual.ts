/**
 * One sheet holding the targets table and the actuals table one above the other — 表1 2024年目标任务, then 表2
 * 1-6月完成情况 under a repeat of the same header, the units perhaps in another order — is one combined table:
 * each figure column read twice, once as 目标 from the first table and once as 完成 from the unit's row of the
 * second. The sheet is read as that table (a group header over 目标 | 完成 per column); every address found is
 * taken back to the user's cell (long-format-origin.ts), the 完成 of a unit to its row in the second table.
 */
import { toA1, type CellRange, type CellValue, type SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import type { LongFormatSheet } from "./long-format";
import { namesOf, repeatedHeaders, sameUnits, segmentsOf, type Segment } from "./stacked-tables";

const MAX_ROWS = 2000;
/** A caption of a table of targets (表1 2024年目标任务) and of one of what was done (表2 1-6月完成情况). */
const TARGETS_CAPTION = /目标|任务|计划/;
const ACTUALS_CAPTION = /完成|累计|实绩|进展/;

const captionSays = (s: Segment): "targets" | "actuals" | null => {
  const n = normalizeText(s.caption);
  const t = TARGETS_CAPTION.test(n);
  const a = ACTUALS_CAPTION.test(n);
  return t === a ? null : t ? "targets" : "actuals";
};

/** The columns of a table's body: the unit column (mostly text) and the figure columns right of it. */
function columnsOf(
  sheet: SheetGrid,
  s: Segment
): { unit: number; figures: number[]; width: number } | null {
  const width = (sheet.rows[s.header] ?? []).length;
  const kinds = Array.from({ length: width }, (_, c) => {
    let text = 0;
    let number = 0;
    for (let r = s.header + 1; r <= s.bottom; r++) {
      const v = sheet.rows[r]?.[c] ?? null;
      if (typeof v === "number") number++;
      else if (!isBlankCell(v)) text++;
    }
    return { text, number };
  });
  const unit = kinds.findIndex((k) => k.text >= 2 && k.text > k.number);
  if (unit < 0) return null;
  const figures = kinds.flatMap((k, c) =>
    c > unit && k.number > 0 && k.number >= k.text ? [c] : []
  );
  return figures.length ? { unit, figures, width } : null;
}

/** Body rows of a table keyed by their unit's name. */
function rowsByUnit(sheet: SheetGrid, s: Segment, unit: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = s.header + 1; r <= s.bottom; r++) {
    const name = normalizeText(textOf(sheet.rows[r]?.[unit] ?? null));
    if (name !== "" && !out.has(name)) out.set(name, r);
  }
  return out;
}

/** The sheet read as one 目标 | 完成 table when it stacks a targets table over an actuals table of the same units. */
export function stackedTargetActualSheet(sheet: SheetGrid): LongFormatSheet | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const pair = stackedPair(sheet);
  return pair ? widen(sheet, pair, actualRowsOf(sheet, pair)) : null;
}

type Columns = NonNullable<ReturnType<typeof columnsOf>>;

interface StackedPair {
  readonly targets: Segment;
  readonly actuals: Segment;
  readonly cols: Columns;
}

/** The two tables, which holds the targets by its caption, and the targets' columns; null unless both list the same units. */
function stackedPair(sheet: SheetGrid): StackedPair | null {
  const headers = repeatedHeaders(sheet);
  if (!headers || headers.length !== 2) return null;
  const segments = segmentsOf(sheet, headers);
  const [first, second] = segments as [Segment, Segment];
  const says = segments.map(captionSays);
  const targets =
    says[0] === "targets" && says[1] === "actuals"
      ? first
      : says[0] === "actuals" && says[1] === "targets"
        ? second
        : null;
  if (!targets || targets.top === targets.header) return null;
  const actuals = targets === first ? second : first;
  if (!sameUnits(namesOf(sheet, targets), namesOf(sheet, actuals))) return null;
  const cols = columnsOf(sheet, targets);
  return cols ? { targets, actuals, cols } : null;
}

/** Wide row → the user's row holding that unit's actuals (the header rows map to the actuals' header). */
function actualRowsOf(
  sheet: SheetGrid,
  { targets, actuals, cols }: StackedPair
): Map<number, number> {
  const { unit } = cols;
  const inActuals = rowsByUnit(sheet, actuals, unit);
  const inTargets = rowsByUnit(sheet, targets, unit);
  /** Wide row → the user's row holding that unit's actuals. */
  const actualRow = new Map<number, number>();
  for (const [name, r] of rowsByUnit(sheet, targets, unit)) {
    const a = inActuals.get(name);
    if (a !== undefined) actualRow.set(r, a);
  }
  // A unit only the actuals list keeps its own row (where the second table was): its name is then reported.
  for (const [name, r] of inActuals) if (!inTargets.has(name)) actualRow.set(r, r);
  const top = targets.header - 1;
  actualRow.set(top, actuals.header);
  actualRow.set(targets.header, actuals.header);
  return actualRow;
}

/** The targets table read wide: each figure column followed by the same column of the actuals table. */
function widen(
  sheet: SheetGrid,
  { targets, cols }: StackedPair,
  actualRow: ReadonlyMap<number, number>
): LongFormatSheet {
  const { unit, figures } = cols;
  const top = targets.header - 1;
  // Wide columns: those up to the unit column, then 目标 | 完成 per figure column, then the rest.
  const isFigure = new Set(figures);
  const plan: { col: number; actual: boolean }[] = [];
  for (let c = 0; c < cols.width; c++) {
    plan.push({ col: c, actual: false });
    if (isFigure.has(c)) plan.push({ col: c, actual: true });
  }
  const cell = (r: number, p: { col: number; actual: boolean }): CellValue => {
    if (!p.actual) return sheet.rows[r]?.[p.col] ?? null;
    const a = actualRow.get(r);
    return a === undefined ? null : (sheet.rows[a]?.[p.col] ?? null);
  };
  const header = targets.header;
  const inTargetTable = (r: number): boolean => r > header && r <= targets.bottom;
  const onlyInActuals = (r: number): boolean => !inTargetTable(r) && actualRow.get(r) === r;
  const rows = sheet.rows.map((row, r): CellValue[] => {
    if (r < top) return [...row];
    // The caption row carries each column's header, the header row says 目标 | 完成 under the figure columns.
    if (r === top)
      return plan.map((p) => (p.actual ? null : (sheet.rows[header]?.[p.col] ?? null)));
    if (r === header)
      return plan.map((p) => (isFigure.has(p.col) ? (p.actual ? "完成" : "目标") : null));
    if (inTargetTable(r)) return plan.map((p) => cell(r, p));
    if (onlyInActuals(r)) return plan.map((p) => (p.actual || p.col === unit ? cell(r, p) : null));
    return [];
  });
  const merges: CellRange[] = [];
  plan.forEach((p, k) => {
    if (p.actual) return;
    merges.push(
      isFigure.has(p.col)
        ? { top, bottom: top, left: k, right: k + 1 }
        : { top, bottom: header, left: k, right: k }
    );
  });
  const sourceRow = (r: number, k: number): number =>
    plan[k]?.actual ? (actualRow.get(r) ?? r) : r;
  const numberFormats = new Map<string, string>();
  rows.forEach((row, r) => {
    if (r <= header) return;
    row.forEach((_, k) => {
      const fmt = sheet.numberFormats.get(toA1(sourceRow(r, k), plan[k]?.col ?? k));
      if (fmt !== undefined) numberFormats.set(toA1(r, k), fmt);
    });
  });
  const hiddenColumns = new Set(
    plan.flatMap((p, k) => (sheet.hiddenColumns.has(p.col) ? [k] : []))
  );
  const originCol = (col: number): number => plan[col]?.col ?? col;
  const originRow = (row: number): number => row;
  return {
    wide: {
      ...sheet,
      rows,
      merges: [...sheet.merges.filter((m) => m.bottom < top), ...merges],
      numberFormats,
      hiddenColumns,
    },
    origin: (row, col) => ({ row: sourceRow(row, col), col: originCol(col) }),
    originRow,
    originCol,
  };
}
