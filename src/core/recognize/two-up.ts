/**
 * A long list printed two-up to fit one page: the units split into two blocks side by side under one header
 * typed twice (序号 | 镇 | 签约项目 目标·完成 | … ‖ 序号 | 镇 | 签约项目 目标·完成 | …). It is one table: the sheet is
 * read with the right block's rows under the left block's, and every address found is taken back to the
 * user's own cell (long-format-origin.ts).
 */
import { parseA1, toA1, type CellRange, type CellValue, type SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import type { LongFormatSheet } from "./long-format";

const MAX_ROWS = 2000;
/** Rows searched for the header; titles and 单位 lines sit above it. */
const HEADER_SEARCH = 12;
/** A header typed twice names at least this many columns in each half. */
const MIN_HEADER_CELLS = 3;

interface Halves {
  /** Columns of each block. */
  readonly width: number;
  /** First column of the right block (width, or width + 1 past a blank spacer column). */
  readonly right: number;
  readonly headerTop: number;
  readonly headerBottom: number;
}

const key = (v: CellValue | undefined): string => normalizeText(textOf(v ?? null));

/** Whether the row's first `width` cells are typed again from column `right`, with nothing after them. */
function repeats(row: readonly CellValue[], width: number, right: number): boolean {
  let named = 0;
  for (let c = 0; c < width; c++) {
    const left = row[c];
    if (typeof left === "number" || typeof row[right + c] === "number") return false;
    if (key(left) !== key(row[right + c])) return false;
    if (key(left) !== "") named++;
  }
  for (let c = right + width; c < row.length; c++) if (!isBlankCell(row[c])) return false;
  return named >= 1;
}

function halvesOf(sheet: SheetGrid): Halves | null {
  const rows = sheet.rows;
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH); r++) {
    const row = rows[r] ?? [];
    for (let width = MIN_HEADER_CELLS; width * 2 <= row.length; width++) {
      for (const gap of [0, 1]) {
        const right = width + gap;
        if (gap && !rows.every((x) => isBlankCell(x[width]))) continue;
        const named = row.slice(0, width).filter((v) => key(v) !== "").length;
        if (named < MIN_HEADER_CELLS || !repeats(row, width, right)) continue;
        let bottom = r;
        while (bottom + 1 < rows.length && repeats(rows[bottom + 1] ?? [], width, right)) bottom++;
        return { width, right, headerTop: r, headerBottom: bottom };
      }
    }
  }
  return null;
}

/** Whether a row of one block holds anything. */
const filled = (row: readonly CellValue[], from: number, width: number): boolean =>
  row.slice(from, from + width).some((v) => !isBlankCell(v));

/** The sheet read as one table when its units are printed two-up; null otherwise. */
export function twoUpSheet(sheet: SheetGrid): LongFormatSheet | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const halves = halvesOf(sheet);
  if (!halves) return null;
  const { width, right, headerBottom } = halves;
  const body = sheet.rows.slice(headerBottom + 1);
  const rightRows: number[] = [];
  body.forEach((row, k) => {
    if (filled(row, right, width)) rightRows.push(headerBottom + 1 + k);
  });
  const leftCount = body.filter((row) => filled(row, 0, width)).length;
  // Two blocks of units, each of more than one row; the same names on both sides are two tables of one list.
  if (rightRows.length < 2 || leftCount < 2) return null;
  const texts = (from: number): Set<string> =>
    new Set(
      body.flatMap((row) =>
        row
          .slice(from, from + width)
          .filter((v) => typeof v === "string")
          .map(key)
          .filter((t) => t.length >= 2)
      )
    );
  const leftTexts = texts(0);
  const rightTexts = [...texts(right)];
  const shared = rightTexts.filter((t) => leftTexts.has(t)).length;
  if (shared > Math.min(leftTexts.size, rightTexts.length) / 2) return null;

  const end = sheet.rows.length;
  /** Wide row → the user's row, and the column offset of its block. */
  const rowOrigin = (r: number): number => (r < end ? r : (rightRows[r - end] ?? r));
  const colShift = (r: number): number => (r < end ? 0 : right);
  const wideOfRight = new Map(rightRows.map((orig, k) => [orig, end + k]));
  const rows: CellValue[][] = [
    ...sheet.rows.map((row) => row.slice(0, width)),
    ...rightRows.map((r) => (sheet.rows[r] ?? []).slice(right, right + width)),
  ];
  const merges: CellRange[] = sheet.merges.flatMap((m): CellRange[] => {
    if (m.left < width) return [{ ...m, right: Math.min(m.right, width - 1) }];
    const top = wideOfRight.get(m.top);
    const bottom = wideOfRight.get(m.bottom);
    if (m.left < right || top === undefined || bottom === undefined) return [];
    return [{ top, bottom, left: m.left - right, right: m.right - right }];
  });
  const numberFormats = new Map<string, string>();
  for (const [a1, fmt] of sheet.numberFormats) {
    const { row, col } = parseA1(a1);
    if (col < width) numberFormats.set(a1, fmt);
    else if (col >= right && col < right + width && wideOfRight.has(row))
      numberFormats.set(toA1(wideOfRight.get(row) as number, col - right), fmt);
  }
  const hiddenRows = sheet.hiddenRows && [
    ...sheet.hiddenRows,
    ...[...sheet.hiddenRows].flatMap((r) => {
      const wide = wideOfRight.get(r);
      return wide === undefined ? [] : [wide];
    }),
  ];
  return {
    wide: {
      ...sheet,
      rows,
      merges,
      numberFormats,
      hiddenColumns: new Set([...sheet.hiddenColumns].filter((c) => c < width)),
      ...(hiddenRows ? { hiddenRows: new Set(hiddenRows) } : {}),
    },
    origin: (row, col) => ({ row: rowOrigin(row), col: col + colShift(row) }),
    originRow: rowOrigin,
    originCol: (col) => col,
    nameCellOf: (row, unitColumn) => toA1(rowOrigin(row), unitColumn + colShift(row)),
  };
}
