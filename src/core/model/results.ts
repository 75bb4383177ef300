/** What an assessment produces (SPEC §6), shaped so the CLI JSON of §9 is a projection of it. */
export type Status = "exceeded" | "completed" | "on_pace" | "behind" | "far_behind" | "n_a";

export type ScoringMethod = "proportional" | "threshold";

/** 评优资格 under the threshold method (seed 000): 优先评优 / 具备评优资格 / 取消评优资格. */
export type Eligibility = "priority" | "eligible" | "ineligible";

export interface IndicatorResult {
  /** In the indicator's display unit (the targets sheet's unit, e.g. 亿元), null when absent. */
  readonly target: number | null;
  readonly actual: number | null;
  /** actual / target as a fraction (1 = 100%); null when not computable (n/a, zero or missing target). */
  readonly rate: number | null;
  readonly status: Status;
  /** Points earned, null when the indicator does not count for this unit. */
  readonly score: number | null;
  /** Effective weight after rescaling for indicators that do not apply. */
  readonly weight: number;
  /** Cells the figures came from, "Sheet!A1" (ledger aggregates name the ledger sheet and row count). */
  readonly targetSource: string | null;
  readonly actualSource: string | null;
  /** 同比 growth as a fraction, when last year's figure is known. */
  readonly yoy: number | null;
}

export interface UnitResult {
  readonly unit: string;
  readonly group: string | null;
  readonly rank: number;
  /** Rank within `group`, when grouping is on. */
  readonly groupRank: number | null;
  readonly score: number;
  readonly grade: string;
  readonly eligibility: Eligibility | null;
  readonly status: Status;
  /** Rank in the previous run for the same period key, null when the unit is new. */
  readonly previousRank: number | null;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
  /** 加分 / 扣分 applied to the weighted points (`base`), when the sheet has such columns. */
  readonly adjustment?: {
    readonly base: number;
    readonly bonus: number;
    readonly penalty: number;
    readonly reason: string | null;
  };
}

/** Something the data cannot support, named so every output can say what is missing (SPEC §6, loud failure). */
export type IncompleteItem = {
  readonly message_zh: string;
  readonly message_en: string;
} & (
  | { readonly kind: "indicator"; readonly key: string; readonly name: string }
  | { readonly kind: "unit"; readonly unit: string }
  | { readonly kind: "unit_column"; readonly sheet: string }
  | { readonly kind: "all_zero" }
  | { readonly kind: "no_targets"; readonly sheet: string }
  | { readonly kind: "actuals_period"; readonly sheet: string; readonly stated: string }
);

export interface IndicatorMeta {
  readonly key: string;
  readonly name: string;
  /** Display unit label (亿元, 亿美元, 个, %). */
  readonly unit: string;
  readonly weight: number;
  /** Number format for the ranking sheet (0.00 for 亿元, 0 for counts). */
  readonly numberFormat: string;
}

export interface StatusBand {
  readonly status: Status;
  readonly label_zh: string;
  readonly label_en: string;
  /** Fill colour, RRGGBB. */
  readonly color: string;
  readonly fontColor: string;
  /** Printed symbol so the band reads in greyscale. */
  readonly symbol: string;
}

export interface PeriodInfo {
  /** ISO dates, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  /** 序时进度 as a fraction (10/12 at the end of October in an annual period). */
  readonly timeProgress: number;
  /** As-of date of the earlier run that 名次变化 compares with; null when there is none (first run of the period). */
  readonly previousAsOf?: string | null;
}

export interface AssessmentResults {
  readonly period: PeriodInfo;
  readonly method: ScoringMethod;
  readonly indicators: readonly IndicatorMeta[];
  readonly units: readonly UnitResult[];
  readonly bands: readonly StatusBand[];
  readonly grouping: boolean;
  /** 类别 in the order the targets sheet lists them, when grouping is on (printed outputs keep this order). */
  readonly groupOrder?: readonly string[];
  /** 红榜 / 黑榜: unit names, best first / worst first. */
  readonly honour: {
    readonly red: readonly string[];
    readonly black: readonly string[];
    /** Per 类别 when grouping is on, by rank within the group. */
    readonly byGroup?: Readonly<
      Record<string, { readonly red: readonly string[]; readonly black: readonly string[] }>
    >;
    /** Per indicator key, by completion rate (units where the indicator does not count are left out). */
    readonly byIndicator?: Readonly<
      Record<string, { readonly red: readonly string[]; readonly black: readonly string[] }>
    >;
  };
  /** One line per rule, in Chinese, for the footer of the ranking sheet. */
  readonly rulesSummary: readonly string[];
  /** False when any indicator or unit could not be scored from the data: the ranking must carry a banner. */
  readonly complete: boolean;
  readonly incomplete: readonly IncompleteItem[];
}
