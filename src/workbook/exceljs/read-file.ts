/** The Node side of reading: a path → grid. Kept apart from read.ts so the browser bundle has no node:fs. */
import type { WorkbookGrid } from "../../core/grid";
import { readWorkbookFileDom, readWorkbookFileStreaming } from "./read-stream";

export { readWorkbookFileDom };

/**
 * Reads an .xlsx file into a grid through the streaming reader (read-stream.ts), which gives the same grid as
 * the DOM reader in read.ts and falls back to it where it cannot. Throws WorkbookFileError (missing, unreadable,
 * directory) or WorkbookReadError (not an .xlsx), both naming the file.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  return readWorkbookFileStreaming(path);
}
