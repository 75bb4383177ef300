/**
 * The 考核规则 sheet: every rule on its own row with Chinese labels and dropdowns, so a reviewer sees and edits
 * exactly the rules that produced a ranking. Written once with defaults; afterwards it is the user's sheet.
 */
import type { CellValue, SheetGrid } from "../grid/types";
import { toA1 } from "../grid/address";
import type { Issue } from "../issues/types";
import { SheetBuilder, rangeA1 } from "../report/sheet-builder";
import type { SheetPlan, WriteValue } from "../report/write-plan";
import { type Parsed, cellText, isBlank, parseIsoDate, parseList, parseNumber } from "./cells";
import { DISPLAY_UNITS, defaultRules } from "./defaults";
import {
  AGGREGATE_LABELS,
  BASIS_LABELS,
  BOOL_LABELS,
  CURRENCY_LABELS,
  DATE_FIELD_LABELS,
  GROUPING_LABELS,
  type LabelTable,
  METHOD_LABELS,
  SOURCE_LABELS,
  STRATEGY_LABELS,
  SUM_FIELD_LABELS,
  keyOf,
  labelOf,
} from "./labels";
import { checkRuleSet } from "./merge";
import { type BandStyle, type IndicatorRule, type RuleSet, bandStyleSchema, indicatorRuleSchema, ruleSetSchema } from "./schema";

export const RULES_SHEET_NAME = "考核规则";
export const RULES_SECTIONS = { basic: "【基本设置】", bands: "【状态分档】", grades: "【等次】", indicators: "【考核指标】" } as const;
export const TIME_PROGRESS_NOTE =
  "序时进度 = 已过月数 ÷ 考核期月数；截至日期所在月按已过天数折算（年度考核截至10月31日为 10/12，截至10月15日为 (9+15/31)/12）";

type Draft = RuleSet;
type Fail = { readonly zh: string; readonly en: string };

interface BasicRow {
  readonly label: string;
  readonly note: string;
  readonly write: (r: RuleSet) => WriteValue;
  /** Applies the cell to the draft, or says what was expected. */
  readonly read?: (v: CellValue, d: Draft) => Fail | null;
  readonly list?: (r: RuleSet) => readonly string[];
  readonly numberFormat?: string;
}

const fail = (p: Parsed<unknown>): Fail | null => (p.ok ? null : { zh: p.expected_zh, en: p.expected_en });
const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function num(set: (d: Draft, n: number) => void, check: (n: number) => boolean = (n) => n >= 0): (v: CellValue, d: Draft) => Fail | null {
  return (v, d) => {
    const p = parseNumber(v);
    if (!p.ok) return fail(p);
    if (!check(p.value)) return { zh: "范围内的数字", en: "a number in range" };
    set(d, p.value);
    return null;
  };
}

function choice(table: LabelTable, set: (d: Draft, key: string) => void): (v: CellValue, d: Draft) => Fail | null {
  return (v, d) => {
    const k = keyOf(table, cellText(v));
    if (k === undefined) return { zh: `下拉列表中的一项（${Object.values(table).join("/")}）`, en: `one of ${Object.keys(table).join("/")}` };
    set(d, k);
    return null;
  };
}

function date(set: (d: Draft, iso: string) => void): (v: CellValue, d: Draft) => Fail | null {
  return (v, d) => {
    const p = parseIsoDate(v);
    if (p.ok) set(d, p.value);
    return fail(p);
  };
}

