/**
 * 目标 and 完成 printed as two tables side by side on one sheet (一、年度目标 | blank column | 二、1-9月完成),
 * each repeating the unit column, are one table whose header groups say what each column holds. The sheet is read
 * with the blank column and the repeated unit column taken out, which is the measure-first layout recognition
 * reads; every address found is taken back to the user's cell (long-format-origin.ts).
 */
import { columnIndex, columnLetter, type CellRange, type CellValue, type SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import type { Issue } from "../issues";
import { issueAt } from "./issue";
import type { LongFormatSheet } from "./long-format";
import { measureOf } from "./measure-words";
import { isTotalLabel } from "./row-labels";

/** What a left-table unit the right table leaves out reads as: not reported (never 0). */
const NOT_LISTED = "未报送";

const MAX_ROWS = 2000;
/** Rows of the two tables that name the same unit on the same line. */
const SAME_LINES = 0.8;
/** Units of the right table the left one lists, for tables whose lines run in another order. */
const SAME_UNITS = 0.6;

/** Where the right table's figures for each line of the left one are, when its units run in another order. */
interface Lines {
  /** Per row of the sheet: the row of the right table read beside it, null for none. */
  readonly source: readonly (number | null)[];
  /** Rows of the right table naming a unit the left one does not list: not read, and said so. */
  readonly extra: readonly number[];
  /** Rows of the left table naming a unit the right one does not list: its figures there are not reported. */
  readonly missing: readonly number[];
}

interface Split extends Lines {
  /**
   * The blank column between the tables, the right table's unit column (after its own 序号, if it numbers its
   * lines), the left one's. The columns from the gap to the right unit column are left out of the joined table.
   */
  readonly gap: number;
  readonly repeat: number;
  readonly left: number;
}

/** The blank column between two tables and the right table's repeat of the left one's unit column. */
function splitOf(sheet: SheetGrid): Split | null {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (let gap = 1; gap < width - 1; gap++) {
    if (!sheet.rows.every((row) => isBlankCell(row[gap]))) continue;
    if (sheet.merges.some((m) => m.left < gap && m.right >= gap && m.top > 0)) continue;
    for (let left = 0; left < gap; left++)
      for (let repeat = gap + 1; repeat <= gap + 1 + left && repeat < width; repeat++) {
        const lines = sameLines(sheet, left, repeat) ?? otherOrder(sheet, left, repeat);
        if (lines) return { gap, repeat, left, ...lines };
      }
  }
  return null;
}

/** A cell's text as a unit's name; "" for a number (序号 1, 2, 3 line up whatever units sit beside them). */
function label(sheet: SheetGrid, r: number, c: number): string {
  const v = sheet.rows[r]?.[c] ?? null;
  if (typeof v === "number") return "";
  const text = normalizeText(textOf(v));
  return /^\d+$/.test(text) ? "" : text;
}

function sameLines(sheet: SheetGrid, a: number, b: number): Lines | null {
  let filled = 0;
  let same = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const right = label(sheet, r, b);
    if (right === "") continue;
    filled++;
    if (label(sheet, r, a) === right) same++;
  }
  return filled >= 3 && same / filled >= SAME_LINES
    ? { source: sheet.rows.map((_, r) => r), extra: [], missing: [] }
    : null;
}

/**
 * The right table lists the left one's units in another order (by 完成 rank, by code): each line of the left table
 * is read with the right table's line naming the same unit, never the one beside it. Null unless most of the
 * right table's units are the left one's.
 */
function otherOrder(sheet: SheetGrid, a: number, b: number): Lines | null {
  const leftRow = new Map<string, number>();
  const rightRow = new Map<string, number>();
  // 南关区 in one table is 南关 in the other: the level word is dropped before names are compared.
  const key = (r: number, c: number): string => {
    const l = label(sheet, r, c);
    const short = l.replace(/(?:街道|区|县|市|镇|乡)$/, "");
    return short.length >= 2 ? short : l;
  };
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    if (key(r, a) !== "") leftRow.set(key(r, a), r);
    if (key(r, b) !== "") rightRow.set(key(r, b), r);
  }
  // The first line naming a unit the other table names on another line: the header and titles are above it.
  let first = Infinity;
  for (const [name, r] of rightRow) {
    const l = leftRow.get(name);
    if (l !== undefined && l !== r) first = Math.min(first, l, r);
  }
  if (first === Infinity) return null;
  const source = sheet.rows.map((_, r) => {
    if (r < first) return r;
    const at = rightRow.get(key(r, a));
    return at !== undefined && at >= first && key(r, a) !== "" ? at : null;
  });
  const used = new Set(source.filter((r): r is number => r !== null));
  const lines: number[] = [];
  for (let r = first; r < sheet.rows.length; r++) if (label(sheet, r, b) !== "") lines.push(r);
  const extra = lines.filter((r) => !used.has(r));
  const matched = lines.length - extra.length;
  const missing = source.flatMap((from, r) => {
    const name = textOf(sheet.rows[r]?.[a] ?? null);
    return from === null && label(sheet, r, a) !== "" && !isTotalLabel(name) ? [r] : [];
  });
  // Matched by name, a unit or two more or fewer on the right is safe to read: each is named in an issue.
  return matched >= 3 && matched >= lines.length * SAME_UNITS ? { source, extra, missing } : null;
}

