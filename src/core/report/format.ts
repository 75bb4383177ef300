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