const BASIC_ROWS: readonly BasicRow[] = [
  { label: "考核期开始", note: "考核期第一天", write: (r) => dateOf(r.period.start), read: date((d, x) => (d.period.start = x)), numberFormat: "yyyy-mm-dd" },
  { label: "考核期结束", note: "考核期最后一天（年度考核为12月31日）", write: (r) => dateOf(r.period.end), read: date((d, x) => (d.period.end = x)), numberFormat: "yyyy-mm-dd" },
  { label: "截至日期", note: "统计截至日；运行时另行指定的截至日期优先", write: (r) => dateOf(r.period.asOf), read: date((d, x) => (d.period.asOf = x)), numberFormat: "yyyy-mm-dd" },
  { label: "序时进度口径", note: "说明，不可修改", write: () => TIME_PROGRESS_NOTE },
  {
    label: "计分方法", note: "按比例计分：得分=权重×完成率（封顶）；达标计分：完成得满分，未完成不得分",
    write: (r) => labelOf(METHOD_LABELS, r.method), read: choice(METHOD_LABELS, (d, k) => (d.method = k)), list: () => Object.values(METHOD_LABELS),
  },
  { label: "完成率封顶", note: "按比例计分时完成率的上限", write: (r) => r.cap, read: num((d, n) => (d.cap = n), (n) => n > 0), numberFormat: "0%" },
  { label: "完成容差", note: "完成率与100%相差不超过此值即视为“完成”", write: (r) => r.tolerance, read: num((d, n) => (d.tolerance = n), (n) => n >= 0 && n <= 0.1), numberFormat: "0.0%" },
  { label: "汇率（元/美元）", note: "外资与内资合并或换算时使用", write: (r) => r.exchangeRate, read: num((d, n) => (d.exchangeRate = n), (n) => n > 0), numberFormat: "0.00" },
  {
    label: "项目阶段", note: "按先后顺序，用“→”分隔；台账“阶段”须为其中之一",
    write: (r) => r.stages.join("→"),
    read: (v, d) => {
      const list = parseList(v);
      if (list.length === 0 || new Set(list).size !== list.length) return { zh: "不重复的阶段列表，如 线索→在谈→签约", en: "a list of distinct stages" };
      d.stages = list;
      return null;
    },
  },
  {
    label: "状态判定", note: "对照序时进度：按序时进度判断滞后；对照全年目标：按100%判断",
    write: (r) => labelOf(STRATEGY_LABELS, r.bands.strategy), read: choice(STRATEGY_LABELS, (d, k) => (d.bands.strategy = k)), list: () => Object.values(STRATEGY_LABELS),
  },
  {
    label: "达到序时进度容差", note: "低于序时进度不超过此百分点仍算“达到序时进度”（红黄绿灯为10%）",
    write: (r) => r.bands.onPaceTolerance, read: num((d, n) => (d.bands.onPaceTolerance = n), (n) => n >= 0 && n <= 1), numberFormat: "0%",
  },
  {
    label: "严重滞后界限", note: "低于序时进度超过此百分点为“严重滞后”（红灯）",
    write: (r) => r.bands.farBehindPoints, read: num((d, n) => (d.bands.farBehindPoints = n), (n) => n > 0 && n <= 1), numberFormat: "0%",
  },
  {
    label: "分组排名", note: "按类别（开发区/城区/县市等）分组排名",
    write: (r) => labelOf(GROUPING_LABELS, r.grouping), read: choice(GROUPING_LABELS, (d, k) => (d.grouping = k as RuleSet["grouping"])), list: () => Object.values(GROUPING_LABELS),
  },
  {
    label: "分组列", note: "目标分解表中表示类别的列名",
    write: (r) => r.groupColumn,
    read: (v, d) => {
      d.groupColumn = cellText(v);
      return null;
    },
  },
  {
    label: "同分时比较指标", note: "总分相同时按此指标完成率排先后；留空则并列（1,1,3）",
    write: (r) => r.tieBreak ?? "",
    read: (v, d) => {
      const t = cellText(v);
      const hit = d.indicators.find((i) => i.key === t || i.name === t);
      if (t !== "" && !hit) return { zh: "考核指标中的指标键或名称", en: "an indicator key or name" };
      d.tieBreak = hit ? hit.key : null;
      return null;
    },
    list: (r) => r.indicators.map((i) => i.key),
  },
  {
    label: "等次依据", note: "按得分：见【等次】的得分下限；按名次比例：见【等次】的累计比例",
    write: (r) => labelOf(BASIS_LABELS, r.grades.basis), read: choice(BASIS_LABELS, (d, k) => (d.grades.basis = k as RuleSet["grades"]["basis"])), list: () => Object.values(BASIS_LABELS),
  },
  { label: "红榜单位数", note: "总分前几名上红榜", write: (r) => r.honour.red, read: num((d, n) => (d.honour.red = n), Number.isInteger), numberFormat: "0" },
  { label: "黑榜单位数", note: "总分后几名上黑榜", write: (r) => r.honour.black, read: num((d, n) => (d.honour.black = n), Number.isInteger), numberFormat: "0" },
  {
    label: "来源差异容差", note: "完成情况表与项目台账统计相差超过此比例时提示",
    write: (r) => r.sourceTolerance, read: num((d, n) => (d.sourceTolerance = n)), numberFormat: "0%",
  },
];

