/**
 * Metadata tables (HyperFormula-style): scoring methods, status-band strategies and ledger aggregates are
 * registered here by key, so adding one is one entry. The rules sheet offers exactly these keys in its lists.
 */
import { currencyAt, unitKeyAt } from "../model/ledger-columns";
import {
  type AggregateContext,
  convertMoney,
  filterPredicate,
  investmentIn,
} from "./ledger-filter";
import { ProjectMap } from "./ledger-projects";
import type { Eligibility, ScoringMethod, Status } from "../model/results";
import type { LedgerFilter, LedgerAggregateRule, RuleSet } from "./schema";

export interface Labelled {
  readonly label_zh: string;
  readonly label_en: string;
}

export interface ScoringMethodDef extends Labelled {
  /** Points one indicator earns; `weight` is already rescaled so a unit's weights sum to 100. */
  readonly indicatorScore: (rate: number, weight: number, rules: RuleSet) => number;
  /** 评优资格 from the unit's applicable rates, or null when the method does not decide it. */
  readonly eligibility: (rates: readonly number[], rules: RuleSet) => Eligibility | null;
  /** One line on the rules sheet's 计分方法 row, beside the other methods'. */
  readonly note_zh: string;
  /** The method in a sentence, with the rules' own numbers, for the ranking sheet and the pane. */
  readonly summary_zh: (rules: RuleSet) => string;
  readonly summary_en: (rules: RuleSet) => string;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** A rate as the rules count it: never below 0, never above the cap (none when the rules set none). */
export const cappedRate = (rate: number, rules: RuleSet): number =>
  Math.min(Math.max(rate, 0), rules.cap ?? Infinity);

export const SCORING_METHODS: Readonly<Record<ScoringMethod, ScoringMethodDef>> = {
  proportional: {
    label_zh: "按比例计分",
    label_en: "proportional",
    indicatorScore: (rate, weight, rules) => weight * cappedRate(rate, rules),
    eligibility: () => null,
    note_zh: "按比例计分：得分=权重×完成率（封顶）",
    summary_zh: (r) =>
      `按比例计分：得分 = 权重 × 完成率（${r.cap === null ? "完成率不设上限" : `完成率封顶${pct(r.cap)}`}），各单位权重合计折算为100分`,
    summary_en: (r) =>
      `Proportional scoring: score = weight × completion rate (${r.cap === null ? "no cap on the rate" : `rate capped at ${pct(r.cap)}`}), each unit's weights rescaled to 100`,
  },
  threshold: {
    label_zh: "达标计分",
    label_en: "threshold",
    // Seed 000: 完成 (or 超额完成) earns the indicator's full marks, 未完成 earns nothing.
    indicatorScore: (rate, weight, rules) => (rate >= 1 - rules.tolerance ? weight : 0),
    eligibility: (rates, rules) => {
      if (rates.length === 0) return null;
      if (rates.some((r) => r < 1 - rules.tolerance)) return "ineligible";
      return rates.every((r) => r > 1 + rules.tolerance) ? "priority" : "eligible";
    },
    note_zh: "达标计分：完成得满分，未完成不得分",
    summary_zh: () =>
      "达标计分：超额完成得满分、优先评优；完成得满分、具备评优资格；未完成不得分、取消评优资格",
    summary_en: () =>
      "Threshold scoring: exceeded earns full marks and award priority; completed earns full marks and eligibility; not completed earns nothing and loses eligibility",
  },
};

export interface BandStrategyDef extends Labelled {
  /** Status of a completion rate, given 序时进度 (0..1). */
  readonly classify: (rate: number, timeProgress: number, rules: RuleSet) => Status;
}

function classifyAgainst(rate: number, yardstick: number, rules: RuleSet): Status {
  const tol = rules.tolerance;
  if (rate > 1 + tol) return "exceeded";
  if (rate >= 1 - tol) return "completed";
  if (rate >= yardstick - rules.bands.onPaceTolerance - 1e-12) return "on_pace";
  if (rate >= yardstick - rules.bands.farBehindPoints - 1e-12) return "behind";
  return "far_behind";
}

export const BAND_STRATEGIES: Readonly<Record<string, BandStrategyDef>> = {
  time_progress: {
    label_zh: "对照序时进度",
    label_en: "against time progress",
    classify: (rate, tp, rules) => classifyAgainst(rate, tp, rules),
  },
  absolute: {
    label_zh: "对照全年目标",
    label_en: "against the full target",
    classify: (rate, _tp, rules) => classifyAgainst(rate, 1, rules),
  },
};

/** Rows of `AggregateContext.ledger`, by index. */
export type LedgerRowIndices = ArrayLike<number>;

export interface LedgerAggregateDef extends Labelled {
  readonly compute: (
    rows: LedgerRowIndices,
    rule: LedgerAggregateRule,
    ctx: AggregateContext
  ) => number | null;
}

/**
 * The rows a filter takes, one per project (its last passing row): a project listed on a 签约 sheet and again on a
 * 开工 sheet, or twice in one ledger, is one project. With a date filter, a project signed (or started) before the
 * period and listed again this year (增资, 二期) is not new.
 */
function passingProjects(
  rows: LedgerRowIndices,
  f: LedgerFilter,
  ctx: AggregateContext
): readonly number[] {
  const c = ctx.ledger;
  const pass = filterPredicate(f, ctx);
  const taken: number[] = [];
  // Rows of distinct projects: a passing row's own date is in the period, so none is taken out below either.
  if (ctx.distinctProjects === true) {
    for (let k = 0; k < rows.length; k++)
      if (pass(rows[k] as number)) taken.push(rows[k] as number);
    return taken;
  }
  const seen = new ProjectMap<number>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    if (pass(i)) seen.set(unitKeyAt(c, i), c.nameKey[i] as string, i);
  }
  const field = f.dateField;
  if (field !== undefined && seen.size > 0) {
    const dates = c.dates[field];
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k] as number;
      // NaN (no date) is never before the period.
      if ((dates[i] as number) < ctx.from) seen.delete(unitKeyAt(c, i), c.nameKey[i] as string);
    }
  }
  return seen.values();
}

