import { resolve } from "node:path";
import type ExcelJS from "exceljs";
import type { WritePlan } from "../../core/report";
import type { AppliedSheet } from "../../workbook/exceljs/apply-plan";
import { applyPlanToWorkbook } from "../../workbook/exceljs/apply-plan";
import {
  loadWorkbook,
  writeWorkbookAtomic,
  WorkbookFileError,
} from "../../workbook/exceljs/file-io";
import { CliError, EXIT } from "../exit";

export type OutputTarget = { readonly outPath: string } | { readonly inPlace: true };

/**
 * Loads `inPath`, applies the plan and writes the result atomically to `outPath`, or back over the input only
 * when `inPlace` is asked for. Refuses an `outPath` that is the input itself. Returns the path written.
 */
export async function writeAssessedCopy(
  inPath: string,
  target: OutputTarget,
  plan: WritePlan
): Promise<{ path: string; sheets: AppliedSheet[] }> {
  const out = "inPlace" in target ? inPath : target.outPath;
  if (!("inPlace" in target) && resolve(out) === resolve(inPath)) {
    throw new CliError(
      `输出文件与输入文件相同，请用 --in-place / output is the input file, use --in-place: ${inPath}`,
      EXIT.usage
    );
  }
  try {
    const wb = await loadWorkbook(inPath);
    const sheets = applyPlanToWorkbook(wb, plan);
    await writeWorkbookAtomic(wb, out);
    return { path: out, sheets };
  } catch (err) {
    if (err instanceof WorkbookFileError) throw new CliError(err.message, EXIT.usage);
    throw err;
  }
}

/**
 * Same as writeAssessedCopy for a workbook already loaded from `inPath` (read once, e.g. with
 * `gridFromWorkbook`, then written): applies the plan to `wb` and writes it atomically.
 */
export async function writeAssessedWorkbook(
  wb: ExcelJS.Workbook,
  inPath: string,
  target: OutputTarget,
  plan: WritePlan
): Promise<{ path: string; sheets: AppliedSheet[] }> {
  const out = "inPlace" in target ? inPath : target.outPath;
  if (!("inPlace" in target) && resolve(out) === resolve(inPath)) {
    throw new CliError(
      `输出文件与输入文件相同，请用 --in-place / output is the input file, use --in-place: ${inPath}`,
      EXIT.usage
    );
  }
  const sheets = applyPlanToWorkbook(wb, plan);
  try {
    await writeWorkbookAtomic(wb, out);
  } catch (err) {
    if (err instanceof WorkbookFileError) throw new CliError(err.message, EXIT.usage);
    throw err;
  }
  return { path: out, sheets };
}

/** Default output path next to the input: book.xlsx → book.assessed.xlsx. */
export function defaultOutPath(inPath: string): string {
  return inPath.replace(/(\.xlsx)?$/i, ".assessed.xlsx");
}
