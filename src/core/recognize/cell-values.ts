import { isCellError, isoDay, serialToDate, type CellValue, type DateSystem } from "../grid";
import { toHalfWidth } from "../text";

/** What a numeric cell holds once read. Amounts are still in the column's unit except where the text named one. */
export type NumberCell =
  | { readonly kind: "empty" }
  | { readonly kind: "na" }
  | { readonly kind: "error"; readonly code: string }
  | {
      readonly kind: "invalid";
      readonly text: string;
      /** A target typed as a range ("8～10", "30-36"): the 确保 and the 力争 figure in one cell. */
      readonly range?: {
        readonly low: number;
        readonly high: number;
        /** The money unit the range states ("5-8亿": 10000), as factorToWan; absent when it states none. */
        readonly factorToWan?: number;
      };
      /** A target typed as a growth rate ("增长15%"): a figure only against a base year the cell does not hold. */
      readonly growth?: boolean;
    }
  | {
      readonly kind: "number";
      readonly value: number;
      readonly fromText: boolean;
      /** Set when the text carried its own unit: 亿 → 10000, 万 → 1 (in 万), % → ratio. */
      readonly factorToWan?: number;
      /** The money unit the text stated ("亿元", "万美元", "亿"), with factorToWan. */
      readonly unitText?: string;
      readonly percent?: boolean;
    };

const NA = new Set([
  "---",
  "--",
  "—",
  "——",
  "–",
  "/",
  "无",
  "-",
  "n/a",
  "na",
  "不适用",
  "—-",
  "-—",
  // Amounts not known yet (在谈 projects): no figure, not an error.
  "待定",
  "未定",
  "暂无",
  "不详",
  "待核实",
  "待确定",
  "tbd",
  "n.a.",
]);

/** Of those, the words of a figure that exists but is not known yet (待定): in a sum, an unknown, not a 0. */
const NOT_KNOWN_YET = new Set(["待定", "未定", "不详", "待核实", "待确定", "tbd"]);

export function isNotKnownYetText(text: string): boolean {
  return NOT_KNOWN_YET.has(toHalfWidth(text).trim().toLowerCase().replace(/\s+/g, ""));
}

/**
 * Words of a figure the unit did not send (未报送, 暂未上报): missing, never a 0 and never a not-applicable mark —
 * a unit that did not report cannot be ranked as if it had reported nothing.
 */
const NOT_REPORTED =
  /^(?:暂)?未(?:报送?|上报|填报|报数|报送数据|提供)$|^待(?:报|上报|报送)$|^notreported$/;

export function isNotReportedText(text: string): boolean {
  return NOT_REPORTED.test(toHalfWidth(text).trim().toLowerCase().replace(/\s+/g, ""));
}

export function isNotApplicableText(text: string): boolean {
  if (text.length > 8) return false;
  return NA.has(toHalfWidth(text).trim().toLowerCase().replace(/\s+/g, ""));
}

const NUMBER_TEXT =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(亿元|亿美元|亿|千万元|千万|万元|万美元|万|元|美元|%|个|项)?$/;
// "≥12", "不低于25": a target stated as a floor is that figure.
const APPROXIMATE_BEFORE =
  /^(?:约|約|大约|大約|约计|近|逾|超过|超|≥|>=|不低于|不少于|至少|力争)(?=[\d.])/;
// "1.2亿元左右"; "10以上", "2亿元以上": a floor typed after the figure is that figure, as 不低于 before it is.
const APPROXIMATE_AFTER = /(?<=[\d万亿元])(?:左右|上下|及以上|以上)$/;
// "10（其中工业6个）", "25亿元(含外资3亿元)": the figure, then a note of what part of it is what.
const BREAKDOWN_AFTER = /(?<=[\d万亿元个项])[(](?:其中|含|包括|包含)[^()]*[)]$/;
const WAN: Readonly<Record<string, number>> = {
  亿元: 10000,
  亿美元: 10000,
  亿: 10000,
  千万元: 1000,
  千万: 1000,
  万元: 1,
  万美元: 1,
  万: 1,
  元: 0.0001,
  美元: 0.0001,
};

/** "USD 30M", "US$1.5 million", "$800k", "30M USD": 美元 in English, as 万美元. */
const ENGLISH_MONEY =
  /^(?:usd|us\$|\$)?(\d+(?:\.\d+)?)(m|mn|million|k|thousand|bn|billion)?(?:usd|us\$)?$/i;
