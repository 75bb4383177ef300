/**
 * `npm run bench` (SPEC §8, BENCHMARKS.md): the engine, `scorecard assess` and the task pane's Office costs
 * against the formula workbook staff use today, evaluated by HyperFormula and by LibreOffice headless, on the
 * same seeded ledger at every size; every figure from one run, every time only after the three agree.
 *
 *   npm run bench                      1k, 10k, 100k, 300k, 1M rows × 30 units; 10k and 100k × 300 units
 *   npm run bench -- --quick           1k and 10k × 30 units, fewer repetitions: what .ci/run runs (< 1 min)
 *   npm run bench -- --sizes 1k,100k --units 30,300 [--no-hf] [--no-lo] [--no-cli] [--no-office] [--json out.json]
 *
 * Exit 1 when a peer disagrees with the engine or a ratio budget (budgets.ts) is broken.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, getPriority, loadavg, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_RULES } from "./bench-rules";
import { checkBudgets, QUICK_BUDGETS, TARGETS } from "./budgets";
import { bundleChildren, childrenDir, type ChildScript } from "./children";
import { isFailed, type BenchRow, type Failed } from "./types";
import { bundleSizes, INITIAL_BUDGET_KB } from "./bundle-sizes";
import type { PhaseReport } from "./engine-phases";
import { benchFilesFor, cacheDir, megabytes } from "./files";
import { disagreements, type PeerFigures } from "./formula-peer";
import type { HfReport } from "./hyperformula-peer";
import { openLibreOffice, sofficePath, type LibreOffice } from "./libreoffice-peer";
import type { OfficeReport } from "./office-costs";
import { printReport } from "./report";
import { StepLog, stringArg, timing, type Timing } from "./stats";
import { unitNames } from "./dataset";

const ROOT = join(__dirname, "..", "..");
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");

function sizes(text: string): number[] {
  return text.split(",").map((s) => {
    const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
    if (!m) throw new Error(`bad size "${s}" (e.g. 10k, 1m, 2500)`);
    const scale = { "": 1, k: 1e3, m: 1e6 }[(m[2] ?? "").toLowerCase()] ?? 1;
    return Math.round(Number(m[1]) * scale);
  });
}

interface Case {
  readonly rows: number;
  readonly units: number;
}

function cases(): Case[] {
  const rowList = sizes(stringArg("--sizes", argv) ?? (QUICK ? "1k,10k" : "1k,10k,100k,300k,1m"));
  const unitList = (stringArg("--units", argv) ?? (QUICK ? "30" : "30,300")).split(",").map(Number);
  const out: Case[] = [];
  for (const units of unitList)
    for (const rows of rowList) {
      // 300 units where they change the picture (many small groups); 30 units at every size.
      if (units !== 30 && !argv.includes("--units") && ![10_000, 100_000].includes(rows)) continue;
      out.push({ rows, units });
    }
  return out;
}

/** Repetitions after the warm-up: fewer as sizes grow (the machine is shared; big sizes run once or twice). */
function reps(rows: number): number {
  if (QUICK) return 3;
  if (rows <= 10_000) return 9;
  if (rows <= 100_000) return 5;
  return rows <= 300_000 ? 2 : 1;
}

/** Full runs nice their children by 5, unless the run itself was started niced (`nice -n 10 npm run bench`). */
const NICE = !QUICK && getPriority() <= 0 && existsSync("/usr/bin/nice");
/** The run's own time by step, printed as it goes and summarised in the report. */
const log = new StepLog();

/** The child scripts, bundled at the start of the run (children.ts). */
let bundled: Record<ChildScript, string> | null = null;

/** The command line of a child script: niced in full runs, with a larger heap where asked. */
function childCommand(script: ChildScript, args: string[], heapMb?: number): [string, string[]] {
  if (!bundled) throw new Error("the child scripts are not bundled yet");
  const node = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), bundled[script], ...args];
  return NICE
    ? ["/usr/bin/nice", ["-n", "5", process.execPath, ...node]]
    : [process.execPath, node];
}

