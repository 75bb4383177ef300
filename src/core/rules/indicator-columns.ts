/** The 【考核指标】 table of the rules sheet: one indicator per row, one rule field per column. */
import type { CellValue } from "../grid/types";
import type { WriteValue } from "../plan/write-plan";
import { cellText, isBlank, parseList, parseNumber } from "./cells";
import { DISPLAY_UNITS } from "./defaults";
import {
  AGGREGATE_LABELS,
  BOOL_LABELS,
  CURRENCY_LABELS,
  DATE_FIELD_LABELS,
  type LabelTable,
  SOURCE_LABELS,
  SUM_FIELD_LABELS,
  labelOf,
} from "./labels";
import type { IndicatorRule, RuleSet } from "./schema";
import { type Fail, choice, fail } from "./basic-rows";

export interface IndicatorColumnDef {
  readonly header: string;
  readonly write: (i: IndicatorRule) => WriteValue;
  /** Writes into a plain object later validated by zod. */
  readonly read: (v: CellValue, out: IndicatorDraft) => Fail | null;
  readonly list?: (r: RuleSet) => readonly string[];
  readonly width: number;
  readonly numberFormat?: string;
}

export interface FilterDraft {
  minStage?: string;
  maxStage?: string;
  dateField?: string;
  threshold?: {
    amount?: number;
    inclusive?: boolean;
    industrialAmount?: number;
    industrialInclusive?: boolean;
  };
  industrial?: boolean;
  investorTypes?: string[];
  origins?: string[];
  currency?: string;
}
export interface IndicatorDraft {
  key?: string;
  name?: string;
  unit?: string;
  weight?: number;
  source?: string;
  target?: number;
  kind?: string;
  field?: string;
  filter: FilterDraft;
  denominator?: FilterDraft;
}

const yesNo = (b: boolean | undefined): WriteValue =>
  b === undefined ? null : labelOf(BOOL_LABELS, String(b));
const optText = (s: string | undefined): WriteValue => s ?? null;

function opt(
  read: (v: CellValue, out: IndicatorDraft) => Fail | null
): (v: CellValue, out: IndicatorDraft) => Fail | null {
  return (v, out) => (isBlank(v) ? null : read(v, out));
}
function optChoice(
  table: LabelTable,
  set: (o: IndicatorDraft, k: string) => void
): (v: CellValue, o: IndicatorDraft) => Fail | null {
  return opt(choice(table, set));
}
function optNum(
  set: (o: IndicatorDraft, n: number) => void
): (v: CellValue, o: IndicatorDraft) => Fail | null {
  return opt((v, o) => {
    const p = parseNumber(v);
    if (!p.ok) return fail(p);
    set(o, p.value);
    return null;
  });
}
const threshold = (o: IndicatorDraft) => (o.filter.threshold ??= {});
const stageList = (r: RuleSet) => r.stages;

