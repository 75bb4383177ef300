/**
 * Times reading a 100,000-row 项目台账 .xlsx into the grid: the DOM reader (read.ts, whole workbook in ExcelJS
 * objects) against the streaming reader (read-stream.ts) that `scorecard check|assess` use for files.
 * Median of 3 runs each (after one warm-up of each), and a check that both give the same grid.
 * Run: npx tsx scripts/bench-read.ts [rows]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import ExcelJS from "exceljs";
import type { WorkbookGrid } from "../src/core/grid";
import { readWorkbookFile, readWorkbookFileDom } from "../src/workbook/exceljs/read-file";
import { streamWorkbookFile } from "../src/workbook/exceljs/read-stream";
import { buildDataset } from "./bench/dataset";

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = 3;

async function writeLedger(path: string): Promise<void> {
  const data = buildDataset(ROWS);
  const wb = new ExcelJS.Workbook();
  const targets = wb.addWorksheet("目标分解表");
  for (const row of data.targets) targets.addRow(row);
  const ledger = wb.addWorksheet("项目台账");
  // Dates as real date cells, as a bureau's ledger holds them.
  ledger.getColumn(6).numFmt = "yyyy-mm-dd";
  data.ledger.forEach((row, i) => {
    const cells =
      i === 0 ? row : row.map((v, c) => (c === 5 ? new Date(`${String(v)}T00:00:00Z`) : v));
    ledger.addRow(cells);
  });
  await wb.xlsx.writeFile(path);
}

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
  const dir = mkdtempSync(join(tmpdir(), "bench-read-"));
  try {
    const path = join(dir, "ledger.xlsx");
    let start = performance.now();
    await writeLedger(path);
    const mb = statSync(path).size / 1e6;
    console.log(
      `${ROWS} ledger rows × 6 columns: ${mb.toFixed(1)} MB written in ${((performance.now() - start) / 1000).toFixed(1)} s`
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
