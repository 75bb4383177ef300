/** The Node side of reading: a path → bytes → grid. Kept apart from read.ts so the browser bundle has no node:fs. */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "../../core/grid";
import { WorkbookFileError } from "./file-io";
import { readWorkbookBuffer } from "./read";

/**
 * Reads an .xlsx file into a grid. Throws WorkbookFileError (missing, unreadable, directory) or
 * WorkbookReadError (not an .xlsx), both naming the file.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookGrid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code =
      err && typeof err === "object" && "code" in err
        ? String((err as { code?: unknown }).code)
        : "";
    const why =
      code === "ENOENT"
        ? "文件不存在 / file not found"
        : code === "EISDIR"
          ? "这是一个目录 / is a directory"
          : code === "EACCES"
            ? "没有权限 / permission denied"
            : err instanceof Error
              ? err.message
              : String(err);
    throw new WorkbookFileError(path, `无法读取 / cannot read ${path}: ${why}`, { cause: err });
  }
  return readWorkbookBuffer(bytes, basename(path));
}
