import { resolve } from "node:path";
import { isoDay } from "../../core/grid";
import { planTemplate } from "../../core/samples";
import { WorkbookFileError, writePlanToNewFile } from "../../workbook/exceljs/file-io";
import { CliError, EXIT } from "../exit";
import { hasFlag, optionValue, parseArgs } from "../args";
import { checkOverwrite } from "./write-output";

export const DEFAULT_TEMPLATE_PATH = "scorecard-template.xlsx";

/** `scorecard template [--out blank.xlsx [--force]]`: the standard blank workbook with dropdowns. */
export async function runTemplate(
  args: string[],
  now: Date = new Date(),
  signal?: AbortSignal
): Promise<number> {
  const parsed = parseArgs("template", args, { valued: ["out"], flags: ["force"] });
  if (parsed.positional.length > 0)
    throw new CliError(
      `scorecard template: 多余的参数 / unexpected argument ${parsed.positional[0]}`
    );
  const out = resolve(optionValue(parsed, "out") ?? DEFAULT_TEMPLATE_PATH);
  // As every --out: a file the product did not write (or that was saved since) is replaced only with --force.
  await checkOverwrite(out, hasFlag(parsed, "force"));
  try {
    await writePlanToNewFile(planTemplate({ asOf: isoDay(now) }), out, signal);
  } catch (err) {
    if (err instanceof WorkbookFileError) throw new CliError(err.message);
    throw err;
  }
  process.stdout.write(`${out}\n`);
  return EXIT.ok;
}