const ENGLISH_SCALE: Readonly<Record<string, readonly [number, string]>> = {
  "": [0.0001, "美元"],
  m: [100, "百万美元"],
  mn: [100, "百万美元"],
  million: [100, "百万美元"],
  k: [0.1, "千美元"],
  thousand: [0.1, "千美元"],
  bn: [100000, "十亿美元"],
  billion: [100000, "十亿美元"],
};

function englishMoney(text: string): NumberCell | null {
  const m = ENGLISH_MONEY.exec(text);
  // A currency is what makes it money: "30M" alone is no amount.
  if (!m || !/usd|\$/i.test(text)) return null;
  const [factor, unitText] = ENGLISH_SCALE[(m[2] ?? "").toLowerCase()] as readonly [number, string];
  return { kind: "number", value: Number(m[1]), fromText: true, factorToWan: factor, unitText };
}

export function readNumberCell(value: CellValue): NumberCell {
  if (value === null) return { kind: "empty" };
  if (typeof value === "number")
    return Number.isFinite(value)
      ? { kind: "number", value, fromText: false }
      : { kind: "invalid", text: String(value) };
  if (typeof value === "string") return readNumberText(value);
  if (isCellError(value)) return { kind: "error", code: value.code };
  return {
    kind: "invalid",
    text: value instanceof Date ? isoDay(value) : String(value),
  };
}

function readNumberText(raw: string): NumberCell {
  const trimmed = raw.trim();
  if (trimmed === "") return { kind: "empty" };
  if (isNotApplicableText(trimmed)) return { kind: "na" };
  if (/^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/i.test(trimmed))
    return { kind: "error", code: trimmed.toUpperCase() };
  const text = toHalfWidth(trimmed)
    .replace(/[\s,]/g, "")
    .replace(/萬/g, "万")
    .replace(/億/g, "亿")
    // 美金 is what many people say and type for 美元.
    .replace(/美金/g, "美元")
    // "约13亿", "近2000万", "1.2亿元左右", "2000余万": the figure as typed, the hedge dropped (and warned as text).
    .replace(APPROXIMATE_BEFORE, "")
    .replace(BREAKDOWN_AFTER, "")
    .replace(APPROXIMATE_AFTER, "")
    .replace(/(\d)[余多](?=[万亿])/, "$1");
  const m = NUMBER_TEXT.exec(text);
  if (!m) return englishMoney(text) ?? figureLikeText(text, trimmed);
  const value = Number(m[1]);
  const suffix = m[2];
  if (suffix === "%") return { kind: "number", value: value / 100, fromText: true, percent: true };
  const factor = suffix !== undefined ? WAN[suffix] : undefined;
  return factor !== undefined
    ? { kind: "number", value, fromText: true, factorToWan: factor, unitText: suffix as string }
    : { kind: "number", value, fromText: true };
}

const RANGE_TEXT =
  /^(\d+(?:\.\d+)?)(个|项|亿元|亿|万元|万)?(?:~|～|-|—|–|－|至|到)(\d+(?:\.\d+)?)(个|项|亿元|亿|万元|万)?$/;
const GROWTH_TEXT = /^(?:同比)?(?:增长|增加|提高|递增)\d+(?:\.\d+)?%(?:以上)?$/;

/**
 * Text that is no number yet stands where a figure goes: a range ("8～10": the 确保 and the 力争 target in one
 * cell) or a growth rate ("增长15%"). Such a column is a column of figures that cannot be read as they are —
 * never a column of words to pass over in silence.
 */
function figureLikeText(text: string, trimmed: string): NumberCell {
  const range = RANGE_TEXT.exec(text);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[3]);
    // "5-8亿": the unit after the range is both ends'; "5000万-1.2亿" states each its own.
    const highFactor = WAN[range[4] ?? ""];
    const lowFactor = WAN[range[2] ?? ""] ?? highFactor;
    if (low * (lowFactor ?? 1) < high * (highFactor ?? lowFactor ?? 1))
      return {
        kind: "invalid",
        text: trimmed,
        range: lowFactor === undefined ? { low, high } : { low, high, factorToWan: lowFactor },
      };
  }
  if (GROWTH_TEXT.test(text)) return { kind: "invalid", text: trimmed, growth: true };
  return { kind: "invalid", text: trimmed };
}

/** Whether an unreadable cell still stands where a figure goes (a range, a growth rate). */
export function isFigureLike(cell: NumberCell): boolean {
  return cell.kind === "invalid" && (cell.range !== undefined || cell.growth === true);
}