/** A child's JSON line, or why it failed. */
function childResult<T>(status: number | null, stdout: string, stderr: string): T | Failed {
  if (status !== 0) {
    const why = (stderr || `exit ${String(status)}`).trim();
    return { error: why.split("\n").slice(-3).join(" | ") };
  }
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as T;
}

/** Runs a benchmark script in its own Node process and parses its JSON line. */
function child<T>(script: ChildScript, args: string[], heapMb?: number): T | Failed {
  const [cmd, cmdArgs] = childCommand(script, args, heapMb);
  const r = spawnSync(cmd, cmdArgs, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 60 * 60 * 1000,
  });
  return childResult<T>(r.status, r.stdout, r.stderr || (r.error?.message ?? ""));
}

/** The same, running beside the caller's next steps (--quick's peers: the run's wall time, not its CPU). */
function childInBackground<T>(script: ChildScript, args: string[], heapMb?: number) {
  const [cmd, cmdArgs] = childCommand(script, args, heapMb);
  return new Promise<T | Failed>((resolve) => {
    const p = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    p.on("error", (err) => resolve({ error: err.message }));
    p.on("close", (status) => resolve(childResult<T>(status, stdout, stderr)));
  });
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

/** `scorecard assess <ledger> --rules … --out …` as a user runs it; wall and CPU time, and its peak RSS. */
function runCli(ledger: string, rules: string, dir: string): Sample & { rssMb: number } {
  const out = join(dir, "assessed.xlsx");
  const rssFile = join(dir, "cli-rss.txt");
  rmSync(out, { force: true });
  const node = [
    "-r",
    join(__dirname, "rss-probe.cjs"),
    join(ROOT, "bin", "scorecard.cjs"),
    "assess",
    ledger,
    "--rules",
    rules,
    "--out",
    out,
    "--json",
  ];
  const [cmd, args] = NICE
    ? ["/usr/bin/nice", ["-n", "5", process.execPath, ...node]]
    : [process.execPath, node];
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, SCORECARD_BENCH_RSS: rssFile },
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1 = validation errors found (the dirty cells): still a complete run.
  if ((r.status !== 0 && r.status !== 1) || !existsSync(out))
    throw new Error(`scorecard assess failed (exit ${String(r.status)}): ${r.stderr.trim()}`);
  const [kb, cpuUs] = readFileSync(rssFile, "utf8").split(" ").map(Number);
  return { wall, cpu: (cpuUs ?? NaN) / 1e6, rssMb: (kb ?? NaN) / 1024 };
}

function timesOf(n: number, fn: () => Sample): Timing {
  return timing(Array.from({ length: n }, fn));
}

/** Disagreements of a peer with the engine, or null when the peer did not run. */
function agreement(
  units: readonly string[],
  engine: PeerFigures,
  peer: PeerFigures | null,
  name: string
) {
  return peer ? disagreements(units, engine, peer, ["engine", name]) : null;
}

const WITH_HF = !argv.includes("--no-hf");

/** HyperFormula: repetitions after a warm-up up to 10k, one cold run above (minutes each); --quick: see below. */
function hfArgs(c: Case): string[] {
  const reps = c.rows <= (QUICK ? 1_000 : 10_000) ? (QUICK ? 1 : 3) : 0;
  return ["--rows", String(c.rows), "--units", String(c.units), "--reps", String(reps)];
}

function withOffice(c: Case): boolean {
  return !argv.includes("--no-office") && c.rows <= (QUICK ? 10_000 : 100_000);
}

/** A case's HyperFormula and Office-cost runs, started beside the timed steps (--quick). */
interface Beside {
  readonly hf: Promise<HfReport | Failed> | null;
  readonly office: Promise<OfficeReport | Failed> | null;
}

