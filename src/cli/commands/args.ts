import { CliError } from "../exit";

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/** `--name value` and `--flag`; `valued` lists the options that take a value. */
export function parseArgs(
  args: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  command: string
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith("--"))
        throw new CliError(`scorecard ${command}: --${name} 需要一个值 / needs a value`);
      options.set(name, value);
    } else if (flags.includes(name)) {
      options.set(name, true);
    } else {
      throw new CliError(`scorecard ${command}: 未知选项 / unknown option --${name}`);
    }
  }
  return { positional, options };
}

export function optionValue(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.options.get(name);
  return typeof v === "string" ? v : undefined;
}
