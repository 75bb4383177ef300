/**
 * Opening the input before any parsing: only a regular file is read (a FIFO, /dev/zero, a socket or a directory is
 * refused at once, never waited on), and its first bytes say what it is. Node only.
 */
import { constants } from "node:fs";
import { open, readFile, stat, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { WorkbookFileError } from "./file-io";
import { unreadableError, WorkbookReadError } from "./read-errors";
import { limitErrors } from "./read-limits";
import { cfbDirectoryRange, cfbKind, sniffContainer, type Container } from "./read-sniff";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "文件不存在 / file not found",
  ENOTDIR: "文件不存在 / file not found",
  EISDIR: "这是一个目录 / is a directory",
  EACCES: "没有权限 / permission denied",
  EPERM: "没有权限 / permission denied",
  ELOOP: "符号链接循环 / too many levels of symbolic links",
  ENAMETOOLONG: "路径过长 / path too long",
};

/** A file-system failure as a message naming the path, never the system's own text. */
export function fileError(path: string, err: unknown): WorkbookFileError {
  const code =
    err && typeof err === "object" && "code" in err ? String((err as { code?: unknown }).code) : "";
  const why = REASONS[code] ?? `无法打开 / cannot open (${code || "I/O error"})`;
  return new WorkbookFileError(path, `无法读取 / cannot read ${path}: ${why}`, { cause: err });
}

function notRegular(path: string, what: string): WorkbookFileError {
  return new WorkbookFileError(
    path,
    `无法读取 / cannot read ${path}: 不是普通文件（${what}）/ not a regular file (${what})`
  );
}

function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (s.isDirectory()) return "这是一个目录 / is a directory";
  if (s.isFIFO()) return "FIFO";
  if (s.isSocket()) return "socket";
  return "device";
}

export interface InputFile {
  readonly path: string;
  readonly source: string;
  readonly size: number;
  readonly container: Container;
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  const { bytesRead } = await handle.read(buf, 0, length, offset);
  return buf.subarray(0, bytesRead);
}

/**
 * Opens `path` for reading only if it is a regular file (following symlinks). Throws WorkbookFileError naming the
 * path otherwise (missing, a directory, a FIFO, a device, a socket, unreadable). The caller closes the handle.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  if (path.trim() === "")
    throw new WorkbookFileError(
      path,
      "没有给出文件名 / no file name was given (the path is empty)"
    );
  try {
    const s = await stat(path);
    if (s.isDirectory())
      throw new WorkbookFileError(path, `无法读取 / cannot read ${path}: ${REASONS.EISDIR}`);
    if (!s.isFile()) throw notRegular(path, kindOf(s));
  } catch (err) {
    if (err instanceof WorkbookFileError) throw err;
    throw fileError(path, err);
  }
  let handle: FileHandle;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it must not wait for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw fileError(path, err);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw notRegular(path, kindOf(s));
    return { handle, size: s.size };
  } catch (err) {
    await handle.close();
    if (err instanceof WorkbookFileError) throw err;
    throw fileError(path, err);
  }
}

/**
 * Checks the path is a regular file and sniffs its container. Throws WorkbookFileError (missing, not a regular
 * file, unreadable) or WorkbookReadError (an encrypted workbook, a legacy .xls, anything that is not a zip).
 */
export async function openInput(path: string): Promise<InputFile> {
  const source = basename(path);
  const { handle, size } = await openRegularFile(path);
  try {
    const head = await readAt(handle, 0, 512);
    const container = sniffContainer(head);
    if (container === "empty") throw unreadableError(source, "empty");
    if (container === "cfb") {
      const range = cfbDirectoryRange(head);
      const directory = range ? await readAt(handle, range[0], range[1]) : head;
      throw unreadableError(source, cfbKind(directory));
    }
    if (container === "other") throw unreadableError(source, "not-zip");
    return { path, source, size, container };
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw fileError(path, err);
  } finally {
    await handle.close();
  }
}

/** Up to `maxBytes` of a regular file; null when it is longer. Throws WorkbookFileError as openRegularFile. */
export async function readSmallFile(path: string, maxBytes: number): Promise<Uint8Array | null> {
  const { handle, size } = await openRegularFile(path);
  try {
    if (size > maxBytes) return null;
    return await readAt(handle, 0, size);
  } catch (err) {
    throw fileError(path, err);
  } finally {
    await handle.close();
  }
}

/** The whole file, for the DOM reader; refused over `maxBytes` (the DOM holds all of it, and more, in memory). */
export async function readInputBytes(
  input: InputFile,
  maxBytes = 512 * 1024 * 1024
): Promise<Uint8Array> {
  if (input.size > maxBytes) throw limitErrors.partSize(input.source, input.source, maxBytes);
  try {
    return new Uint8Array(await readFile(input.path));
  } catch (err) {
    throw fileError(input.path, err);
  }
}
