/** Reader test helpers: hand-editing .xlsx packages (rewrite, add or drop parts) and comparing grids. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import type { SheetGrid, WorkbookGrid } from "../../../src/core/grid";

/** Maps and sets as sorted arrays, so equality says nothing about insertion order. */
export function comparable(grid: WorkbookGrid): unknown {
  return {
    source: grid.source,
    sheets: grid.sheets.map((s: SheetGrid) => ({
      name: s.name,
      hidden: s.hidden,
      rows: s.rows,
      merges: s.merges,
      numberFormats: [...s.numberFormats].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
      hiddenRows: [...(s.hiddenRows ?? [])].sort((a, b) => a - b),
    })),
  };
}

export type PartEdit = ((xml: string) => string) | null;

/** The workbook's package with `edits` applied: a function rewrites a part (added when absent), null drops it. */
export async function editedPackage(
  wb: ExcelJS.Workbook | Uint8Array,
  edits: Readonly<Record<string, PartEdit>>,
  extra: readonly (ZipEntry | DeflatedEntry)[] = []
): Promise<Uint8Array> {
  const bytes =
    wb instanceof Uint8Array ? wb : new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const entries: ZipEntry[] = [];
  const replaced = new Set(extra.map((e) => e.name));
  for (const file of Object.values(zip.files)) {
    if (file.dir || edits[file.name] === null || replaced.has(file.name)) continue;
    const edit = edits[file.name];
    entries.push({
      name: file.name,
      data: edit
        ? new TextEncoder().encode(edit(await file.async("string")))
        : await file.async("uint8array"),
    });
  }
  for (const [name, edit] of Object.entries(edits))
    if (edit && !zip.file(name)) entries.push({ name, data: new TextEncoder().encode(edit("")) });
  return writeZip([...entries, ...extra]);
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** An entry deflated beforehand (deflateRepeated), with its true uncompressed size and CRC. */
export interface DeflatedEntry {
  readonly name: string;
  readonly deflated: Uint8Array;
  readonly size: number;
  readonly crc: number;
}

/**
 * `head`, then `unit` repeated `count` times, then `tail`, deflated as a stream: a bomb of gigabytes built in
 * megabytes of memory.
 */
export async function deflateRepeated(
  name: string,
  head: string,
  unit: string,
  count: number,
  tail: string
): Promise<DeflatedEntry> {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  const perBlock = Math.max(1, Math.floor((1 << 20) / unit.length));
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  const feed = async (chunk: Buffer): Promise<void> => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  };
  await feed(Buffer.from(head));
  let left = count;
  for (; left >= perBlock; left -= perBlock) await feed(block);
  if (left > 0) await feed(Buffer.from(unit.repeat(left)));
  await feed(Buffer.from(tail));
  deflater.end();
  await done;
  return { name, deflated: new Uint8Array(Buffer.concat(out)), size, crc };
}

/** A zip of `entries`, deflated by Node's zlib (JSZip's JavaScript deflate takes seconds on large test parts). */
export function writeZip(entries: readonly (ZipEntry | DeflatedEntry)[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { name } = entry;
    const data = "data" in entry ? entry.data : { length: entry.size };
    const nameBytes = Buffer.from(name, "utf8");
    const body =
      "deflated" in entry
        ? Buffer.from(entry.deflated)
        : entry.data.length
          ? deflateRawSync(entry.data)
          : Buffer.alloc(0);
    const crc = "crc" in entry ? entry.crc >>> 0 : crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(data.length ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(data.length ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

export async function writeTo(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A small three-sheet workbook (text, numbers, a date) to damage. */
export function plainWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("甲");
  a.addRow(["责任单位", "目标"]);
  a.addRow(["高新区", 10]);
  a.addRow(["经开区", 20]);
  const b = wb.addWorksheet("乙");
  b.addRow(["项目", "金额"]);
  b.addRow(["项目一", 3000]);
  const c = wb.addWorksheet("丙");
  c.getCell("A1").value = new Date(Date.UTC(2024, 2, 5));
  return wb;
}

/** Offsets of `name`'s local header (PK\x03\x04) and central-directory record (PK\x01\x02) in a zip. */
function entryOffsets(bytes: Uint8Array, name: string): { local: number; central: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = new TextEncoder().encode(name);
  const named = (at: number, length: number): boolean =>
    length === wanted.length && bytes.subarray(at, at + length).every((b, k) => b === wanted[k]);
  let local = -1;
  let central = -1;
  for (let i = 0; i + 46 < bytes.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && local < 0 && named(i + 30, view.getUint16(i + 26, true))) local = i;
    if (sig === 0x02014b50 && central < 0 && named(i + 46, view.getUint16(i + 28, true)))
      central = i;
  }
  if (local < 0 || central < 0) throw new Error(`no entry ${name}`);
  return { local, central };
}

/** Flips bytes inside one entry's compressed data, leaving the zip's directory intact. */
export function corruptEntryData(bytes: Uint8Array, name: string): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const { local } = entryOffsets(out, name);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const size = view.getUint32(local + 18, true);
  for (let k = start + 2; k < start + Math.max(3, size - 2); k += 3) out[k] = (out[k] ?? 0) ^ 0xa5;
  return out;
}

/** Makes the central directory declare `size` uncompressed bytes for `name` (in place), as a lying zip bomb does. */
export function declareSize(bytes: Uint8Array, name: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setUint32(entryOffsets(bytes, name).central + 24, size, true);
}