export type DateCell =
  | { readonly kind: "empty" }
  | { readonly kind: "na" }
  | { readonly kind: "error"; readonly code: string }
  | { readonly kind: "invalid"; readonly text: string }
  | { readonly kind: "date"; readonly value: Date; readonly fromText: boolean };

/**
 * "2024年6月18日" (号 is 日 as people say it), "2024年3月份", "2024年3月上旬" (a 旬's first day), "2024.3.5",
 * "2024-03": one separator style per date, so "2024年3-4月" (March to April) is not read as 4 March.
 */
const DATE_TEXT =
  /^(\d{4})(?:年(\d{1,2})(?:月(?:份|(\d{1,2})[日号]?|([上中下])旬)?)?|([./-])(\d{1,2})(?:\5(\d{1,2}))?)$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const XUN_DAY: Readonly<Record<string, number>> = { 上: 1, 中: 11, 下: 21 };

/** "20240305": the date COMPACT_DATE matched, or null. */
function compactDate(m: RegExpExecArray | null): Date | null {
  return m && Number(m[1]) >= 1900 ? utcDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The date DATE_TEXT matched, or null for none (or a year alone, or no such day). */
function matchedDate(m: RegExpExecArray | null): Date | null {
  if (!m || Number(m[1]) < 1900) return null;
  const month = m[2] ?? m[6];
  if (month === undefined) return null;
  const day = m[3] ?? m[7] ?? (m[4] !== undefined ? XUN_DAY[m[4]] : undefined);
  return utcDate(Number(m[1]), Number(month), day !== undefined ? Number(day) : 1);
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** 1–12 for "mar", "march", "sept"; 0 for anything else. */
function monthNumber(word: string): number {
  if (word === "sept") return 9;
  return 1 + MONTH_NAMES.findIndex((n) => n === word || (word.length === 3 && n.startsWith(word)));
}
/** "Mar 5, 2024", "March 5 2024", "Sept. 5, 2024". */
const MONTH_FIRST = /^([a-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$/;
/** "5 Mar 2024", "5-Mar-2024", "05 March, 2024". */
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]*([a-z]{3,9})\.?[\s,-]*(\d{4})$/;

/** A date written the English way with the month's name, or null. */
function namedMonthDate(text: string): Date | null {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  const m = MONTH_FIRST.exec(t);
  const d = m ? null : DAY_FIRST.exec(t);
  const [name, day, year] = m ? [m[1], m[2], m[3]] : d ? [d[2], d[1], d[3]] : [];
  if (name === undefined || day === undefined || year === undefined) return null;
  const month = monthNumber(name);
  return month === 0 ? null : utcDate(Number(year), month, Number(day));
}

const QUARTERS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  1: 1,
  2: 2,
  3: 3,
  4: 4,
};
/** "2024年一季度", "2024年第3季度", "2024Q2", "24年二季度". */
const QUARTER_TEXT = /^(\d{4}|\d{2})(?:年(?:第)?([一二三四1-4])季度?|年?q([1-4]))$/i;
/** "2024年上半年", "2024下半年". */
const HALF_TEXT = /^(\d{4}|\d{2})年?([上下])半年$/;
/** "24年7月", "24年7月5日": a two-digit year is this century's. */
const SHORT_YEAR_TEXT = /^(\d{2})年(\d{1,2})月(?:(\d{1,2})[日号])?$/;

/**
 * "24.03.05", "24-3-5": a two-digit year first, as WPS users type it. Only a first part above 12 is a year, so
 * the American "3/5/24" is never read as one; and never with slashes, where "15/03/24" is a European 15 March.
 */
const SHORT_YEAR_DOTTED = /^(\d{2})([.-])(\d{1,2})\2(\d{1,2})$/;

/**
 * A date known only to its quarter, half-year or month with a two-digit year, as clerks type what they know
 * (2024年二季度, 2024Q2, 2024年上半年, 24年7月): the period's first day, as a month alone ("2024年3月") is read.
 */
function coarseDate(text: string): Date | null {
  const year = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));
  const q = QUARTER_TEXT.exec(text);
  if (q)
    return utcDate(year(q[1] as string), 3 * (QUARTERS[(q[2] ?? q[3]) as string] as number) - 2, 1);
  const half = HALF_TEXT.exec(text);
  if (half) return utcDate(year(half[1] as string), half[2] === "上" ? 1 : 7, 1);
  const short = SHORT_YEAR_TEXT.exec(text);
  if (short) return utcDate(year(short[1] as string), Number(short[2]), Number(short[3] ?? 1));
  const dotted = SHORT_YEAR_DOTTED.exec(text);
  if (dotted && Number(dotted[1]) > 12)
    return utcDate(year(dotted[1] as string), Number(dotted[3]), Number(dotted[4]));
  return null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function utcDate(y: number, m: number, d: number): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > (DAYS_IN_MONTH[m - 1] as number)) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Text that is an Excel date serial ("45383": a date column pasted as values, or typed in a text-formatted cell):
 * its day in the workbook's date `system` when that falls in 1990–2100, where a ledger's dates are; else null.
 */
