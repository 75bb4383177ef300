/**
 * One size, in its own process (so its peak RSS is its own): the file path of `scorecard assess` phase by phase
 * — read (.xlsx → grid), recognise, validate, assess, plan (WritePlan), write (into the package) — and the
 * engine as the peers are compared with it (assessWorkbook + planOutputs on the grid). Warm-up, then `reps`
 * timed repetitions of each. Prints one JSON document (PhaseReport) on stdout.
 * Run: npx tsx scripts/bench/engine-phases.ts --rows 10000 --units 30 --reps 5 [--engine-only] [--no-warmup]
 */
import { readFile } from "node:fs/promises";
import { assessTables, assessWorkbook } from "../../src/core/assess";
import { validateForRules } from "../../src/core/assess/validate-link";
import { snapshotOwnership } from "../../src/core/ownership";
import { recognizeWorkbook } from "../../src/core/recognize";
import { planOutputs } from "../../src/core/report";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { writePlanIntoPackage } from "../../src/workbook/xlsx-package";
import { BENCH_NOW, BENCH_TODAY, benchRules } from "./bench-rules";
import { unitNames } from "./dataset";
import { benchFilesFor } from "./files";
import type { PeerFigures } from "./formula-peer";
import { measure as measureRuns, numberArg, peakRssMb, type Timing } from "./stats";

export const PHASES = ["read", "recognise", "validate", "assess", "plan", "write"] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseReport {
  readonly rows: number;
  readonly units: number;
  readonly reps: number;
  readonly phases: Record<Phase, Timing>;
  /** assessWorkbook + planOutputs on the grid in memory: what the peers are compared with. */
  readonly engine: Timing;
  readonly figures: PeerFigures;
  readonly issues: number;
  readonly complete: boolean;
  readonly peakRssMb: number;
  readonly writtenMb: number;
}

async function main(): Promise<void> {
  const rows = numberArg("--rows", 10_000);
  const units = numberArg("--units", 30);
  const reps = numberArg("--reps", 5);
  // At the big sizes one run is minutes of a shared machine; JIT warm-up is noise there.
  const warm = !process.argv.includes("--no-warmup");
  const measure = <T>(n: number, fn: () => T | Promise<T>) => measureRuns(n, fn, warm);
  // The files only, not the dataset in memory: this process's peak RSS is the engine's and the reader's.
  const files = await benchFilesFor(rows, units);
  const unitList = unitNames(units);
  const rules = benchRules();
  const options = { now: BENCH_NOW, rules: rules.override };

  // --engine-only: one untimed-in-spirit read, for profiling and before/after of engine changes.
  const engineOnly = process.argv.includes("--engine-only");
  const read = await (engineOnly
    ? measureRuns(1, () => readWorkbookFile(files.ledger), false)
    : measure(reps, () => readWorkbookFile(files.ledger)));
  const grid = read.last;
  const recognise = await measure(reps, () =>
    recognizeWorkbook(grid, {}, { asOf: rules.full.period.asOf })
  );
  const recognition = recognise.last;
  const validate = await measure(reps, () =>
    validateForRules(recognition, rules.full, BENCH_TODAY)
  );
  const targets = recognition.targets;
  if (!targets) throw new Error("the engine found no targets sheet in the benchmark workbook");
  const assess = await measure(reps, () =>
    assessTables({
      targets,
      actuals: recognition.actuals,
      ledgers: recognition.ledgers,
      lastYear: recognition.lastYear ?? null,
      rules: rules.full,
      previousRanks: null,
      previousAsOf: null,
      plan: { headerWeights: false },
    })
  );
  void assess.last;
  const engine = await measure(reps, () => {
    const a = assessWorkbook(grid, options);
    return { a, plan: planOutputs(a, { now: BENCH_NOW, source: grid.source }) };
  });
  const assessment = engine.last.a;
  const plan = await measure(reps, () =>
    planOutputs(assessment, { now: BENCH_NOW, source: grid.source })
  );
  const bytes = new Uint8Array(await readFile(files.ledger));
  const snapshot = snapshotOwnership(grid);
  const write = await measure(reps, () => writePlanIntoPackage(bytes, plan.last, snapshot));

  const byUnit = new Map(assessment.results?.units.map((u) => [u.unit, u]) ?? []);
  const rate = (unit: string, key: string) => byUnit.get(unit)?.indicators[key]?.rate ?? NaN;
  const report: PhaseReport = {
    rows,
    units,
    reps,
    phases: {
      read: read.t,
      recognise: recognise.t,
      validate: validate.t,
      assess: assess.t,
      plan: plan.t,
      write: write.t,
    },
    engine: engine.t,
    figures: {
      signedRate: unitList.map((u) => rate(u, "signed_total")),
      fundsRate: unitList.map((u) => rate(u, "到位资金")),
      rank: unitList.map((u) => byUnit.get(u)?.rank ?? NaN),
    },
    issues: assessment.issues.length,
    complete: assessment.complete,
    peakRssMb: peakRssMb(),
    writtenMb: write.last.bytes.length / 1e6,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
