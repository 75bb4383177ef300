/**
 * The WorkbookHost inside Excel. The Office.js adapter lives in src/workbook/office; this only picks it.
 * Until that adapter lands every call fails with a clear message instead of touching Office here.
 */
import type { WorkbookHost } from "../workbook/host";
import { SessionError } from "./session-error";

export function createOfficeWorkbookHost(): WorkbookHost {
  const missing = () => Promise.reject(new SessionError("read_failed", "尚未连接到 Excel（Office.js 适配器未安装）。", "Not connected to Excel yet (the Office.js adapter is missing)."));
  return { readGrid: missing, applyPlan: missing, selectCell: missing };
}
