/**
 * The WorkbookHost inside Excel: the Office.js adapter of src/workbook/office, wired to the real globals there.
 * Only the entry points (task pane, ribbon commands) import this file.
 */
import { createDefaultOfficeHost } from "../workbook/office";
import type { WorkbookHost } from "../workbook/host";

export function createOfficeWorkbookHost(source?: string): WorkbookHost {
  return createDefaultOfficeHost(source === undefined ? {} : { source });
}
