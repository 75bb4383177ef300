/**
 * What one header column of a unit table says: which indicator it belongs to and what of it it holds
 * (目标, 完成, 完成率, 去年同期, 一季度 …). "新签约项目 › 累计完成", "累计完成 › 新签约项目",
 * "New Projects Actual" and a plain "新签约项目" in a 完成情况表 all name the same indicator.
 */
import { normalizeText } from "../text";
import type { HeaderField } from "./dictionary";
import type { HeaderColumn } from "./header-block";
import { isDictionaryWord, matchHeader } from "./header-match";
import { unitByLabel } from "./measure-units";
import { isContainerLabel } from "./lexicon";
import {
  measureOf,
  periodSpan,
  type PeriodSpan,
  splitMeasureAffix,
  type Measure,
} from "./measure-words";

export interface ColumnMeaning {
  readonly column: HeaderColumn;
  /** What the column holds; null when the header names only the indicator (the sheet's role decides). */
  readonly measure: Measure | null;
  /** The year a header names with its measure ("2023年1-9月"), to tell last year's column from this year's. */
  readonly year: number | null;
  /** For period columns (一季度, 8月, 上半年): the months of the year the period covers. */
  readonly period: PeriodSpan | null;
  /** Normalised levels naming the indicator, measure words removed; empty when the column names none. */
  readonly phrase: readonly string[];
  /** The indicator as displayed ("签约项目 › 项目总数"). */
  readonly display: string;
  /** The dictionary field the phrase names, if any. */
  readonly field: HeaderField | null;
  /** Indicator key: the field's stable key, or the normalised phrase for a bureau's own indicator. */
  readonly key: string;
}

/** The prefix or suffix of `display` whose normalised form is `phrase` ("New Projects Target" → "New Projects"). */
function displayOf(display: string, phrase: string): string {
  const chars = Array.from(display);
  for (let len = chars.length - 1; len > 0; len--) {
    const head = chars.slice(0, len).join("").trim();
    if (normalizeText(head).replace(/[-_:/·]+$/, "") === phrase)
      return head.replace(/[-_:/·\s]+$/, "");
    const tail = chars
      .slice(chars.length - len)
      .join("")
      .trim();
    if (normalizeText(tail).replace(/^[-_:/·]+/, "") === phrase)
      return tail.replace(/^[-_:/·\s]+/, "");
  }
  return display;
}

/** "新签约项目（个）" → "新签约项目", "签约项目(20分)" → "签约项目": the unit and points are shown elsewhere. */
function withoutUnit(display: string): string {
  const out = display.replace(/\s*[(（]([^()（）]*)[)）]\s*$/, (whole, inner: string) => {
    const text = normalizeText(inner).replace(/^(单位|unit|in)[:]?/, "");
    return unitByLabel(text) || /^\d+(\.\d+)?分$/.test(text) ? "" : whole;
  });
  return out.trim() || display;
}

/**
 * An indicator's key: the dictionary field's, else an English header in snake case ("Funds in Place" →
 * funds_in_place, as SPEC §9 writes keys), else the normalised phrase ("签约金额").
 */
export function keyOf(
  phrase: readonly string[],
  field: HeaderField | null,
  display?: string
): string {
  if (field?.kind === "indicator") return field.key;
  return (display === undefined ? null : englishKey(display)) ?? phrase.join("›");
}

function englishKey(display: string): string | null {
  if (!/^[\x20-\x7e›]+$/.test(display)) return null;
  const key = display
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /[a-z]/.test(key) ? key : null;
}

/** "签约项目完成数" / "到位资金完成值": an indicator joined to 完成数 (not "累计完成数", all measure words). */
function namesItsIndicator(level: string): boolean {
  if (!/(完成数|完成值)$/.test(level)) return false;
  const split = splitMeasureAffix(level);
  return split !== null && measureOf(split.phrase) === null;
}

/**
 * "签约项目(目标)", "到位资金(1-9月累计,亿元)": the measure (and the unit) in brackets after the indicator, read as
 * the leaf "签约项目" with its measure, and the unit on the column. Unchanged when the bracket says neither.
 */
