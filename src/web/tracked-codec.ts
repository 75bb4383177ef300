import { readingText } from "../ui/reading-text";
import type { Messages } from "../ui/i18n";
import type { XlsxCodec } from "../workbook/exceljs/xlsx-codec";
import type { Reading } from "./FileBar";

/** What the page shows of an open file's codec calls. */
export interface CodecWatcher {
  /** The read under way (the file bar's progress), or null when it has ended. */
  reading(reading: Reading | null): void;
  /** The workbook's bytes were changed (the download offers the new ones). */
  changed(): void;
}

/**
 * The page's codec for one opened file: reads report their progress in the pane's words and stop when the user
 * cancels opening (`abort`) as well as on the session's own signal; writes mark the file changed.
 */
export function trackedCodec(
  codec: XlsxCodec,
  name: string,
  messages: Messages,
  abort: AbortSignal,
  on: CodecWatcher
): XlsxCodec {
  return {
    async read(buffer, source, onProgress, signal) {
      const started = Date.now();
      on.reading({ name, size: buffer.byteLength, fraction: 0, started });
      try {
        return await codec.read(
          buffer,
          source,
          (fraction, detail) => {
            const said = detail && readingText({ fraction, detail }, messages);
            on.reading({
              name,
              size: buffer.byteLength,
              fraction,
              started,
              ...(said ? { detail: said } : {}),
            });
            onProgress?.(fraction, detail);
          },
          signal ? eitherSignal(signal, abort) : abort
        );
      } finally {
        on.reading(null);
      }
    },
    async apply(buffer, plan, snapshot, onProgress, signal) {
      const out = await codec.apply(buffer, plan, snapshot, onProgress, signal);
      on.changed();
      return out;
    },
    async writeCells(buffer, sheet, cells, signal) {
      const out = await codec.writeCells(buffer, sheet, cells, signal);
      on.changed();
      return out;
    },
  };
}

/** Aborts when either does (AbortSignal.any is missing from older WebViews and jsdom). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController();
  const abort = () => both.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return both.signal;
}
