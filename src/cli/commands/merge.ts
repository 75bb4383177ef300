import { basename, resolve } from "node:path";
import { mergeSubmissions, type Submission } from "../../core/merge";
import { planIssuesSheet } from "../../core/report";
import { WorkbookFileError, writePlanToNewFile } from "../../workbook/exceljs/file-io";
import { CliError, EXIT } from "../exit";
import { optionValue, parseArgs } from "../args";
import { recognizeWorkbook } from "../../core/recognize";
import { readWorkbookFile } from "../../workbook/exceljs/read-file";
import { checkOverwrite } from "./write-output";

/**
 * `scorecard merge <a.xlsx> <b.xlsx>… --out merged.xlsx [--force]`: consolidates submitted ledgers and actuals into one
 * workbook with a 报送文件 (file › sheet!row) column per row and a 校验结果 sheet of merge conflicts. Exit 1 when a conflict is an error.
 */
export async function runMerge(
  args: string[],
  now: Date = new Date(),
  signal?: AbortSignal
): Promise<number> {
  const parsed = parseArgs("merge", args, { valued: ["out"], flags: ["force"] });
  const out = optionValue(parsed, "out");
  if (!out) throw new CliError("scorecard merge: 需要 --out merged.xlsx / --out is required");
  if (parsed.positional.length === 0)
    throw new CliError("scorecard merge: 至少给出一个 .xlsx 文件 / give at least one .xlsx file");
  const outPath = resolve(out);
  if (parsed.positional.some((p) => resolve(p) === outPath)) {
    throw new CliError(
      `scorecard merge: 输出文件不能是输入文件之一 / the output cannot be one of the inputs: ${out}`
    );
  }
  // Before the inputs are read, so a refusal costs nothing.
  await checkOverwrite(outPath, parsed.options.get("force") === true);
  const submissions: Submission[] = [];
  for (const path of parsed.positional) {
    signal?.throwIfAborted();
    let grid;
    try {
      grid = await readWorkbookFile(path);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new CliError(
        reason.includes(basename(path)) ? reason : `无法读取 / cannot read ${path}: ${reason}`
      );
    }
    submissions.push({ source: basename(path), recognition: recognizeWorkbook(grid), grid });
  }
  const merged = mergeSubmissions(submissions);
  const plan = {
    ...merged.plan,
    sheets: [
      ...merged.plan.sheets,
      planIssuesSheet(merged.issues, {
        now,
        source: parsed.positional.map((p) => basename(p)).join("、"),
      }),
    ],
  };
  try {
    await writePlanToNewFile(plan, outPath, signal);
  } catch (err) {
    if (err instanceof WorkbookFileError) throw new CliError(err.message);
    throw err;
  }
  const { counts } = merged;
  process.stdout.write(
    `${outPath}\n合并 ${submissions.length} 个文件 / merged ${submissions.length} files: ` +
      `完成情况 ${counts.actuals} 行, 项目台账 ${counts.ledger} 行, 问题 ${merged.issues.length} 项\n`
  );
  return merged.issues.some((i) => i.severity === "error") ? EXIT.validationErrors : EXIT.ok;
}