interface IndicatorColumnDef {
  readonly header: string;
  readonly write: (i: IndicatorRule) => WriteValue;
  /** Writes into a plain object later validated by zod. */
  readonly read: (v: CellValue, out: IndicatorDraft) => Fail | null;
  readonly list?: (r: RuleSet) => readonly string[];
  readonly width: number;
  readonly numberFormat?: string;
}

interface FilterDraft {
  minStage?: string;
  maxStage?: string;
  dateField?: string;
  threshold?: { amount?: number; inclusive?: boolean; industrialAmount?: number; industrialInclusive?: boolean };
  industrial?: boolean;
  investorTypes?: string[];
  origins?: string[];
  currency?: string;
}
interface IndicatorDraft {
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

const yesNo = (b: boolean | undefined): WriteValue => (b === undefined ? null : labelOf(BOOL_LABELS, String(b)));
const optText = (s: string | undefined): WriteValue => s ?? null;

function opt(read: (v: CellValue, out: IndicatorDraft) => Fail | null): (v: CellValue, out: IndicatorDraft) => Fail | null {
  return (v, out) => (isBlank(v) ? null : read(v, out));
}
function optChoice(table: LabelTable, set: (o: IndicatorDraft, k: string) => void): (v: CellValue, o: IndicatorDraft) => Fail | null {
  return opt((v, o) => {
    const k = keyOf(table, cellText(v));
    if (k === undefined) return { zh: `下拉列表中的一项（${Object.values(table).join("/")}）`, en: `one of ${Object.keys(table).join("/")}` };
    set(o, k);
    return null;
  });
}
function optNum(set: (o: IndicatorDraft, n: number) => void): (v: CellValue, o: IndicatorDraft) => Fail | null {
  return opt((v, o) => {
    const p = parseNumber(v);
    if (!p.ok) return fail(p);
    set(o, p.value);
    return null;
  });
}
const threshold = (o: IndicatorDraft) => (o.filter.threshold ??= {});
const stageList = (r: RuleSet) => r.stages;

const INDICATOR_COLUMNS: readonly IndicatorColumnDef[] = [
  { header: "指标键", width: 22, write: (i) => i.key, read: (v, o) => ((o.key = cellText(v)), null) },
  { header: "指标名称", width: 18, write: (i) => i.name, read: (v, o) => ((o.name = cellText(v)), null) },
  { header: "单位", width: 8, write: (i) => i.unit, read: (v, o) => ((o.unit = cellText(v)), null), list: () => Object.keys(DISPLAY_UNITS) },
  { header: "权重", width: 6, write: (i) => i.weight, read: optNum((o, n) => (o.weight = n)) },
  { header: "数据来源", width: 12, write: (i) => labelOf(SOURCE_LABELS, i.source), read: optChoice(SOURCE_LABELS, (o, k) => (o.source = k)), list: () => Object.values(SOURCE_LABELS) },
  { header: "台账统计方式", width: 12, write: (i) => (i.aggregate ? labelOf(AGGREGATE_LABELS, i.aggregate.kind) : null), read: optChoice(AGGREGATE_LABELS, (o, k) => (o.kind = k)), list: () => Object.values(AGGREGATE_LABELS) },
  { header: "求和字段", width: 10, write: (i) => (i.aggregate?.field ? labelOf(SUM_FIELD_LABELS, i.aggregate.field) : null), read: optChoice(SUM_FIELD_LABELS, (o, k) => (o.field = k)), list: () => Object.values(SUM_FIELD_LABELS) },
  { header: "阶段不低于", width: 10, write: (i) => optText(i.aggregate?.filter.minStage), read: opt((v, o) => ((o.filter.minStage = cellText(v)), null)), list: stageList },
  { header: "阶段不高于", width: 10, write: (i) => optText(i.aggregate?.filter.maxStage), read: opt((v, o) => ((o.filter.maxStage = cellText(v)), null)), list: stageList },
  {
    header: "日期须在考核期内", width: 14,
    write: (i) => (i.aggregate?.filter.dateField ? labelOf(DATE_FIELD_LABELS, i.aggregate.filter.dateField) : null),
    read: optChoice(DATE_FIELD_LABELS, (o, k) => (o.filter.dateField = k)), list: () => Object.values(DATE_FIELD_LABELS),
  },
  { header: "投资额门槛（万元）", width: 14, write: (i) => i.aggregate?.filter.threshold?.amount ?? null, read: optNum((o, n) => (threshold(o).amount = n)) },
  {
    header: "门槛含本数", width: 10, write: (i) => yesNo(i.aggregate?.filter.threshold?.inclusive),
    read: optChoice(BOOL_LABELS, (o, k) => (threshold(o).inclusive = k === "true")), list: () => Object.values(BOOL_LABELS),
  },
  { header: "工业项目门槛（万元）", width: 16, write: (i) => i.aggregate?.filter.threshold?.industrialAmount ?? null, read: optNum((o, n) => (threshold(o).industrialAmount = n)) },
  {
    header: "工业门槛含本数", width: 12, write: (i) => yesNo(i.aggregate?.filter.threshold?.industrialInclusive),
    read: optChoice(BOOL_LABELS, (o, k) => (threshold(o).industrialInclusive = k === "true")), list: () => Object.values(BOOL_LABELS),
  },
  {
    header: "是否工业项目", width: 10, write: (i) => yesNo(i.aggregate?.filter.industrial),
    read: optChoice(BOOL_LABELS, (o, k) => (o.filter.industrial = k === "true")), list: () => Object.values(BOOL_LABELS),
  },
  { header: "投资方类型（、分隔）", width: 16, write: (i) => i.aggregate?.filter.investorTypes?.join("、") ?? null, read: opt((v, o) => ((o.filter.investorTypes = parseList(v)), null)) },
  { header: "来源地（、分隔）", width: 14, write: (i) => i.aggregate?.filter.origins?.join("、") ?? null, read: opt((v, o) => ((o.filter.origins = parseList(v)), null)) },
  {
    header: "币种", width: 8, write: (i) => (i.aggregate?.filter.currency ? labelOf(CURRENCY_LABELS, i.aggregate.filter.currency) : null),
    read: optChoice(CURRENCY_LABELS, (o, k) => (o.filter.currency = k)), list: () => Object.values(CURRENCY_LABELS),
  },
  {
    header: "比率分母：阶段不低于", width: 16, write: (i) => optText(i.aggregate?.denominator?.minStage),
    read: opt((v, o) => ((o.denominator = { minStage: cellText(v) }), null)), list: stageList,
  },
  { header: "统一目标（无目标列时）", width: 16, write: (i) => i.target ?? null, read: optNum((o, n) => (o.target = n)) },
];

const BAND_HEADERS = ["状态代码", "名称", "英文名称", "填充色", "字体色", "符号"] as const;
const GRADE_HEADERS = ["等次", "界限（得分下限；按名次比例时为累计比例）"] as const;

const HEADER_STYLE = { bold: true, fill: "D9D9D9", border: "thin", horizontal: "center", wrap: true } as const;
const SECTION_STYLE = { bold: true, fontSize: 12 } as const;
const CELL_STYLE = { border: "thin" } as const;
/** Rows left under the indicator table with dropdowns, for indicators a user adds. */
const SPARE_INDICATOR_ROWS = 20;

/** A 考核规则 sheet holding `rules`, owned by the user once written (re-runs never replace it). */
export function planRulesSheet(rules: RuleSet, name: string = RULES_SHEET_NAME): SheetPlan {
  const b = new SheetBuilder(name, "rules", false);
  const width = INDICATOR_COLUMNS.length;
  b.set(0, 0, "考核规则");
  b.style({ bold: true, fontSize: 16 }, 0, 0);
  b.merge(0, 0, 0, 5);
  b.set(1, 0, "本表列出本次考核使用的全部规则，可直接修改：带下拉箭头的单元格请从列表中选择；重新考核时按本表计算，本表不会被覆盖。无法识别的取值将改用默认值并在“校验结果”中说明。");
  b.style({ wrap: true, italic: true, fontColor: "404040" }, 1, 0);
  b.merge(1, 0, 1, 8);
  b.height(1, 32);

  let row = 3;
  b.set(row, 0, RULES_SECTIONS.basic);
  b.style(SECTION_STYLE, row, 0);
  row++;
  b.setRow(row, 0, ["规则", "取值", "说明"]);
  b.style(HEADER_STYLE, row, 0, row, 2);
  row++;
  const basicTop = row;
  for (const def of BASIC_ROWS) {
    b.setRow(row, 0, [def.label, def.write(rules), def.note]);
    if (def.numberFormat) b.style({ numberFormat: def.numberFormat, horizontal: "left" }, row, 1);
    const list = def.list?.(rules);
    if (list) b.validate({ range: toA1(row, 1), values: list, prompt: def.note });
    if (def.label === "序时进度口径") {
      b.style({ wrap: true }, row, 1);
      b.exemptFromWidth(row, 1);
    }
    row++;
  }
  b.style(CELL_STYLE, basicTop, 0, row - 1, 2);
  for (let r = basicTop; r < row; r++) b.exemptFromWidth(r, 2);

  row++;
  b.set(row, 0, RULES_SECTIONS.bands);
  b.style(SECTION_STYLE, row, 0);
  row++;
  b.setRow(row, 0, [...BAND_HEADERS]);
  b.style(HEADER_STYLE, row, 0, row, BAND_HEADERS.length - 1);
  row++;
  const bandTop = row;
  for (const s of rules.bands.styles) {
    b.setRow(row, 0, [s.status, s.label_zh, s.label_en, s.color, s.fontColor, s.symbol]);
    b.style({ fill: s.color, fontColor: s.fontColor }, row, 1);
    row++;
  }
  b.style(CELL_STYLE, bandTop, 0, row - 1, BAND_HEADERS.length - 1);

  row++;
  b.set(row, 0, RULES_SECTIONS.grades);
  b.style(SECTION_STYLE, row, 0);
  row++;
  b.setRow(row, 0, [...GRADE_HEADERS]);
  b.style(HEADER_STYLE, row, 0, row, 1);
  row++;
  const gradeTop = row;
  for (const g of rules.grades.bands) b.setRow(row++, 0, [g.label, g.value]);
  b.style(CELL_STYLE, gradeTop, 0, row - 1, 1);
  b.exemptFromWidth(gradeTop - 1, 1);

  row++;
  b.set(row, 0, RULES_SECTIONS.indicators);
  b.style(SECTION_STYLE, row, 0);
  b.set(row, 1, "每行一个指标；台账统计方式留空的指标只取完成情况表；金额门槛以万元计，美元按汇率折算");
  b.exemptFromWidth(row, 1);
  row++;
  b.setRow(row, 0, INDICATOR_COLUMNS.map((c) => c.header));
  b.style(HEADER_STYLE, row, 0, row, width - 1);
  row++;
  const indTop = row;
  for (const ind of rules.indicators) {
    b.setRow(row, 0, INDICATOR_COLUMNS.map((c) => c.write(ind)));
    row++;
  }
  const indBottom = row - 1 + SPARE_INDICATOR_ROWS;
  b.style(CELL_STYLE, indTop, 0, Math.max(indTop, row - 1), width - 1);
  INDICATOR_COLUMNS.forEach((c, col) => {
    const list = c.list?.(rules);
    if (list) b.validate({ range: rangeA1(indTop, col, indBottom, col), values: list });
  });

  const widths = INDICATOR_COLUMNS.map((c) => c.width);
  widths[0] = 22;
  widths[1] = Math.max(widths[1] ?? 0, 26);
  widths[2] = Math.max(widths[2] ?? 0, 12);
  return b.build({ columnWidths: widths, freeze: { rows: 0, columns: 1 }, tabColor: "56B4E9" });
}

function rulesIssue(sheet: string, row: number, col: number, what_zh: string, what_en: string, fallback_zh: string, fallback_en: string): Issue {
  return {
    code: "invalid_rule",
    severity: "warning",
    sheet,
    cell: toA1(row, col),
    row: row + 1,
    message_zh: `考核规则“${what_zh}”无效，${fallback_zh}`,
    message_en: `Rule "${what_en}" is invalid; ${fallback_en}`,
  };
}

function sectionRows(sheet: SheetGrid): Map<string, number> {
  const found = new Map<string, number>();
  sheet.rows.forEach((r, i) => {
    const t = cellText(r[0] ?? null).replace(/\s/g, "");
    for (const marker of Object.values(RULES_SECTIONS)) if (t === marker && !found.has(marker)) found.set(marker, i);
  });
  return found;
}

/** Data rows of a section: after its marker and header, up to the next blank first cell or marker. */
function dataRows(sheet: SheetGrid, marker: number | undefined, allowBlankKey = false): number[] {
  if (marker === undefined) return [];
  const out: number[] = [];
  for (let r = marker + 2; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const first = cellText(row[0] ?? null);
    if (first.startsWith("【")) break;
    if (first === "") {
      if (allowBlankKey && row.some((v) => !isBlank(v))) {
        out.push(r);
        continue;
      }
      break;
    }
    out.push(r);
  }
  return out;
}

const squash = (s: string): string => s.replace(/[\s（）()]/g, "");

function toFilter(f: FilterDraft | undefined): Record<string, unknown> | undefined {
  if (!f) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) out[k] = v;
  return out;
}

