/** Default rules from the seeds (000 考核机制, 001 攻坚目标, 002 月考核, 003 年度目标) and the presets. */
import type { Quantity } from "../model/measure";
import type { BandStyle, IndicatorRule, RuleSet } from "./schema";

import { DEFAULT_STAGE_SYNONYMS, DEFAULT_STAGES } from "./stages";

export { DEFAULT_STAGES } from "./stages";

/**
 * Colour-blind safe (Okabe–Ito hues) and legible in greyscale through the symbol. Text is black wherever white
 * would fall below the 4.5:1 contrast ratio (vermilion, green).
 */
export const DEFAULT_BAND_STYLES: readonly BandStyle[] = [
  {
    status: "exceeded",
    label_zh: "超额完成",
    label_en: "Exceeded",
    color: "0072B2",
    fontColor: "FFFFFF",
    symbol: "▲",
  },
  {
    status: "completed",
    label_zh: "完成",
    label_en: "Completed",
    color: "56B4E9",
    fontColor: "000000",
    symbol: "●",
  },
  {
    status: "on_pace",
    label_zh: "达到序时进度",
    label_en: "On pace",
    color: "CCE5F4",
    fontColor: "000000",
    symbol: "◆",
  },
  {
    status: "behind",
    label_zh: "滞后",
    label_en: "Behind",
    color: "E69F00",
    fontColor: "000000",
    symbol: "▼",
  },
  {
    status: "far_behind",
    label_zh: "严重滞后",
    label_en: "Far behind",
    color: "D55E00",
    fontColor: "000000",
    symbol: "✕",
  },
  {
    status: "n_a",
    label_zh: "不适用",
    label_en: "N/A",
    color: "D9D9D9",
    fontColor: "404040",
    symbol: "—",
  },
];

/** 红黄绿灯 (银川): yellow 10–30 points behind 序时进度, red beyond 30. Symbols and n/a stay as in the defaults. */
const TRAFFIC_LIGHTS: Partial<
  Record<
    BandStyle["status"],
    Pick<BandStyle, "label_zh" | "label_en" | "color"> & { fontColor?: string }
  >
> = {
  exceeded: {
    label_zh: "绿灯（超额）",
    label_en: "Green (exceeded)",
    color: "009E73",
    fontColor: "000000",
  },
  completed: { label_zh: "绿灯（完成）", label_en: "Green (completed)", color: "009E73" },
  on_pace: { label_zh: "绿灯", label_en: "Green", color: "A6DBC9" },
  behind: { label_zh: "黄灯", label_en: "Yellow", color: "F0E442" },
  far_behind: { label_zh: "红灯", label_en: "Red", color: "D55E00" },
};

export const TRAFFIC_LIGHT_BAND_STYLES: readonly BandStyle[] = DEFAULT_BAND_STYLES.map((band) => ({
  ...band,
  ...TRAFFIC_LIGHTS[band.status],
}));

/** Display units the rules may name: quantity and factor to the base unit (万元, 万美元, count, fraction). */
export const DISPLAY_UNITS: Readonly<Record<string, { quantity: Quantity; factor: number }>> = {
  亿元: { quantity: "money_cny", factor: 10000 },
  万元: { quantity: "money_cny", factor: 1 },
  元: { quantity: "money_cny", factor: 0.0001 },
  亿美元: { quantity: "money_usd", factor: 10000 },
  万美元: { quantity: "money_usd", factor: 1 },
  美元: { quantity: "money_usd", factor: 0.0001 },
  个: { quantity: "count", factor: 1 },
  项: { quantity: "count", factor: 1 },
  家: { quantity: "count", factor: 1 },
  "%": { quantity: "ratio", factor: 0.01 },
};

/** Every indicator weighs the same unless the workbook or the rules say otherwise (weights rescale to 100). */
const EQUAL_WEIGHT = 10;