/** The sheet read as one table when it holds two side by side with the same units; null otherwise. */
export function joinedSheet(sheet: SheetGrid): LongFormatSheet | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const split = splitOf(sheet);
  if (!split) return unmatchedTables(sheet);
  const { gap, repeat, source, extra } = split;
  const n = sheet.rows.length;
  const drop = repeat - gap + 1;
  const originCol = (col: number): number => (col < gap ? col : col + drop);
  const kept = (col: number): number | null => (col < gap ? col : col > repeat ? col - drop : null);
  // A group header merged from the right table's first column on ("二、1-9月完成" over 镇 | 签约 | 到位) keeps its text.
  const carried = new Map<number, CellValue>();
  for (const m of sheet.merges)
    if (m.left > gap && m.left <= repeat && m.right > repeat)
      carried.set(m.top, sheet.rows[m.top]?.[m.left] ?? null);
  const titles = blockTitles(sheet, split);
  for (const t of titles) carried.set(t.row, sheet.rows[t.row]?.[gap + 1] ?? null);
  const leftOf = (row: readonly CellValue[]): CellValue[] =>
    Array.from({ length: gap }, (_, c) => row[c] ?? null);
  const rightWidth = Math.max(0, ...sheet.rows.map((row) => row.length - repeat - 1));
  const missing = new Set(split.missing);
  const rows = sheet.rows.map((row, r) => {
    const from = source[r];
    // A unit the right table leaves out is not reported there: never a blank read as 0.
    if (missing.has(r))
      return [...leftOf(row), ...Array.from({ length: rightWidth }, () => NOT_LISTED)];
    const out = [
      ...leftOf(row),
      ...(from == null ? [] : (sheet.rows[from] ?? []).slice(repeat + 1)),
    ];
    const text = carried.get(r);
    if (text !== undefined && out[gap] == null) out[gap] = text;
    return out;
  });
  const merges: CellRange[] = sheet.merges.flatMap((m) => {
    const left = kept(m.left) ?? gap;
    const right = kept(m.right) ?? gap - 1;
    return right >= left && (right > left || m.bottom > m.top)
      ? [{ top: m.top, bottom: m.bottom, left, right }]
      : [];
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const t of titles)
    merges.push(
      { top: t.row, bottom: t.row, left: t.col, right: gap - 1 },
      { top: t.row, bottom: t.row, left: gap, right: width - 1 }
    );
  // Formats of the right table's cells go with the line its figures are read on.
  const lineOf = new Map<number, number>();
  source.forEach((from, r) => {
    if (from !== null) lineOf.set(from, r);
  });
  const numberFormats = new Map<string, string>();
  for (const [a1, fmt] of sheet.numberFormats) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    const col = m ? kept(columnIndex(m[1]!)) : null;
    if (!m || col === null) continue;
    const line = col < gap ? undefined : lineOf.get(Number(m[2]) - 1);
    numberFormats.set(`${columnLetter(col)}${line === undefined ? m[2] : line + 1}`, fmt);
  }
  const hiddenColumns = new Set(
    [...sheet.hiddenColumns].flatMap((c) => {
      const k = kept(c);
      return k === null ? [] : [k];
    })
  );
  // Rows past the sheet's end stand for the right table's own units (extra), for the issues naming them.
  const originRow = (row: number): number => (row < n ? row : (extra[row - n] ?? row));
  return {
    wide: { ...sheet, rows, merges, numberFormats, hiddenColumns },
    origin: (row, col) =>
      row >= n
        ? { row: originRow(row), col: repeat }
        : missing.has(row) && col >= gap
          ? { row, col: split.left }
          : { row: col < gap ? row : (source[row] ?? row), col: originCol(col) },
    originRow,
    originCol,
    issues: unlistedUnits(sheet, split),
  };
}

/**
 * Titles over each table typed in their first cells and not merged across them (2024年目标任务 in A2, 1-9月完成情况
 * in E2): each is read as the group header over its table, as when merged.
 */
