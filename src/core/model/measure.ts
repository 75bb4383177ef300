/**
 * Units of measure. Every amount is held in one base unit per quantity so that a target in 万元 and an
 * actual in 亿元 compare directly: money in 万元 (CNY) or 万美元 (USD), counts as counts, ratios as fractions.
 */
export type Quantity = "money_cny" | "money_usd" | "count" | "ratio";

export interface MeasureUnit {
  readonly quantity: Quantity;
  /** As people write it: 亿元, 万美元, 个, %. */
  readonly label: string;
  /** Multiply a value in this unit by `factor` to get the base unit (亿元 → 万元: 10000). */
  readonly factor: number;
}
