/**
 * The as-of date a workbook states of itself: "截至2024年9月30日" in a title, "统计截至：2024-06-30", a sheet
 * named "1-8月完成情况" beside a "2024年" title, "2024年第三季度", "上半年". Used when no as-of date is given.
 */
import { toA1, type SheetGrid, type WorkbookGrid } from "../grid";
import { toHalfWidth } from "../text";
import { cnNumber } from "./measure-words";
import { soleText } from "./row-labels";
import { repeatedHeaders, segmentsOf } from "./stacked-tables";

export interface StatedAsOf {
  /** YYYY-MM-DD. */
  readonly asOf: string;
  /** Where it was read: "Sheet!A1" or "sheet name Sheet". */
  readonly where: string;
  /** The text it was read from. */
  readonly text: string;
  /** The sheet and cell it was read from (A1 for a sheet name), so an issue can point at it. */
  readonly sheet: string;
  readonly cell: string;
  /**
   * How the date was completed when the text names no month or no year: the year from the workbook's dates, the
   * latest year the month fits, or the end of a past year the text names alone.
   */
  readonly yearFrom?: "dates" | "latest" | "past";
}

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const monthEnd = (y: number, m: number): string => iso(y, m, lastDay(y, m));

const num = cnNumber;
const MONTH_NAMES = "janfebmaraprmayjunjulaugsepoctnovdec";

interface Hit {
  /** Higher is more exact: a day beats a month range, which beats a quarter, which beats a year. */
  readonly rank: number;
  readonly year: number | null;
  readonly month: number;
  readonly day: number | null;
}

function valid(y: number | null, m: number, d: number | null): boolean {
  if (m < 1 || m > 12) return false;
  if (y !== null && (y < 1990 || y > 2100)) return false;
  return d === null || (d >= 1 && d <= 31);
}

/**
 * Words that put the as-of date after them: 截至 / 截止 and how notes say it (统计时间：2024.9.30, 统计截止时间为…,
 * 数据时间), never 报送日期 or 填报日期 (the day the report was sent).
 */
const AS_OF_WORD =
  "(?:截至|截止|统计截至|数据截至|截至到|截止到|截止日期|截至日期|统计时间|统计截止时间|统计截至时间|截止时间|截至时间|数据时间|数据截止|统计日期)(?:为|是)?";
const DAY_AS_OF = new RegExp(
  `(?:${AS_OF_WORD}|asof|asat)[:：]?(\\d{4})[年./-](\\d{1,2})[月./-](\\d{1,2})日?`,
  "gi"
);
const MONTH_AS_OF = new RegExp(`${AS_OF_WORD}[:：]?(\\d{4})年(\\d{1,2})月(?:底|末)?(?!\\d)`, "g");
const YEARLESS_DAY_AS_OF = new RegExp(`${AS_OF_WORD}[:：]?(\\d{1,2})月(\\d{1,2})日`, "g");
const YEARLESS_MONTH_AS_OF = new RegExp(
  `${AS_OF_WORD}[:：]?(\\d{1,2})月(?:底|末)?(?![\\d日])`,
  "g"
);

const EN_MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const EN_DAY_AS_OF = new RegExp(
  `as(?:of|at)[:]?(?:${EN_MONTH}(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?${EN_MONTH}),?(\\d{4})`,
  "g"
);

/** The most exact as-of statement in one text, with its year when the text names one. */
function scan(text: string): Hit | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const hits: Hit[] = [];
  const push = (rank: number, y: string | undefined, m: number, d: number | null): void => {
    const year = y === undefined ? null : Number(y);
    if (valid(year, m, d)) hits.push({ rank, year, month: m, day: d });
  };
  for (const m of t.matchAll(DAY_AS_OF)) push(5, m[1], Number(m[2]), Number(m[3]));
  // "as of September 30, 2024", "as at 30 Sep 2024".
  for (const m of t.toLowerCase().matchAll(EN_DAY_AS_OF)) {
    const [name, day] = m[1] !== undefined ? [m[1], m[2]] : [m[4], m[3]];
    push(5, m[5], MONTH_NAMES.indexOf(name as string) / 3 + 1, Number(day));
  }
  for (const m of t.matchAll(MONTH_AS_OF)) push(4, m[1], Number(m[2]), null);
  // "（截至8月31日）", "截至9月底": the year is the one the title names elsewhere.
  for (const m of t.matchAll(YEARLESS_DAY_AS_OF)) push(5, undefined, Number(m[1]), Number(m[2]));
  for (const m of t.matchAll(YEARLESS_MONTH_AS_OF)) push(4, undefined, Number(m[1]), null);
  for (const m of t.matchAll(
    /(?:(\d{4})年)?(?:1|一)[-—~–至到](\d{1,2}|十[一二]|[二三四五六七八九十])月(?:份)?/g
  ))
    push(4, m[1], num(m[2] as string), null);
  for (const m of t.matchAll(/(\d{4})年(?:前)?(?:第)?([一二三四1-4])季度/g))
    push(3, m[1], num(m[2] as string) * 3, null);
  for (const m of t.matchAll(/(?:(\d{4})年)?前([一二三])季度/g))
    push(3, m[1], num(m[2] as string) * 3, null);
  for (const m of t.matchAll(/(?:(\d{4})年)?上半年/g)) push(3, m[1], 6, null);
  for (const m of t.matchAll(/(\d{4})年(\d{1,2})月(?:份)?(?!\d|日)/g))
    push(2, m[1], Number(m[2]), null);
  for (const m of t
    .toLowerCase()
    .matchAll(
      /(?:jan(?:uary)?[-–~]|ytd)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\d{4})?/g
    ))
    push(4, m[2], MONTH_NAMES.indexOf(m[1] as string) / 3 + 1, null);
  // "Q1–Q3 2024", "Q3 2024", "2024 Q3": the end of the last quarter named.
  const en = t.toLowerCase();
  for (const m of en.matchAll(/q1[-–—~]q([1-4])(\d{4})?/g)) push(3, m[2], Number(m[1]) * 3, null);
  for (const m of en.matchAll(/(?<![-–—~\d])q([1-4])(\d{4})/g))
    push(3, m[2], Number(m[1]) * 3, null);
  for (const m of en.matchAll(/(\d{4})q([1-4])(?!\d)/g)) push(3, m[1], Number(m[2]) * 3, null);
  for (const m of t.matchAll(/(\d{4})年(?:度|全年|年终|年底)/g)) push(1, m[1], 12, null);
  if (hits.length === 0) return null;
  return hits.sort((a, b) => b.rank - a.rank)[0] as Hit;
}

