import { lstat, readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { WorkbookGrid } from "../../core/grid";
import { snapshotOwnership, type LandingNote, type WritePlan } from "../../core/report";
import type { AppliedSheet } from "../../workbook/exceljs/apply-plan";
import { writeBytesAtomic, WorkbookFileError } from "../../workbook/exceljs/file-io";
import { readWorkbookFile } from "../../workbook/exceljs/read-file";
import {
  isMacroEnabled,
  isProductPackage,
  PackageWriteError,
  writePlanIntoPackage,
} from "../../workbook/xlsx-package";
import { CliError, EXIT } from "../exit";

export type OutputTarget =
  { readonly outPath: string; readonly force?: boolean } | { readonly inPlace: true };

/** A workbook file as read once: its bytes (written back into) and its grid (what the engine saw). */
export interface SourceWorkbook {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly grid: WorkbookGrid;
}

export interface WrittenCopy {
  readonly path: string;
  readonly sheets: readonly AppliedSheet[];
  /** Sheets that could not take their planned name, and why (print them). */
  readonly notes: readonly LandingNote[];
}

function asCliError(err: unknown): unknown {
  return err instanceof WorkbookFileError || err instanceof PackageWriteError
    ? new CliError(err.message, EXIT.usage)
    : err;
}

/** Reads `path` for assessing and writing back. Throws WorkbookFileError/WorkbookReadError naming the file. */
export async function readSourceWorkbook(path: string): Promise<SourceWorkbook> {
  const grid = await readWorkbookFile(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new WorkbookFileError(path, `无法读取 / cannot read ${path}: ${String(err)}`, {
      cause: err,
    });
  }
  return { path, bytes, grid };
}

/** Where the result goes; refuses an `outPath` that is the input itself unless `inPlace` was asked for. */
export function outputPath(inPath: string, target: OutputTarget): string {
  if ("inPlace" in target) return inPath;
  if (resolve(target.outPath) === resolve(inPath)) {
    throw new CliError(
      `输出文件与输入文件相同，请用 --in-place / output is the input file, use --in-place: ${inPath}`,
      EXIT.usage
    );
  }
  return target.outPath;
}

/**
 * Refuses to replace an existing file the product did not write (or that was changed since it did) unless
 * `force`; "ours" is the stamp in the zip comment (xlsx-package/package-stamp.ts), never the extension.
 */
export async function checkOverwrite(path: string, force: boolean): Promise<void> {
  let stat;
  try {
    stat = await lstat(path);
  } catch {
    return; // Nothing there.
  }
  if (!stat.isFile() && !stat.isSymbolicLink())
    throw new CliError(
      `输出路径不是普通文件 / the output path is not a regular file: ${path}`,
      EXIT.usage
    );
  if (force) return;
  const ours =
    stat.isFile() && isProductPackage(await readFile(path).catch(() => new Uint8Array(0)));
  if (!ours)
    throw new CliError(
      `文件已存在，且不是本工具写出的（或写出后已被修改），未覆盖；确需覆盖请加 --force / ` +
        `${path} exists and was not written by this tool (or was changed since); not overwritten, add --force to replace it`,
      EXIT.usage
    );
}

export function checkExtension(source: Pick<SourceWorkbook, "path" | "bytes">, out: string): void {
  if (!isMacroEnabled(source.bytes)) return;
  if (extname(out).toLowerCase() !== ".xlsm")
    throw new CliError(
      `${source.path} 是启用宏的工作簿，输出文件须以 .xlsm 结尾（宏保留不动）/ ` +
        `${source.path} is a macro-enabled workbook: the output must end in .xlsm (its macros are kept)`,
      EXIT.usage
    );
}

/**
 * Writes the plan into a copy of the source workbook — every part of the user's file kept byte for byte — at
 * `outPath` (never over a file the product did not write unless `force`), or back over the input when
 * `inPlace` is asked for. The write is atomic. Returns the path written and where each sheet landed.
 */
export async function writeAssessedCopy(
  source: SourceWorkbook,
  target: OutputTarget,
  plan: WritePlan
): Promise<WrittenCopy> {
  const out = outputPath(source.path, target);
  checkExtension(source, out);
  if (!("inPlace" in target)) await checkOverwrite(out, target.force === true);
  try {
    const written = await writePlanIntoPackage(source.bytes, plan, snapshotOwnership(source.grid));
    await writeBytesAtomic(written.bytes, out);
    return { path: out, sheets: written.sheets, notes: written.notes };
  } catch (err) {
    throw asCliError(err);
  }
}
