/** The words every output carries when the data could not support a complete ranking (SPEC §6, loud failure). */
import type { AssessmentResults } from "../model/results";

const LISTED = 3;

/** "排名不完整：…；…（另有N项）", or null for a complete ranking. */
export function incompleteBanner(results: AssessmentResults): string | null {
  if (results.complete) return null;
  const items = results.incomplete;
  if (items.length === 0) return "排名不完整：部分数据无法读取，请核对校验结果";
  const shown = items.slice(0, LISTED).map((i) => i.message_zh.replace(/^[^!：]*![A-Z]+\d+：/, ""));
  const more = items.length > LISTED ? `（另有${items.length - LISTED}项，见校验结果）` : "";
  return `排名不完整：${shown.join("；")}${more}`;
}
