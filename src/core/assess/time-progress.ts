/**
 * 序时进度, counted in months as bureaus count them: the months before the as-of month are whole, the as-of
 * month counts by the days elapsed in it (so the last day of October in an annual period gives 10/12, and
 * October 15 gives (9 + 15/31)/12). Before the period: 0; from its last day on: 1.
 */
function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whole calendar months the period spans (2007-07-01..2008-03-31: 9). */
export function periodMonths(start: string, end: string): number {
  const [sy, sm] = parts(start);
  const [ey, em] = parts(end);
  return Math.max(1, (ey - sy) * 12 + (em - sm) + 1);
}

export function timeProgress(start: string, end: string, asOf: string): number {
  if (asOf < start) return 0;
  if (asOf >= end) return 1;
  const [sy, sm] = parts(start);
  const [ay, am, ad] = parts(asOf);
  const elapsed = (ay - sy) * 12 + (am - sm) + ad / daysInMonth(ay, am);
  return Math.min(1, Math.max(0, elapsed / periodMonths(start, end)));
}
