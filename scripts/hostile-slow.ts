/**
 * `npm run hostile`: the hostile cases too slow or too process-bound for npm test (SECURITY.md marks them "slow"):
 * a 1,000,000-row ledger, full-size zip bombs, SIGKILL at every phase of a write, concurrent runs, 6,000 indicators.
 * Each spawns the CLI with a timeout and measures its peak memory (/usr/bin/time); prints one line per case and
 * exits 1 if any fails. `npm run hostile -- R01 K02` runs only those cases. Takes several minutes (R01 most).
 */
import { rmSync } from "node:fs";
import { freshDir } from "../test/hostile/case";
import { HOSTILE_CASES } from "../test/hostile/cases";
import { MEASURED } from "../test/hostile/cases-process";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const cases = HOSTILE_CASES.filter(
    (c) => c.slow && c.run && (only.length === 0 || only.includes(c.id))
  );
  let failed = 0;
  for (const c of cases) {
    const dir = freshDir(`hostile-${c.id}-`);
    const started = Date.now();
    MEASURED.length = 0;
    let outcome = "pass";
    try {
      await c.run?.(dir);
    } catch (err) {
      outcome = `FAIL: ${err instanceof Error ? err.message : String(err)}`;
      failed++;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const runs = MEASURED.map(
      (m) => `${(m.ms / 1000).toFixed(1)} s, ${m.peakMiB ?? "?"} MiB peak`
    ).join("; ");
    process.stdout.write(
      `${c.id} ${c.category}: ${outcome} (${((Date.now() - started) / 1000).toFixed(1)} s${runs ? `; CLI: ${runs}` : ""})\n`
    );
  }
  process.stdout.write(`${cases.length - failed} passed, ${failed} failed\n`);
  if (failed) process.exitCode = 1;
}

void main();
