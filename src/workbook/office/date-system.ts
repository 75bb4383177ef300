/**
 * The workbook's date system. Office.js returns and accepts serials of the workbook's own system, and no API in
 * the requirement sets this add-in targets says which one it is, so it is found out:
 * - reading: the text Excel shows for a few date cells names the year of one system or the other;
 * - writing: a scratch cell holding =DATE(1904,1,2) is 1 in the 1904 system and 1463 in the 1900 system.
 */
import { serialToDate, type DateSystem } from "../../core/grid";
import { syncCounted } from "./sync";
import type { OfficeHostStats } from "./types";

/** A date cell as read: its serial and where it is. */
export interface DateSample {
  readonly sheet: string;
  readonly address: string;
  readonly serial: number;
}

/** Pure: the system whose year the shown texts carry; null when no text names a year either way. */
export function voteDateSystem(
  samples: ReadonlyArray<{ serial: number; text: string }>
): DateSystem | null {
  let v1900 = 0;
  let v1904 = 0;
  for (const { serial, text } of samples) {
    const y0 = String(serialToDate(serial, 1900).getUTCFullYear());
    const y4 = String(serialToDate(serial, 1904).getUTCFullYear());
    if (y0 === y4) continue;
    const has0 = text.includes(y0);
    const has4 = text.includes(y4);
    if (has4 && !has0) v1904++;
    else if (has0 && !has4) v1900++;
  }
  if (v1900 === v1904) return null;
  return v1904 > v1900 ? 1904 : 1900;
}

/** One sync: the shown text of the sampled cells decides; 1900 when it cannot. */
export async function dateSystemFromText(
  context: Excel.RequestContext,
  samples: readonly DateSample[],
  stats: OfficeHostStats,
  signal?: AbortSignal
): Promise<DateSystem> {
  if (samples.length === 0) return 1900;
  const ranges = samples.map((s) => {
    const range = context.workbook.worksheets.getItem(s.sheet).getRange(s.address);
    range.load("text");
    return range;
  });
  await syncCounted(context, stats, signal);
  const shown = samples.map((s, i) => ({ serial: s.serial, text: ranges[i]?.text[0]?.[0] ?? "" }));
  return voteDateSystem(shown) ?? 1900;
}

/**
 * Queues the formula probe in a cell of a sheet this run owns (read after the next sync): =DATE(1904,1,2) is 1 in
 * the 1904 system (day 1, not day 0: a cached 0 reads as no value in some readers).
 */
export function queueDateSystemProbe(cell: Excel.Range): () => DateSystem {
  cell.formulas = [["=DATE(1904,1,2)"]];
  cell.load("values");
  return () => (cell.values[0]?.[0] === 1 ? 1904 : 1900);
}