/**
 * --quick starts every case's HyperFormula run (once at 1k, cold at 10k: seconds of CPU, JIT warm-up is noise
 * there and the budget's margin wide) and Office-cost count as soon as the files exist, beside the timed steps:
 * HyperFormula's CPU time is its own process's and the Office costs are counts, so only the run's wall time
 * changes. The files must exist first (two writers of one file would clash).
 */
function startBeside(c: Case): Beside {
  const args = ["--rows", String(c.rows), "--units", String(c.units)];
  return {
    hf: WITH_HF ? childInBackground<HfReport>("hyperformula-peer", hfArgs(c), 8192) : null,
    office: withOffice(c) ? childInBackground<OfficeReport>("office-costs", args, 4096) : null,
  };
}

async function runCase(
  c: Case,
  lo: LibreOffice | null,
  loStartup: Timing | null,
  dir: string,
  largestRows: number,
  beside: Beside | null
): Promise<BenchRow> {
  const label = `${c.rows.toLocaleString("en")} rows × ${c.units} units`;
  log.begin(`${label}: files`);
  const files = await benchFilesFor(c.rows, c.units);
  const args = ["--rows", String(c.rows), "--units", String(c.units)];
  log.begin(`${label}: engine phases`);
  const big = c.rows >= 300_000;
  const phases = child<PhaseReport>(
    "engine-phases",
    [...args, "--reps", String(reps(c.rows)), ...(big ? ["--no-warmup"] : [])],
    big ? 4096 : undefined
  );
  if (isFailed(phases)) throw new Error(`engine phases at ${label}: ${phases.error}`);
  const units = unitNames(c.units);

  let hf: HfReport | Failed | null = null;
  if (WITH_HF && !beside) {
    log.begin(`${label}: HyperFormula`);
    hf = child<HfReport>("hyperformula-peer", hfArgs(c), 8192);
  }

  let loRun: BenchRow["lo"] = null;
  // Each LibreOffice launch costs seconds of CPU: --quick asks it at its largest size only (HyperFormula checks 1k).
  if (lo && (!QUICK || c.rows === largestRows)) {
    log.begin(`${label}: LibreOffice`);
    const n = QUICK ? 1 : big ? 1 : 3;
    const runs = Array.from({ length: n }, () => lo.convert(files.formulas));
    const last = runs[runs.length - 1];
    if (last)
      loRun = {
        seconds: timing(runs.map((r) => ({ wall: r.seconds, cpu: r.cpu }))),
        figures: last.figures,
        rssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      };
  }

  let cli: BenchRow["cli"] = null;
  if (!argv.includes("--no-cli")) {
    log.begin(`${label}: scorecard assess`);
    const rules = join(dir, "rules.json");
    writeFileSync(rules, JSON.stringify(BENCH_RULES));
    let rssMb = 0;
    const once = () => {
      const r = runCli(files.ledger, rules, dir);
      rssMb = Math.max(rssMb, r.rssMb);
      return r;
    };
    // A warm-up run first (disk cache), except where one run is minutes, and in --quick, where the engine
    // phases have just read the file and the smallest size's run has loaded the CLI's modules from disk.
    const quickFirst = QUICK && c.rows <= 1_000;
    if (!big && !QUICK) once();
    const n = QUICK ? (quickFirst ? 1 : 2) : big ? 1 : 3;
    cli = { seconds: timesOf(n, once), rssMb };
  }

  let office: OfficeReport | Failed | null = null;
  if (withOffice(c) && !beside) {
    log.begin(`${label}: Office costs (emulator)`);
    office = child<OfficeReport>("office-costs", args, 4096);
  }

  if (beside) {
    log.begin(`${label}: waiting for HyperFormula and Office costs (run beside the steps above)`);
    hf = beside.hf ? await beside.hf : null;
    office = beside.office ? await beside.office : null;
  }
  const hfFigures = hf && !isFailed(hf) ? hf.figures : null;
  return {
    rows: c.rows,
    units: c.units,
    fileMb: megabytes(files.ledger),
    phases,
    hf,
    lo: loRun,
    loStartup,
    cli,
    office,
    disagree: {
      hf: agreement(units, phases.figures, hfFigures, "HyperFormula"),
      lo: agreement(units, phases.figures, loRun?.figures ?? null, "LibreOffice"),
    },
  };
}

