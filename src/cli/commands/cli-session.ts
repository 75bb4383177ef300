/** What check and assess share: one way to read their options, open the file and run the application layer. */
import { defaultRules, isoDay, parseRulesJson, type RulesOverride } from "../../core/rules";
import { createCoreEngine } from "../../app/core-engine";
import { hasOverrides } from "../../app/overrides";
import { inThreadRunner } from "../../app/runners/in-thread-runner";
import { createSession } from "../../app/session";
import { SessionError } from "../../app/session-error";
import type { RunOptions, ScorecardSession } from "../../app/session-types";
import type { SheetReport } from "../../core/model";
import { WorkbookFileError } from "../../workbook/exceljs/file-io";
import { createFileHost, type FileHost } from "../../workbook/exceljs/file-host";
import { WorkbookReadError } from "../../workbook/exceljs/read";
import { PackageWriteError } from "../../workbook/xlsx-package";
import { optionValue, parseAsOf, parseOverrides, type OptionSpec, type ParsedArgs } from "../args";
import { CliError, EXIT } from "../exit";
import { readRulesJson } from "../rules-file";

/** The options of SPEC §9 that change what a run sees; check and assess accept the same. */
export const RUN_OPTIONS: Required<Pick<OptionSpec, "valued" | "repeatable">> = {
  valued: ["as-of", "rules"],
  repeatable: ["map", "role"],
};

export interface CliRun {
  readonly host: FileHost;
  readonly session: ScorecardSession;
  readonly options: RunOptions;
  /** --map or --role was given (saved in a workbook only with --in-place or --out). */
  readonly correcting: boolean;
}

/** Parses the run options (exit 2 on any bad one, before the file is opened) and opens the session. */
export async function openRun(parsed: ParsedArgs, path: string, now: Date): Promise<CliRun> {
  const asOf = parseAsOf(parsed);
  const overrides = parseOverrides(parsed);
  const rulesPath = optionValue(parsed, "rules");
  const rules =
    rulesPath === undefined ? undefined : await readRules(rulesPath, asOf ?? isoDay(now));
  const { host, session } = openFile(path, now);
  return {
    host,
    session,
    options: {
      ...(asOf === undefined ? {} : { asOf }),
      ...(rules === undefined ? {} : { rules }),
      ...(hasOverrides(overrides) ? { overrides } : {}),
    },
    correcting: hasOverrides(overrides),
  };
}

/** The application layer over an .xlsx file, with the engine in this process. */
export function openFile(path: string, now: Date): { host: FileHost; session: ScorecardSession } {
  const host = createFileHost(path);
  const engine = createCoreEngine();
  const load = async () => engine;
  const session = createSession({
    host,
    loadEngine: load,
    runner: inThreadRunner(load),
    now: () => now,
  });
  return { host, session };
}

/**
 * A --map or --role naming a sheet the workbook does not have is bad usage (exit 2), said with the workbook's sheet
 * names: recognition would silently leave it unused, and the run would look as if the correction had been made.
 */
export function checkOverrideSheets(run: CliRun, reports: readonly SheetReport[]): void {
  const given = run.options.overrides;
  if (!given) return;
  const names = new Set(reports.map((r) => r.name));
  const missing = [
    ...new Set([...Object.keys(given.roles ?? {}), ...Object.keys(given.columns ?? {})]),
  ].filter((sheet) => !names.has(sheet));
  if (missing.length === 0) return;
  const quoted = (list: Iterable<string>): string => [...list].map((n) => `"${n}"`).join(", ");
  throw new CliError(
    `--map/--role: 工作簿中没有工作表 ${quoted(missing)}（现有：${quoted(names)}）/ ` +
      `the workbook has no worksheet named ${quoted(missing)} (its worksheets: ${quoted(names)})`,
    EXIT.usage
  );
}

/** An unreadable or unwritable file is bad usage (exit 2) with its message alone; anything else is a bug. */
export function asCliError(err: unknown): unknown {
  if (err instanceof CliError) return err;
  if (
    err instanceof WorkbookFileError ||
    err instanceof WorkbookReadError ||
    err instanceof PackageWriteError
  )
    return new CliError(err.message, EXIT.usage);
  if (err instanceof SessionError && (err.code === "read_failed" || err.code === "write_failed"))
    return new CliError(readable(err), EXIT.usage);
  return err;
}

function readable(err: SessionError): string {
  const cause = err.cause;
  if (
    cause instanceof WorkbookFileError ||
    cause instanceof WorkbookReadError ||
    cause instanceof PackageWriteError
  )
    return cause.message;
  return `${err.message_zh} / ${err.message_en}`;
}

async function readRules(path: string, asOf: string): Promise<RulesOverride> {
  const parsed = parseRulesJson(await readRulesJson(path), defaultRules(asOf));
  if (!parsed.ok)
    throw new CliError(
      `规则文件有误 / invalid rules in ${path}:\n${parsed.errors.map((e) => `  - ${e}`).join("\n")}`
    );
  return parsed.override;
}
