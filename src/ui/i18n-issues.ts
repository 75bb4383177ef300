/** The 校验 screen: the issues found, grouped and filtered, and 采用建议. */
import type { Severity } from "../core/issues";

export interface IssuesMessages {
  readonly none: string;
  readonly filterLabel: string;
  readonly all: string;
  readonly count: (n: number) => string;
  readonly goTo: (sheet: string, cell: string) => string;
  readonly suggestion: (text: string) => string;
  readonly noneForFilter: string;
  readonly more: (n: number) => string;
  /** Findings that change how figures are read (units of measure), called out above the list. */
  readonly measureNote: (n: number) => string;
  readonly measureBadge: string;
  /** A grouped finding: how many cells, and the first of them. */
  readonly repeated: (n: number, cells: string) => string;
  readonly adopt: string;
  readonly adoptFor: (suggestion: string, cell: string) => string;
  /** After 采用建议: what was written where; the list below is the re-check's. */
  readonly adopted: (suggestion: string, cells: readonly string[]) => string;
  /** The tab's count, the same number the filter's 全部 shows. */
  readonly tabCount: (all: number, errors: number) => string;
}

export type SeverityNames = Readonly<Record<Severity, string>>;

export const issuesZh: IssuesMessages = {
  none: "没有发现问题。",
  filterLabel: "按严重程度筛选",
  all: "全部",
  count: (n) => `${n} 个问题`,
  goTo: (sheet, cell) => `定位到 ${sheet}!${cell}`,
  suggestion: (text) => `建议：${text}`,
  noneForFilter: "此筛选条件下没有问题。",
  more: (n) => `再显示 100 个（还有 ${n} 个）`,
  measureNote: (n) =>
    `有 ${n} 处数值按单位换算读取或单位不符（已标为“单位换算”），会改变数字，请先核对。`,
  measureBadge: "单位换算",
  repeated: (n, cells) => `同类共 ${n} 处${cells ? `：${cells}…` : ""}`,
  adopt: "采用建议",
  adoptFor: (suggestion, cell) => `采用建议：在 ${cell} 填入“${suggestion}”`,
  adopted: (suggestion, cells) =>
    `已在 ${cells.length > 3 ? `${cells.slice(0, 3).join("、")} 等 ${cells.length} 个单元格` : cells.join("、")} 填入“${suggestion}”，并已重新检查。`,
  tabCount: (all, errors) => (errors > 0 ? `${all}，错误 ${errors}` : `${all}`),
};

export const issuesEn: IssuesMessages = {
  none: "No problems found.",
  filterLabel: "Filter by severity",
  all: "All",
  count: (n) => (n === 1 ? "1 problem" : `${n} problems`),
  goTo: (sheet, cell) => `Go to ${sheet}!${cell}`,
  suggestion: (text) => `Suggestion: ${text}`,
  noneForFilter: "No problems match this filter.",
  more: (n) => `Show 100 more (${n} left)`,
  measureNote: (n) =>
    `${n} ${n === 1 ? "figure was" : "figures were"} read through a unit conversion or ${n === 1 ? "has" : "have"} a unit clash (marked "unit"): ${n === 1 ? "it changes" : "they change"} numbers, check first.`,
  measureBadge: "unit",
  repeated: (n, cells) => `${n} cells like this${cells ? `: ${cells}…` : ""}`,
  adopt: "Use suggestion",
  adoptFor: (suggestion, cell) => `Use suggestion: put "${suggestion}" in ${cell}`,
  adopted: (suggestion, cells) =>
    `Put "${suggestion}" in ${cells.length > 3 ? `${cells.slice(0, 3).join(", ")} and ${cells.length - 3} more cells` : cells.join(", ")}, and checked again.`,
  tabCount: (all, errors) =>
    errors > 0 ? `${all}, ${errors} ${errors === 1 ? "error" : "errors"}` : `${all}`,
};

export const severityZh: SeverityNames = { error: "错误", warning: "警告", info: "提示" };

export const severityEn: SeverityNames = { error: "Error", warning: "Warning", info: "Info" };