function readIndicatorRow(sheet: SheetGrid, r: number, stages: readonly string[]): { rule: IndicatorRule } | { col: number; zh: string; en: string } {
  const row = sheet.rows[r] ?? [];
  const draft: IndicatorDraft = { filter: {} };
  for (let c = 0; c < INDICATOR_COLUMNS.length; c++) {
    const def = INDICATOR_COLUMNS[c] as IndicatorColumnDef;
    const f = def.read(row[c] ?? null, draft);
    if (f) return { col: c, zh: `${def.header}应为${f.zh}`, en: `${def.header} must be ${f.en}` };
  }
  for (const [c, s] of [[7, draft.filter.minStage], [8, draft.filter.maxStage], [18, draft.denominator?.minStage]] as const) {
    if (s !== undefined && !stages.includes(s)) return { col: c, zh: `阶段“${s}”不在项目阶段列表中`, en: `stage "${s}" is not in the stage list` };
  }
  const candidate: Record<string, unknown> = {
    key: draft.key,
    name: draft.name,
    unit: draft.unit,
    weight: draft.weight,
    source: draft.source ?? (draft.kind ? "ledger" : "actuals"),
  };
  if (draft.target !== undefined) candidate["target"] = draft.target;
  if (draft.kind !== undefined) {
    const agg: Record<string, unknown> = { kind: draft.kind, filter: toFilter(draft.filter) };
    if (draft.field !== undefined) agg["field"] = draft.field;
    if (draft.denominator) agg["denominator"] = toFilter(draft.denominator);
    candidate["aggregate"] = agg;
  } else if (draft.source === "ledger") {
    return { col: 5, zh: "数据来源为项目台账时须填写台账统计方式", en: "a ledger source needs an aggregate" };
  }
  const parsed = indicatorRuleSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const field = String(first?.path[0] ?? "key");
    const col = ["key", "name", "unit", "weight", "source"].indexOf(field);
    return { col: Math.max(0, col), zh: `内容不完整或格式不对（${field}: ${first?.message ?? ""}）`, en: `incomplete or malformed (${field}: ${first?.message ?? ""})` };
  }
  return { rule: parsed.data };
}

