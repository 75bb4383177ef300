/**
 * Excel's date serials, defined once for every reader, writer and digest. A serial counts days from day 0 of the
 * workbook's date system ("Date systems in Excel", support.microsoft.com).
 */

export const MS_PER_DAY = 86_400_000;

/** 1899-12-30: day 0 of the 1900 system once its fictitious 1900-02-29 is accounted for (exact from serial 61). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01: day 0 of the 1904 system (Mac Excel files, some exports). */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The same serial is this many days later in the 1904 system than in the 1900 system. */
export const DAYS_1900_TO_1904 = 1462;

/** Which day 0 a workbook's serials count from (File → Options → Advanced → "Use 1904 date system"). */
export type DateSystem = 1900 | 1904;

const epoch = (system: DateSystem): number => (system === 1904 ? EPOCH_1904 : EPOCH_1900);

/** The UTC instant of a serial; fractions are the time of day, rounded to the millisecond. */
export function serialToDate(serial: number, system: DateSystem = 1900): Date {
  return new Date(Math.round(epoch(system) + serial * MS_PER_DAY));
}

/** A UTC instant as a serial, with the time of day as the fraction. */
export function dateToSerial(date: Date, system: DateSystem = 1900): number {
  return (date.getTime() - epoch(system)) / MS_PER_DAY;
}

/** Grid dates are UTC instants (both adapters read them so): a date's day is its UTC calendar day, "YYYY-MM-DD". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a "YYYY-MM-DD" day, in ms since the epoch (NaN for anything else). */
export function isoDayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * True when a number format shows a date or time. Same rule as ExcelJS's reader (text in quotes and [brackets]
 * removed, then any of y m d h s b), so every host turns the same cells into Dates.
 */
export function isDateFormat(format: string): boolean {
  if (format === "" || format === "General" || format === "@") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}
