/** The words every output carries when the data could not support a complete ranking (SPEC §6, loud failure). */
import type { AssessmentResults, IncompleteItem } from "../model/results";

const LISTED = 4;

function short(item: IncompleteItem): string {
  switch (item.kind) {
    case "indicator":
      return `指标“${item.name}”找不到完成数`;
    case "unit":
      return `“${item.unit}”在完成情况表中没有数据`;
    case "unit_column":
      return `“${item.sheet}”无法确定责任单位列`;
    case "no_targets":
      return `目标表“${item.sheet}”没有可用的目标值`;
    case "all_zero":
      return "所有单位得分均为0，完成数很可能没有读到";
    case "actuals_period":
      return `完成情况表“${item.sheet}”截至${item.stated}，不属于本考核期`;
  }
}

/** "排名不完整：…；…（另有N项）。详见校验结果", or null for a complete ranking. */
export function incompleteBanner(results: AssessmentResults): string | null {
  if (results.complete) return null;
  const items = results.incomplete;
  if (items.length === 0) return "排名不完整：部分数据无法读取，详见校验结果";
  const shown = items.slice(0, LISTED).map(short);
  const more = items.length > LISTED ? `（另有${items.length - LISTED}项）` : "";
  return `排名不完整：${shown.join("；")}${more}。详见校验结果`;
}
