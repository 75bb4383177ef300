/**
 * Running the CLI on a hostile case: in-process through main() (fast, for npm test) or as a spawned process with a
 * timeout and a peak-memory measurement (scripts/hostile-slow.ts). Either way the result is what a terminal would
 * receive, plus the checks every case shares: no stack trace, no internal error text, the input left unchanged.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";

export const ROOT = join(__dirname, "..", "..");
export const CLI = join(ROOT, "bin", "scorecard.cjs");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Peak resident memory of a spawned run in MiB, when /usr/bin/time could measure it. */
  readonly peakMiB?: number;
  readonly signal?: NodeJS.Signals | null;
}

/** main() with stdout and stderr captured behind its own terminal guard, as a user's terminal receives them. */
export async function runInProcess(args: readonly string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  const started = Date.now();
  try {
    const code = await main([...args]);
    return { code, stdout, stderr, ms: Date.now() - started };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const hasTime = existsSync("/usr/bin/time");

/** The CLI as a process, killed after `timeoutMs`; peak RSS through `/usr/bin/time -f %M` when present. */
export function runSpawned(
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv }
): CliResult {
  const started = Date.now();
  const command = hasTime ? "/usr/bin/time" : process.execPath;
  const argv = hasTime ? ["-f", "__PEAK_KB=%M", process.execPath, CLI, ...args] : [CLI, ...args];
  const r = spawnSync(command, argv, {
    encoding: "utf8",
    timeout: options.timeoutMs,
    killSignal: "SIGKILL",
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const peak = /__PEAK_KB=(\d+)/.exec(r.stderr ?? "");
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout ?? "",
    stderr: (r.stderr ?? "").replace(/__PEAK_KB=\d+\n?/, ""),
    ms: Date.now() - started,
    ...(peak ? { peakMiB: Math.round(Number(peak[1]) / 1024) } : {}),
  };
}

/** Starts the CLI and SIGKILLs it when `when()` first holds (polled) or after `afterMs`; resolves once it is dead. */
export function runAndKill(
  args: readonly string[],
  kill: { afterMs?: number; when?: () => boolean }
): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: "ignore" });
    let killed = false;
    const stop = (): void => {
      if (child.exitCode === null && !killed) {
        killed = true;
        child.kill("SIGKILL");
      }
    };
    const timer = kill.afterMs !== undefined ? setTimeout(stop, kill.afterMs) : undefined;
    const poll = kill.when
      ? setInterval(() => {
          if (kill.when?.()) stop();
        }, 2)
      : undefined;
    child.on("exit", (code) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ killed, code });
    });
  });
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

export function fileState(path: string): string {
  return existsSync(path) && statSync(path).isFile() ? sha256(path) : "absent";
}

const STACK = /\n\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)/;
const INTERNAL =
  /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|undefined \(reading|heap out of memory|node:internal/;

/** What every case checks: no stack trace and no internal error text on either stream. */
export function clean(result: CliResult): string[] {
  const problems: string[] = [];
  for (const [name, text] of [
    ["stdout", result.stdout],
    ["stderr", result.stderr],
  ] as const) {
    if (STACK.test(text)) problems.push(`${name} has a stack trace`);
    const internal = INTERNAL.exec(text);
    if (internal) problems.push(`${name} has internal error text: ${internal[0]}`);
  }
  return problems;
}

export const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

export function commandExists(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}
