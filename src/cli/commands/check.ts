import type { Issue } from "../../core/issues";
import type { SheetReport } from "../../core/model";
import { toCliJson } from "../../core/assess";
import { hasFlag, parseArgs, singleInput } from "../args";
import { CliError, EXIT } from "../exit";
import { escapeLine } from "../terminal-text";
import { checkWriteBackSize } from "../../workbook/exceljs/file-host";
import { asCliError, checkOverrideSheets, openRun, RUN_OPTIONS, type CliRun } from "./cli-session";
import {
  checkExtension,
  checkOverwrite,
  CORRECTIONS_NOT_SAVED,
  outputTarget,
} from "./write-output";

const USAGE =
  '用法 / usage: scorecard check <in.xlsx> [--json] [--as-of YYYY-MM-DD] [--rules rules.json] [--map "<sheet>!<col>=<field>"]… [--role "<sheet>=<role>"]… [--in-place | --out corrected.xlsx [--force]]';

const ROLE_ZH: Readonly<Record<SheetReport["role"], string>> = {
  targets: "目标分解表",
  actuals: "完成情况表",
  combined: "目标与完成表",
  ledger: "项目台账",
  rules: "考核规则",
  output: "本工具输出",
  other: "其他",
};
const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;

function printText(
  source: string,
  reports: readonly SheetReport[],
  issues: readonly Issue[]
): string {
  const lines = [escapeLine(source)];
  for (const r of reports) {
    const rows = r.headerRows.length ? ` · 表头/header ${r.headerRows.join(",")}` : "";
    const data = r.dataRows ? ` · 数据/data ${r.dataRows.first}–${r.dataRows.last}` : "";
    lines.push(
      `  ${escapeLine(r.name)}: ${ROLE_ZH[r.role]} / ${r.role} (${r.confidence.toFixed(2)})${rows}${data}${r.hidden ? " · 隐藏/hidden" : ""}`
    );
    const cols = Object.entries(r.columns).map(([field, col]) => `${col}=${escapeLine(field)}`);
    if (cols.length) lines.push(`    ${cols.join("  ")}`);
  }
  const count = (s: Issue["severity"]): number => issues.filter((i) => i.severity === s).length;
  lines.push(
    "",
    `问题 / issues: ${count("error")} 错误/errors, ${count("warning")} 警告/warnings, ${count("info")} 提示/info`
  );
  for (const i of issues)
    lines.push(
      `  [${SEVERITY_ZH[i.severity]}/${i.severity}] ${i.code} ${escapeLine(i.message_zh)}`,
      `      ${escapeLine(i.message_en)}${i.suggestion ? ` → ${escapeLine(i.suggestion)}` : ""}`
    );
  return `${lines.join("\n")}\n`;
}

/**
 * Saves --map/--role corrections in the workbook, as the task pane saves them: into the input with --in-place, or
 * into a copy with --out (never over a file the product did not write, unless --force).
 */
export async function saveCorrections(
  run: CliRun,
  overrides: Parameters<CliRun["session"]["saveOverrides"]>[0],
  target: string,
  force: boolean,
  signal?: AbortSignal
): Promise<string> {
  signal?.throwIfAborted();
  if (target !== run.host.path) {
    checkExtension({ path: run.host.path, bytes: await run.host.bytes() }, target);
    await checkOverwrite(target, force);
  }
  await run.session.saveOverrides(overrides);
  return run.host.save(target, signal);
}

/**
 * `scorecard check <in.xlsx> [--json] [--as-of …] [--rules …] [--map …]… [--role …]… [--in-place | --out …]`:
 * recognition and every issue `assess` would report for the same workbook and options (one application-layer run).
 * It reads only: the corrections are saved in a workbook only when --in-place or --out says where.
 * Exit 1 when any issue is an error, 2 for bad usage or an unreadable file.
 */
export async function runCheck(
  args: string[],
  now: Date = new Date(),
  signal?: AbortSignal
): Promise<number> {
  const parsed = parseArgs("check", args, {
    ...RUN_OPTIONS,
    valued: [...RUN_OPTIONS.valued, "out"],
    flags: ["json", "in-place", "force"],
  });
  const file = singleInput(parsed, USAGE);
  const target = outputTarget(parsed, file, USAGE);
  const run = await openRun(parsed, file, now);
  if (target !== null && !run.correcting)
    throw new CliError(
      `scorecard check: --in-place 与 --out 用于保存 --map/--role 识别修正，但未给出任何修正 / ` +
        `--in-place and --out save --map/--role corrections, and none were given\n${USAGE}`
    );
  if (target !== null)
    await checkWriteBackSize(file).catch((err: unknown) => {
      throw asCliError(err);
    });
  const outcome = await run.session.check(run.options, signal).catch((err: unknown) => {
    throw asCliError(err);
  });
  checkOverrideSheets(run, outcome.reports);
  const saved =
    target !== null
      ? await saveCorrections(
          run,
          outcome.overrides,
          target,
          hasFlag(parsed, "force"),
          signal
        ).catch((err: unknown) => {
          throw asCliError(err);
        })
      : null;
  if (hasFlag(parsed, "json")) {
    const json = toCliJson({ recognition: outcome, issues: outcome.issues, results: null });
    const { sheets, pairings, issues } = json;
    process.stdout.write(`${JSON.stringify({ sheets, pairings, issues }, null, 2)}\n`);
  } else process.stdout.write(printText(file, outcome.reports, outcome.issues));
  if (saved) process.stderr.write(`已保存识别修正 / recognition corrections saved in ${saved}\n`);
  else if (run.correcting) process.stderr.write(CORRECTIONS_NOT_SAVED);
  return outcome.issues.some((i) => i.severity === "error") ? EXIT.validationErrors : EXIT.ok;
}
