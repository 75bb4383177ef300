import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import type { WritePlan } from "../../core/plan";
import { stampPackage } from "../xlsx-package/package-stamp";
import { applyPlanToWorkbook, type AppliedSheet } from "./apply-plan";

/** A workbook file could not be read or written; the message names the file. */
export class WorkbookFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = "WorkbookFileError";
  }
}

function reason(err: unknown): string {
  if (err && typeof err === "object" && "code" in err) {
    const code = (err as { code?: unknown }).code;
    if (code === "ENOENT") return "文件不存在 / file not found";
    if (code === "EACCES" || code === "EPERM") return "没有权限 / permission denied";
    if (code === "EISDIR") return "这是一个目录 / is a directory";
    // A folder on the way is a file (out.xlsx/x.xlsx): mkdir says EEXIST, open says ENOTDIR.
    if (code === "ENOTDIR" || code === "EEXIST")
      return "路径中有一段不是目录 / a part of the path is not a folder";
    if (code === "EROFS") return "只读文件系统 / read-only file system";
    if (code === "ENOSPC" || code === "EDQUOT") return "磁盘空间不足 / no space left on the disk";
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/^File not found/.test(message)) return "文件不存在 / file not found";
  if (/end of central directory|zip/i.test(message))
    return "不是有效的 .xlsx 文件 / not a valid .xlsx file";
  return message;
}

/** Loads an .xlsx into ExcelJS. Throws WorkbookFileError naming the file when it cannot be read. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new WorkbookFileError(path, `无法读取 / cannot read ${path}: ${reason(err)}`, {
      cause: err,
    });
  }
  return wb;
}

/** Temporary files being written; removed even when the process exits in the middle of a write. */
const pendingTemps = new Set<string>();
let exitHookInstalled = false;

function trackTemp(temp: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const t of pendingTemps) rmSync(t, { force: true });
    });
  }
  pendingTemps.add(temp);
}

/**
 * Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a failure, a cancelled
 * `signal` or an exit before the rename leaves either the old file or nothing, never half a workbook.
 * Throws WorkbookFileError, or `signal.reason` when cancelled before the rename.
 */
export async function writeBytesAtomic(
  bytes: Uint8Array,
  path: string,
  signal?: AbortSignal
): Promise<void> {
  signal?.throwIfAborted();
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  trackTemp(temp);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes, signal ? { signal } : {});
    // The last moment a cancel is honoured: after the rename the new file is complete and in place.
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (signal?.aborted) throw signal.reason;
    throw new WorkbookFileError(path, `无法写入 / cannot write ${path}: ${reason(err)}`, {
      cause: err,
    });
  } finally {
    pendingTemps.delete(temp);
  }
}

/** The workbook's .xlsx bytes, stamped as written by this product (xlsx-package/package-stamp.ts). */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return stampPackage(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Writes a workbook the product built (sample, template, merged ledgers) atomically. */
export async function writeWorkbookAtomic(
  wb: ExcelJS.Workbook,
  path: string,
  signal?: AbortSignal
): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await workbookBytes(wb);
  } catch (err) {
    throw new WorkbookFileError(path, `无法写入 / cannot write ${path}: ${reason(err)}`, {
      cause: err,
    });
  }
  await writeBytesAtomic(bytes, path, signal);
}

/** A fresh workbook holding only the plan's sheets (sample, template). */
export function workbookFromPlan(plan: WritePlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商考核助手 · Investment Promotion Scorecard";
  applyPlanToWorkbook(wb, plan);
  return wb;
}

export async function writePlanToNewFile(
  plan: WritePlan,
  path: string,
  signal?: AbortSignal
): Promise<readonly AppliedSheet[]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "招商考核助手 · Investment Promotion Scorecard";
  const applied = applyPlanToWorkbook(wb, plan);
  await writeWorkbookAtomic(wb, path, signal);
  return applied.sheets;
}