interface SheetText {
  readonly text: string;
  readonly where: string;
  readonly cell: string;
}

/** How far below the figures a note saying "数据截至…" may sit. */
const NOTE_ROWS = 8;
/** A note that states the as-of date by itself: 截至 / 截止 / as of with a date after it. */
const STATES_AS_OF = /截至|截止|统计时间|数据时间|统计日期|as\s*of|as\s*at/i;

/** A clause of a note that opens with a footnote mark (②数据截至6月25日) speaks of the marked units only. */
const FOOTNOTE_CLAUSE = /^\s*(?:注[:：])?\s*(?:[①-⑳*＊※]|[(（]\d{1,2}[)）])/;

/** What a note says of the whole sheet: its clauses without those of footnote marks. */
function sheetWide(text: string): string {
  return text
    .split(/[；;。]/)
    .filter((clause) => !FOOTNOTE_CLAUSE.test(clause))
    .join("；");
}

function textsOf(sheet: SheetGrid): SheetText[] {
  const out: SheetText[] = [{ text: sheet.name, where: `sheet name ${sheet.name}`, cell: "A1" }];
  const push = (text: string, r: number, c: number): void => {
    if (text.trim().length >= 4 && text.length <= 200)
      out.push({ text, where: `${sheet.name}!${toA1(r, c)}`, cell: toA1(r, c) });
  };
  // Titles and notes sit in the first rows; figures below them never state the as-of date.
  const rows = Math.min(sheet.rows.length, 8);
  for (let r = 0; r < rows; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const v = row[c];
      if (typeof v === "string") push(v, r, c);
    }
  }
  // The caption of a table stacked further down (表2 1-6月完成情况) says its period as a title does.
  const headers = sheet.rows.length > rows ? repeatedHeaders(sheet) : null;
  for (const s of headers ? segmentsOf(sheet, headers) : [])
    for (let r = Math.max(s.top, rows); r < s.header; r++) {
      const caption = soleText(sheet.rows[r] ?? []);
      if (caption) push(caption.text, r, caption.col);
    }
  // A note under the table ("数据截至2024年10月31日，由各县区报送。") is a line of its own that says 截至; a
  // ledger's 项目进展 cell saying 截至 sits in a row of figures and is not read.
  for (let r = Math.max(rows, sheet.rows.length - NOTE_ROWS); r < sheet.rows.length; r++) {
    const note = soleText(sheet.rows[r] ?? []);
    const said = note && sheetWide(note.text);
    if (note && said && STATES_AS_OF.test(said)) push(said, r, note.col);
  }
  return out;
}

/**
 * The as-of date the visible sheets state, or null. A year named anywhere completes a month named alone; with
 * none named ("1-9月完成情况"), `today` (YYYY-MM-DD) lets the year come from the dates the workbook holds, else
 * the latest year in which that month has ended.
 */
export function statedAsOf(grid: WorkbookGrid, today?: string): StatedAsOf | null {
  const sheets = grid.sheets.filter((s) => !s.hidden);
  const statements = statementsIn(sheets);
  const stated = bestDated(statements, null);
  if (stated || today === undefined) return stated;
  return monthWithoutYear(statements, sheets, today) ?? pastYearNamed(statements.texts, today);
}

/** "1-9月完成情况" with no year anywhere: the year of the workbook's dates, else the latest the month fits. */
function monthWithoutYear(
  statements: Statements,
  sheets: readonly SheetGrid[],
  today: string
): StatedAsOf | null {
  if (statements.found.length === 0) return null;
  const fromData = bestDated(statements, dataYear(sheets, today));
  if (fromData) return { ...fromData, yearFrom: "dates" };
  const year = Number(today.slice(0, 4));
  const guess = bestDated(statements, year);
  const latest = guess && guess.asOf > today ? bestDated(statements, year - 1) : guess;
  return latest && { ...latest, yearFrom: "latest" };
}