let versionText: string | null | undefined;
/** `soffice --version`, asked once; null when it fails. */
function sofficeVersion(soffice: string): string | null {
  if (versionText === undefined)
    try {
      versionText = execFileSync(soffice, ["--version"], { encoding: "utf8" }).trim();
    } catch {
      versionText = null;
    }
  return versionText;
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const soffice = sofficePath();
  const lo = soffice ? (sofficeVersion(soffice) ?? "installed (version unknown)") : "not installed";
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; Node ${process.version}; ${lo}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), "bench-run-"));
  const soffice = argv.includes("--no-lo") ? null : sofficePath();
  // --lo-self-tests: LibreOffice as measured before 2026-11-28 (its render self-tests at every launch).
  const selfTests = argv.includes("--lo-self-tests");
  const version = soffice && !selfTests ? sofficeVersion(soffice) : null;
  const profileCache = version
    ? join(cacheDir(), `lo-profile-${version.replace(/[^\w.]+/g, "_")}`)
    : null;
  const lo = soffice ? openLibreOffice(soffice, { version, profileCache }) : null;
  try {
    log.begin("child scripts (esbuild)");
    bundled = bundleChildren(childrenDir());
    const list = cases();
    let besides: Beside[] = [];
    if (QUICK) {
      log.begin("files (written once, then cached)");
      for (const c of list) await benchFilesFor(c.rows, c.units);
      besides = list.map(startBeside);
    }
    let loStartup: Timing | null = null;
    if (lo) {
      const empty = await benchFilesFor(30, 30);
      if (lo.needsFirstLaunch) {
        log.begin("LibreOffice profile (first launch, untimed; kept for later runs)");
        lo.convert(empty.formulas);
        lo.keepProfile();
      }
      log.begin("LibreOffice start-up (empty workbook)");
      // Two timed runs in --quick (about 1.4 s of CPU each): their spread decides whether the 10k recalculation
      // stands out of the start-up's noise (budgets.ts).
      loStartup = timesOf(QUICK ? 2 : 3, () => {
        const r = lo.convert(empty.formulas);
        return { wall: r.seconds, cpu: r.cpu };
      });
    }
    // The bin builds its precompiled CLI on first use and after an edit: build it now, never inside a timed run.
    if (!argv.includes("--no-cli")) {
      log.begin("precompiled CLI (bin/cli-bundle.cjs)");
      execFileSync(process.execPath, [join(ROOT, "bin", "cli-bundle.cjs")], { stdio: "inherit" });
    }
    const rows: BenchRow[] = [];
    const largest = Math.max(...list.map((c) => c.rows));
    for (const [i, c] of list.entries())
      rows.push(await runCase(c, lo, loStartup, dir, largest, besides[i] ?? null));
    log.begin("bundle sizes");
    const bundle = bundleSizes(join(ROOT, "dist"));
    log.end();
    const failures = checkBudgets(rows, bundle, QUICK ? QUICK_BUDGETS : null);
    const host = machine();
    printReport({
      machine: host,
      quick: QUICK,
      rows,
      bundle,
      bundleBudgetKb: INITIAL_BUDGET_KB,
      targets: TARGETS,
      failures,
      seconds: (Date.now() - started) / 1000,
      cache: cacheDir(),
      steps: log.steps,
      load: [loadAtStart, loadavg()],
    });
    const json = stringArg("--json", argv);
    if (json)
      writeFileSync(
        json,
        JSON.stringify({ machine: host, rows, bundle, failures, steps: log.steps }, null, 2)
      );
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    lo?.dispose();
    rmSync(dir, { recursive: true, force: true });
    rmSync(childrenDir(), { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
