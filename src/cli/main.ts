import { runAssess } from "./commands/assess";
import { runCheck } from "./commands/check";
import { runDemo } from "./commands/demo";
import { runMerge } from "./commands/merge";
import { runTemplate } from "./commands/template";
import { CliError, EXIT } from "./exit";
import { Interrupted, listenForInterrupt } from "./interrupt";
import { guardStream } from "./terminal-text";

const USAGE = `招商考核助手 · Investment Promotion Scorecard

用法 / Usage:
  scorecard check  <in.xlsx> [--json] [--as-of YYYY-MM-DD] [--rules rules.json]
                   [--map "<sheet>!<col>=<field>"]… [--role "<sheet>=<role>"]… [--in-place | --out corrected.xlsx [--force]]
  scorecard assess <in.xlsx> [--out out.xlsx [--force] | --in-place] [--json] [--as-of YYYY-MM-DD] [--rules rules.json]
                   [--map "<sheet>!<col>=<field>"]… [--role "<sheet>=<role>"]… [--pdf]
  scorecard merge  <a.xlsx> <b.xlsx>… --out merged.xlsx [--force]
  scorecard template [--out blank.xlsx [--force]]
  scorecard demo   [--out dir [--force]]

不加 --out 或 --in-place 时，check 和 assess 绝不改动输入文件，也不保存任何工作簿（--pdf 只另写一份 PDF）。
Without --out or --in-place, check and assess never change the input file and save no workbook (--pdf writes only its PDF).
`;

const HELP = new Set(["--help", "-h", "help"]);

type Command = (args: string[], now: Date, signal: AbortSignal) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  assess: runAssess,
  merge: runMerge,
  template: runTemplate,
  demo: runDemo,
};

/**
 * Runs one command; resolves to its exit code (0, 1 with error issues, 2 for bad usage, 130 after Ctrl-C). Without
 * `signal` it listens for Ctrl-C and SIGTERM itself.
 */
export async function main(argv: string[], signal?: AbortSignal): Promise<number> {
  // Workbooks and paths supply much of what is printed: no control character of theirs reaches the terminal.
  const restore = [guardStream(process.stdout), guardStream(process.stderr)];
  const interrupt = signal ? null : listenForInterrupt();
  try {
    return await runCommand(argv, signal ?? (interrupt as { signal: AbortSignal }).signal);
  } finally {
    interrupt?.dispose();
    for (const r of restore) r();
  }
}

async function runCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const [name, ...rest] = argv;
  // Asked for, the usage is the output (exit 0); with no command at all it is bad usage, said on stderr (exit 2).
  if (name === undefined) {
    process.stderr.write(USAGE);
    return EXIT.usage;
  }
  if (HELP.has(name) || (name in COMMANDS && rest.some((a) => a === "--help" || a === "-h"))) {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  const run = COMMANDS[name];
  if (!run) {
    process.stderr.write(`未知命令 / unknown command: ${name}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, new Date(), signal);
  } catch (err) {
    if (signal.aborted && signal.reason instanceof Interrupted) {
      process.stderr.write(`${signal.reason.line}\n`);
      return signal.reason.exitCode;
    }
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    // Not a failure the user can act on: its text is internal; SCORECARD_DEBUG=1 shows it with the stack.
    if (process.env.SCORECARD_DEBUG)
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.stderr.write(
      `出错 / failed: 内部错误，请把输入文件和命令报告给维护者 / internal error; please report the input file and the command (${err instanceof Error ? err.name : typeof err})\n`
    );
    return EXIT.usage;
  }
}
