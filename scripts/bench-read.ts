/**
 * Times reading the benchmark's 100,000-row 项目台账 .xlsx (scripts/bench/files.ts) into the grid: the DOM reader (read.ts, whole workbook in ExcelJS
 * objects) against the streaming reader (read-stream.ts) that `scorecard check|assess` use for files.
 * Median of 3 runs each (after one warm-up of each), and a check that both give the same grid.
 * Run: npx tsx scripts/bench-read.ts [rows]
 */
import { isDeepStrictEqual } from "node:util";
import type { WorkbookGrid } from "../src/core/grid";
import { readWorkbookFile, readWorkbookFileDom } from "../src/workbook/exceljs/read-file";
import { streamWorkbookFile } from "../src/workbook/exceljs/read-stream";
import { benchFilesFor, megabytes } from "./bench/files";

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = 3;

async function time(
  read: (path: string) => Promise<WorkbookGrid>,
  path: string
): Promise<number[]> {
  await read(path); // warm-up: module loading and JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await read(path);
    times.push(performance.now() - start);
  }
  return times;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function comparable(grid: WorkbookGrid): unknown {
  return grid.sheets.map((s) => ({
    ...s,
    numberFormats: [...s.numberFormats].sort(),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
  }));
}

async function main(): Promise<void> {
  let start = performance.now();
  const path = (await benchFilesFor(ROWS, 30)).ledger;
  console.log(
    `${ROWS} ledger rows × 13 columns: ${megabytes(path).toFixed(1)} MB (the benchmark's cached file, ${((performance.now() - start) / 1000).toFixed(1)} s to build or find)`
  );

  start = performance.now();
  const same = isDeepStrictEqual(
    comparable(await readWorkbookFileDom(path)),
    comparable(await streamWorkbookFile(path))
  );
  console.log(`same grid from both readers: ${same ? "yes" : "NO"}`);

  const dom = await time(readWorkbookFileDom, path);
  const streamed = await time(readWorkbookFile, path);
  const fmt = (xs: number[]): string =>
    `median ${(median(xs) / 1000).toFixed(2)} s  (${xs.map((t) => (t / 1000).toFixed(2)).join(", ")})`;
  console.log(`DOM reader (readWorkbookFileDom):       ${fmt(dom)}`);
  console.log(`streaming reader (readWorkbookFile):    ${fmt(streamed)}`);
  console.log(`speed-up: ${(median(dom) / median(streamed)).toFixed(2)}×`);
  if (!same) process.exitCode = 1;
}

void main();
