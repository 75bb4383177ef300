/** One hostile or faulty input, what the product must do with it, and the run that proves it. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { editedPackage } from "../workbook/exceljs/read-helpers";
import { clean, fileState, hasChinese, runInProcess, type CliResult } from "./cli-run";

export type Category =
  | "corrupt"
  | "encrypted"
  | "wrong format"
  | "bomb"
  | "giant range"
  | "1M rows"
  | "special file"
  | "path"
  | "symlink"
  | "injection"
  | "terminal escape"
  | "control characters"
  | "long text"
  | "forged marker"
  | "renamed sheet"
  | "concurrent runs"
  | "SIGKILL"
  | "usage"
  | "other producers";

export interface HostileCase {
  readonly id: string;
  readonly category: Category;
  /** The input, as a reviewer would describe it. */
  readonly input: string;
  /** What the product does with it. */
  readonly expected: string;
  /**
   * Where it is proved when not by `run` here: a test file (and test name) of another suite. A case with neither
   * `run` nor `proof` is a TODO the table shows as such.
   */
  readonly proof?: string;
  /** Spawns processes or takes long: run by scripts/hostile-slow.ts only, not in npm test. */
  readonly slow?: boolean;
  /** Known to fail today, owned by another change (named in `expected`): the run must fail until it is fixed. */
  readonly open?: string;
  readonly run?: (dir: string) => Promise<void>;
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function freshDir(prefix = "hostile-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small scorecard workbook: targets and actuals for `units`, one indicator, and a 项目台账. */
export function scorecardBook(
  units: readonly string[] = ["高新区", "经开区", "城东区"]
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const targets = wb.addWorksheet("目标分解表");
  targets.addRow(["责任单位", "实际利用外资(亿美元)", "实际利用内资(亿元)"]);
  units.forEach((u, i) => targets.addRow([u, 10 + i, 20 + i]));
  const actuals = wb.addWorksheet("完成情况表");
  actuals.addRow(["责任单位", "实际利用外资(亿美元)", "实际利用内资(亿元)"]);
  units.forEach((u, i) => actuals.addRow([u, 8 + 2 * i, 15 + 3 * i]));
  const ledger = wb.addWorksheet("项目台账");
  ledger.addRow(["项目名称", "责任单位", "总投资(万元)", "项目阶段"]);
  units.forEach((u, i) => ledger.addRow([`项目${i + 1}`, u, 5000 + i, "签约"]));
  return wb;
}

let defaultBook: Promise<Uint8Array> | undefined;

/** The scorecard book's package with `edits` applied (the default book is written once per run). */
export async function bookBytes(
  wb?: ExcelJS.Workbook,
  edits: Parameters<typeof editedPackage>[1] = {}
): Promise<Uint8Array> {
  const base = wb ?? (await (defaultBook ??= editedPackage(scorecardBook(), {})));
  return editedPackage(base, edits);
}

export interface Expect {
  /** Allowed exit codes. */
  readonly exit: readonly number[];
  readonly stdout?: RegExp;
  readonly stderr?: RegExp;
  /** Paths that must be byte-identical afterwards (inputs). */
  readonly unchanged?: readonly string[];
  readonly maxMs?: number;
}

/**
 * Runs the CLI in-process and checks the shared rules (no stack trace or internal text, inputs unchanged; a refusal
 * (exit 2) says why in Chinese and English) and the case's own expectations. Returns the result for more checks.
 */
export async function expectCli(args: readonly string[], want: Expect): Promise<CliResult> {
  const before = (want.unchanged ?? []).map(fileState);
  const r = await runInProcess(args);
  const show = `scorecard ${args.join(" ")} → exit ${String(r.code)}\nstdout: ${r.stdout.slice(0, 400)}\nstderr: ${r.stderr.slice(0, 400)}`;
  check(want.exit.includes(r.code ?? -1), `unexpected exit code: ${show}`);
  const problems = clean(r);
  check(problems.length === 0, `${problems.join("; ")}: ${show}`);
  const said = r.stderr || r.stdout;
  if (r.code === 2)
    check(hasChinese(said) && /[a-z]{3}/.test(said), `refusal not in zh and en: ${show}`);
  if (want.stdout)
    check(want.stdout.test(r.stdout), `stdout does not match ${String(want.stdout)}: ${show}`);
  if (want.stderr)
    check(want.stderr.test(r.stderr), `stderr does not match ${String(want.stderr)}: ${show}`);
  (want.unchanged ?? []).forEach((path, i) =>
    check(fileState(path) === before[i], `input changed: ${path}`)
  );
  if (want.maxMs !== undefined)
    check(r.ms <= want.maxMs, `took ${r.ms} ms (limit ${want.maxMs}): ${show}`);
  return r;
}
