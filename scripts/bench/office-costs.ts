/**
 * What the task pane costs Excel for one size, through the Excel JS API emulator of the test suite (backed by the
 * benchmark's ledger file): syncs and request/response bytes of the read and of the write-back, and format calls
 * against the plan's distinct styles. In its own process (the emulator holds the workbook in ExcelJS objects).
 * Prints one JSON document (OfficeReport).
 * Run: npx tsx scripts/bench/office-costs.ts --rows 10000 --units 30
 */
import { assessWorkbook } from "../../src/core/assess";
import type { WritePlan } from "../../src/core/plan";
import { planOutputs } from "../../src/core/report";
import { createOfficeHost, DEFAULT_LIMITS, planWrites } from "../../src/workbook/office";
import { styleKey } from "../../src/workbook/office/format-ops";
import { ExcelEmulator } from "../../test/emulator/excel-emulator";
import { BENCH_NOW, benchRules } from "./bench-rules";
import { benchFilesFor } from "./files";
import { numberArg, peakRssMb } from "./stats";
import { readFile } from "node:fs/promises";

export interface OfficeCost {
  readonly syncs: number;
  readonly requestKb: number;
  readonly responseKb: number;
  readonly maxSyncKb: number;
}

export interface OfficeReport {
  readonly rows: number;
  readonly units: number;
  readonly read: OfficeCost;
  readonly write: OfficeCost;
  /** Fill/font/border/alignment steps the adapter sends (one per style on RangeAreas), and the plan's styles. */
  readonly formatCalls: number;
  readonly distinctStyles: number;
  /** Number-format steps: one matrix per block of rows (RangeAreas has no numberFormat in the Excel API). */
  readonly numberFormatCalls: number;
  readonly peakRssMb: number;
}

/**
 * Distinct fill/font/border/alignment styles per sheet (number formats apart), summed over the sheets; a sheet
 * with cells counts its base font (等线 11 on every cell, as the ExcelJS adapter writes it) as one more.
 */
function distinctStyles(plan: WritePlan): number {
  return plan.sheets.reduce((n, s) => {
    const styles = s.styles
      .filter((x) => x.ranges.length > 0)
      .map(({ style: { numberFormat, ...rest } }) => (void numberFormat, styleKey(rest)))
      .filter((x) => x !== "[]");
    const baseFont = s.values.some((row) => row.length > 0) ? 1 : 0;
    return n + new Set(styles).size + baseFont;
  }, 0);
}

async function main(): Promise<void> {
  const rows = numberArg("--rows", 10_000);
  const units = numberArg("--units", 30);
  const files = await benchFilesFor(rows, units);
  const emulator = await ExcelEmulator.fromBuffer(new Uint8Array(await readFile(files.ledger)), {
    apiVersion: "1.14",
  });
  const host = createOfficeHost(emulator.run, emulator.isSetSupported, { runId: () => "bench0" });
  const cost = (): OfficeCost => ({
    syncs: emulator.stats.syncs,
    requestKb: emulator.stats.requestBytes / 1024,
    responseKb: emulator.stats.responseBytes / 1024,
    maxSyncKb: emulator.stats.maxSyncBytes / 1024,
  });
  emulator.resetStats();
  const grid = await host.readGrid();
  const read = cost();
  const a = assessWorkbook(grid, { now: BENCH_NOW, rules: benchRules().override });
  const plan = planOutputs(a, { now: BENCH_NOW, source: grid.source });
  emulator.resetStats();
  await host.applyPlan(plan);
  const write = cost();
  const ops = planWrites(plan, DEFAULT_LIMITS).flatMap((b) => b.ops);
  const formatCalls = ops.filter((op) => op.kind === "style").length;
  const numberFormatCalls = ops.filter((op) => op.kind === "numberFormat").length;
  const report: OfficeReport = {
    rows,
    units,
    read,
    write,
    formatCalls,
    distinctStyles: distinctStyles(plan),
    numberFormatCalls,
    peakRssMb: peakRssMb(),
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
