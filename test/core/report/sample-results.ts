import type { AssessmentResults, IndicatorMeta, UnitResult } from "../../../src/core";
import { SEED_001_LEAF_HEADERS, generateSampleData } from "../../../src/core/samples";
import { BANDS, indicator } from "./builders";

const KEYS = [
  "foreign_capital_usd",
  "domestic_capital_cny",
  "reserve_packaged",
  "reserve_promoted",
  "reserve_negotiating",
  "signed_total",
  "signed_industrial",
];
const WEIGHTS = [20, 20, 10, 10, 10, 20, 10];

/** A stand-in for the engine's results on the bundled sample (14 units × 7 indicators), for layout checks. */
export function sampleResults(): AssessmentResults {
  const data = generateSampleData();
  const indicators: IndicatorMeta[] = SEED_001_LEAF_HEADERS.map((h, i) => {
    const [name, unit] = /^(.*?)(?:\((.*)\))?$/.exec(h)?.slice(1) ?? [h, undefined];
    return {
      key: KEYS[i] as string,
      name: name as string,
      unit: unit ?? "个",
      weight: WEIGHTS[i] as number,
      numberFormat: i < 2 ? "0.00" : "0",
    };
  });
  const tp = 7 / 9;
  const scored = data.actuals.map((a) => {
    const inds: Record<string, ReturnType<typeof indicator>> = {};
    let score = 0;
    let weights = 0;
    indicators.forEach((m, i) => {
      const target =
        [
          a.unit.foreignUsd,
          a.unit.domesticCny,
          a.unit.packaged,
          a.unit.promoted,
          a.unit.negotiating,
          a.unit.signedTotal,
          a.unit.signedIndustrial,
        ][i] ?? null;
      const actual = a.values[i] ?? null;
      const r =
        target === null
          ? indicator(null, null, "n_a")
          : indicator(target, actual, undefined, m.weight);
      const rate = r.rate ?? 0;
      const status =
        r.status === "n_a"
          ? "n_a"
          : rate > 1.0005
            ? "exceeded"
            : rate >= 0.9995
              ? "completed"
              : rate >= tp
                ? "on_pace"
                : rate >= tp - 0.3
                  ? "behind"
                  : "far_behind";
      inds[m.key] = { ...r, status };
      if (status !== "n_a") {
        score += m.weight * Math.min(rate, 1.2);
        weights += m.weight;
      }
    });
    return { a, inds, score: (score / weights) * 100 };
  });
  const sorted = [...scored].sort((x, y) => y.score - x.score);
  const units: UnitResult[] = sorted.map((s, i) => ({
    unit: s.a.unit.unit,
    group: s.a.unit.group,
    rank: i + 1,
    groupRank: sorted.filter((o) => o.a.unit.group === s.a.unit.group).indexOf(s) + 1,
    score: Math.round(s.score * 100) / 100,
    grade: s.score >= 90 ? "优秀" : s.score >= 80 ? "良好" : s.score >= 60 ? "合格" : "不合格",
    eligibility: s.score >= 90 ? "priority" : s.score >= 60 ? "eligible" : "ineligible",
    status: "on_pace",
    previousRank: i === 3 ? null : Math.max(1, i + 1 + ((i * 7) % 5) - 2),
    indicators: s.inds,
  }));
  return {
    period: { start: "2007-07-01", end: "2008-03-31", asOf: data.asOf, timeProgress: tp },
    method: "proportional",
    indicators,
    units,
    bands: BANDS,
    grouping: true,
    complete: true,
    incomplete: [],
    honour: {
      red: units.slice(0, 3).map((u) => u.unit),
      black: units
        .slice(-3)
        .reverse()
        .map((u) => u.unit),
    },
    rulesSummary: [
      "按比例计分：得分 = 权重 × min(完成率, 120%)，按适用指标权重折算为百分制",
      "状态：高于序时进度为达到序时进度，低于 30 个百分点以内为滞后，超过为严重滞后",
    ],
  };
}
