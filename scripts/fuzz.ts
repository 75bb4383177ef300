/**
 * `npm run fuzz`: the whole file path of the product (read → recognise → validate → assess → WritePlan → write →
 * re-read) over random workbooks (test/fuzz/workbooks.ts), checking that no exception escapes, every issue names a
 * real cell, ranks form a competition ranking and every source sheet reads back unchanged (test/fuzz/pipeline.ts).
 * Seeded and reproducible; a failure prints the seed, the path to replay it and the smallest workbook found, saved
 * under test-output/fuzz/ as JSON and .xlsx. Findings become regression cases in test/fuzz/regressions.ts.
 *
 *   npm run fuzz                       10,000 cases from the default seed
 *   npm run fuzz -- --runs 500 --seed 7
 *   npm run fuzz -- --seed 7 --path 12:3   replay one failure
 *   npm run fuzz -- --no-write             stop each case after the WritePlan (reader and engine only)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

async function main(): Promise<void> {
  const runs = Number(option("runs") ?? 10_000);
  const seed = Number(option("seed") ?? DEFAULT_SEED);
  const path = option("path");
  const write = !process.argv.includes("--no-write");
  const work = mkdtempSync(join(tmpdir(), "scorecard-fuzz-"));
  let count = 0;
  const started = Date.now();
  const property = fc.asyncProperty(workbookArb, async (workbook: FuzzWorkbook) => {
    const dir = join(work, String(count++ % 4));
    mkdirSync(dir, { recursive: true });
    await runPipeline(workbook, dir, { write });
    if (count % 500 === 0)
      process.stderr.write(`${count} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  });
  const result = await fc.check(property, {
    numRuns: runs,
    seed,
    ...(path ? { path } : {}),
    endOnFailure: false,
  });
  rmSync(work, { recursive: true, force: true });
  if (!result.failed) {
    process.stdout.write(
      `fuzz: ${result.numRuns} cases passed (seed ${seed}${write ? "" : ", no write"}) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`
    );
    return;
  }
  const out = join(__dirname, "..", "test-output", "fuzz");
  mkdirSync(out, { recursive: true });
  const example = result.counterexample?.[0] as FuzzWorkbook | undefined;
  const base = join(
    out,
    `seed-${seed}-path-${String(result.counterexamplePath).replace(/:/g, "_")}`
  );
  if (example) {
    writeFileSync(`${base}.json`, JSON.stringify(example, jsonReplacer, 2));
    writeFileSync(`${base}.xlsx`, await fuzzXlsx(example));
  }
  const error =
    result.errorInstance instanceof Error
      ? result.errorInstance
      : new Error(String(result.errorInstance));
  process.stderr.write(
    `fuzz: FAILED after ${result.numRuns} cases (seed ${seed}, path ${result.counterexamplePath})\n` +
      `  ${error.name}: ${error.message}\n` +
      `  replay: npm run fuzz -- --seed ${seed} --path ${result.counterexamplePath}\n` +
      (example ? `  smallest workbook: ${base}.json and .xlsx\n` : "")
  );
  if (process.env.SCORECARD_DEBUG) process.stderr.write(`${error.stack ?? ""}\n`);
  process.exitCode = 1;
}

if (require.main === module) void main();