export const INDICATOR_COLUMNS: readonly IndicatorColumnDef[] = [
  {
    header: "指标键",
    width: 22,
    write: (i) => i.key,
    read: (v, o) => ((o.key = cellText(v)), null),
  },
  {
    header: "指标名称",
    width: 18,
    write: (i) => i.name,
    read: (v, o) => ((o.name = cellText(v)), null),
  },
  {
    header: "单位",
    width: 8,
    write: (i) => i.unit,
    read: (v, o) => ((o.unit = cellText(v)), null),
    list: () => Object.keys(DISPLAY_UNITS),
  },
  { header: "权重", width: 6, write: (i) => i.weight, read: optNum((o, n) => (o.weight = n)) },
  {
    header: "数据来源",
    width: 12,
    write: (i) => labelOf(SOURCE_LABELS, i.source),
    read: optChoice(SOURCE_LABELS, (o, k) => (o.source = k)),
    list: () => Object.values(SOURCE_LABELS),
  },
  {
    header: "台账统计方式",
    width: 12,
    write: (i) => (i.aggregate ? labelOf(AGGREGATE_LABELS, i.aggregate.kind) : null),
    read: optChoice(AGGREGATE_LABELS, (o, k) => (o.kind = k)),
    list: () => Object.values(AGGREGATE_LABELS),
  },
  {
    header: "求和字段",
    width: 10,
    write: (i) => (i.aggregate?.field ? labelOf(SUM_FIELD_LABELS, i.aggregate.field) : null),
    read: optChoice(SUM_FIELD_LABELS, (o, k) => (o.field = k)),
    list: () => Object.values(SUM_FIELD_LABELS),
  },
  {
    header: "阶段不低于",
    width: 10,
    write: (i) => optText(i.aggregate?.filter.minStage),
    read: opt((v, o) => ((o.filter.minStage = cellText(v)), null)),
    list: stageList,
  },
  {
    header: "阶段不高于",
    width: 10,
    write: (i) => optText(i.aggregate?.filter.maxStage),
    read: opt((v, o) => ((o.filter.maxStage = cellText(v)), null)),
    list: stageList,
  },
  {
    header: "日期须在考核期内",
    width: 14,
    write: (i) =>
      i.aggregate?.filter.dateField
        ? labelOf(DATE_FIELD_LABELS, i.aggregate.filter.dateField)
        : null,
    read: optChoice(DATE_FIELD_LABELS, (o, k) => (o.filter.dateField = k)),
    list: () => Object.values(DATE_FIELD_LABELS),
  },
  {
    header: "投资额门槛（万元）",
    width: 14,
    write: (i) => i.aggregate?.filter.threshold?.amount ?? null,
    read: optNum((o, n) => (threshold(o).amount = n)),
  },
  {
    header: "门槛含本数",
    width: 10,
    write: (i) => yesNo(i.aggregate?.filter.threshold?.inclusive),
    read: optChoice(BOOL_LABELS, (o, k) => (threshold(o).inclusive = k === "true")),
    list: () => Object.values(BOOL_LABELS),
  },
  {
    header: "工业项目门槛（万元）",
    width: 16,
    write: (i) => i.aggregate?.filter.threshold?.industrialAmount ?? null,
    read: optNum((o, n) => (threshold(o).industrialAmount = n)),
  },
  {
    header: "工业门槛含本数",
    width: 12,
    write: (i) => yesNo(i.aggregate?.filter.threshold?.industrialInclusive),
    read: optChoice(BOOL_LABELS, (o, k) => (threshold(o).industrialInclusive = k === "true")),
    list: () => Object.values(BOOL_LABELS),
  },
  {
    header: "是否工业项目",
    width: 10,
    write: (i) => yesNo(i.aggregate?.filter.industrial),
    read: optChoice(BOOL_LABELS, (o, k) => (o.filter.industrial = k === "true")),
    list: () => Object.values(BOOL_LABELS),
  },
  {
    header: "投资方类型（、分隔）",
    width: 16,
    write: (i) => i.aggregate?.filter.investorTypes?.join("、") ?? null,
    read: opt((v, o) => ((o.filter.investorTypes = parseList(v)), null)),
  },
  {
    header: "来源地（、分隔）",
    width: 14,
    write: (i) => i.aggregate?.filter.origins?.join("、") ?? null,
    read: opt((v, o) => ((o.filter.origins = parseList(v)), null)),
  },
  {
    header: "币种",
    width: 8,
    write: (i) =>
      i.aggregate?.filter.currency ? labelOf(CURRENCY_LABELS, i.aggregate.filter.currency) : null,
    read: optChoice(CURRENCY_LABELS, (o, k) => (o.filter.currency = k)),
    list: () => Object.values(CURRENCY_LABELS),
  },
  {
    header: "比率分母：阶段不低于",
    width: 16,
    write: (i) => optText(i.aggregate?.denominator?.minStage),
    read: opt((v, o) => ((o.denominator = { minStage: cellText(v) }), null)),
    list: stageList,
  },
  {
    header: "统一目标（无目标列时）",
    width: 16,
    write: (i) => i.target ?? null,
    read: optNum((o, n) => (o.target = n)),
  },
];
