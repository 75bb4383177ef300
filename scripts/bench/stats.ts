/** Small helpers shared by the benchmark scripts: repetition statistics, arguments, memory. */
import { readFileSync } from "node:fs";

/** Median and spread of repeated timings (seconds). */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median =
    s.length === 0
      ? NaN
      : s.length % 2 === 1
        ? (s[Math.floor(mid)] ?? NaN)
        : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  return { median, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, n: s.length };
}

/** "0.123 s (0.118–0.131, n=5)"; milliseconds below a second. */
export function formatSpread(x: Spread): string {
  const f = (v: number) => (x.median < 1 ? `${(v * 1000).toFixed(1)}` : v.toFixed(2));
  const unit = x.median < 1 ? "ms" : "s";
  return x.n > 1
    ? `${f(x.median)} ${unit} (${f(x.min)}–${f(x.max)}, n=${x.n})`
    : `${f(x.median)} ${unit} (n=1)`;
}

export function numberArg(name: string, fallback: number, argv = process.argv): number {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} needs a positive number`);
  return v;
}

export function stringArg(name: string, argv = process.argv): string | undefined {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
}

/** This process's peak resident set so far, in MB (Linux reports maxRSS in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Wall time and this process's CPU time (user + system, all threads) of repeated runs. On a shared machine the
 * CPU time is the steadier of the two: other people's work stretches the wall clock, not our CPU seconds.
 */
export interface Timing {
  readonly wall: Spread;
  readonly cpu: Spread;
}

export function timing(samples: readonly { wall: number; cpu: number }[]): Timing {
  return { wall: spread(samples.map((x) => x.wall)), cpu: spread(samples.map((x) => x.cpu)) };
}

/** Runs `fn` once as a warm-up, then `reps` timed times; returns the timing and the last result. */
export async function measure<T>(
  reps: number,
  fn: () => T | Promise<T>,
  warmUp = true
): Promise<{ t: Timing; last: T }> {
  let last = warmUp ? await fn() : (undefined as T);
  const samples: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < Math.max(1, reps); i++) {
    const c = process.cpuUsage();
    const w = process.hrtime.bigint();
    last = await fn();
    const wall = Number(process.hrtime.bigint() - w) / 1e9;
    const used = process.cpuUsage(c);
    samples.push({ wall, cpu: (used.user + used.system) / 1e6 });
  }
  return { t: timing(samples), last };
}

/** CPU seconds of this process and of every child it has waited for (Linux: /proc/self/stat); NaN elsewhere. */
export function cpuWithChildren(): number {
  const self = process.cpuUsage();
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[13]) + Number(fields[14]);
    return (self.user + self.system) / 1e6 + ticks / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

export interface Step {
  readonly label: string;
  readonly wall: number;
  /** CPU seconds of the run and its children during the step (LibreOffice, HyperFormula, the CLI…). */
  readonly cpu: number;
}

/**
 * Where a benchmark run's own time goes, step by step (LibreOffice launches, fixtures, repetitions): each step is
 * announced on stderr as it starts and its wall and CPU seconds follow when the next one begins.
 */
export class StepLog {
  readonly steps: Step[] = [];
  private current: { label: string; wall: bigint; cpu: number } | null = null;

  begin(label: string): void {
    this.end();
    process.stderr.write(`… ${label}`);
    this.current = { label, wall: process.hrtime.bigint(), cpu: cpuWithChildren() };
  }

  end(): void {
    const c = this.current;
    if (!c) return;
    const step = {
      label: c.label,
      wall: Number(process.hrtime.bigint() - c.wall) / 1e9,
      cpu: cpuWithChildren() - c.cpu,
    };
    this.steps.push(step);
    process.stderr.write(` (${step.wall.toFixed(1)} s, CPU ${step.cpu.toFixed(1)} s)\n`);
    this.current = null;
  }
}
