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

const EN_METHODS: Readonly<Record<string, (rules: RuleSet) => string>> = {
  proportional: (r) =>
    `Proportional scoring: score = weight × completion rate (rate capped at ${Math.round(r.cap * 1000) / 10}%), each unit's weights rescaled to 100`,
  threshold: () =>
    "Threshold scoring: exceeded earns full marks and award priority; completed earns full marks and eligibility; not completed earns nothing and loses eligibility",
};

/** The same lines as summariseRules, for the English pane; indicator names stay as the rules sheet spells them. */
export function summariseRulesEn(rules: RuleSet): string[] {
  const method = EN_METHODS[rules.method];
  const weighted = rules.indicators.filter((i) => i.weight > 0);
  return [
    `Period: ${rules.period.start} to ${rules.period.end}, as of ${rules.period.asOf}`,
    method ? method(rules) : `Scoring method: ${rules.method}`,
    `Indicators (${weighted.length}): ${weighted.map((i) => `${i.name} ${i.weight}`).join(", ")}`,
    `Status bands: more than ${Math.round(rules.bands.farBehindPoints * 100)} percentage points below time progress is far behind`,
  ];
}
