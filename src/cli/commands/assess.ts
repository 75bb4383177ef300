import { toCliJson, type Assessment } from "../../core/assess";
import type { AppliedPlan } from "../../workbook/host";
import { checkWriteBackSize } from "../../workbook/exceljs/file-host";
import type { Issue } from "../../core/issues";
import { formatRankingText, honourText, incompleteBanner } from "../../core/report";
import { displayWidth } from "../../core/plan/text-width";
import { hasFlag, parseArgs, singleInput } from "../args";
import { CliError, EXIT } from "../exit";
import { escapeLine } from "../terminal-text";
import { asCliError, checkOverrideSheets, openRun, RUN_OPTIONS, type CliRun } from "./cli-session";
import {
  checkPdfTarget,
  findSoffice,
  pdfPathFor,
  SOFFICE_MISSING,
  writeMeetingPdf,
} from "./meeting-pdf";
import {
  checkExtension,
  checkOverwrite,
  CORRECTIONS_NOT_SAVED,
  outputTarget,
} from "./write-output";

const USAGE =
  '用法 / usage: scorecard assess <in.xlsx> [--out out.xlsx [--force] | --in-place] [--json] [--as-of YYYY-MM-DD] [--rules rules.json] [--map "<sheet>!<col>=<field>"]… [--role "<sheet>=<role>"]… [--pdf]';
/** Issues listed under the ranking on the terminal; the rest are counted (all are in --json and 校验结果). */
const LISTED_ISSUES = 15;

const SEVERITY_ZH: Record<Issue["severity"], string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Longest unit or indicator name in the terminal's ranking table (the sheets and --json carry them whole). */
const TABLE_NAME_CHARS = 60;

/** Names as the table shows them: one line each (a line feed in a name cannot fake a row), and not too wide. */
function forTable(r: NonNullable<Assessment["results"]>): NonNullable<Assessment["results"]> {
  return {
    ...r,
    units: r.units.map((u) => ({ ...u, unit: escapeLine(u.unit, TABLE_NAME_CHARS) })),
    indicators: r.indicators.map((i) => ({ ...i, name: escapeLine(i.name, TABLE_NAME_CHARS) })),
  };
}

/** The ranking and the issues as aligned text (CJK characters count two columns). */
export function formatAssessmentText(
  a: Pick<Assessment, "issues" | "results">,
  source: string
): string {
  const lines: string[] = [`招商考核 · ${source}`];
  const r = a.results;
  if (r) {
    const p = r.period;
    lines.push(
      `考核期 ${p.start} 至 ${p.end}，截至 ${p.asOf}，序时进度 ${(p.timeProgress * 100).toFixed(1)}%`,
      ""
    );
    const banner = incompleteBanner(r);
    if (banner)
      lines.push(
        `!! ${escapeLine(banner)}`,
        "!! ranking incomplete: do not publish it as it is",
        ""
      );
    lines.push(formatRankingText(forTable(r)).trimEnd(), "");
    for (const line of honourText(r)) lines.push(escapeLine(line));
  } else {
    lines.push("无法考核：没有找到目标分解表 / nothing assessed: no targets sheet");
  }
  const count = (s: Issue["severity"]) => a.issues.filter((i) => i.severity === s).length;
  lines.push(
    "",
    `问题 / issues: ${count("error")} 错误 error, ${count("warning")} 警告 warning, ${count("info")} 提示 info`
  );
  const listed = a.issues.filter((i) => i.severity !== "info").slice(0, LISTED_ISSUES);
  const where = listed.map((i) => `${escapeLine(i.sheet)}!${i.cell}`);
  const w = Math.max(0, ...where.map(displayWidth));
  listed.forEach((i, k) =>
    lines.push(
      `  [${SEVERITY_ZH[i.severity]}] ${pad(where[k] ?? "", w)}  ${escapeLine(i.message_zh)}`
    )
  );
  const more = a.issues.filter((i) => i.severity !== "info").length - listed.length;
  if (more > 0)
    lines.push(
      `  …另有 ${more} 条 / ${more} more (--json 或 --out 查看全部 / see --json or --out)`
    );
  return lines.join("\n") + "\n";
}

/**
 * Writes the outputs (with any --map/--role corrections in their state sheet) to `target`; with no target nothing
 * is written, and the outputs are applied in memory only when `inMemory` (for --pdf).
 * Returns the path written, if any, and where the sheets landed when the plan was applied.
 */