function countProjects(rows: LedgerRowIndices, f: LedgerFilter, ctx: AggregateContext): number {
  if (ctx.distinctProjects === true) {
    const pass = filterPredicate(f, ctx);
    let n = 0;
    for (let k = 0; k < rows.length; k++) if (pass(rows[k] as number)) n++;
    return n;
  }
  return passingProjects(rows, f, ctx).length;
}

type LedgerSumField = NonNullable<LedgerAggregateRule["field"]>;

/** A sum's amount of row `i` in the context's currency, null when the row has none. */
function amountOf(field: LedgerSumField, ctx: AggregateContext): (i: number) => number | null {
  const c = ctx.ledger;
  if (field === "investment") return (i) => investmentIn(c, i, ctx.currency, ctx.exchangeRate);
  if (field === "agreedInvestment") {
    // The amount signed where the row states one, else the project's investment.
    const agreed = c.agreedInvestment;
    return (i) => {
      const v = agreed?.[i] ?? NaN;
      return Number.isNaN(v)
        ? investmentIn(c, i, ctx.currency, ctx.exchangeRate)
        : convertMoney(v, currencyAt(c, i), ctx.currency, ctx.exchangeRate);
    };
  }
  if (field === "foreignInvestment") {
    // The 外资 column is in 万美元 whatever the ledger's own currency.
    // The 外资 part kept apart from 内资, or the 合同外资 kept beside the 投资总额.
    const foreign = c.foreignInvestment;
    const contract = c.foreignContract;
    return (i) => {
      const own = foreign?.[i] ?? NaN;
      const v = Number.isNaN(own) ? (contract?.[i] ?? NaN) : own;
      return Number.isNaN(v) ? null : convertMoney(v, "USD", ctx.currency, ctx.exchangeRate);
    };
  }
  const values = c[field];
  return (i) => {
    const v = values[i] as number;
    return Number.isNaN(v)
      ? null
      : convertMoney(v, currencyAt(c, i), ctx.currency, ctx.exchangeRate);
  };
}

export const LEDGER_AGGREGATES: Readonly<Record<string, LedgerAggregateDef>> = {
  count: {
    label_zh: "计数",
    label_en: "count",
    compute: (rows, rule, ctx) => countProjects(rows, rule.filter, ctx),
  },
  sum: {
    label_zh: "求和",
    label_en: "sum",
    compute: (rows, rule, ctx) => {
      const amount = amountOf(rule.field ?? "investment", ctx);
      let total = 0;
      if (ctx.distinctProjects !== true) {
        // Each project once, as counts take it: not its amount again for every sheet that lists it.
        for (const i of passingProjects(rows, rule.filter, ctx)) total += amount(i) ?? 0;
        return total;
      }
      const pass = filterPredicate(rule.filter, ctx);
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k] as number;
        const v = amount(i);
        if (v !== null && pass(i)) total += v;
      }
      return total;
    },
  },
  ratio: {
    label_zh: "比率",
    label_en: "ratio",
    compute: (rows, rule, ctx) => {
      const den = countProjects(rows, rule.denominator ?? {}, ctx);
      return den === 0 ? null : countProjects(rows, rule.filter, ctx) / den;
    },
  },
};
