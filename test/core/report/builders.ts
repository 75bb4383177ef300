import type {
  AssessmentResults,
  IndicatorMeta,
  IndicatorResult,
  Issue,
  Status,
  StatusBand,
  UnitResult,
} from "../../../src/core";
import { FALLBACK_BANDS } from "../../../src/core/report";

/** Hand-built results in the shape the engine returns, for planner tests. */
export const INDICATORS: readonly IndicatorMeta[] = [
  {
    key: "foreign_capital_usd",
    name: "实际利用外资",
    unit: "亿美元",
    weight: 30,
    numberFormat: "0.00",
  },
  {
    key: "domestic_capital_cny",
    name: "实际利用内资",
    unit: "亿元",
    weight: 30,
    numberFormat: "0.00",
  },
  { key: "signed_total", name: "签约项目", unit: "个", weight: 25, numberFormat: "0" },
  { key: "signed_industrial", name: "其中工业项目", unit: "个", weight: 15, numberFormat: "0" },
];

export const BANDS: readonly StatusBand[] = FALLBACK_BANDS;

export function indicator(
  target: number | null,
  actual: number | null,
  status?: Status,
  weight = 25
): IndicatorResult {
  const rate = target !== null && actual !== null && target > 0 ? actual / target : null;
  const s: Status =
    status ??
    (rate === null
      ? "n_a"
      : rate > 1
        ? "exceeded"
        : rate >= 0.999
          ? "completed"
          : rate >= 0.7
            ? "on_pace"
            : rate >= 0.4
              ? "behind"
              : "far_behind");
  return {
    target,
    actual,
    rate: s === "n_a" ? null : rate,
    status: s,
    score: s === "n_a" ? null : Math.min(rate ?? 0, 1.2) * weight,
    weight: s === "n_a" ? 0 : weight,
    targetSource: null,
    actualSource: null,
    yoy: null,
  };
}

export function unit(partial: Partial<UnitResult> & Pick<UnitResult, "unit" | "rank">): UnitResult {
  return {
    group: null,
    groupRank: null,
    score: 80,
    grade: "良好",
    eligibility: "eligible",
    status: "on_pace",
    previousRank: partial.rank,
    indicators: {},
    ...partial,
  };
}

export function results(partial: Partial<AssessmentResults> = {}): AssessmentResults {
  return {
    period: {
      start: "2007-07-01",
      end: "2008-03-31",
      asOf: "2008-01-31",
      timeProgress: 7 / 9,
      previousAsOf: "2007-12-31",
    },
    method: "proportional",
    indicators: INDICATORS,
    bands: BANDS,
    grouping: false,
    complete: true,
    incomplete: [],
    honour: { red: ["经开区"], black: ["南关区"] },
    rulesSummary: [
      "按比例计分：得分 = 权重 × min(完成率, 120%)",
      "权重：外资30 内资30 签约25 工业15",
    ],
    units: [
      unit({
        unit: "经开区",
        rank: 1,
        score: 95.5,
        grade: "优秀",
        eligibility: "priority",
        previousRank: 3,
        group: "开发区",
        groupRank: 1,
        indicators: {
          foreign_capital_usd: indicator(4.72, 5.1),
          domestic_capital_cny: indicator(31.5, 28.2),
          signed_total: indicator(110, 98),
          signed_industrial: indicator(84, 70),
        },
      }),
      unit({
        unit: "高新区",
        rank: 2,
        score: 81.25,
        previousRank: 1,
        group: "开发区",
        groupRank: 2,
        indicators: {
          foreign_capital_usd: indicator(4.45, 3.2),
          domestic_capital_cny: indicator(27.65, 27.65),
          signed_total: indicator(110, 60),
          signed_industrial: indicator(84, 30),
        },
      }),
      unit({
        unit: "南关区",
        rank: 3,
        score: 40,
        grade: "不合格",
        eligibility: "ineligible",
        previousRank: null,
        group: "城区",
        groupRank: 1,
        indicators: {
          foreign_capital_usd: indicator(0.24, 0.05),
          domestic_capital_cny: indicator(4.9, 1.2),
          signed_total: indicator(30, 12),
          signed_industrial: indicator(null, 2, "n_a"),
        },
      }),
    ],
    ...partial,
  };
}

export function issue(partial: Partial<Issue> = {}): Issue {
  return {
    code: "unknown_unit",
    severity: "error",
    sheet: "项目台账",
    cell: "C7",
    row: 7,
    field: "unit",
    message_zh: "未知责任单位“南关”",
    message_en: "Unknown unit “南关”",
    suggestion: "南关区",
    ...partial,
  };
}

export const NOW = new Date(Date.UTC(2008, 1, 3, 1, 30));
