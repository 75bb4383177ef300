import type { Status, StatusBand } from "../model";
import { DEFAULT_BAND_STYLES } from "../rules/defaults";

/** "2008-01-31" → "2008年1月31日". */
export function zhDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The span a notice reports: "1—7月份" within one year from January, else "2007年7月—2008年1月". */
export function zhMonthSpan(startIso: string, asOfIso: string): string {
  const [y1, m1] = startIso.split("-").map(Number);
  const [y2, m2] = asOfIso.split("-").map(Number);
  if (y1 === y2) return m1 === 1 ? `${m2 === 1 ? "1" : `1—${m2}`}月份` : `${y1}年${m1}—${m2}月`;
  return `${y1}年${m1}月—${y2}年${m2}月`;
}

/** 0.8889 → "88.9%". */
export function percent(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

/** Trims trailing zeros: 99.680 → "99.68", 45 → "45". */
export function amount(value: number, maxDigits = 2): string {
  return String(Number(value.toFixed(maxDigits)));
}

/** Local wall-clock time of `now` at a fixed UTC offset (Beijing by default), so plans stay deterministic. */
export function stampTime(now: Date, utcOffsetMinutes = 480): string {
  const t = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const sign = utcOffsetMinutes >= 0 ? "+" : "-";
  const off = Math.abs(utcOffsetMinutes);
  const zone = `UTC${sign}${Math.floor(off / 60)}${off % 60 ? `:${pad(off % 60)}` : ""}`;
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} (${zone})`;
}

/** Used when results carry no band for a status (should not happen, but a plan must never fail on it). */
export const FALLBACK_BANDS: readonly StatusBand[] = DEFAULT_BAND_STYLES;

export function bandFor(bands: readonly StatusBand[], status: Status): StatusBand {
  return (
    bands.find((b) => b.status === status) ??
    (FALLBACK_BANDS.find((b) => b.status === status) as StatusBand)
  );
}

/** A number format that prints the band symbol before the percentage, so status survives greyscale printing. */
export function symbolPercentFormat(symbol: string): string {
  return symbol ? `"${symbol.replace(/"/g, "")} "0.0%` : "0.0%";
}

/**
 * 名次变化 text: ↑2 / ↓1 / — / 新. "新" only when an earlier run exists and the unit was not in it;
 * on a period's first run every unit shows "—".
 */
export function rankChange(
  rank: number,
  previousRank: number | null,
  hasPreviousRun = true
): string {
  if (previousRank === null) return hasPreviousRun ? "新" : "—";
  if (previousRank === rank) return "—";
  return previousRank > rank ? `↑${previousRank - rank}` : `↓${rank - previousRank}`;
}

export const ELIGIBILITY_ZH = {
  priority: "优先评优",
  eligible: "具备评优资格",
  ineligible: "取消评优资格",
} as const;

/**
 * The period as a title names it: "2024年1-8月", "2024年1月", "2024年" (whole year done), "2007年7月—2008年1月".
 */
export function periodPhrase(startIso: string, endIso: string, asOfIso: string): string {
  const [y1, m1] = startIso.split("-").map(Number);
  const [y2, m2] = asOfIso.split("-").map(Number);
  if (asOfIso >= endIso && m1 === 1 && endIso.endsWith("-12-31") && y1 === y2) return `${y1}年`;
  if (y1 !== y2) return `${y1}年${m1}月—${y2}年${m2}月`;
  return m1 === m2 ? `${y1}年${m1}月` : `${y1}年${m1}-${m2}月`;
}

const MONEY_UNIT = /^(万|亿)(美元|元)$/;

/**
 * An amount as notices write it: 亿 with two decimals from 1亿 up, 万 below ("385.35亿元", "4500万元"), whatever
 * unit the sheet kept it in; other units as they are, trailing zeros trimmed.
 */
export function moneyText(value: number, unit: string, digits = 2): string {
  const m = MONEY_UNIT.exec(unit);
  if (!m) return `${amount(value, digits)}${unit}`;
  const wan = m[1] === "亿" ? value * 10000 : value;
  const currency = m[2] ?? "元";
  return Math.abs(wan) >= 10000
    ? `${(wan / 10000).toFixed(2)}亿${currency}`
    : `${amount(wan, 2)}万${currency}`;
}

/** 0.123 → "同比增长12.3%", −0.05 → "同比下降5.0%", 0 → "与上年同期持平". */
export function yoyText(yoy: number): string {
  if (Math.abs(yoy) < 0.0005) return "与上年同期持平";
  return `同比${yoy > 0 ? "增长" : "下降"}${percent(Math.abs(yoy))}`;
}

/**
 * An indicator's column heading: its name with the unit once ("实际到位资金（万元）"), never twice when the name
 * already states it, and only the leaf of a two-level header ("签约项目 › 其中工业项目" → "其中工业项目").
 */
export function indicatorHeading(name: string, unit: string): string {
  const leaf = name.includes("›") ? (name.split("›").pop() ?? name).trim() : name;
  const bare = leaf.replace(/\s+/g, "");
  if (unit === "" || bare.includes(`（${unit}）`) || bare.includes(`(${unit})`)) return bare;
  return `${bare}（${unit}）`;
}

/**
 * How many character cells a number takes once Excel formats it with `numberFormat` (the subset the planners
 * write: 0, 0.0, 0.00, #,##0.00, 0.0%, a quoted prefix such as "▲ "0.0%), CJK literals counting two.
 */
export function formattedWidth(value: number, numberFormat: string): number {
  let literal = 0;
  const bare = numberFormat.replace(/"([^"]*)"/g, (_, text: string) => {
    for (const ch of text) literal += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
    return "";
  });
  const pct = bare.includes("%");
  const decimals = /\.(0+)/.exec(bare)?.[1]?.length ?? 0;
  const shown = Math.abs(pct ? value * 100 : value).toFixed(decimals);
  const [int = "0", frac] = shown.split(".");
  const grouped = bare.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return (
    literal + (value < 0 ? 1 : 0) + grouped.length + (frac ? frac.length + 1 : 0) + (pct ? 1 : 0)
  );
}
