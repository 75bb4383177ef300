/** What a read in progress says: the sheet and rows so far, then, once every row is read, that it is finishing. */
import type { ReadDetail } from "../workbook/host";
import type { Messages } from "./i18n";

export function readingText(
  progress: { readonly fraction: number; readonly detail?: ReadDetail },
  messages: Messages
): string | undefined {
  const { detail } = progress;
  if (!detail) return undefined;
  return progress.fraction >= 1
    ? messages.readingSettle(detail.rows)
    : messages.readingRows(detail.sheet, detail.rows);
}
