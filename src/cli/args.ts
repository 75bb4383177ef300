/** The one argument parser of every `scorecard` command, and the options check and assess share. */
import { SHEET_ROLES, type RecognitionOverrides, type SheetRole } from "../core/model/recognition";
import { isoDay } from "../core/rules";
import { CliError } from "./exit";

export interface ParsedArgs {
  readonly command: string;
  readonly positional: string[];
  /** Last value of each single-valued option, `true` for a flag. */
  readonly options: Map<string, string | true>;
  /** Every value of each repeatable option, in order. */
  readonly lists: Map<string, string[]>;
}

export interface OptionSpec {
  /** Options taking one value (`--out x`, `--out=x`). */
  readonly valued?: readonly string[];
  /** Options taking a value, each occurrence kept (`--map a --map b`). */
  readonly repeatable?: readonly string[];
  readonly flags?: readonly string[];
}

/** Parses `args` for `command`; throws CliError (exit 2) naming the option for anything it does not know. */
export function parseArgs(command: string, args: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    const repeatable = spec.repeatable?.includes(name) ?? false;
    if (repeatable || spec.valued?.includes(name)) {
      const value = inline ?? args[++i];
      // An empty value (--out "") would name no file at all: refused here, not as "cannot write ''".
      if (
        value === undefined ||
        value.trim() === "" ||
        (inline === undefined && value.startsWith("--"))
      )
        throw new CliError(`scorecard ${command}: --${name} 需要一个值 / needs a value`);
      if (repeatable) lists.set(name, [...(lists.get(name) ?? []), value]);
      else options.set(name, value);
    } else if (spec.flags?.includes(name) && inline === undefined) {
      options.set(name, true);
    } else {
      throw new CliError(`scorecard ${command}: 未知选项 / unknown option --${name}`);
    }
  }
  return { command, positional, options, lists };
}

export function optionValue(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.options.get(name);
  return typeof v === "string" ? v : undefined;
}

export function hasFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.options.get(name) === true;
}

/** Exactly one input file, or a usage error naming what is wrong. */
export function singleInput(parsed: ParsedArgs, usage: string): string {
  const [first, second] = parsed.positional;
  if (first === undefined)
    throw new CliError(`scorecard ${parsed.command}: 缺少输入文件 / missing input file\n${usage}`);
  if (second !== undefined)
    throw new CliError(
      `scorecard ${parsed.command}: 多余的参数 / unexpected argument ${second}\n${usage}`
    );
  return first;
}

/** `--as-of`: a real calendar day written YYYY-MM-DD (2023-02-30 is refused), or undefined when absent. */
export function parseAsOf(parsed: ParsedArgs): string | undefined {
  const text = optionValue(parsed, "as-of");
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || isoDay(d) !== text)
    throw new CliError(
      `scorecard ${parsed.command}: --as-of 应为有效日期 YYYY-MM-DD / must be a valid date YYYY-MM-DD: ${text}`
    );
  return text;
}

const ROLES: readonly SheetRole[] = SHEET_ROLES;

/**
 * `--map "<sheet>!<col>=<field>"` (col: a column letter or the header text; an empty field unmaps the column)
 * and `--role "<sheet>=<role>"`, as the overrides the task pane saves.
 */
export function parseOverrides(parsed: ParsedArgs): RecognitionOverrides {
  const roles: Record<string, SheetRole> = {};
  const columns: Record<string, Record<string, string>> = {};
  for (const text of parsed.lists.get("role") ?? []) {
    const eq = text.lastIndexOf("=");
    const sheet = eq < 0 ? "" : text.slice(0, eq).trim();
    const role = ROLES.find((r) => r === text.slice(eq + 1).trim());
    if (!sheet || !role)
      throw new CliError(
        `scorecard ${parsed.command}: --role 应为 "<工作表>=<角色>" / must be "<sheet>=<role>" with a role of ${ROLES.join("|")}: ${text}`
      );
    roles[sheet] = role;
  }
  for (const text of parsed.lists.get("map") ?? []) {
    const bang = text.lastIndexOf("!");
    const eq = text.indexOf("=", bang + 1);
    const sheet = bang < 0 ? "" : text.slice(0, bang).trim();
    const column = eq < 0 ? "" : text.slice(bang + 1, eq).trim();
    if (!sheet || !column)
      throw new CliError(
        `scorecard ${parsed.command}: --map 应为 "<工作表>!<列>=<字段>" / must be "<sheet>!<column>=<field>": ${text}`
      );
    // A column letter is case-insensitive; header text is kept as written.
    const where = /^[A-Za-z]{1,3}$/.test(column) ? column.toUpperCase() : column;
    columns[sheet] = { ...columns[sheet], [where]: text.slice(eq + 1).trim() };
  }
  return {
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
  };
}
