import type { Issue, Severity } from "../issues";
import { stampTime } from "./format";
import { ownerMarkerText } from "../plan/product-sheets";
import { SheetBuilder } from "../plan/sheet-builder";
import type { CellStyle, SheetPlan } from "../plan/write-plan";

export const ISSUES_SHEET_NAME = "校验结果";

export interface IssuesOptions {
  readonly now: Date;
  readonly utcOffsetMinutes?: number;
  /** File or workbook name, shown in the title line. */
  readonly source?: string;
  readonly sheetName?: string;
}

export const SEVERITY_STYLE: Readonly<
  Record<Severity, { label: string; symbol: string; fill: string; fontColor: string }>
> = {
  error: { label: "错误", symbol: "✖", fill: "D55E00", fontColor: "000000" },
  warning: { label: "警告", symbol: "▲", fill: "F0E442", fontColor: "000000" },
  info: { label: "提示", symbol: "ℹ", fill: "56B4E9", fontColor: "000000" },
};

const ORDER: readonly Severity[] = ["error", "warning", "info"];
const HEADER = [
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
const HEADER_ROW = 3;

const S = {
  title: { bold: true, fontSize: 14 },
  meta: { fontSize: 9, fontColor: "404040" },
  header: { bold: true, fill: "D9E1F2", horizontal: "center", vertical: "middle", border: "thin" },
  grid: { border: "thin", vertical: "top" },
  wrap: { wrap: true },
  link: { fontColor: "0563C1", underline: true, horizontal: "center" },
  empty: { fill: "E2EFDA", bold: true, horizontal: "center" },
  marker: { fontSize: 8, fontColor: "808080", italic: true },
} satisfies Record<string, CellStyle>;

/** 校验结果 (SPEC §7): counts by severity, then one row per issue with a link that jumps to the cell. */
export function planIssuesSheet(issues: readonly Issue[], options: IssuesOptions): SheetPlan {
  const b = new SheetBuilder(options.sheetName ?? ISSUES_SHEET_NAME, "issues", true);
  const lastCol = HEADER.length - 1;
  b.set(0, 0, `校验结果${options.source ? `：${options.source}` : ""}`);
  b.merge(0, 0, 0, lastCol);
  b.style(S.title, 0, 0);
  b.height(0, 24);

  const counts = ORDER.map((s) => issues.filter((i) => i.severity === s).length);
  ORDER.forEach((sev, k) => {
    const look = SEVERITY_STYLE[sev];
    b.set(1, 1 + k * 2, `${look.symbol} ${look.label} ${counts[k]} 项`);
    b.merge(1, 1 + k * 2, 1, 2 + k * 2);
    b.style(
      {
        fill: look.fill,
        fontColor: look.fontColor,
        bold: true,
        horizontal: "center",
        border: "thin",
      },
      1,
      1 + k * 2,
      1,
      2 + k * 2
    );
  });
  b.set(1, 0, "汇总");
  b.set(
    1,
    7,
    `共 ${issues.length} 项 · 生成时间 ${stampTime(options.now, options.utcOffsetMinutes)}`
  );
  b.merge(1, 7, 1, lastCol);
  b.style(S.meta, 1, 7);

  b.setRow(HEADER_ROW - 1, 0, [...HEADER]);
  b.style(S.header, HEADER_ROW - 1, 0, HEADER_ROW - 1, lastCol);

  const sorted = [...issues].sort(
    (a, z) =>
      ORDER.indexOf(a.severity) - ORDER.indexOf(z.severity) ||
      a.sheet.localeCompare(z.sheet) ||
      a.row - z.row ||
      a.cell.localeCompare(z.cell)
  );
  let row = HEADER_ROW;
  if (sorted.length === 0) {
    b.set(row, 0, "未发现问题 · No issues found");
    b.merge(row, 0, row, lastCol);
    b.style(S.empty, row, 0, row, lastCol);
    row++;
  }
  sorted.forEach((issue, n) => {
    const look = SEVERITY_STYLE[issue.severity];
    b.setRow(row, 0, [
      n + 1,
      `${look.symbol} ${look.label}`,
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
  });
  if (sorted.length > 0) {
    b.style(S.wrap, HEADER_ROW, 6, row - 1, 8);
    b.style(S.grid, HEADER_ROW, 0, row - 1, lastCol);
  }
  row++;
  b.set(row, 0, ownerMarkerText("issues"));
  b.merge(row, 0, row, lastCol);
  b.style(S.marker, row, 0);

  const widths = b.autoWidths(6, 48);
  return b.build({
    columnWidths: widths,
    freeze: { rows: HEADER_ROW, columns: 0 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: [HEADER_ROW, HEADER_ROW],
    },
    tabColor: counts[0] ? "D55E00" : "009E73",
  });
}
