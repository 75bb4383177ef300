/**
 * A 签约年月 typed as a number — 2024.03 for March 2024 — is a month, never a date serial (serial 2024 is July
 * 1905). Only 2024.1 cannot be told: it is January typed 2024.1 or October typed 2024.10, the 0 dropped.
 */

/** The month's first day, "ambiguous" for YYYY.1, or null when the number is no year and month. */
export function yearMonthNumber(v: number): Date | "ambiguous" | null {
  const year = Math.floor(v);
  if (year < 1990 || year > 2100) return null;
  const month = Math.round((v - year) * 100);
  if (month === 10 && Math.abs((v - year) * 10 - 1) < 1e-9) return "ambiguous";
  // 2024.2 is 2024.20 as stored: a month typed with one digit.
  const m = month % 10 === 0 && month > 0 ? month / 10 : month;
  return m >= 1 && m <= 12 ? new Date(Date.UTC(year, m - 1, 1)) : null;
}
