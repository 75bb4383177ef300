/**
 * The WorkbookHost over an .xlsx file on disk (the CLI's). The grid comes from the streaming reader; plans are
 * written into the file's own package by xlsx-package/ (every part of the user's file kept byte for byte, our
 * sheets landing where core's planner says), in memory until save().
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "../../core/grid";
import { snapshotOwnership, type LandingNote } from "../../core/ownership";
import type { AppliedPlan, WorkbookHost } from "../host";
import { WorkbookFileError, writeBytesAtomic } from "./file-io";
import { readWorkbookBuffer } from "./read";
import { readWorkbookFile } from "./read-file";
import { fileError } from "./read-input";
import { formatBytes } from "./read-limits";
import { writePlanIntoPackage } from "../xlsx-package";
import { writeCellTexts } from "../xlsx-package/cell-text-write";

export interface FileHost extends WorkbookHost {
  readonly path: string;
  /** The file's name, as messages and outputs name the workbook. */
  readonly source: string;
  /** The workbook's bytes as they stand (the file's, with every applied plan). */
  bytes(): Promise<Uint8Array>;
  /** True once a plan has been applied (and not yet saved). */
  changed(): boolean;
  /** Why sheets could not take their planned names, for every plan applied so far. */
  notes(): readonly LandingNote[];
  /**
   * Writes the workbook to `path` (default: the file it came from), atomically. Throws WorkbookFileError, or
   * `signal.reason` when cancelled before the new file is in place.
   */
  save(path?: string, signal?: AbortSignal): Promise<string>;
  /** The last cell selected (a file has no window to show it in). */
  selection(): { readonly sheet: string; readonly address: string } | null;
}

/**
 * Writing into the file's package holds the whole file in one buffer, which Node caps at 2 GiB − 1 bytes. Reading
 * streams and has no such cap, so check and assess without a target still read a larger file.
 */
export const MAX_WRITE_BACK_BYTES = 2 ** 31 - 1;

/**
 * Refuses at once, naming the file and the limit in both languages, a file too large to write the outputs into;
 * called before a run that will write, so a refusal costs no assessment. Throws WorkbookFileError.
 */
export async function checkWriteBackSize(path: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw fileError(path, err);
  }
  if (size > MAX_WRITE_BACK_BYTES)
    throw new WorkbookFileError(
      path,
      `无法写回 ${path}：文件有 ${formatBytes(size)}，超过写回的上限 2 GiB（不写回时 check 和 assess 仍可读取）/ ` +
        `cannot write into ${path}: the file is ${formatBytes(size)}, over the 2 GiB limit for writing back ` +
        `(check, and assess without --out/--in-place, still read it)`
    );
}

export function createFileHost(path: string): FileHost {
  const source = basename(path);
  let grid: WorkbookGrid | null = null;
  let bytes: Uint8Array | null = null;
  let dirty = false;
  let selected: { sheet: string; address: string } | null = null;
  const notes: LandingNote[] = [];

  async function current(): Promise<Uint8Array> {
    if (bytes) return bytes;
    await checkWriteBackSize(path);
    try {
      bytes = await readFile(path);
    } catch (err) {
      // The system's own text (English, internal codes) never reaches the user: the path and a reason in both languages.
      throw fileError(path, err);
    }
    return bytes;
  }

  async function readGrid(): Promise<WorkbookGrid> {
    // Until a plan is applied the file is the truth (streamed); after, the bytes in memory are.
    grid ??= dirty
      ? await readWorkbookBuffer(await current(), source)
      : await readWorkbookFile(path);
    return grid;
  }

  return {
    path,
    source,
    bytes: current,
    changed: () => dirty,
    notes: () => notes,
    selection: () => selected,
    async readGrid(onProgress, signal) {
      onProgress?.({ phase: "read", fraction: 0 });
      const read = await readGrid();
      signal?.throwIfAborted();
      onProgress?.({ phase: "read", fraction: 1 });
      return read;
    },
    async applyPlan(plan, onProgress, signal): Promise<AppliedPlan> {
      onProgress?.({ phase: "write", fraction: 0 });
      const snapshot = snapshotOwnership(await readGrid());
      const written = writePlanIntoPackage(await current(), plan, snapshot);
      signal?.throwIfAborted();
      bytes = written.bytes;
      grid = null;
      dirty = true;
      notes.push(...written.notes);
      onProgress?.({ phase: "write", fraction: 1 });
      return { sheets: written.sheets };
    },
    async selectCell(sheet, address) {
      selected = { sheet, address };
    },
    async writeCells(sheet, cells, signal) {
      const written = writeCellTexts(await current(), sheet, cells);
      signal?.throwIfAborted();
      bytes = written;
      grid = null;
      dirty = true;
    },
    async save(out = path, signal) {
      await writeBytesAtomic(await current(), out, signal);
      dirty = false;
      return out;
    },
  };
}
