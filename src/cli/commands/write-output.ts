/** Where assess and merge may write: never the input by accident, never over a file the product did not write. */
import { lstat, readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { isMacroEnabled, isProductPackage } from "../../workbook/xlsx-package";
import { hasFlag, optionValue, type ParsedArgs } from "../args";
import { CliError, EXIT } from "../exit";

export type OutputTarget =
  { readonly outPath: string; readonly force?: boolean } | { readonly inPlace: true };

/** Where the result goes; refuses an `outPath` that is the input itself unless `inPlace` was asked for. */
export function outputPath(inPath: string, target: OutputTarget): string {
  if ("inPlace" in target) return inPath;
  if (resolve(target.outPath) === resolve(inPath)) {
    throw new CliError(
      `输出文件与输入文件相同，请用 --in-place / output is the input file, use --in-place: ${inPath}`,
      EXIT.usage
    );
  }
  return target.outPath;
}

/**
 * Where a command writes, from `--out <file>` or `--in-place` (at most one): a new file, the input itself, or
 * nowhere (null). Nothing but these two flags ever makes a command write, so a reviewer's file stays as it was.
 */
export function outputTarget(parsed: ParsedArgs, input: string, usage: string): string | null {
  const out = optionValue(parsed, "out");
  const inPlace = hasFlag(parsed, "in-place");
  if (out !== undefined && inPlace)
    throw new CliError(
      `scorecard ${parsed.command}: --out 与 --in-place 只能选一个 / use either --out or --in-place\n${usage}`
    );
  if (inPlace) return outputPath(input, { inPlace: true });
  return out === undefined ? null : outputPath(input, { outPath: out });
}

/** Said when --map/--role were given with nowhere to save them. */
export const CORRECTIONS_NOT_SAVED =
  "识别修正只用于本次运行，未保存；要保存请加 --in-place（写回输入文件）或 --out <文件> / " +
  "the corrections apply to this run only and were not saved: add --in-place (into the input) or --out <file>\n";

/**
 * Refuses to replace an existing file the product did not write (or that was changed since it did) unless
 * `force`; "ours" is the stamp in the zip comment (xlsx-package/package-stamp.ts), never the extension.
 */
export async function checkOverwrite(path: string, force: boolean): Promise<void> {
  let stat;
  try {
    stat = await lstat(path);
  } catch {
    return; // Nothing there.
  }
  if (!stat.isFile() && !stat.isSymbolicLink())
    throw new CliError(
      `输出路径不是普通文件 / the output path is not a regular file: ${path}`,
      EXIT.usage
    );
  if (force) return;
  const ours =
    stat.isFile() && isProductPackage(await readFile(path).catch(() => new Uint8Array(0)));
  if (!ours)
    throw new CliError(
      `文件已存在，且不是本工具写出的（或写出后已被修改），未覆盖；确需覆盖请加 --force / ` +
        `${path} exists and was not written by this tool (or was changed since); not overwritten, add --force to replace it`,
      EXIT.usage
    );
}

/** A macro-enabled workbook's result must keep the .xlsm extension, or Excel refuses to open it. */
export function checkExtension(
  source: { readonly path: string; readonly bytes: Uint8Array },
  out: string
): void {
  if (!isMacroEnabled(source.bytes)) return;
  if (extname(out).toLowerCase() !== ".xlsm")
    throw new CliError(
      `${source.path} 是启用宏的工作簿，输出文件须以 .xlsm 结尾（宏保留不动）/ ` +
        `${source.path} is a macro-enabled workbook: the output must end in .xlsm (its macros are kept)`,
      EXIT.usage
    );
}
