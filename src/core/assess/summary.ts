/** The rules in words, one line each: before a run for the pane, after it for the ranking sheet's footer. */
import { AGGREGATE_LABELS, DATE_FIELD_LABELS, labelOf, SUM_FIELD_LABELS } from "../rules/labels";
import { SCORING_METHODS } from "../rules/registry";
import type { LedgerFilter, RuleSet } from "../rules/schema";
import type { PlannedIndicator } from "./indicators";

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const pts = (x: number): string => `${Math.round(x * 1000) / 10}个百分点`;

export function describeFilter(f: LedgerFilter): string {
  const parts: string[] = [];
  if (f.minStage !== undefined && f.maxStage !== undefined && f.minStage === f.maxStage)
    parts.push(`阶段为${f.minStage}`);
  else {
    if (f.minStage !== undefined) parts.push(`阶段不低于${f.minStage}`);
    if (f.maxStage !== undefined) parts.push(`阶段不高于${f.maxStage}`);
  }
  if (f.dateField !== undefined) parts.push(`${labelOf(DATE_FIELD_LABELS, f.dateField)}在考核期内`);
  const t = f.threshold;
  if (t) {
    const amount = (a: number, inclusive: boolean) =>
      `${inclusive ? "不低于" : "超过"}${a >= 10000 ? `${a / 10000}亿元` : `${a}万元`}`;
    if (t.industrialAmount !== undefined)
      parts.push(
        `工业项目投资额${amount(t.industrialAmount, t.industrialInclusive ?? t.inclusive)}、其它项目${amount(t.amount, t.inclusive)}`
      );
    else parts.push(`投资额${amount(t.amount, t.inclusive)}`);
  }
  if (f.industrial !== undefined) parts.push(f.industrial ? "工业项目" : "非工业项目");
  if (f.investorTypes) parts.push(`投资方类型为${f.investorTypes.join("/")}`);
  if (f.origins) parts.push(`来源地为${f.origins.join("/")}`);
  if (f.currency !== undefined) parts.push(f.currency === "USD" ? "美元项目" : "人民币项目");
  return parts.join("、");
}

export function summarizeRules(
  rules: RuleSet,
  planned: readonly PlannedIndicator[],
  tp: number,
  extra: { readonly adjustments?: boolean } = {}
): string[] {
  const p = rules.period;
  const method = SCORING_METHODS[rules.method as keyof typeof SCORING_METHODS];
  const lines = [
    `考核期${p.start}至${p.end}，截至${p.asOf}，序时进度${pct(tp)}（已过月数÷考核期月数，截至月按天折算）`,
    method ? method.summary_zh(rules) : rules.method,
    `指标权重：${planned.map((i) => `${i.meta.name}${i.rule.weight}`).join("、")}；不适用（“---”）或目标为0的指标不计，其余权重按比例折算`,
    `状态：完成率>${pct(1 + rules.tolerance)}为超额完成，${pct(1 - rules.tolerance)}–${pct(1 + rules.tolerance)}为完成，` +
      `不低于序时进度${rules.bands.onPaceTolerance > 0 ? `减${pts(rules.bands.onPaceTolerance)}` : ""}为达到序时进度，` +
      `低于序时进度${pts(rules.bands.farBehindPoints)}以内为滞后，超过为严重滞后`,
  ];
  for (const ind of planned) {
    const agg = ind.rule.aggregate;
    if (!agg || ind.rule.source !== "ledger") continue;
    const what =
      agg.kind === "sum"
        ? `${labelOf(SUM_FIELD_LABELS, agg.field ?? "investment")}${labelOf(AGGREGATE_LABELS, agg.kind)}`
        : labelOf(AGGREGATE_LABELS, agg.kind);
    const den = agg.denominator ? `÷（${describeFilter(agg.denominator) || "全部项目"}）` : "";
    lines.push(
      `${ind.meta.name}：项目台账中${describeFilter(agg.filter) || "全部项目"}的${what}${den}，每个项目只计一次`
    );
  }
  if (extra.adjustments)
    lines.push("加减分：总分 = 各指标得分 + 加分 − 扣分（取自表中加分、扣分列）");
  // The rate only matters where dollars meet yuan: a dollar indicator, or ledger amounts that may be in either.
  if (planned.some((i) => i.meta.unit.includes("美元") || i.rule.source === "ledger"))
    lines.push(`汇率：1美元=${rules.exchangeRate}元`);
  lines.push(
    `排名：按总分，同分并列${rules.tieBreak ? `（再按${planned.find((i) => i.rule.key === rules.tieBreak)?.meta.name ?? rules.tieBreak}完成率区分）` : ""}；等次${rules.grades.basis === "score" ? rules.grades.bands.map((g) => `${g.label}≥${g.value}分`).join("、") : rules.grades.bands.map((g) => `${g.label}前${pct(g.value)}`).join("、")}${rules.grades.basis !== "score" || tp >= 1 ? "" : rules.grades.midPeriod === "full_year" ? "（按全年目标，考核期满后评定）" : `（考核期未满，按序时目标：完成率÷序时进度计分定等次，任一指标滞后于序时进度者不评${[...rules.grades.bands].sort((a, b) => b.value - a.value)[0]?.label ?? "最高等次"}）`}`
  );
  return lines;
}

/**
 * The rules a run will use, before it runs (the pane shows them beside 开始考核). Indicator names stay as the rules
 * sheet spells them in both languages.
 */
export function previewRules(rules: RuleSet): { readonly zh: string[]; readonly en: string[] } {
  const method = SCORING_METHODS[rules.method as keyof typeof SCORING_METHODS];
  const weighted = rules.indicators.filter((i) => i.weight > 0);
  const p = rules.period;
  const farBehind = Math.round(rules.bands.farBehindPoints * 100);
  return {
    zh: [
      `考核期：${p.start} 至 ${p.end}，截至 ${p.asOf}`,
      method ? method.summary_zh(rules) : `计分方法：${rules.method}`,
      `考核指标（${weighted.length} 项）：${weighted.map((i) => `${i.name} ${i.weight}`).join("、")}`,
      `状态分档：低于序时进度 ${farBehind} 个百分点以上为严重滞后`,
    ],
    en: [
      `Period: ${p.start} to ${p.end}, as of ${p.asOf}`,
      method ? method.summary_en(rules) : `Scoring method: ${rules.method}`,
      `Indicators (${weighted.length}): ${weighted.map((i) => `${i.name} ${i.weight}`).join(", ")}`,
      `Status bands: more than ${farBehind} percentage points below time progress is far behind`,
    ],
  };
}
