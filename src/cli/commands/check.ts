import type { Issue } from "../../core/issues";
import type { SheetReport } from "../../core/model";
import { toCliJson } from "../../core/assess";
import { hasFlag, parseArgs, singleInput } from "../args";
import { EXIT } from "../exit";
import { escapeLine } from "../terminal-text";
import { asCliError, openRun, RUN_OPTIONS, type CliRun } from "./cli-session";

const USAGE =
  '用法 / usage: scorecard check <in.xlsx> [--json] [--as-of YYYY-MM-DD] [--rules rules.json] [--map "<sheet>!<col>=<field>"]… [--role "<sheet>=<role>"]…';

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

/** --map/--role given to check are saved in the workbook itself, as the task pane saves them. */
export async function saveCorrections(
  run: CliRun,
  overrides: Parameters<CliRun["session"]["saveOverrides"]>[0],
  signal?: AbortSignal
): Promise<string> {
  signal?.throwIfAborted();
  await run.session.saveOverrides(overrides);
  return run.host.save(undefined, signal);
}

/**
 * `scorecard check <in.xlsx> [--json] [--as-of …] [--rules …] [--map …]… [--role …]…`: recognition and every
 * issue `assess` would report for the same workbook and options (one application-layer run, no output
 * written). Exit 1 when any issue is an error, 2 for bad usage or an unreadable file.
 */
export async function runCheck(
  args: string[],
  now: Date = new Date(),
  signal?: AbortSignal
): Promise<number> {
  const parsed = parseArgs("check", args, { ...RUN_OPTIONS, flags: ["json"] });
  const file = singleInput(parsed, USAGE);
  const run = await openRun(parsed, file, now);
  const outcome = await run.session.check(run.options, signal).catch((err: unknown) => {
    throw asCliError(err);
  });
  const saved = run.correcting
    ? await saveCorrections(run, outcome.overrides, signal).catch((err: unknown) => {
        throw asCliError(err);
      })
    : null;
  if (hasFlag(parsed, "json")) {
    const json = toCliJson({ recognition: outcome, issues: outcome.issues, results: null });
    const { sheets, pairings, issues } = json;
    process.stdout.write(`${JSON.stringify({ sheets, pairings, issues }, null, 2)}\n`);
  } else process.stdout.write(printText(file, outcome.reports, outcome.issues));
  if (saved) process.stderr.write(`已保存识别修正 / recognition corrections saved in ${saved}\n`);
  return outcome.issues.some((i) => i.severity === "error") ? EXIT.validationErrors : EXIT.ok;
}