async function writeResult(
  run: CliRun,
  plan: Parameters<CliRun["session"]["apply"]>[0],
  target: string | null,
  options: { readonly force: boolean; readonly inMemory: boolean },
  signal?: AbortSignal
): Promise<{ written: string | null; applied: AppliedPlan | null }> {
  if (target !== null) {
    // A file the product did not write is never replaced without --force; macros keep their .xlsm.
    checkExtension({ path: run.host.path, bytes: await run.host.bytes() }, target);
    if (target !== run.host.path) await checkOverwrite(target, options.force);
    const applied = await run.session.apply(plan, undefined, signal);
    return { written: await run.host.save(target, signal), applied };
  }
  if (options.inMemory) {
    // The corrections travel in the state sheet the plan writes; nothing is saved, the PDF is the output.
    return { written: null, applied: await run.session.apply(plan, undefined, signal) };
  }
  return { written: null, applied: null };
}

/**
 * `scorecard assess <in.xlsx> [--out out.xlsx [--force] | --in-place] [--json] [--as-of …] [--rules …] [--map …]…
 * [--role …]…`: one application-layer run (the same as check's, plus results and outputs).
 * Exit 0 ok, 1 when error issues were found, 2 (CliError) for bad usage or an unreadable file.
 */
export async function runAssess(
  args: string[],
  now: Date = new Date(),
  signal?: AbortSignal
): Promise<number> {
  const parsed = parseArgs("assess", args, {
    ...RUN_OPTIONS,
    valued: [...RUN_OPTIONS.valued, "out"],
    flags: ["json", "in-place", "force", "pdf"],
  });
  const input = singleInput(parsed, USAGE);
  const target = outputTarget(parsed, input, USAGE);
  const force = hasFlag(parsed, "force");
  const pdf = hasFlag(parsed, "pdf");
  // Before any work: without LibreOffice, or over a PDF not to replace, nothing is written at all.
  const soffice = pdf ? findSoffice() : null;
  if (pdf && soffice === null) throw new CliError(SOFFICE_MISSING, EXIT.usage);
  const pdfPath = pdf ? pdfPathFor(target ?? input) : null;
  if (pdfPath !== null) await checkPdfTarget(pdfPath, force);
  // A file too large to write into is refused before the run, not after it.
  if (target !== null || pdf)
    await checkWriteBackSize(input).catch((err: unknown) => {
      throw asCliError(err);
    });
  const run = await openRun(parsed, input, now);
  const evaluation = await run.session
    .evaluate(run.options, undefined, signal)
    .catch((err: unknown) => {
      throw asCliError(err);
    });
  checkOverrideSheets(run, evaluation.reports);
  if (pdf && !evaluation.results)
    throw new CliError(
      "没有考核结果（未找到目标分解表），无法生成 PDF 会议材料 / nothing was assessed (no targets sheet), so there is no meeting pack to print",
      EXIT.usage
    );
  const { written, applied } = await writeResult(
    run,
    evaluation.plan,
    target,
    { force, inMemory: pdf },
    signal
  ).catch((err: unknown) => {
    throw asCliError(err);
  });
  const printed =
    pdfPath !== null && soffice !== null && applied !== null
      ? await writeMeetingPdf(await run.host.bytes(), applied, pdfPath, soffice, signal)
      : null;
  const a = { recognition: evaluation, issues: evaluation.issues, results: evaluation.results };
  const json = hasFlag(parsed, "json");
  if (json) process.stdout.write(JSON.stringify(toCliJson(a), null, 2) + "\n");
  else process.stdout.write(formatAssessmentText(a, run.host.source));
  if (written) {
    // With --json, stdout holds only the document.
    const say = (text: string) => (json ? process.stderr : process.stdout).write(text);
    say(`${json ? "" : "\n"}已写入 / written: ${written}\n`);
    for (const note of run.host.notes())
      say(`  ${escapeLine(note.message_zh)} / ${escapeLine(note.message_en)}\n`);
  }
  if (run.correcting && !written) process.stderr.write(CORRECTIONS_NOT_SAVED);
  if (printed)
    (json ? process.stderr : process.stdout).write(
      `会议材料 PDF（考核排名、通报稿、图表）/ meeting pack PDF: ${printed}\n`
    );
  return evaluation.issues.some((i) => i.severity === "error") ? EXIT.validationErrors : EXIT.ok;
}