/**
 * "2024年招商引资目标任务分解表" and no month or day anywhere, read after that year is over: the workbook is that
 * year's, as of its end (today would put every one of its dates outside the period).
 */
function pastYearNamed(texts: readonly SheetTextOf[], today: string): StatedAsOf | null {
  let latest: (SheetTextOf & { year: number }) | null = null;
  for (const t of texts) {
    // 2023年同期 beside this year's figures names last year, not the workbook's.
    if (/同期|去年|上年|上一年/.test(t.text)) continue;
    const years = [...toHalfWidth(t.text).matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
    // "Annual Investment Promotion Review 2024": an English title names its year without 年; unread, a past
    // year's review was dated today, its period the wrong year.
    const en = /last\s*year|prior\s*year|same\s*period/i.test(t.text) ? null : englishYear(t.text);
    if (en) years.push(Number(en[1]));
    for (const year of years) if (!latest || year > latest.year) latest = { ...t, year };
  }
  if (!latest || latest.year >= Number(today.slice(0, 4))) return null;
  const { year, where, text, sheet, cell } = latest;
  return { asOf: monthEnd(year, 12), where, text: text.trim(), sheet, cell, yearFrom: "past" };
}

/** Enough cells to tell which year a ledger's dates fall in without reading a million rows. */
const DATE_SAMPLE = 50_000;
const YEAR_TEXT = /^\s*((?:19|20)\d{2})\s*[-./年]\s*\d{1,2}/;

/** The year most of the workbook's dates (cells, or text such as "2024-03-05") fall in, never after today. */
function dataYear(sheets: readonly SheetGrid[], today: string): number | null {
  const last = Number(today.slice(0, 4));
  const counts = new Map<number, number>();
  let seen = 0;
  for (const sheet of sheets)
    for (const row of sheet.rows) {
      for (const v of row) {
        const year =
          v instanceof Date
            ? v.getUTCFullYear()
            : typeof v === "string"
              ? Number(YEAR_TEXT.exec(v)?.[1])
              : NaN;
        if (year >= 1990 && year <= last) counts.set(year, (counts.get(year) ?? 0) + 1);
      }
      if ((seen += row.length) > DATE_SAMPLE) break;
    }
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = year;
  return best;
}

/** The as-of date one sheet states of itself (its name and titles), the year defaulting to `year`. */
export function sheetAsOf(sheet: SheetGrid, year: number | null): string | null {
  return bestDated(statementsIn([sheet]), year)?.asOf ?? null;
}

type SheetTextOf = SheetText & { readonly sheet: string };

/** What the sheets' titles and notes say: every text read, the as-of statements among them, the first year named. */
interface Statements {
  readonly texts: readonly SheetTextOf[];
  readonly found: readonly (SheetTextOf & { readonly hit: Hit })[];
  readonly anyYear: number | null;
}

/** "2024 Targets", "Targets for 2024": an English title names its year without 年. */
function englishYear(text: string): RegExpExecArray | null {
  return /[a-z]{3}/i.test(text) && !/[\u4e00-\u9fff]/.test(text)
    ? /(?<![\d.])((?:19|20)\d{2})(?![\d.])/.exec(text)
    : null;
}

function statementsIn(sheets: readonly SheetGrid[]): Statements {
  const texts: SheetTextOf[] = [];
  const found: (SheetTextOf & { hit: Hit })[] = [];
  let anyYear: number | null = null;
  for (const sheet of sheets) {
    for (const t of textsOf(sheet)) {
      const text = { ...t, sheet: sheet.name };
      texts.push(text);
      const year = /((?:19|20)\d{2})年/.exec(toHalfWidth(t.text)) ?? englishYear(t.text);
      if (year && anyYear === null) anyYear = Number(year[1]);
      const hit = scan(t.text);
      if (hit) found.push({ ...text, hit });
    }
  }
  return { texts, found, anyYear };
}

/**
 * The most exact statement wins; among equally exact ones the latest date (a workbook holding the 1-7月 and
 * 1-8月 reports is as of the end of August). A statement naming no year takes the first year named, else
 * `defaultYear`.
 */
function bestDated(statements: Statements, defaultYear: number | null): StatedAsOf | null {
  const dated = statements.found.flatMap((f) => {
    const year = f.hit.year ?? statements.anyYear ?? defaultYear;
    if (year === null) return [];
    const { month, day } = f.hit;
    const asOf =
      day === null ? monthEnd(year, month) : iso(year, month, Math.min(day, lastDay(year, month)));
    return [{ ...f, asOf }];
  });
  const best = dated.sort((a, b) => b.hit.rank - a.hit.rank || b.asOf.localeCompare(a.asOf))[0];
  if (!best) return null;
  const { asOf, where, text, sheet, cell } = best;
  return { asOf, where, text: text.trim(), sheet, cell };
}
