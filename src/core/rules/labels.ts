/** Chinese labels of every enumeration the rules sheet shows; the reader accepts the label or the English key. */
import { BAND_STRATEGIES, LEDGER_AGGREGATES, SCORING_METHODS } from "./registry";

export type LabelTable = Readonly<Record<string, string>>;

const fromRegistry = (reg: Readonly<Record<string, { label_zh: string }>>): LabelTable =>
  Object.fromEntries(Object.entries(reg).map(([k, v]) => [k, v.label_zh]));

export const METHOD_LABELS: LabelTable = fromRegistry(SCORING_METHODS);
export const STRATEGY_LABELS: LabelTable = fromRegistry(BAND_STRATEGIES);
export const AGGREGATE_LABELS: LabelTable = fromRegistry(LEDGER_AGGREGATES);
export const SOURCE_LABELS: LabelTable = { actuals: "完成情况表", ledger: "项目台账" };
/**
 * foreignInvestment: a ledger's 外资 column (合同外资, 外资额) alone, not the 投资总额 beside it. agreedInvestment:
 * the 协议投资额 / 合同投资额 a signing indicator sums where the ledger keeps it beside 总投资 (the label says so on
 * the 考核规则 sheet).
 */
export const SUM_FIELD_LABELS: LabelTable = {
  investment: "投资额",
  fundsInPlace: "到位资金",
  foreignInvestment: "外资额",
  agreedInvestment: "协议投资额（台账无此列时为总投资）",
};
export const DATE_FIELD_LABELS: LabelTable = {
  signedDate: "签约日期",
  registeredDate: "注册日期",
  startedDate: "开工日期",
  producedDate: "投产日期",
};
export const CURRENCY_LABELS: LabelTable = { CNY: "人民币", USD: "美元" };
export const GROUPING_LABELS: LabelTable = { auto: "自动（有类别列时分组）", on: "是", off: "否" };
export const BASIS_LABELS: LabelTable = { score: "按得分", rank_share: "按名次比例" };
export const MID_PERIOD_LABELS: LabelTable = {
  pace_target: "按序时目标",
  full_year: "按全年目标（期末评定）",
};
export const BOOL_LABELS: LabelTable = { true: "是", false: "否" };

export function labelOf(table: LabelTable, key: string): string {
  return table[key] ?? key;
}

const squash = (s: string): string => s.replace(/[\s（）()]/g, "").toLowerCase();

/** The key whose label or key matches `text` (spaces and brackets ignored), or undefined. */
export function keyOf(table: LabelTable, text: string): string | undefined {
  const t = squash(text);
  if (t === "") return undefined;
  for (const [k, label] of Object.entries(table))
    if (squash(k) === t || squash(label) === t) return k;
  // “自动” alone selects “自动（有类别列时分组）”.
  for (const [k, label] of Object.entries(table))
    if (squash(label).startsWith(t) && t.length >= 2) return k;
  return undefined;
}
