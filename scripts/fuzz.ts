/**
 * `npm run fuzz`: the whole file path of the product (read → recognise → validate → assess → WritePlan → write →
 * re-read) over random workbooks (test/fuzz/workbooks.ts), checking that no exception escapes, every issue names a
 * real cell, ranks form a competition ranking and every source sheet reads back unchanged (test/fuzz/pipeline.ts).
 * Seeded and reproducible; a failure prints the seed, the path to replay it and the smallest workbook found, saved
 * under test-output/fuzz/ as JSON and .xlsx. Findings become regression cases in test/fuzz/regressions.ts.
 *
 * The cases are shared among worker processes, one per core by default: every worker draws the same seeded
 * sequence of workbooks (drawing costs about 2 ms a case) and runs the cases whose index falls to it, so N workers
 * run exactly the cases one process would, and a failure's path replays the same way with any number of workers.
 *
 *   npm run fuzz                       10,000 cases from the default seed
 *   npm run fuzz -- --runs 500 --seed 7 --workers 1
 *   npm run fuzz -- --seed 7 --path 12:3   replay one failure (in one process)
 *   npm run fuzz -- --no-write             stop each case after the WritePlan (reader and engine only)
 *
 * SIGTERM / SIGINT stop a run and print the exact number of cases finished.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import fc from "fast-check";
import { runPipeline } from "../test/fuzz/pipeline";
import { fuzzXlsx, workbookArb, type FuzzWorkbook } from "../test/fuzz/workbooks";

export const DEFAULT_SEED = 20_240_614;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const jsonReplacer = (_k: string, v: unknown): unknown =>
  typeof v === "number" && !Number.isFinite(v) ? { number: String(v) } : v;

interface RunOptions {
  readonly runs: number;
  readonly seed: number;
  readonly write: boolean;
  readonly path?: string;
}

/** What one worker reports on its last stdout line. */
interface ShardReport {
  readonly shard: number;
  /** Cases this worker ran through the whole pipeline (shrinking excluded). */
  readonly executed: number;
  readonly stopped: boolean;
  readonly failure?: string;
}

const elapsed = (started: number): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** A workbook's input and output files live in memory where the machine has a tmpfs: the disk is not under test. */
function workRoot(): string {
  return existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
}

/**
 * Runs the cases of index ≡ shard (mod shards) from the seeded sequence. Once one fails, fast-check shrinks it and
 * every candidate runs here, whatever its index.
 */
async function runShard(
  options: RunOptions,
  shard: number,
  shards: number,
  stop: { stopped: boolean }
): Promise<ShardReport> {
  const work = mkdtempSync(join(workRoot(), "scorecard-fuzz-"));
  const started = Date.now();
  let drawn = 0;
  let executed = 0;
  let failing = false;
  const label = shards > 1 ? `[worker ${shard + 1}/${shards}] ` : "";
  const property = fc.asyncProperty(workbookArb, async (workbook: FuzzWorkbook) => {
    const index = drawn++;
    if (!failing && index % shards !== shard) return;
    if (stop.stopped) throw new Error("stopped");
    try {
      await runPipeline(workbook, work, { write: options.write });
    } catch (err) {
      failing = true;
      throw err;
    }
    if (failing) return;
    executed++;
    if (executed % 250 === 0)
      process.stderr.write(`${label}${executed} cases, ${elapsed(started)}\n`);
  });
  const result = await fc.check(property, {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path ? { path: options.path } : {}),
    endOnFailure: false,
  });
  rmSync(work, { recursive: true, force: true });
  if (stop.stopped) return { shard, executed, stopped: true };
  if (!result.failed) return { shard, executed, stopped: false };
  return { shard, executed, stopped: false, failure: await reportFailure(options, result) };
}

