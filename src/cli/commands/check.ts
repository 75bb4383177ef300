import type { Issue } from "../../core/issues";
import type { SheetReport } from "../../core/model";
import { recognizeWorkbook } from "../../core/recognize";
import { readSettings } from "../../core/state";
import { defaultRules, readRulesSheet } from "../../core/rules";
import {
  collectIssues,
  defaultValidationContext,
  type ValidationContext,
} from "../../core/validate";
import { readWorkbookFile } from "../../workbook/exceljs/read-file";
import { CliError, EXIT } from "../exit";
import { escapeLine } from "../terminal-text";

const USAGE = "用法 / usage: scorecard check <in.xlsx> [--json] [--as-of YYYY-MM-DD]";

interface CheckArgs {
  readonly file: string;
  readonly json: boolean;
  readonly asOf: Date;
}

function parseArgs(args: readonly string[]): CheckArgs {
  let file: string | null = null;
  let json = false;
  let asOf = new Date();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--json") json = true;
    else if (a === "--as-of") {
      const v = args[++i] ?? "";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        throw new CliError(
          `--as-of 需要 YYYY-MM-DD / --as-of needs YYYY-MM-DD, got "${v}"\n${USAGE}`
        );
      asOf = new Date(`${v}T00:00:00Z`);
    } else if (a.startsWith("-")) throw new CliError(`未知选项 / unknown option ${a}\n${USAGE}`);
    else if (file === null) file = a;
    else throw new CliError(`多余的参数 / unexpected argument ${a}\n${USAGE}`);
  }
  if (file === null) throw new CliError(USAGE);
  return { file, json, asOf };
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The rules sheet, when the workbook has one, sets the period and stages; otherwise the calendar year. */
function contextFor(
  grid: Parameters<typeof recognizeWorkbook>[0],
  rulesSheet: string | null,
  asOf: Date
): { context: ValidationContext; issues: readonly Issue[] } {
  const base = defaultValidationContext(asOf);
  const sheet = rulesSheet ? grid.sheets.find((s) => s.name === rulesSheet) : undefined;
  if (!sheet) return { context: base, issues: [] };
  const { rules, issues } = readRulesSheet(sheet, defaultRules(day(asOf)));
  const context: ValidationContext = {
    ...base,
    period: { start: utc(rules.period.start), end: utc(rules.period.end) },
    stages: rules.stages,
  };
  return { context, issues };
}

function sheetJson(r: SheetReport): Record<string, unknown> {
  return {
    name: r.name,
    role: r.role,
    confidence: r.confidence,
    headerRows: r.headerRows,
    columns: r.columns,
    dataRows: r.dataRows,
    totalRows: r.totalRows,
    unrecognisedColumns: r.unrecognisedColumns,
    units: r.units,
    hidden: r.hidden,
    ...(r.hiddenColumns ? { hiddenColumns: r.hiddenColumns } : {}),
  };
}

const ROLE_ZH: Readonly<Record<SheetReport["role"], string>> = {
  targets: "目标分解表",
  actuals: "完成情况表",
  combined: "目标与完成表",
  ledger: "项目台账",
  rules: "考核规则",
  output: "本工具输出",
  other: "其他",
};
const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;

function printText(
  source: string,
  reports: readonly SheetReport[],
  issues: readonly Issue[]
): string {
  const lines = [escapeLine(source)];
  for (const r of reports) {
    const rows = r.headerRows.length ? ` · 表头/header ${r.headerRows.join(",")}` : "";
    const data = r.dataRows ? ` · 数据/data ${r.dataRows.first}–${r.dataRows.last}` : "";
    lines.push(
      `  ${escapeLine(r.name)}: ${ROLE_ZH[r.role]} / ${r.role} (${r.confidence.toFixed(2)})${rows}${data}${r.hidden ? " · 隐藏/hidden" : ""}`
    );
    const cols = Object.entries(r.columns).map(([field, col]) => `${col}=${field}`);
    if (cols.length) lines.push(`    ${cols.join("  ")}`);
  }
  const count = (s: Issue["severity"]): number => issues.filter((i) => i.severity === s).length;
  lines.push(
    "",
    `问题 / issues: ${count("error")} 错误/errors, ${count("warning")} 警告/warnings, ${count("info")} 提示/info`
  );
  for (const i of issues)
    lines.push(
      `  [${SEVERITY_ZH[i.severity]}/${i.severity}] ${i.code} ${escapeLine(i.message_zh)}`,
      `      ${escapeLine(i.message_en)}${i.suggestion ? ` → ${escapeLine(i.suggestion)}` : ""}`
    );
  return `${lines.join("\n")}\n`;
}

/** `scorecard check <in.xlsx> [--json]`: recognition and issues; exit 1 when any issue is an error. */
export async function runCheck(args: string[]): Promise<number> {
  const { file, json, asOf } = parseArgs(args);
  let grid;
  try {
    grid = await readWorkbookFile(file);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), EXIT.usage);
  }
  const recognition = recognizeWorkbook(grid, readSettings(grid).overrides);
  const { context, issues: ruleIssues } = contextFor(grid, recognition.rulesSheet, asOf);
  const issues = [...ruleIssues, ...collectIssues(recognition, context)];
  if (json)
    process.stdout.write(
      `${JSON.stringify({ sheets: recognition.reports.map(sheetJson), issues }, null, 2)}\n`
    );
  else process.stdout.write(printText(grid.source, recognition.reports, issues));
  return issues.some((i) => i.severity === "error") ? EXIT.validationErrors : EXIT.ok;
}
