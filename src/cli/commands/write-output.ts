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

/** Where the result goes; refuses an `outPath` that is the input itself unless `inPlace` was asked for. */
function outputPath(inPath: string, target: OutputTarget): string {
  if ("inPlace" in target) return inPath;
  if (resolve(target.outPath) === resolve(inPath)) {
    throw new CliError(
      `输出文件与输入文件相同，请用 --in-place / output is the input file, use --in-place: ${inPath}`,
      EXIT.usage
    );
  }
  return target.outPath;
}

function asCliError(err: unknown): unknown {
  return err instanceof WorkbookFileError ? new CliError(err.message, EXIT.usage) : err;
}

/**
 * Loads `inPath`, applies the plan and writes the result atomically to `outPath`, or back over the input only
 * when `inPlace` is asked for. Returns the path written.
 */
export async function writeAssessedCopy(
  inPath: string,
  target: OutputTarget,
  plan: WritePlan
): Promise<{ path: string; sheets: AppliedSheet[] }> {
  outputPath(inPath, target);
  const wb = await loadWorkbook(inPath).catch((err: unknown) => {
    throw asCliError(err);
  });
  return writeAssessedWorkbook(wb, inPath, target, plan);
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
  const out = outputPath(inPath, target);
  const sheets = applyPlanToWorkbook(wb, plan);
  await writeWorkbookAtomic(wb, out).catch((err: unknown) => {
    throw asCliError(err);
  });
  return { path: out, sheets };
}

/** Default output path next to the input: book.xlsx → book.assessed.xlsx. */
export function defaultOutPath(inPath: string): string {
  return inPath.replace(/(\.xlsx)?$/i, ".assessed.xlsx");
}
