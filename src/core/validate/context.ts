import { z } from "zod";

/** What the checks measure against: the assessment period, the as-of date and the bureau's conventions. */
export interface ValidationContext {
  readonly period: { readonly start: Date; readonly end: Date };
  /** 截至日期: events after it are not counted yet. */
  readonly asOf: Date;
  /** The real today: only dates after it are in the future (an error). Defaults to the as-of date. */
  readonly today?: Date;
  /** Ordered project stages (线索 → 在谈 → 签约 → 注册 → 开工 → 投产). */
  readonly stages: readonly string[];
  /** Words for each stage (已签约 → 签约). */
  readonly stageSynonyms?: Readonly<Record<string, readonly string[]>>;
  /** 签约 counts only above this amount, in 万元 ("超3000万" is strictly greater); null when no rule states one. */
  readonly signingThresholdWan: number | null;
  /** Relative slack allowed between a totals row and the sum of its units, for rounding (0.001 = 0.1%). */
  readonly totalTolerance: number;
}

import { DEFAULT_STAGES } from "../rules/stages";

export { DEFAULT_STAGES };

/** Defaults of SPEC §6: the calendar year of the as-of date, the seed stage list, no threshold, 0.1%. */
export function defaultValidationContext(asOf: Date): ValidationContext {
  const year = asOf.getUTCFullYear();
  return {
    period: { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year, 11, 31)) },
    asOf,
    stages: DEFAULT_STAGES,
    signingThresholdWan: null,
    totalTolerance: 0.001,
  };
}

const validDate = z.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date");

export const validationContextSchema = z
  .object({
    period: z.object({ start: validDate, end: validDate }),
    asOf: validDate,
    today: validDate.optional(),
    stages: z.array(z.string().min(1)).min(1),
    stageSynonyms: z.record(z.string(), z.array(z.string())).optional(),
    signingThresholdWan: z.number().nonnegative().nullable(),
    totalTolerance: z.number().min(0).max(1),
  })
  .refine((c) => c.period.start.getTime() <= c.period.end.getTime(), "period starts after it ends");