export function textSerialDate(text: string, system: DateSystem = 1900): Date | null {
  const t = toHalfWidth(text).trim();
  if (!/^\d{5}(?:\.\d+)?$/.test(t)) return null;
  const date = serialToDate(Math.floor(Number(t)), system);
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2100 ? date : null;
}

/** A cell as a date; a number is a serial of the workbook's date `system` (SheetGrid.dateSystem). */
export function readDateCell(value: CellValue, system: DateSystem = 1900): DateCell {
  if (value === null) return { kind: "empty" };
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { kind: "invalid", text: "Invalid Date" }
      : { kind: "date", value, fromText: false };
  if (typeof value === "number") {
    // Serials between 1 (1900-01-01) and 2958465 (9999-12-31); fractions are times of day.
    if (value >= 1 && value < 2958466)
      return {
        kind: "date",
        value: serialToDate(Math.floor(value), system),
        fromText: false,
      };
    return { kind: "invalid", text: String(value) };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  if (typeof value === "object") return { kind: "error", code: value.code };
  const trimmed = value.trim();
  if (trimmed === "") return { kind: "empty" };
  // Well-formed text dates skip the clean-up below: ledgers hold tens of thousands of them.
  const direct = matchedDate(DATE_TEXT.exec(trimmed));
  if (direct) return { kind: "date", value: direct, fromText: true };
  if (isNotApplicableText(trimmed) || NOT_YET.test(trimmed.replace(/\s+/g, "")))
    return { kind: "na" };
  // "2024-03-02 00:00:00", "2024/3/5 14:20", "2024-03-02T08:00": a time of day after the date is dropped.
  const text = toHalfWidth(trimmed)
    .replace(/(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, "")
    .replace(/\s+/g, "")
    .replace(/T.*$/, "")
    // "2024.03.05。": a sentence's full stop typed after the date.
    .replace(/[.。]$/, "");
  const date = matchedDate(DATE_TEXT.exec(text)) ?? compactDate(COMPACT_DATE.exec(text));
  if (date) return { kind: "date", value: date, fromText: true };
  const coarse = coarseDate(text);
  if (coarse && coarse.getUTCFullYear() >= 1900)
    return { kind: "date", value: coarse, fromText: true };
  const named = namedMonthDate(toHalfWidth(trimmed));
  if (named && named.getUTCFullYear() >= 1900)
    return { kind: "date", value: named, fromText: true };
  return { kind: "invalid", text: trimmed };
}

/**
 * A date column saying the event has not happened: 未开工, 尚未签约, 在谈, or a plan (计划2024年10月开工,
 * 预计年底投产) — no date, so the project is not counted, and no error either.
 */
const NOT_YET =
  /^(尚|暂|还)?未(开工|动工|签约|注册|投产|落地|到位|实施|启动|竣工|建设)?$|^(在谈|洽谈中?|谈判中|筹备中?|前期)$|^(计划|预计|拟)/;

/** "3月15日", "3月15号" in `year`; null without a year or for anything else. */
export function monthDayIn(text: string, year: number | null): Date | null {
  if (year === null) return null;
  const m = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(toHalfWidth(text).replace(/\s+/g, ""));
  return m ? utcDate(year, Number(m[1]), Number(m[2])) : null;
}

const YES = new Set(["是", "y", "yes", "true", "√", "✓", "1", "工业", "工业项目"]);
const NO = new Set(["否", "n", "no", "false", "×", "✗", "0", "非工业", "非工业项目"]);

export function readBooleanCell(value: CellValue): boolean | null | "invalid" {
  if (value === null) return null;
  if (typeof value === "boolean") return value;
  if (value === "是") return true;
  if (value === "否") return false;
  const text = toHalfWidth(String(value)).trim().toLowerCase();
  if (text === "" || isNotApplicableText(text)) return null;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return "invalid";
}

/** An empty cell: nothing, or only spaces (a cell past a ragged row's end counts as empty too). */
export const isBlankCell = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Text of a label cell, or "" when it holds no text (numbers in a name column are names too: "1号地块"). */
export function textOf(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isoDay(value);
  return value.code;
}
