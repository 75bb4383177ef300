/** The rule set (SPEC §6) as data, validated with zod so a rules sheet or rules.json cannot smuggle in nonsense. */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const rgb = z.string().regex(/^[0-9A-Fa-f]{6}$/, "RRGGBB");

export const STATUSES = [
  "exceeded",
  "completed",
  "on_pace",
  "behind",
  "far_behind",
  "n_a",
] as const;
export const MID_PERIOD_GRADING = ["pace_target", "full_year"] as const;
export const LEDGER_DATE_FIELDS = [
  "signedDate",
  "registeredDate",
  "startedDate",
  "producedDate",
] as const;
/**
 * agreedInvestment: what was signed — a ledger's 协议投资额 / 合同投资额 kept beside its 总投资, and the investment
 * where the ledger keeps no such column (or the row leaves it blank).
 */
export const LEDGER_SUM_FIELDS = [
  "investment",
  "fundsInPlace",
  "foreignInvestment",
  "agreedInvestment",
] as const;

/** Investment threshold in 万元 CNY (USD amounts convert at the rule set's exchange rate). */
export const thresholdSchema = z.object({
  amount: z.number().nonnegative(),
  /** false = strictly more (“超3000万元”), true = at least (“亿元以上”). */
  inclusive: z.boolean(),
  /** A different threshold for 工业项目 (“3000万元以上工业项目、亿元以上其它项目”). */
  industrialAmount: z.number().nonnegative().optional(),
  industrialInclusive: z.boolean().optional(),
});

export const ledgerFilterSchema = z.object({
  minStage: z.string().min(1).optional(),
  maxStage: z.string().min(1).optional(),
  /** Counted only when this date lies in the period, up to the as-of date. */
  dateField: z.enum(LEDGER_DATE_FIELDS).optional(),
  /**
   * Counted unless this date lies outside the period: a ledger with no such date column, stated to be the period's
   * own, counted by stage except where a 项目进展 sentence dates the event in another year (2023年11月签约).
   */
  notOutside: z.enum(LEDGER_DATE_FIELDS).optional(),
  threshold: thresholdSchema.optional(),
  industrial: z.boolean().optional(),
  investorTypes: z.array(z.string().min(1)).optional(),
  origins: z.array(z.string().min(1)).optional(),
  currency: z.enum(["CNY", "USD"]).optional(),
});

export const aggregateSchema = z.object({
  kind: z.string().min(1),
  field: z.enum(LEDGER_SUM_FIELDS).optional(),
  filter: ledgerFilterSchema.default({}),
  /** For ratios: the denominator's filter (签约率 = 签约 ÷ (在谈 + 签约)). */
  denominator: ledgerFilterSchema.optional(),
});

export const indicatorRuleSchema = z.object({
  // Bureau indicators are keyed by their normalised header ("签约项目›其中10亿元以上"): any printable text.
  key: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[^\u0000-\u001f\u007f]+$/, "no control characters"),
  name: z.string().min(1),
  /** Display unit: 亿元, 万元, 亿美元, 万美元, 个, %. */
  unit: z.string().min(1),
  weight: z.number().nonnegative(),
  source: z.enum(["actuals", "ledger"]),
  aggregate: aggregateSchema.optional(),
  /** Same target for every unit when the targets sheet has no column for it (e.g. 签约率 80%), in display units. */
  target: z.number().nonnegative().optional(),
});

export const bandStyleSchema = z.object({
  status: z.enum(STATUSES),
  label_zh: z.string().min(1),
  label_en: z.string().min(1),
  color: rgb,
  fontColor: rgb,
  symbol: z.string().min(1),
});

export const gradeSchema = z.object({
  label: z.string().min(1),
  /** basis "score": lowest total score for the grade; basis "rank_share": cumulative share of units (0..1). */
  value: z.number().nonnegative(),
});

export const ruleSetSchema = z.object({
  period: z.object({ start: isoDate, end: isoDate, asOf: isoDate }),
  /** 元人民币 per 1 美元. */
  exchangeRate: z.number().positive(),
  stages: z.array(z.string().min(1)).min(1),
  /** Words ledgers write for each stage (已签约 → 签约); unknown words map to the nearest stage with a warning. */
  stageSynonyms: z.record(z.string(), z.array(z.string().min(1))).optional(),
  indicators: z.array(indicatorRuleSchema),
  method: z.string().min(1),
  /** Completion-rate cap of the proportional method (1.2 = 120%); null when the 考核办法 sets none (不设上限). */
  cap: z.number().positive().nullable(),
  /** |rate − 100%| within this counts as 完成. */
  tolerance: z.number().nonnegative().max(0.1),
  bands: z.object({
    strategy: z.string().min(1),
    /** Points below 序时进度 still shown as on pace (红黄绿灯: 0.10). */
    onPaceTolerance: z.number().nonnegative().max(1),
    /** More than this many points below 序时进度 is 严重滞后. */
    farBehindPoints: z.number().positive().max(1),
    styles: z.array(bandStyleSchema),
  }),
  grouping: z.enum(["auto", "on", "off"]),
  groupColumn: z.string(),
  tieBreak: z.string().nullable(),
  grades: z.object({
    basis: z.enum(["score", "rank_share"]),
    /**
     * 等次 before the period ends (basis "score"): "pace_target" grades the score against the 序时目标
     * (each rate ÷ 序时进度, capped, so a unit on pace is graded as one that completed; one behind on any
     * indicator is not given the top band); "full_year" grades only at period end.
     */
    midPeriod: z.enum(MID_PERIOD_GRADING).default("pace_target"),
    bands: z.array(gradeSchema).min(1),
  }),
  honour: z.object({ red: z.number().int().nonnegative(), black: z.number().int().nonnegative() }),
  /** Relative difference between actuals sheet and ledger aggregate tolerated before source_disagreement. */
  sourceTolerance: z.number().nonnegative(),
});

export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;
export type LedgerAggregateRule = z.infer<typeof aggregateSchema>;
export type IndicatorRule = z.infer<typeof indicatorRuleSchema>;
export type BandStyle = z.infer<typeof bandStyleSchema>;
export type GradeRule = z.infer<typeof gradeSchema>;
export type RuleSet = z.infer<typeof ruleSetSchema>;