export const DEFAULT_INDICATORS: readonly IndicatorRule[] = [
  // Ledgers rarely say which funds are foreign, so 外资 comes from the actuals sheet only.
  {
    key: "foreign_capital_usd",
    name: "实际利用外资",
    unit: "亿美元",
    weight: EQUAL_WEIGHT,
    source: "actuals",
  },
  {
    key: "domestic_capital_cny",
    name: "实际利用内资",
    unit: "亿元",
    weight: EQUAL_WEIGHT,
    source: "actuals",
    aggregate: { kind: "sum", field: "fundsInPlace", filter: { currency: "CNY" } },
  },
  {
    key: "reserve_packaged",
    name: "包装项目",
    unit: "个",
    weight: EQUAL_WEIGHT,
    source: "actuals",
  },
  {
    key: "reserve_promoted",
    name: "重点规划推介项目",
    unit: "个",
    weight: EQUAL_WEIGHT,
    source: "actuals",
  },
  {
    key: "reserve_negotiating",
    name: "在谈项目",
    unit: "个",
    weight: EQUAL_WEIGHT,
    source: "actuals",
    aggregate: { kind: "count", filter: { minStage: "在谈", maxStage: "在谈" } },
  },
  {
    key: "signed_total",
    name: "签约项目",
    unit: "个",
    weight: EQUAL_WEIGHT,
    source: "actuals",
    aggregate: {
      kind: "count",
      filter: { minStage: "签约", dateField: "signedDate" },
    },
  },
  {
    key: "signed_industrial",
    name: "其中工业项目",
    unit: "个",
    weight: EQUAL_WEIGHT,
    source: "actuals",
    aggregate: {
      kind: "count",
      filter: { minStage: "签约", dateField: "signedDate", industrial: true },
    },
  },
  // Seed 000 also counts 签约率 and 注册率; they score only where a target is given.
  {
    key: "signing_rate",
    name: "签约率",
    unit: "%",
    weight: EQUAL_WEIGHT,
    source: "ledger",
    aggregate: { kind: "ratio", filter: { minStage: "签约" }, denominator: { minStage: "在谈" } },
  },
  {
    key: "registration_rate",
    name: "注册率",
    unit: "%",
    weight: EQUAL_WEIGHT,
    source: "ledger",
    aggregate: { kind: "ratio", filter: { minStage: "注册" }, denominator: { minStage: "签约" } },
  },
  {
    key: "start_rate",
    name: "开工率",
    unit: "%",
    weight: EQUAL_WEIGHT,
    source: "ledger",
    aggregate: { kind: "ratio", filter: { minStage: "开工" }, denominator: { minStage: "签约" } },
  },
];

export { isoDay } from "../grid/excel-date";

/** Defaults for an as-of date: its calendar year (most targets are annual: seeds 000, 002, 003). */
export function defaultRules(asOf: string): RuleSet {
  const year = asOf.slice(0, 4);
  return {
    period: { start: `${year}-01-01`, end: `${year}-12-31`, asOf },
    exchangeRate: 7.0,
    stages: [...DEFAULT_STAGES],
    stageSynonyms: Object.fromEntries(
      Object.entries(DEFAULT_STAGE_SYNONYMS).map(([k, v]) => [k, [...v]])
    ),
    indicators: DEFAULT_INDICATORS.map((i) => structuredClone(i)),
    method: "proportional",
    cap: 1.2,
    tolerance: 0.005,
    bands: {
      strategy: "time_progress",
      onPaceTolerance: 0,
      farBehindPoints: 0.3,
      styles: DEFAULT_BAND_STYLES.map((b) => ({ ...b })),
    },
    grouping: "auto",
    groupColumn: "类别",
    tieBreak: null,
    grades: {
      basis: "score",
      midPeriod: "pace_target",
      bands: [
        { label: "优秀", value: 90 },
        { label: "良好", value: 80 },
        { label: "合格", value: 60 },
        { label: "不合格", value: 0 },
      ],
    },
    honour: { red: 3, black: 3 },
    sourceTolerance: 0.01,
  };
}

/** 签约投资超3000万元 (seed 001): strictly more. */
const CAMPAIGN_SIGNED_THRESHOLD = { amount: 3000, inclusive: false } as const;

/**
 * Seed 001: the nine-month campaign 2007-07-01..2008-03-31 (300亿 = 194亿元 + 14亿美元, about 7.5 元/美元
 * then), counting signed projects of more than 3000万元 as the notice does.
 */
export function campaignPreset(asOf: string): RuleSet {
  const base = defaultRules(asOf);
  const indicators = base.indicators.map((i) =>
    i.key === "signed_total" || i.key === "signed_industrial"
      ? {
          ...i,
          aggregate: i.aggregate && {
            ...i.aggregate,
            filter: { ...i.aggregate.filter, threshold: { ...CAMPAIGN_SIGNED_THRESHOLD } },
          },
        }
      : i
  );
  return {
    ...base,
    period: { start: "2007-07-01", end: "2008-03-31", asOf },
    exchangeRate: 7.5,
    indicators,
  };
}

/** 红黄绿灯 preset over any rule set. */
export function withTrafficLights(rules: RuleSet): RuleSet {
  return {
    ...rules,
    bands: {
      strategy: "time_progress",
      onPaceTolerance: 0.1,
      farBehindPoints: 0.3,
      styles: TRAFFIC_LIGHT_BAND_STYLES.map((b) => ({ ...b })),
    },
  };
}
