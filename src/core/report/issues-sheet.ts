import { groupForList, issueKindName, SEVERITIES, type Issue } from "../issues";
import { stampTime } from "./format";
import { ownerMarkerText } from "../plan/product-sheets";
import { SheetBuilder } from "../plan/sheet-builder";
import { displayWidth } from "../plan/text-width";
import type { CellStyle, SheetPlan } from "../plan/write-plan";
import { LAST_COL, planIssuesSummary, S, SEVERITY_STYLE, severityCell } from "./issues-summary";

export { SEVERITY_STYLE } from "./issues-summary";

export const ISSUES_SHEET_NAME = "校验结果";

export interface IssuesOptions {
  readonly now: Date;
  readonly utcOffsetMinutes?: number;
  /** File or workbook name, shown in the title line. */
  readonly source?: string;
  readonly sheetName?: string;
}

export const DETAIL_HEADER = [
  "序号",
  "级别",
  "代码",
  "工作表",
  "单元格",
  "字段",
  "问题",
  "Message",
  "建议",
] as const;

const LOOK = {
  title: { bold: true, fontSize: 14 },
  meta: { fontSize: 9, fontColor: "404040" },
  group: { bold: true, fill: "EDEDED", border: "thin" },
  wrap: { wrap: true },
  marker: { fontSize: 8, fontColor: "808080", italic: true },
} satisfies Record<string, CellStyle>;

/**
 * The details: errors, then warnings, then info; within each, grouped by sheet and kind as the task pane groups
 * them, a band row naming each group. Returns the first row after the list.
 */
function planDetails(b: SheetBuilder, head: number, issues: readonly Issue[]): number {
  b.setRow(head, 0, [...DETAIL_HEADER]);
  b.style(S.header, head, 0, head, LAST_COL);
  let row = head + 1;
  let n = 0;
  for (const severity of SEVERITIES) {
    for (const sheet of groupForList(issues, severity)) {
      for (const kind of sheet.kinds) {
        b.set(
          row,
          0,
          `${severityCell(severity)} · ${sheet.sheet} · ${issueKindName(kind.code, "zh-CN")}（${kind.code}）· ${kind.issues.length} 项`
        );
        b.merge(row, 0, row, LAST_COL);
        b.style(LOOK.group, row, 0, row, LAST_COL);
        b.exemptFromWidth(row, 0);
        row++;
        const first = row;
        for (const issue of kind.issues) {
          const look = SEVERITY_STYLE[issue.severity];
          b.setRow(row, 0, [
            ++n,
            severityCell(issue.severity),
            issue.code,
            issue.sheet,
            issue.cell,
            issue.field ?? "",
            issue.message_zh,
            issue.message_en,
            issue.suggestion ?? "",
          ]);
          b.style({ fill: look.fill, fontColor: look.fontColor, horizontal: "center" }, row, 1);
          b.link(row, 4, issue.sheet, issue.cell, `转到 ${issue.sheet}!${issue.cell}`);
          b.style(S.link, row, 4);
          row++;
        }
        b.style(LOOK.wrap, first, 6, row - 1, 8);
        b.style(S.grid, first, 0, row - 1, LAST_COL);
      }
    }
  }
  return row;
}

/**
 * 校验结果 (SPEC §7, issue 16): a summary page first (counts by severity, by sheet and by kind; the errors to fix
 * first), then, from a new printed page, every issue grouped by severity, sheet and kind, each linked to its cell.
 */
export function planIssuesSheet(issues: readonly Issue[], options: IssuesOptions): SheetPlan {
  const b = new SheetBuilder(options.sheetName ?? ISSUES_SHEET_NAME, "issues", true);
  b.set(0, 0, `校验结果${options.source ? `：${options.source}` : ""}`);
  b.merge(0, 0, 0, LAST_COL);
  b.style(LOOK.title, 0, 0);
  b.height(0, 24);
  b.set(
    1,
    0,
    `共 ${issues.length} 项 · 生成时间 ${stampTime(options.now, options.utcOffsetMinutes)} · 第 1 页为汇总，明细自下一页起（按级别、工作表、问题类型分组）`
  );
  b.merge(1, 0, 1, LAST_COL);
  b.style(LOOK.meta, 1, 0);
  b.exemptFromWidth(1, 0);

  let row = planIssuesSummary(b, 3, issues);
  let breakBefore: number | null = null;
  if (issues.length === 0) {
    b.set(row, 0, "未发现问题 · No issues found");
    b.merge(row, 0, row, LAST_COL);
    b.style(S.empty, row, 0, row, LAST_COL);
    row += 2;
  } else {
    b.set(row, 0, "明细");
    b.style(S.section, row, 0);
    breakBefore = row;
    row = planDetails(b, row + 1, issues) + 1;
  }
  b.set(row, 0, ownerMarkerText("issues"));
  b.merge(row, 0, row, LAST_COL);
  b.style(LOOK.marker, row, 0);
  b.exemptFromWidth(row, 0);

  const widths = b.autoWidths(6, 48);
  while (widths.length <= LAST_COL) widths.push(10);
  const sheet = b.build({
    columnWidths: widths,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      ...(breakBefore === null
        ? {}
        : {
            pageBreaks: [breakBefore + 1],
            // The detail header repeats on the detail pages (rows are 1-based).
            repeatRows: [breakBefore + 2, breakBefore + 2] as const,
          }),
      footer: "第 &P 页，共 &N 页",
    },
    tabColor: issues.some((i) => i.severity === "error") ? "D55E00" : "009E73",
  });
  return { ...sheet, rowHeights: { ...wrappedHeights(sheet.values, widths), ...sheet.rowHeights } };
}

/** Points per wrapped line (a 11 pt CJK line with leading). */
const LINE_POINTS = 15;

/**
 * Rows whose messages wrap, sized to their lines: hosts do not grow a row for wrapped text on their own (LibreOffice
 * keeps the default height of a row written without one), and a message cut mid-sentence is no use to a reviewer.
 */
function wrappedHeights(
  values: SheetPlan["values"],
  widths: readonly number[]
): Record<number, number> {
  const out: Record<number, number> = {};
  values.forEach((row, r) => {
    if (typeof row[0] !== "number") return;
    let lines = 1;
    for (let c = 6; c <= LAST_COL; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "") continue;
      lines = Math.max(lines, Math.ceil(displayWidth(v) / Math.max(1, (widths[c] ?? 10) - 1)));
    }
    if (lines > 1) out[r + 1] = lines * LINE_POINTS;
  });
  return out;
}
