/**
 * The 校验结果 summary page (issue 16): what a reviewer reads before any detail — counts by severity, by sheet and
 * by kind, and the errors to fix first — so a workbook with 300 warnings does not print 15 pages of them before its
 * first error.
 */
import {
  countBySeverity,
  issueKindName,
  SEVERITIES,
  type Issue,
  type IssueCode,
  type Severity,
} from "../issues";
import type { SheetBuilder } from "../plan/sheet-builder";
import type { CellStyle } from "../plan/write-plan";

export const SEVERITY_STYLE: Readonly<
  Record<Severity, { label: string; symbol: string; fill: string; fontColor: string }>
> = {
  error: { label: "错误", symbol: "✖", fill: "D55E00", fontColor: "000000" },
  warning: { label: "警告", symbol: "▲", fill: "F0E442", fontColor: "000000" },
  info: { label: "提示", symbol: "ℹ", fill: "56B4E9", fontColor: "000000" },
};

/** Errors listed on the summary page; the rest of them open the details. */
export const SUMMARY_ERRORS = 15;

/** Columns of the sheet (shared by the summary tables and the detail list). */
export const LAST_COL = 8;

export const S = {
  section: { bold: true, fontSize: 12 },
  header: { bold: true, fill: "D9E1F2", horizontal: "center", vertical: "middle", border: "thin" },
  grid: { border: "thin", vertical: "top" },
  count: { horizontal: "center" },
  link: { fontColor: "0563C1", underline: true, horizontal: "center" },
  empty: { fill: "E2EFDA", bold: true, horizontal: "center" },
} satisfies Record<string, CellStyle>;

export const severityCell = (s: Severity): string =>
  `${SEVERITY_STYLE[s].symbol} ${SEVERITY_STYLE[s].label}`;

