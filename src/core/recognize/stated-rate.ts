/**
 * The exchange rate a workbook states for its 外资 figures ("外资项目按1美元=7.1元人民币折算", "汇率按7.1计算",
 * "USD 1 = CNY 7.1"): the rate the bureau itself used, so 万美元 amounts add up as its own totals do.
 */
import type { SheetGrid } from "../grid";
import { toHalfWidth } from "../text";
import { titleAndNoteTexts } from "./title-texts";

export interface StatedRate {
  /** 元 per 美元. */
  readonly rate: number;
  readonly text: string;
  readonly sheet: string;
  readonly cell: string;
}

const PATTERNS: readonly RegExp[] = [
  /1美元(?:=|兑|折合|折|合|约合|换算为|:)(?:人民币)?(\d+(?:\.\d+)?)元/,
  /(?:美元)?汇率(?:按|为|以|:|=)?(?:1:)?(\d+(?:\.\d+)?)/,
  /按(\d+(?:\.\d+)?)的?(?:美元)?汇率/,
  // "美元项目按1:7.1折算人民币", "美元与人民币按1:7.1折算": a ratio of one 美元 to so many 元.
  /美元[^\d:]{0,12}1:(\d+(?:\.\d+)?)/,
  /usd1=(?:cny|rmb)(\d+(?:\.\d+)?)/i,
  /exchangerate(?:of|:|=)?(\d+(?:\.\d+)?)/i,
];

/** A rate outside what 元 per 美元 has been in decades is a misread, not a rate. */
const plausible = (rate: number): boolean => rate >= 5 && rate <= 10;

/** A note's text as the rate patterns read it: half-width, no spaces or commas, one kind of = and :. */
const rateText = (text: string): string =>
  toHalfWidth(text)
    .replace(/[\s，,]/g, "")
    .replace(/＝/g, "=")
    .replace(/：/g, ":");

function rateIn(text: string): number | null {
  const t = rateText(text);
  for (const p of PATTERNS) {
    const m = p.exec(t);
    if (m && plausible(Number(m[1]))) return Number(m[1]);
  }
  return null;
}

/** The first rate stated in the title and note rows of a visible sheet, or null. */
export function statedExchangeRate(sheets: readonly SheetGrid[]): StatedRate | null {
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    for (const { text, cell } of titleAndNoteTexts(sheet, 30)) {
      if (!/美元|汇率|usd|exchange/i.test(text)) continue;
      const rate = rateIn(text);
      if (rate !== null) return { rate, text: text.trim(), sheet: sheet.name, cell };
    }
  }
  return null;
}

/** Currencies no default rate covers, by the words a 币种 cell or a note uses: the key the rates are kept by. */
const OTHER_CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/^(?:港元|港币|hkd|hk\$)$/i, "港元"],
  [/^(?:欧元|eur|€)$/i, "欧元"],
  [/^(?:日元|jpy)$/i, "日元"],
  [/^(?:英镑|gbp|£)$/i, "英镑"],
  [/^(?:澳门元|澳元门|mop)$/i, "澳门元"],
  [/^(?:新台币|台币|twd)$/i, "新台币"],
];

/** The rate key of a currency word no default covers ("港币" → 港元), or null. */
export function otherCurrencyOf(word: string): string | null {
  const w = toHalfWidth(word).replace(/\s/g, "");
  return OTHER_CURRENCIES.find(([re]) => re.test(w))?.[1] ?? null;
}

const OTHER_RATE =
  /1(港元|港币|欧元|日元|英镑|澳门元|新台币|台币)(?:=|兑|折合|折|合|约合|换算为|:)(?:人民币)?(\d+(?:\.\d+)?)元/g;

/**
 * Rates a sheet's notes state for currencies beyond 美元 ("1港元=0.91元人民币", "1欧元=7.8元"): 元 per unit,
 * by currency key. A ledger converting its 港元 rows at the bureau's own rate adds up as its totals do.
 */
export function statedOtherRates(sheet: SheetGrid): ReadonlyMap<string, StatedRate> {
  const out = new Map<string, StatedRate>();
  for (const { text, cell } of titleAndNoteTexts(sheet, 30)) {
    for (const m of rateText(text).matchAll(OTHER_RATE)) {
      const key = otherCurrencyOf(m[1] as string);
      const rate = Number(m[2]);
      if (key !== null && rate > 0 && !out.has(key))
        out.set(key, { rate, text: text.trim(), sheet: sheet.name, cell });
    }
  }
  return out;
}
