/**
 * Runs the scorecard CLI in-process, as `node bin/scorecard.cjs` would, capturing what it prints. The one
 * place the corpus knows the CLI's entry point: if the shell moves, only this changes.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { CliRun } from "./compare";

export async function runCliInProcess(argv: readonly string[]): Promise<CliRun> {
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
  try {
    const exitCode = await main([...argv]);
    return { exitCode, stdout, stderr };
  } catch (e) {
    return {
      exitCode: 2,
      stdout,
      stderr: `${stderr}${e instanceof Error ? e.message : String(e)}`,
    };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const BIN = join(__dirname, "..", "..", "bin", "scorecard.cjs");

/** The real binary, in a child process. */
export function runCliBinary(argv: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ exitCode: code ?? 2, stdout, stderr }));
  });
}

export function assessArgs(file: string, args: readonly string[]): string[] {
  return ["assess", file, "--json", ...args];
}
