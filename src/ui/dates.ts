/**
 * Dates as bureaus write them, whatever the browser's locale: typed as 2024-08-31, 2024年8月31日, 2024/8/31 or
 * 2024.8.31, kept as ISO (YYYY-MM-DD), shown as 2024年8月31日 in Chinese and 2024-08-31 in English.
 */
import type { Locale } from "../app/locale";

const FORMS = [
  /^(\d{4})\s*[-/.．／]\s*(\d{1,2})\s*[-/.．／]\s*(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
];

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO date for what a user typed, or null when it is not a real calendar day. */
export function parseDay(text: string): string | null {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const form of FORMS) {
    const m = form.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
      return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** 2024年8月31日 (zh) or 2024-08-31 (en) for an ISO date; anything else as it is. */
export function showDay(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || locale === "en-US") return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The calendar year of an ISO date, the default period when the rules name none. */
export function calendarYear(iso: string): { start: string; end: string } {
  const year = iso.slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}
