import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { formatRankingText } from "../../core/report";
import { planSampleWorkbook, SAMPLE_AS_OF } from "../../core/samples";
import { WorkbookFileError, writePlanToNewFile } from "../../workbook/exceljs/file-io";
import { hasFlag, optionValue, parseArgs } from "../args";
import { CliError, EXIT } from "../exit";
import { asCliError, openFile } from "./cli-session";
import { checkOverwrite } from "./write-output";

export const DEMO_SAMPLE_FILE = "sample.xlsx";
export const DEMO_RESULT_FILE = "sample.assessed.xlsx";

/**
 * `scorecard demo [--out dir [--force]]`: writes the bundled sample (seed 001 campaign) and its assessed copy as of
 * 2008-01-31, then prints the paths and the ranking.
 */
export async function runDemo(
  args: string[],
  now: Date = new Date(),
  signal?: AbortSignal
): Promise<number> {
  const parsed = parseArgs("demo", args, { valued: ["out"], flags: ["force"] });
  if (parsed.positional.length > 0)
    throw new CliError(`scorecard demo: 多余的参数 / unexpected argument ${parsed.positional[0]}`);
  const dir = resolve(optionValue(parsed, "out") ?? "out");
  const samplePath = join(dir, DEMO_SAMPLE_FILE);
  const resultPath = join(dir, DEMO_RESULT_FILE);
  // The folder may be the user's: its own sample.xlsx is replaced only with --force (the demo's are rewritten).
  for (const path of [samplePath, resultPath]) await checkOverwrite(path, hasFlag(parsed, "force"));
  try {
    await mkdir(dir, { recursive: true });
    await writePlanToNewFile(planSampleWorkbook(), samplePath, signal);
  } catch (err) {
    if (err instanceof WorkbookFileError) throw new CliError(err.message);
    if (err instanceof Error && "code" in err)
      throw new CliError(`无法创建目录 / cannot create ${dir}: ${err.message}`);
    throw err;
  }
  process.stdout.write(`示例工作簿 / sample: ${samplePath}\n`);

  const { host, session } = openFile(samplePath, now);
  const evaluation = await session
    .evaluate({ asOf: SAMPLE_AS_OF }, undefined, signal)
    .then(async (e) => {
      // The demo's folder is its own: its result is rewritten on every run.
      await session.apply(e.plan, undefined, signal);
      await host.save(resultPath, signal);
      return e;
    })
    .catch((err: unknown) => {
      throw asCliError(err);
    });
  process.stdout.write(`考核结果 / result: ${resultPath}\n\n`);
  if (evaluation.results) process.stdout.write(formatRankingText(evaluation.results));
  return EXIT.ok;
}
