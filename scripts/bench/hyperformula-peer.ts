/**
 * The formula workbook evaluated by HyperFormula, in its own process so its peak RSS is its own: build from the
 * sheets (parse + evaluate, as opening a person's file would) and read back the summary. Repeated `reps` times
 * after a warm-up at small sizes; once at large ones (`reps` 0). Prints one JSON document (HfReport).
 * Run: npx tsx scripts/bench/hyperformula-peer.ts --rows 10000 --units 30 --reps 3
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { buildDataset, type BenchDataset, type Cell } from "./dataset";
import {
  figuresOf,
  LEDGER_SHEET,
  SUMMARY_SHEET,
  summaryFormulas,
  type PeerFigures,
} from "./formula-peer";
import { measure, numberArg, peakRssMb, type Timing } from "./stats";

export interface HfReport {
  readonly rows: number;
  readonly units: number;
  readonly seconds: Timing;
  /** RSS once the dataset is built, before HyperFormula sees it. */
  readonly baselineRssMb: number;
  readonly figures: PeerFigures;
  readonly peakRssMb: number;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What a spreadsheet stores: dates as serial numbers. */
function raw(v: Cell): RawCellContent {
  return v instanceof Date ? (v.getTime() - EXCEL_EPOCH) / 86_400_000 : v;
}

export function runHyperFormula(data: BenchDataset): PeerFigures {
  const hf = HyperFormula.buildFromSheets(
    {
      [LEDGER_SHEET]: data.ledger.map((r) => r.map(raw)),
      [SUMMARY_SHEET]: summaryFormulas(data).map((r) => r.map(raw)),
    },
    // Excel and LibreOffice evaluate SUMPRODUCT's arguments as arrays (the rank formula's --(range>x));
    // HyperFormula does so only with array arithmetic on, and otherwise ranks every unit 1.
    { licenseKey: "gpl-v3", maxRows: data.ledger.length + 10, useArrayArithmetic: true }
  );
  const sheet = hf.getSheetId(SUMMARY_SHEET);
  if (sheet === undefined) throw new Error("summary sheet missing");
  const values = hf.getSheetValues(sheet);
  hf.destroy();
  return figuresOf(values.slice(1));
}

async function main(): Promise<void> {
  const rows = numberArg("--rows", 10_000);
  const units = numberArg("--units", 30);
  const reps = Number(process.argv[process.argv.indexOf("--reps") + 1] ?? 0) || 0;
  const data = buildDataset(rows, units);
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  // With reps, a warm-up run first; without, the one run is the figure.
  const run = await measure(Math.max(1, reps), () => runHyperFormula(data), reps > 0);
  const report: HfReport = {
    rows,
    units,
    seconds: run.t,
    baselineRssMb,
    figures: run.last,
    peakRssMb: peakRssMb(),
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
