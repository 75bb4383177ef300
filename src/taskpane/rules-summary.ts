/** A few lines telling the user which rules a run will use, before it runs. */
import { SCORING_METHODS } from "../core/rules";
import type { RuleSet } from "../core/rules";

export function summariseRules(rules: RuleSet): string[] {
  const method = SCORING_METHODS[rules.method as keyof typeof SCORING_METHODS];
  const weighted = rules.indicators.filter((i) => i.weight > 0);
  return [
    `考核期：${rules.period.start} 至 ${rules.period.end}，截至 ${rules.period.asOf}`,
    method ? method.summary_zh(rules) : `计分方法：${rules.method}`,
    `考核指标（${weighted.length} 项）：${weighted.map((i) => `${i.name} ${i.weight}`).join("、")}`,
    `状态分档：低于序时进度 ${Math.round(rules.bands.farBehindPoints * 100)} 个百分点以上为严重滞后`,
  ];
}