function bracketedMeasure(column: HeaderColumn): HeaderColumn {
  const leaf = column.levels[column.levels.length - 1] ?? "";
  const m = /^(.{2,}?)\(([^()]+)\)$/.exec(leaf);
  if (!m) return column;
  const parts = (m[2] as string).split(/[,，、;；]/).filter((p) => p !== "");
  const measures = parts.filter((p) => measureOf(p) !== null);
  const units = parts.map(unitByLabel).filter((u) => u !== null);
  if (measures.length !== 1 || measures.length + units.length !== parts.length) return column;
  const levels = [...column.levels.slice(0, -1), m[1] as string, measures[0] as string];
  const shown = column.displayLevels[column.displayLevels.length - 1] ?? "";
  const name = shown.replace(/\s*[(（][^()（）]*[)）]\s*$/, "");
  const displayLevels = [...column.displayLevels.slice(0, -1), name, measures[0] as string];
  return { ...column, levels, displayLevels, unit: column.unit ?? units[0] ?? null };
}

/** Reads a header column as (indicator, measure). The leaf-most measure word wins. */
export function meaningOf(given: HeaderColumn): ColumnMeaning {
  const column = bracketedMeasure(given);
  const levels = [...column.levels];
  const shown = [...column.displayLevels];
  let measure: Measure | null = null;
  let period: PeriodSpan | null = null;
  let year: number | null = null;
  for (let i = levels.length - 1; i >= 0; i--) {
    const m = measureOf(levels[i] as string);
    if (m === null) continue;
    // "签约项目完成数" alone names its indicator and its measure; only over other columns is it a group's measure.
    if (levels.length === 1 && namesItsIndicator(levels[i] as string)) break;
    measure = m;
    const y = /^((?:19|20)\d{2})年/.exec(levels[i] as string);
    if (y) year = Number(y[1]);
    if (m === "period") period = periodSpan(levels[i] as string);
    levels.splice(i, 1);
    shown.splice(i, 1);
    break;
  }
  for (let i = levels.length - 2; i >= 0; i--) {
    if (!isContainerLabel(levels[i] as string)) continue;
    levels.splice(i, 1);
    shown.splice(i, 1);
  }
  if (measure === null && levels.length > 0) {
    const leaf = levels[levels.length - 1] as string;
    const split = splitMeasureAffix(leaf);
    // "签约项目目标" splits; "目标企业" or "计划总投资" (a ledger field) must not.
    if (split && !isDictionaryWord(leaf)) {
      measure = split.measure;
      levels[levels.length - 1] = split.phrase;
      shown[shown.length - 1] = displayOf(shown[shown.length - 1] as string, split.phrase);
    }
  }
  const leaf = levels[levels.length - 1] ?? "";
  const group = levels.slice(0, -1).join("›");
  const field = leaf === "" ? null : matchHeader(group, leaf, "table");
  // "实际利用内、外资指标 › 实际利用外资": a leaf that names a field on its own is the name people use.
  const named = levels.length > 1 && isDictionaryWord(leaf) ? shown.slice(-1) : shown;
  const display = named.map(withoutUnit).join(" › ");
  return {
    column,
    measure,
    year,
    period,
    phrase: levels,
    display,
    field,
    key: keyOf(levels, field, display),
  };
}

/**
 * "内资 › 签约项目" and "外资 › 签约项目": one dictionary indicator named under two different groups of a sheet
 * is two indicators. They are keyed and shown with their groups, so neither is taken for the other.
 */
export function distinguishSharedFields(
  meanings: readonly ColumnMeaning[]
): readonly ColumnMeaning[] {
  const groupsOf = new Map<string, Set<string>>();
  for (const m of meanings) {
    if (m.field?.kind !== "indicator" || m.phrase.length < 2) continue;
    const groups = groupsOf.get(m.key) ?? new Set<string>();
    groups.add(m.phrase.slice(0, -1).join("›"));
    groupsOf.set(m.key, groups);
  }
  return meanings.map((m) => {
    if (m.phrase.length < 2 || (groupsOf.get(m.key)?.size ?? 0) < 2) return m;
    const shown = m.phrase.slice(0, -1).map((p) => {
      const at = m.column.levels.indexOf(p);
      return withoutUnit(at >= 0 ? (m.column.displayLevels[at] ?? p) : p);
    });
    const leaf = m.display.split(" › ").pop() ?? m.display;
    const display = [...shown, leaf].join(" › ");
    return { ...m, key: keyOf(m.phrase, null, display), display };
  });
}
