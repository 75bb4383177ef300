/**
 * The benchmark's .xlsx files, written once per (rows, units) with ExcelJS's streaming writer (a 1M-row ledger
 * does not fit an in-memory ExcelJS workbook) and cached under the system temp folder, since writing the big ones
 * takes longer than what they measure.
 */
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildDataset, type BenchDataset, type Row } from "./dataset";
import { LEDGER_SHEET, SUMMARY_SHEET, summaryFormulas } from "./formula-peer";

/** Bumped whenever the dataset or the files change shape, so stale caches are never reused. */
const FORMAT = 3;
/** Revision of the formula workbook (formula-peer.ts): 2 rounds each score to 4 decimals before ranking. */
const FORMULAS_REVISION = 2;
export const TARGETS_SHEET = "目标分解表";
export const LEDGER_SHEET_NAME = "项目台账";

export interface BenchFiles {
  /** 目标分解表 + 项目台账: what `scorecard assess` reads. */
  readonly ledger: string;
  /** 台账 + 汇总 formulas without cached values: what LibreOffice recalculates. */
  readonly formulas: string;
}

export function cacheDir(): string {
  const dir = process.env.SCORECARD_BENCH_CACHE ?? join(tmpdir(), "scorecard-bench");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** With `formulas`, strings beginning with "=" are formulas (no cached value); otherwise all text is text. */
function addRows(ws: ExcelJS.Worksheet, rows: readonly Row[], formulas: boolean): void {
  for (const values of rows) {
    const row = ws.addRow(
      formulas
        ? values.map((v) =>
            typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v
          )
        : values
    );
    values.forEach((v, c) => {
      if (v instanceof Date) row.getCell(c + 1).numFmt = "yyyy-mm-dd";
    });
    row.commit();
  }
}

type SheetRows = readonly [name: string, rows: readonly Row[], formulas: boolean];

async function write(path: string, sheets: readonly SheetRows[]): Promise<void> {
  const temp = `${path}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const [name, rows, formulas] of sheets) {
    const ws = wb.addWorksheet(name);
    addRows(ws, rows, formulas);
    ws.commit();
  }
  await wb.commit();
  renameSync(temp, path);
}

/** Where the files for a size live. */
function pathsFor(rows: number, units: number): BenchFiles {
  const dir = join(cacheDir(), `v${FORMAT}-${rows}x${units}`);
  mkdirSync(dir, { recursive: true });
  // The formulas have their own revision: a change of them rewrites them, not the ledger (minutes at 1M rows).
  return {
    ledger: join(dir, "ledger.xlsx"),
    formulas: join(dir, `formulas-r${FORMULAS_REVISION}.xlsx`),
  };
}

/** Writes (or reuses) both files for `data`. */
export async function benchFiles(data: BenchDataset): Promise<BenchFiles> {
  const { ledger, formulas } = pathsFor(data.rows, data.units.length);
  if (!existsSync(ledger))
    await write(ledger, [
      [TARGETS_SHEET, data.targets, false],
      [LEDGER_SHEET_NAME, data.ledger, false],
    ]);
  if (!existsSync(formulas))
    await write(formulas, [
      [LEDGER_SHEET, data.ledger, false],
      [SUMMARY_SHEET, summaryFormulas(data), true],
    ]);
  return { ledger, formulas };
}

export function megabytes(path: string): number {
  return statSync(path).size / 1e6;
}

/**
 * For callers that only need the files: builds the dataset only when a file is missing (at 1M rows the dataset
 * is about a minute of CPU and several hundred MB that a measured process must not carry).
 */
export async function benchFilesFor(rows: number, units: number): Promise<BenchFiles> {
  const paths = pathsFor(rows, units);
  if (existsSync(paths.ledger) && existsSync(paths.formulas)) return paths;
  return benchFiles(buildDataset(rows, units));
}
