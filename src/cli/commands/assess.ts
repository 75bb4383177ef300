import { basename } from "node:path";
import { assessWorkbook, toCliJson, type Assessment } from "../../core/assess";
import type { Issue } from "../../core/issues";
import { formatRankingText, incompleteBanner, planOutputs } from "../../core/report";
import { displayWidth } from "../../core/report/text-width";
import { defaultRules, isoDay, parseRulesJson, type RulesOverride } from "../../core/rules";
import { WorkbookFileError } from "../../workbook/exceljs/file-io";
import { WorkbookReadError } from "../../workbook/exceljs/read";
import { readWorkbookFile } from "../../workbook/exceljs/read-file";
import { CliError, EXIT } from "../exit";
import { readRulesJson } from "../rules-file";
import { escapeLine } from "../terminal-text";
import { optionValue, parseArgs } from "./args";
import {
  readSourceWorkbook,
  writeAssessedCopy,
  type OutputTarget,
  type SourceWorkbook,
  type WrittenCopy,
} from "./write-output";

const USAGE =
  "用法 / usage: scorecard assess <in.xlsx> [--json] [--as-of YYYY-MM-DD] [--rules rules.json] [--out out.xlsx [--force] | --in-place]";
/** Issues listed under the ranking on the terminal; the rest are counted (all are in --json and 校验结果). */
const LISTED_ISSUES = 15;

function parseAsOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || isoDay(d) !== text)
    throw new CliError(
      `scorecard assess: --as-of 应为有效日期 YYYY-MM-DD / must be a valid date YYYY-MM-DD: ${text}`
    );
  return text;
}

async function readRules(path: string, asOf: string): Promise<RulesOverride> {
  const json = await readRulesJson(path);
  const parsed = parseRulesJson(json, defaultRules(asOf));
  if (!parsed.ok)
    throw new CliError(
      `规则文件有误 / invalid rules in ${path}:\n${parsed.errors.map((e) => `  - ${e}`).join("\n")}`
    );
  return parsed.override;
}

const SEVERITY_ZH: Record<Issue["severity"], string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** The ranking and the issues as aligned text (CJK characters count two columns). */
export function formatAssessmentText(a: Assessment, source: string): string {
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
    lines.push(formatRankingText(r).trimEnd(), "");
    if (r.honour.red.length) lines.push(`红榜 / top: ${escapeLine(r.honour.red.join("、"))}`);
    if (r.honour.black.length)
      lines.push(`黑榜 / bottom: ${escapeLine(r.honour.black.join("、"))}`);
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
 * `scorecard assess <in.xlsx> [--json] [--as-of YYYY-MM-DD] [--rules rules.json] [--out out.xlsx | --in-place]`.
 * Exit 0 ok, 1 when error issues were found, 2 (CliError) for bad usage or an unreadable file.
 */
export async function runAssess(args: string[], now: Date = new Date()): Promise<number> {
  const parsed = parseArgs(
    args,
    ["out", "as-of", "rules"],
    ["json", "in-place", "force"],
    "assess"
  );
  if (parsed.positional.length !== 1) {
    throw new CliError(
      parsed.positional.length === 0
        ? `scorecard assess: 缺少输入文件 / missing input file\n${USAGE}`
        : `scorecard assess: 多余的参数 / unexpected argument ${parsed.positional[1]}\n${USAGE}`
    );
  }
  const inPath = parsed.positional[0] as string;
  const asOf = parseAsOf(optionValue(parsed, "as-of"));
  const outPath = optionValue(parsed, "out");
  const inPlace = parsed.options.get("in-place") === true;
  if (outPath !== undefined && inPlace)
    throw new CliError(
      `scorecard assess: --out 与 --in-place 只能选一个 / use either --out or --in-place\n${USAGE}`
    );
  const rulesPath = optionValue(parsed, "rules");
  const rules =
    rulesPath === undefined ? undefined : await readRules(rulesPath, asOf ?? isoDay(now));

  const writing = outPath !== undefined || inPlace;
  // Read once: the grid for the engine, and (when writing) the bytes the results are written into.
  let source: SourceWorkbook | null = null;
  let grid;
  try {
    source = writing ? await readSourceWorkbook(inPath) : null;
    grid = source?.grid ?? (await readWorkbookFile(inPath));
  } catch (err) {
    if (err instanceof WorkbookFileError || err instanceof WorkbookReadError)
      throw new CliError(err.message);
    throw err;
  }
  const assessment = assessWorkbook(grid, {
    now,
    ...(asOf === undefined ? {} : { asOf }),
    ...(rules === undefined ? {} : { rules }),
  });

  let written: WrittenCopy | null = null;
  if (source) {
    const target: OutputTarget = inPlace
      ? { inPlace: true }
      : { outPath: outPath as string, force: parsed.options.get("force") === true };
    const plan = planOutputs(assessment, { now, source: basename(inPath) });
    written = await writeAssessedCopy(source, target, plan);
  }

  const json = parsed.options.get("json") === true;
  if (json) process.stdout.write(JSON.stringify(toCliJson(assessment), null, 2) + "\n");
  else process.stdout.write(formatAssessmentText(assessment, basename(inPath)));
  if (written) {
    // With --json, stdout holds only the document.
    const say = (text: string) => (json ? process.stderr : process.stdout).write(text);
    say(`${json ? "" : "\n"}已写入 / written: ${written.path}\n`);
    for (const note of written.notes)
      say(`  ${escapeLine(note.message_zh)} / ${escapeLine(note.message_en)}\n`);
  }
  return assessment.issues.some((i) => i.severity === "error") ? EXIT.validationErrors : EXIT.ok;
}
