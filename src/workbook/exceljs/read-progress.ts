/**
 * Rows-read progress of the ExcelJS DOM reader. ExcelJS's load takes no progress callback; it hands each worksheet
 * part to `XLSX._processWorksheetEntry(stream, …)` as a stream of text chunks (16K characters), which this module
 * wraps on the one workbook instance being loaded: characters parsed against the part's length give the fraction,
 * "<row" tags in the chunk the rows read. Reports are throttled by time so they cost nothing beside the parse.
 */
import type ExcelJS from "exceljs";
import type { ReadDetail } from "../host";
import type { SheetPartSize } from "./read-package";

export interface ReadProgress extends ReadDetail {
  /** 0..1 over the worksheet XML of the whole workbook. */
  readonly fraction: number;
}

export type ReadProgressListener = (progress: ReadProgress) => void;

/** At most one report per this many milliseconds (the first of each sheet and the last always go out). */
export const REPORT_EVERY_MS = 100;

type ProcessWorksheetEntry = (
  stream: AsyncIterable<unknown>,
  model: unknown,
  sheetNo: string,
  options: unknown,
  path: string
) => Promise<void>;

/**
 * "<row" tags opening in `text` (not <rowBreaks>, which the cells-only view has dropped anyway), counting only those
 * whose following character lies at or after `from` + 4 (the ones before were counted with the previous chunk).
 */
export function countRows(text: string, from = 0): number {
  let n = 0;
  const first = Math.max(0, from - 4);
  for (let i = text.indexOf("<row", first); i >= 0; i = text.indexOf("<row", i + 4)) {
    if (i + 4 < from) continue;
    const next = text.charCodeAt(i + 4);
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) n++;
  }
  return n;
}

/**
 * Makes `wb`'s next xlsx.load report progress over `sheets` (the view's worksheet parts, in parse order).
 * A no-op should ExcelJS's internals change: reading never depends on it.
 */
export function watchWorksheets(
  wb: ExcelJS.Workbook,
  sheets: readonly SheetPartSize[],
  listener: ReadProgressListener,
  now: () => number = Date.now
): void {
  const xlsx = wb.xlsx as unknown as { _processWorksheetEntry?: ProcessWorksheetEntry };
  const original = xlsx._processWorksheetEntry;
  if (typeof original !== "function") return;
  const byPath = new Map(sheets.map((s) => [s.path, s]));
  const total = Math.max(
    1,
    sheets.reduce((sum, s) => sum + s.chars, 0)
  );
  let done = 0;
  let rows = 0;
  let last = -Infinity;
  const report = (sheet: string, force: boolean) => {
    const t = now();
    if (!force && t - last < REPORT_EVERY_MS) return;
    last = t;
    listener({ sheet, rows, fraction: Math.min(1, done / total) });
  };
  async function* counted(stream: AsyncIterable<unknown>, part: SheetPartSize | undefined) {
    const sheet = part?.name ?? "";
    const end = done + (part?.chars ?? 0);
    // The last characters of the previous chunk: a "<row" split across two chunks is counted once, in the second.
    let carry = "";
    report(sheet, true);
    try {
      for await (const chunk of stream) {
        if (typeof chunk === "string") {
          done += chunk.length;
          rows += countRows(carry + chunk, carry.length);
          carry = chunk.slice(-4);
          report(sheet, false);
        }
        yield chunk;
      }
    } finally {
      // ExcelJS stops reading at the root's close tag, ending this generator early: the part is read all the same.
      done = Math.max(done, end);
      report(sheet, true);
    }
  }
  xlsx._processWorksheetEntry = function (stream, model, sheetNo, options, path) {
    return original.call(this, counted(stream, byPath.get(path)), model, sheetNo, options, path);
  };
}
