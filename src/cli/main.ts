import { runAssess } from "./commands/assess";
import { runCheck } from "./commands/check";
import { runDemo } from "./commands/demo";
import { runMerge } from "./commands/merge";
import { runTemplate } from "./commands/template";
import { CliError, EXIT } from "./exit";

const USAGE = `招商考核助手 · Investment Promotion Scorecard

用法 / Usage:
  scorecard check  <in.xlsx> [--json]
  scorecard assess <in.xlsx> [--out out.xlsx] [--in-place] [--json] [--as-of YYYY-MM-DD] [--rules rules.json]
  scorecard merge  <a.xlsx> <b.xlsx>… --out merged.xlsx
  scorecard template [--out blank.xlsx]
  scorecard demo   [--out dir]
`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  assess: runAssess,
  merge: runMerge,
  template: runTemplate,
  demo: runDemo,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const run = COMMANDS[name];
  if (!run) {
    process.stderr.write(`未知命令 / unknown command: ${name}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`出错 / failed: ${message}\n`);
    return EXIT.usage;
  }
}