function readBandRow(row: readonly CellValue[]): BandStyle | null {
  const parsed = bandStyleSchema.safeParse({
    status: cellText(row[0] ?? null),
    label_zh: cellText(row[1] ?? null),
    label_en: cellText(row[2] ?? null),
    color: cellText(row[3] ?? null).replace(/^#/, "").toUpperCase(),
    fontColor: cellText(row[4] ?? null).replace(/^#/, "").toUpperCase(),
    symbol: cellText(row[5] ?? null),
  });
  return parsed.success ? parsed.data : null;
}

/**
 * Reads a 考核规则 sheet back. Rules it cannot read keep the value of `defaults` and become `invalid_rule`
 * warnings naming the cell, so the run goes on and says what it did.
 */
export function readRulesSheet(sheet: SheetGrid, defaults?: RuleSet): { rules: RuleSet; issues: Issue[] } {
  const base = defaults ?? defaultRules("2000-01-01");
  const d: Draft = structuredClone(base);
  const issues: Issue[] = [];
  const sections = sectionRows(sheet);
  const name = sheet.name;

  const basicRows = dataRows(sheet, sections.get(RULES_SECTIONS.basic));
  // The indicator list first: 同分时比较指标 refers to it.
  const indRows = dataRows(sheet, sections.get(RULES_SECTIONS.indicators), true);
  const stagesRow = basicRows.find((r) => squash(cellText(sheet.rows[r]?.[0] ?? null)) === squash("项目阶段"));
  const stages = stagesRow === undefined ? d.stages : parseList(sheet.rows[stagesRow]?.[1] ?? null);

  if (sections.has(RULES_SECTIONS.indicators)) {
    const indicators: IndicatorRule[] = [];
    for (const r of indRows) {
      const res = readIndicatorRow(sheet, r, stages.length ? stages : d.stages);
      if ("rule" in res) {
        if (indicators.some((i) => i.key === res.rule.key)) {
          issues.push(rulesIssue(name, r, 0, `指标键“${res.rule.key}”重复`, `duplicate indicator key "${res.rule.key}"`, "已忽略此行", "row ignored"));
        } else indicators.push(res.rule);
        continue;
      }
      const key = cellText(sheet.rows[r]?.[0] ?? null);
      const fallback = base.indicators.find((i) => i.key === key);
      if (fallback) indicators.push(structuredClone(fallback));
      issues.push(
        rulesIssue(
          name, r, res.col, `${key || "指标"}：${res.zh}`, `${key || "indicator"}: ${res.en}`,
          fallback ? "已改用该指标的默认规则" : "已忽略此行", fallback ? "the default rule for this indicator is used" : "row ignored",
        ),
      );
    }
    d.indicators = indicators;
  }

  for (const r of basicRows) {
    const row = sheet.rows[r] ?? [];
    const label = squash(cellText(row[0] ?? null));
    const def = BASIC_ROWS.find((x) => squash(x.label) === label);
    if (!def?.read) continue;
    const v = row[1] ?? null;
    if (isBlank(v) && def.label !== "同分时比较指标" && def.label !== "分组列") continue;
    const f = def.read(v, d);
    if (f) {
      const shown = def.write(base);
      const shownText = typeof shown === "number" && def.numberFormat?.includes("%") ? `${Math.round(shown * 1000) / 10}%` : shown instanceof Date ? shown.toISOString().slice(0, 10) : String(shown);
      issues.push(rulesIssue(name, r, 1, `${def.label}”的取值“${cellText(v)}`, `${def.label}: "${cellText(v)}"`, `应为${f.zh}，已改用默认值 ${shownText}`, `expected ${f.en}; default ${shownText} used`));
    }
  }

  const bandMarker = sections.get(RULES_SECTIONS.bands);
  if (bandMarker !== undefined) {
    const styles = d.bands.styles.map((s) => ({ ...s }));
    for (const r of dataRows(sheet, bandMarker)) {
      const parsed = readBandRow(sheet.rows[r] ?? []);
      const i = parsed ? styles.findIndex((s) => s.status === parsed.status) : -1;
      if (parsed && i >= 0) styles[i] = parsed;
      else issues.push(rulesIssue(name, r, 0, "状态分档", "status band", "应为已知状态代码、名称、6位颜色代码（如 D55E00）和符号，已改用默认样式", "needs a known status, names, RRGGBB colours and a symbol; default style used"));
    }
    d.bands.styles = styles;
  }

  const gradeMarker = sections.get(RULES_SECTIONS.grades);
  if (gradeMarker !== undefined) {
    const grades: { label: string; value: number }[] = [];
    for (const r of dataRows(sheet, gradeMarker)) {
      const row = sheet.rows[r] ?? [];
      const p = parseNumber(row[1] ?? null);
      if (p.ok && p.value >= 0) grades.push({ label: cellText(row[0] ?? null), value: p.value });
      else issues.push(rulesIssue(name, r, 1, `等次“${cellText(row[0] ?? null)}”的界限`, `grade "${cellText(row[0] ?? null)}" bound`, "应为非负数字，已忽略此行", "must be a non-negative number; row ignored"));
    }
    if (grades.length > 0) d.grades.bands = grades;
  }

  const parsed = ruleSetSchema.safeParse(d);
  const problems = parsed.success ? checkRuleSet(parsed.data) : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (problems.length > 0 || !parsed.success) {
    issues.push(rulesIssue(name, 0, 0, `整体：${problems.join("；")}`, `as a whole: ${problems.join("; ")}`, "已改用全部默认规则", "all default rules are used"));
    return { rules: base, issues };
  }
  return { rules: parsed.data, issues };
}