/** Saves the smallest workbook found and says how to replay it. */
async function reportFailure(
  options: RunOptions,
  result: fc.RunDetails<[FuzzWorkbook]>
): Promise<string> {
  const out = join(__dirname, "..", "test-output", "fuzz");
  mkdirSync(out, { recursive: true });
  const example = result.counterexample?.[0];
  // Named by the failing case, not the whole path: a shrink path can outgrow a file name.
  const index = String(result.counterexamplePath).split(":")[0];
  const base = join(out, `seed-${options.seed}-case-${index}`);
  if (example) {
    writeFileSync(`${base}.json`, JSON.stringify(example, jsonReplacer, 2));
    writeFileSync(`${base}.xlsx`, await fuzzXlsx(example));
  }
  const error =
    result.errorInstance instanceof Error
      ? result.errorInstance
      : new Error(String(result.errorInstance));
  if (process.env.SCORECARD_DEBUG) process.stderr.write(`${error.stack ?? ""}\n`);
  return (
    `case ${index} (seed ${options.seed}, path ${result.counterexamplePath})\n` +
    `  ${error.name}: ${error.message}\n` +
    `  replay: npm run fuzz -- --seed ${options.seed} --path ${result.counterexamplePath}\n` +
    (example ? `  smallest workbook: ${base}.json and .xlsx\n` : "")
  );
}

/** One worker process per shard, each this script with --shard; their reports summed. */
async function runWorkers(options: RunOptions, workers: number): Promise<ShardReport[]> {
  const children = Array.from({ length: workers }, (_, shard) =>
    spawn(
      process.execPath,
      [
        ...process.execArgv,
        __filename,
        ...["--runs", String(options.runs), "--seed", String(options.seed)],
        ...(options.write ? [] : ["--no-write"]),
        ...["--shard", `${shard}/${workers}`],
      ],
      { stdio: ["ignore", "pipe", "inherit"] }
    )
  );
  const forward = (): void => {
    for (const child of children) child.kill("SIGTERM");
  };
  process.once("SIGTERM", forward);
  process.once("SIGINT", forward);
  return Promise.all(
    children.map(
      (child, shard) =>
        new Promise<ShardReport>((resolve) => {
          let last: ShardReport | null = null;
          createInterface({ input: child.stdout }).on("line", (line) => {
            try {
              last = JSON.parse(line) as ShardReport;
            } catch {
              process.stdout.write(`${line}\n`);
            }
          });
          child.on("close", (code, signal) =>
            resolve(
              last ?? {
                shard,
                executed: 0,
                stopped: false,
                failure: `worker ${shard + 1} ended without a report (${signal ?? `exit ${code}`})\n`,
              }
            )
          );
        })
    )
  );
}

function summarise(options: RunOptions, reports: readonly ShardReport[], started: number): void {
  const executed = reports.reduce((n, r) => n + r.executed, 0);
  const failures = reports.filter((r) => r.failure);
  const stopped = reports.some((r) => r.stopped);
  const outcome =
    failures.length > 0
      ? `${failures.length} failure(s) below`
      : stopped
        ? "stopped before the end, none failed"
        : "all passed";
  process.stdout.write(
    `fuzz: ${executed} of ${options.runs} cases ran ${options.write ? "with write and re-read" : "without write"} ` +
      `(seed ${options.seed}, ${reports.length} worker(s), ${elapsed(started)}): ${outcome}\n`
  );
  for (const f of failures) process.stderr.write(`fuzz: FAILED ${f.failure ?? ""}`);
  if (failures.length > 0 || stopped) process.exitCode = 1;
}

async function main(): Promise<void> {
  const path = option("path");
  const options: RunOptions = {
    runs: Number(option("runs") ?? 10_000),
    seed: Number(option("seed") ?? DEFAULT_SEED),
    write: !process.argv.includes("--no-write"),
    ...(path ? { path } : {}),
  };
  const shardOption = option("shard");
  const stop = { stopped: false };
  if (shardOption) {
    // A worker: one JSON line on stdout for the parent.
    const [shard, shards] = shardOption.split("/").map(Number) as [number, number];
    const onStop = (): void => {
      stop.stopped = true;
    };
    process.once("SIGTERM", onStop);
    process.once("SIGINT", onStop);
    const report = await runShard(options, shard, shards, stop);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const started = Date.now();
  const workers = path ? 1 : Number(option("workers") ?? availableParallelism());
  const reports =
    workers > 1
      ? await runWorkers(options, workers)
      : [
          await (async () => {
            process.once("SIGTERM", () => (stop.stopped = true));
            process.once("SIGINT", () => (stop.stopped = true));
            return runShard(options, 0, 1, stop);
          })(),
        ];
  summarise(options, reports, started);
}

if (require.main === module) void main();