function blockTitles(sheet: SheetGrid, split: Split): { row: number; col: number }[] {
  const { gap, repeat } = split;
  const out: { row: number; col: number }[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const right = label(sheet, r, repeat);
    // The header (镇 | … ‖ 镇 | …) or the first line: the titles are above it.
    if (split.source[r] !== r || (right !== "" && right === label(sheet, r, split.left))) break;
    const lefts = row.slice(0, gap).flatMap((v, c) => (isBlankCell(v) ? [] : [c]));
    const rights = row.slice(gap + 1).flatMap((v, c) => (isBlankCell(v) ? [] : [c]));
    if (lefts.length !== 1 || rights.length !== 1 || rights[0] !== 0) continue;
    if (sheet.merges.some((m) => m.top <= r && m.bottom >= r)) continue;
    if (typeof row[lefts[0] as number] !== "string" || typeof row[gap + 1] !== "string") continue;
    out.push({ row: r, col: lefts[0] as number });
  }
  return out;
}

/** The units one table lists and the other does not, in the joined table's rows (origin takes them back). */
function unlistedUnits(sheet: SheetGrid, split: Split): Issue[] {
  const name = (r: number, c: number): string => textOf(sheet.rows[r]?.[c] ?? null).trim();
  const right = columnLetter(split.repeat);
  const n = sheet.rows.length;
  return [
    ...split.missing.map((r) =>
      issueAt("unit_missing_from_actuals", "error", sheet.name, r, split.left, {
        zh: `右侧表（${right} 列）没有列出“${name(r, split.left)}”，其完成数缺失，该单位不计分`,
        en: `the right-hand table (column ${right}) does not list "${name(r, split.left)}": its actuals are missing and it is not scored`,
      })
    ),
    ...split.extra.map((r, k) =>
      issueAt("unknown_unit", "warning", sheet.name, n + k, split.left, {
        zh: `右侧表中的“${name(r, split.repeat)}”不在左侧表的单位中，未计入`,
        en: `"${name(r, split.repeat)}" in the right-hand table is not among the left table's units and is not counted`,
      })
    ),
  ];
}

/**
 * A 目标 table and a 完成 table side by side (their titles say so) whose units cannot be matched, by line or by
 * name: reading the right one's figures by line would credit one unit with another's. The sheet is read as the
 * left table alone, and an error names the right table's unit column.
 */
function unmatchedTables(sheet: SheetGrid): LongFormatSheet | null {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (let gap = 1; gap < width - 1; gap++) {
    if (!sheet.rows.every((row) => isBlankCell(row[gap]))) continue;
    const title = titlesSay(sheet, gap);
    if (title === null) continue;
    // The right table's unit column: its first, or the one after its 序号.
    if (Math.max(...[1, 2, 3].map((k) => namedLines(sheet, gap + k, title + 1))) < 3) continue;
    const rows = sheet.rows.map((row) => row.slice(0, gap));
    const merges = sheet.merges.flatMap((m) =>
      m.left >= gap ? [] : [{ ...m, right: Math.min(m.right, gap - 1) }]
    );
    const numberFormats = new Map(
      [...sheet.numberFormats].filter(([a1]) => columnIndex(/^[A-Z]+/.exec(a1)?.[0] ?? "A") < gap)
    );
    const hiddenColumns = new Set([...sheet.hiddenColumns].filter((c) => c < gap));
    const right = columnLetter(gap + 1);
    return {
      wide: { ...sheet, rows, merges, numberFormats, hiddenColumns },
      origin: (row, col) => ({ row, col }),
      originRow: (row) => row,
      originCol: (col) => col,
      issues: [
        issueAt("unit_missing_from_actuals", "error", sheet.name, title, 0, {
          zh: `“${sheet.name}”右侧的完成表（${right} 列起）所列单位与左侧目标表对不上（逐行、按名称都无法对应），其完成数未读取，各单位按未报送处理；请让两表的单位名称一致`,
          en: `the actuals table at the right of "${sheet.name}" (from column ${right}) lists units that cannot be matched to the targets table at the left, by line or by name: its figures are not read and every unit counts as unreported; name the units alike in both tables`,
        }),
      ],
    };
  }
  return null;
}

/** The row whose titles say 目标 over the left table and 完成 over the right one, or null. */
function titlesSay(sheet: SheetGrid, gap: number): number | null {
  const top = Math.min(sheet.rows.length, 8);
  for (let r = 0; r < top; r++) {
    const row = sheet.rows[r] ?? [];
    const text = (cells: readonly CellValue[]): string =>
      normalizeText(cells.map((v) => textOf(v ?? null)).join(""));
    const left = text(row.slice(0, gap));
    const right = text(row.slice(gap + 1));
    if (left === "" || right === "") continue;
    const says = (t: string, word: RegExp): boolean => word.test(t) || measureOf(t) !== null;
    if (
      says(left, /目标|任务|计划/) &&
      says(right, /完成|实绩|累计/) &&
      /完成|实绩|累计/.test(right)
    )
      return r;
  }
  return null;
}

/** Rows below `from` whose cell in column `c` names something (text, not a number). */
function namedLines(sheet: SheetGrid, c: number, from: number): number {
  let n = 0;
  for (let r = from; r < sheet.rows.length; r++) if (label(sheet, r, c) !== "") n++;
  return n;
}
