/**
 * One sheet holding the same table twice — 表一 10月当月 above 表二 1-10月累计, each under its own caption
 * and a repeat of the header — is one report in two periods, not one table listing every unit twice. The
 * ranking is on the cumulative table, so the sheet is read with the other table's rows left blank (row
 * numbers unchanged: every address still names the user's cell), and an info issue says which was used.
 * Tables whose units differ (表一 开发区, 表二 乡镇) are parts of one list and are left as they are.
 */
import type { CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issues";
import { normalizeText } from "../text";
import { isBlankCell, textOf } from "./cell-values";
import { issueAt } from "./issue";

/** A sheet read on one of its stacked tables, and the note that says so. */
export interface StackedTableChoice {
  readonly sheet: SheetGrid;
  readonly issue: Issue;
}

export interface Segment {
  /** 0-based first row of its caption (or of its header when it has none). */
  readonly top: number;
  readonly header: number;
  /** 0-based last row, inclusive. */
  readonly bottom: number;
  readonly caption: string;
}

type Span = "cumulative" | "single" | "unknown";

/** A header row has at least this many text cells and no numbers. */
const MIN_HEADER_CELLS = 3;
const MAX_CAPTION_ROWS = 3;
/** Stacked report tables are a few hundred rows; a longer sheet is a ledger or an export, not scanned. */
const MAX_ROWS = 2000;
/** A caption names its table (表一, 附表2) or its period. */
const CAPTION = /^[（(]?(附)?表[一二三四五六七八九十\d]+|当月|本月|单月|累计/;
const CUMULATIVE = /累计|[1１一][-－—~～至到][\d一二三四五六七八九十]+月|全年|年度|上半年|前三季度/;
const SINGLE = /当月|本月|单月/;

const rowTexts = (row: ReadonlyArray<CellValue> | undefined): string[] =>
  (row ?? []).filter((v) => !isBlankCell(v)).map((v) => textOf(v));
const hasNumber = (row: ReadonlyArray<CellValue> | undefined): boolean =>
  (row ?? []).some((v) => typeof v === "number");
const isBlankRow = (row: ReadonlyArray<CellValue> | undefined): boolean =>
  (row ?? []).every((v) => isBlankCell(v));

/** The header rows that repeat further down with figures between them, or null. */
export function repeatedHeaders(sheet: SheetGrid): number[] | null {
  const seen = new Map<string, number[]>();
  sheet.rows.forEach((row, r) => {
    if (hasNumber(row)) return;
    const texts = rowTexts(row);
    if (texts.length < MIN_HEADER_CELLS) return;
    const key = texts.map(normalizeText).join("|");
    seen.set(key, [...(seen.get(key) ?? []), r]);
  });
  for (const rows of seen.values()) {
    if (rows.length < 2) continue;
    const withBodies = rows.every((h, k) => {
      const end = rows[k + 1] ?? sheet.rows.length;
      for (let r = h + 1; r < end; r++) if (hasNumber(sheet.rows[r])) return true;
      return false;
    });
    if (withBodies) return rows;
  }
  return null;
}

/** The rows right above a header that caption its table; the first table's caption never takes the title. */
function captionTop(sheet: SheetGrid, header: number, floor: number, first: boolean): number {
  let top = header;
  for (let r = header - 1; r > floor && header - r <= MAX_CAPTION_ROWS; r--) {
    const row = sheet.rows[r];
    if (isBlankRow(row) || hasNumber(row)) break;
    if (first && !CAPTION.test(normalizeText(rowTexts(row).join("")))) break;
    top = r;
  }
  return top;
}

export function segmentsOf(sheet: SheetGrid, headers: readonly number[]): Segment[] {
  const tops = headers.map((h, k) => captionTop(sheet, h, k === 0 ? -1 : headers[k - 1]!, k === 0));
  return headers.map((header, k) => {
    const top = tops[k]!;
    const caption = sheet.rows
      .slice(top, header)
      .map((row) => rowTexts(row).join(""))
      .join(" ");
    const next = tops[k + 1];
    return { top, header, bottom: next === undefined ? sheet.rows.length - 1 : next - 1, caption };
  });
}

const spanOf = (caption: string): Span => {
  const n = normalizeText(caption);
  return CUMULATIVE.test(n) ? "cumulative" : SINGLE.test(n) ? "single" : "unknown";
};

/** The names a table lists: its body's texts. */
export function namesOf(sheet: SheetGrid, s: Segment): Set<string> {
  const out = new Set<string>();
  for (let r = s.header + 1; r <= s.bottom; r++)
    for (const v of sheet.rows[r] ?? [])
      if (typeof v === "string" && v.trim()) out.add(normalizeText(v));
  return out;
}

export function sameUnits(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared > 0 && shared >= Math.min(a.size, b.size) / 2;
}

/** The sheet with the rows of the tables not used left blank (and merges inside them dropped). */
function keepOnly(sheet: SheetGrid, drop: readonly Segment[]): SheetGrid {
  const blank = (r: number): boolean => drop.some((s) => r >= s.top && r <= s.bottom);
  return {
    ...sheet,
    rows: sheet.rows.map((row, r) => (blank(r) ? [] : row)),
    merges: sheet.merges.filter((m) => !blank(m.top) && !blank(m.bottom)),
  };
}

const label = (s: Segment): string => s.caption || `第 ${s.header + 1} 行起的表`;
const labelEn = (s: Segment): string => s.caption || `the table from row ${s.header + 1}`;

/**
 * The sheet read on its cumulative table when it holds the same units' table for a single month and for the
 * months so far; null when it holds one table, or tables the captions do not tell apart.
 */
export function cumulativeTableOf(sheet: SheetGrid): StackedTableChoice | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  const headers = repeatedHeaders(sheet);
  if (!headers) return null;
  const segments = segmentsOf(sheet, headers);
  const names = segments.map((s) => namesOf(sheet, s));
  if (!names.every((n, k) => k === 0 || sameUnits(names[0]!, n))) return null;
  const spans = segments.map((s) => spanOf(s.caption));
  const cumulative = segments.filter((_, k) => spans[k] === "cumulative");
  if (cumulative.length !== 1 || !spans.includes("single")) return null;
  const used = cumulative[0]!;
  const others = segments.filter((s) => s !== used);
  return {
    sheet: keepOnly(sheet, others),
    issue: issueAt("sheet_not_used", "info", sheet.name, used.header, 0, {
      zh: `本表有 ${segments.length} 张同表头的表，按“${label(used)}”（第 ${used.header + 1} 行表头）考核，未使用：${others.map((s) => `“${label(s)}”（第 ${s.top + 1}–${s.bottom + 1} 行）`).join("、")}`,
      en: `this sheet holds ${segments.length} tables with the same header; "${labelEn(used)}" (header in row ${used.header + 1}) is assessed, not ${others.map((s) => `"${labelEn(s)}" (rows ${s.top + 1}–${s.bottom + 1})`).join(", ")}`,
    }),
  };
}

/** A header row's texts by column, normalised; null for a row with a number or too few texts. */
function headerTexts(row: ReadonlyArray<CellValue> | undefined): Map<number, string> | null {
  if (hasNumber(row)) return null;
  const out = new Map<number, string>();
  (row ?? []).forEach((v, c) => {
    if (!isBlankCell(v)) out.set(c, normalizeText(textOf(v)));
  });
  return out.size >= MIN_HEADER_CELLS ? out : null;
}

const hasBody = (sheet: SheetGrid, header: number): boolean => hasNumber(sheet.rows[header + 1]);

/**
 * Tables stacked with headers that grow (一、县（市）区: 序号 | 单位 | 签约项目 | 到位资金, then 二、开发区 with the
 * same columns and 实际利用外资 after them) are one list whose first rows leave the extra columns blank: the sheet
 * is read under the widest header, put in the first header's row (the later one left blank, rows unchanged).
 */
export function widestHeaderOf(sheet: SheetGrid): SheetGrid | null {
  if (sheet.rows.length > MAX_ROWS) return null;
  let first = -1;
  let firstTexts: Map<number, string> | null = null;
  for (let r = 0; r < sheet.rows.length && first < 0; r++) {
    const texts = headerTexts(sheet.rows[r]);
    if (texts && hasBody(sheet, r)) [first, firstTexts] = [r, texts];
  }
  if (!firstTexts) return null;
  const touches = (r: number): boolean => sheet.merges.some((m) => m.top <= r && m.bottom >= r);
  if (touches(first)) return null;
  const last = Math.max(...firstTexts.keys());
  for (let r = first + 2; r < sheet.rows.length; r++) {
    const texts = headerTexts(sheet.rows[r]);
    if (!texts || !hasBody(sheet, r) || touches(r)) continue;
    const grows =
      [...firstTexts].every(([c, t]) => texts.get(c) === t) &&
      [...texts.keys()].some((c) => c > last) &&
      [...texts.keys()].every((c) => firstTexts?.has(c) || c > last);
    if (!grows) continue;
    return {
      ...sheet,
      rows: sheet.rows.map((row, n) =>
        n === first ? [...(sheet.rows[r] ?? [])] : n === r ? [] : row
      ),
    };
  }
  return null;
}