function severityFill(s: Severity): CellStyle {
  const look = SEVERITY_STYLE[s];
  return { fill: look.fill, fontColor: look.fontColor, horizontal: "center" };
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The three severity boxes on one row (label in column A). */
function severityBoxes(b: SheetBuilder, row: number, issues: readonly Issue[]): void {
  const counts = countBySeverity(issues);
  b.set(row, 0, "汇总");
  b.style({ bold: true }, row, 0);
  SEVERITIES.forEach((sev, k) => {
    const col = 1 + k * 2;
    b.set(row, col, `${severityCell(sev)} ${counts[sev]} 项`);
    b.merge(row, col, row, col + 1);
    b.style({ ...severityFill(sev), bold: true, border: "thin" }, row, col, row, col + 1);
    b.exemptFromWidth(row, col);
  });
}

/** A summary table's title row and header (its first column spans A:C); returns the header's row. */
function tableHead(
  b: SheetBuilder,
  top: number,
  title: string,
  first: string,
  rest: readonly string[]
): number {
  b.set(top, 0, title);
  b.style(S.section, top, 0);
  b.exemptFromWidth(top, 0);
  const head = top + 1;
  b.set(head, 0, first);
  b.merge(head, 0, head, 2);
  b.setRow(head, 3, rest);
  b.style(S.header, head, 0, head, 6);
  return head;
}

/** 按工作表: one row per sheet, worst first: 错误 / 警告 / 提示 / 合计. Returns the next free row. */
function bySheet(b: SheetBuilder, top: number, issues: readonly Issue[]): number {
  const sheets = new Map<string, Issue[]>();
  for (const i of issues) sheets.set(i.sheet, [...(sheets.get(i.sheet) ?? []), i]);
  const rows = [...sheets].map(([sheet, list]) => ({ sheet, counts: countBySeverity(list) }));
  rows.sort((a, z) => z.counts.error - a.counts.error || z.counts.warning - a.counts.warning || 0);
  const head = tableHead(b, top, "按工作表", "工作表", ["错误", "警告", "提示", "合计"]);
  let row = head + 1;
  for (const r of rows) {
    b.set(row, 0, r.sheet);
    b.merge(row, 0, row, 2);
    b.exemptFromWidth(row, 0);
    b.setRow(row, 3, [r.counts.error, r.counts.warning, r.counts.info]);
    b.set(row, 6, r.counts.error + r.counts.warning + r.counts.info);
    SEVERITIES.forEach((sev, k) => {
      if (r.counts[sev] > 0) b.style(severityFill(sev), row, 3 + k);
    });
    row++;
  }
  b.style(S.count, head + 1, 3, row - 1, 6);
  b.style(S.grid, head + 1, 0, row - 1, 6);
  return row + 1;
}

/** 按问题类型: one row per kind and severity, errors first, with its sheets and a link to its first cell. */
function byKind(b: SheetBuilder, top: number, issues: readonly Issue[]): number {
  const kinds = new Map<string, { code: IssueCode; severity: Severity; list: Issue[] }>();
  for (const i of issues) {
    const key = `${i.severity}\u0000${i.code}`;
    const k = kinds.get(key) ?? { code: i.code, severity: i.severity, list: [] };
    k.list.push(i);
    kinds.set(key, k);
  }
  const rows = [...kinds.values()].sort(
    (a, z) => RANK[a.severity] - RANK[z.severity] || z.list.length - a.list.length
  );
  const head = tableHead(b, top, "按问题类型", "问题类型", [
    "级别",
    "数量",
    "首个位置",
    "涉及工作表",
  ]);
  let row = head + 1;
  for (const k of rows) {
    const first = k.list[0] as Issue;
    b.set(row, 0, `${issueKindName(k.code, "zh-CN")}（${k.code}）`);
    b.merge(row, 0, row, 2);
    b.exemptFromWidth(row, 0);
    b.setRow(row, 3, [severityCell(k.severity), k.list.length, first.cell]);
    b.style(severityFill(k.severity), row, 3);
    b.link(row, 5, first.sheet, first.cell, `转到 ${first.sheet}!${first.cell}`);
    b.style(S.link, row, 5);
    b.set(row, 6, [...new Set(k.list.map((i) => i.sheet))].join("、"));
    row++;
  }
  b.style(S.count, head + 1, 4, row - 1, 4);
  b.style(S.grid, head + 1, 0, row - 1, 6);
  return row + 1;
}

/** 需先处理的错误: the first errors with their cells, so the summary page alone tells what blocks scoring. */
function firstErrors(b: SheetBuilder, top: number, issues: readonly Issue[]): number {
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length === 0) return top;
  const shown = errors.slice(0, SUMMARY_ERRORS);
  const more = errors.length - shown.length;
  b.set(
    top,
    0,
    more > 0
      ? `需先处理的错误（前 ${shown.length} 项，共 ${errors.length} 项，全部见明细）`
      : "需先处理的错误"
  );
  b.style(S.section, top, 0);
  b.exemptFromWidth(top, 0);
  const head = top + 1;
  // The detail list's columns: 序号, 级别, (kind), 工作表, 单元格, 字段, 问题 — unmerged, so rows grow to fit.
  b.setRow(head, 0, ["序号", "级别", "问题类型", "工作表", "单元格", "字段", "问题"]);
  b.style(S.header, head, 0, head, 6);
  let row = head + 1;
  shown.forEach((i, n) => {
    b.setRow(row, 0, [
      n + 1,
      severityCell(i.severity),
      issueKindName(i.code, "zh-CN"),
      i.sheet,
      i.cell,
      i.field ?? "",
      i.message_zh,
    ]);
    b.style(severityFill(i.severity), row, 1);
    b.link(row, 4, i.sheet, i.cell, `转到 ${i.sheet}!${i.cell}`);
    b.style(S.link, row, 4);
    row++;
  });
  b.style({ wrap: true }, head + 1, 6, row - 1, 6);
  b.style(S.grid, head + 1, 0, row - 1, 6);
  return row + 1;
}

/** Writes the summary from `top`; returns the first row after it. */
export function planIssuesSummary(b: SheetBuilder, top: number, issues: readonly Issue[]): number {
  severityBoxes(b, top, issues);
  if (issues.length === 0) return top + 2;
  let row = bySheet(b, top + 2, issues);
  row = byKind(b, row, issues);
  return firstErrors(b, row, issues);
}
