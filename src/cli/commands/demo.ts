import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { formatRankingText, planOutputs } from "../../core/report";
import { planSampleWorkbook, SAMPLE_AS_OF } from "../../core/samples";
import { WorkbookFileError, writePlanToNewFile } from "../../workbook/exceljs/file-io";
import { CliError, EXIT } from "../exit";
import { optionValue, parseArgs } from "./args";
import { assessWorkbook } from "../../core/assess";
import { readSourceWorkbook, writeAssessedCopy } from "./write-output";

export const DEMO_SAMPLE_FILE = "sample.xlsx";
export const DEMO_RESULT_FILE = "sample.assessed.xlsx";

/**
 * `scorecard demo [--out dir]`: writes the bundled sample (seed 001 campaign) and its assessed copy as of
 * 2008-01-31, then prints the paths and the ranking.
 */
export async function runDemo(args: string[], now: Date = new Date()): Promise<number> {
  const parsed = parseArgs(args, ["out"], [], "demo");
  if (parsed.positional.length > 0)
    throw new CliError(`scorecard demo: 多余的参数 / unexpected argument ${parsed.positional[0]}`);
  const dir = resolve(optionValue(parsed, "out") ?? "out");
  const samplePath = join(dir, DEMO_SAMPLE_FILE);
  try {
    await mkdir(dir, { recursive: true });
    await writePlanToNewFile(planSampleWorkbook(), samplePath);
  } catch (err) {
    if (err instanceof WorkbookFileError) throw new CliError(err.message);
    if (err instanceof Error && "code" in err)
      throw new CliError(`无法创建目录 / cannot create ${dir}: ${err.message}`);
    throw err;
  }
  process.stdout.write(`示例工作簿 / sample: ${samplePath}\n`);

  const sample = await readSourceWorkbook(samplePath);
  const assessed = assessWorkbook(sample.grid, { asOf: SAMPLE_AS_OF, now });
  const plan = planOutputs(
    {
      results: assessed.results,
      issues: assessed.issues,
      rulesSheet: assessed.rulesSheet,
      stateSheet: assessed.stateSheet,
    },
    { now, source: DEMO_SAMPLE_FILE }
  );
  const resultPath = join(dir, DEMO_RESULT_FILE);
  // The demo's folder is its own: its result is rewritten on every run.
  await writeAssessedCopy(sample, { outPath: resultPath, force: true }, plan);
  process.stdout.write(`考核结果 / result: ${resultPath}\n\n`);
  if (assessed.results) process.stdout.write(formatRankingText(assessed.results));
  return EXIT.ok;
}
