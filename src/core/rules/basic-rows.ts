/** The 【基本设置】 rows of the rules sheet: label, how the value is written, how it is read back. */
import type { CellValue } from "../grid/types";
import type { WriteValue } from "../plan/write-plan";
import { type Parsed, cellText, parseIsoDate, parseList, parseNumber } from "./cells";
import {
  BASIS_LABELS,
  GROUPING_LABELS,
  MID_PERIOD_LABELS,
  type LabelTable,
  METHOD_LABELS,
  STRATEGY_LABELS,
  keyOf,
  labelOf,
} from "./labels";
import { SCORING_METHODS } from "./registry";
import { TIME_PROGRESS_NOTE } from "./rules-sheet-constants";
import type { RuleSet } from "./schema";
import { DEFAULT_STAGE_SYNONYMS, formatStageSynonyms, parseStageSynonyms } from "./stages";

export type Draft = RuleSet;

/** How the rules sheet writes a cap the rules do not set, and the words read as one. */
const NO_CAP = "不封顶";
const NO_CAP_WORDS = /^\s*(?:不封顶|上不封顶|不设上限|无上限|无|none|no ?cap)\s*$/i;
export type Fail = { readonly zh: string; readonly en: string };

export interface BasicRow {
  readonly label: string;
  readonly note: string;
  readonly write: (r: RuleSet) => WriteValue;
  /** Applies the cell to the draft, or says what was expected. */
  readonly read?: (v: CellValue, d: Draft) => Fail | null;
  readonly list?: (r: RuleSet) => readonly string[];
  readonly numberFormat?: string;
}

export const fail = (p: Parsed<unknown>): Fail | null =>
  p.ok ? null : { zh: p.expected_zh, en: p.expected_en };
export const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function num(
  set: (d: Draft, n: number) => void,
  check: (n: number) => boolean = (n) => n >= 0
): (v: CellValue, d: Draft) => Fail | null {
  return (v, d) => {
    const p = parseNumber(v);
    if (!p.ok) return fail(p);
    if (!check(p.value)) return { zh: "范围内的数字", en: "a number in range" };
    set(d, p.value);
    return null;
  };
}

/** A cell chosen from a dropdown of `table`'s labels: its key is set, any other text is a failure. */
export function choice<D>(
  table: LabelTable,
  set: (d: D, key: string) => void
): (v: CellValue, d: D) => Fail | null {
  return (v, d) => {
    const k = keyOf(table, cellText(v));
    if (k === undefined)
      return {
        zh: `下拉列表中的一项（${Object.values(table).join("/")}）`,
        en: `one of ${Object.keys(table).join("/")}`,
      };
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

export const BASIC_ROWS: readonly BasicRow[] = [
  {
    label: "考核期开始",
    note: "考核期第一天",
    write: (r) => dateOf(r.period.start),
    read: date((d, x) => (d.period.start = x)),
    numberFormat: "yyyy-mm-dd",
  },
  {
    label: "考核期结束",
    note: "考核期最后一天（年度考核为12月31日）",
    write: (r) => dateOf(r.period.end),
    read: date((d, x) => (d.period.end = x)),
    numberFormat: "yyyy-mm-dd",
  },
  {
    label: "截至日期",
    note: "统计截至日；运行时另行指定的截至日期优先",
    write: (r) => dateOf(r.period.asOf),
    read: date((d, x) => (d.period.asOf = x)),
    numberFormat: "yyyy-mm-dd",
  },
  { label: "序时进度口径", note: "说明，不可修改", write: () => TIME_PROGRESS_NOTE },
  {
    label: "计分方法",
    note: Object.values(SCORING_METHODS)
      .map((m) => m.note_zh)
      .join("；"),
    write: (r) => labelOf(METHOD_LABELS, r.method),
    read: choice(METHOD_LABELS, (d, k) => (d.method = k)),
    list: () => Object.values(METHOD_LABELS),
  },
  {
    label: "完成率封顶",
    note: "按比例计分时完成率的上限；填“不封顶”则不设上限",
    write: (r) => r.cap ?? NO_CAP,
    read: (v, d) => {
      if (NO_CAP_WORDS.test(cellText(v))) {
        d.cap = null;
        return null;
      }
      return num(
        (dd, n) => (dd.cap = n),
        (n) => n > 0
      )(v, d);
    },
    numberFormat: "0%",
  },
  {
    label: "完成容差",
    note: "完成率与100%相差不超过此值即视为“完成”",
    write: (r) => r.tolerance,
    read: num(
      (d, n) => (d.tolerance = n),
      (n) => n >= 0 && n <= 0.1
    ),
    numberFormat: "0.0%",
  },
  {
    label: "汇率（元/美元）",
    note: "外资与内资合并或换算时使用",
    write: (r) => r.exchangeRate,
    read: num(
      (d, n) => (d.exchangeRate = n),
      (n) => n > 0
    ),
    numberFormat: "0.00",
  },
  {
    label: "项目阶段",
    note: "按先后顺序，用“→”分隔；台账“阶段”须为其中之一",
    write: (r) => r.stages.join("→"),
    read: (v, d) => {
      const list = parseList(v);
      if (list.length === 0 || new Set(list).size !== list.length)
        return { zh: "不重复的阶段列表，如 线索→在谈→签约", en: "a list of distinct stages" };
      d.stages = list;
      return null;
    },
  },
  {
    label: "阶段同义词",
    note: "台账中各阶段的其他写法，如 签约：已签约、签订；在谈：洽谈、洽谈中。未列出的写法按最接近的阶段计并提示",
    write: (r) => formatStageSynonyms(r.stageSynonyms ?? DEFAULT_STAGE_SYNONYMS),
    read: (v, d) => {
      const parsed = parseStageSynonyms(cellText(v));
      if (parsed === null)
        return {
          zh: "“阶段：写法、写法；阶段：写法”的形式",
          en: 'the form "stage: word, word; stage: word"',
        };
      d.stageSynonyms = parsed;
      return null;
    },
  },
  {
    label: "状态判定",
    note: "对照序时进度：按序时进度判断滞后；对照全年目标：按100%判断",
    write: (r) => labelOf(STRATEGY_LABELS, r.bands.strategy),
    read: choice(STRATEGY_LABELS, (d, k) => (d.bands.strategy = k)),
    list: () => Object.values(STRATEGY_LABELS),
  },
  {
    label: "达到序时进度容差",
    note: "低于序时进度不超过此百分点仍算“达到序时进度”（红黄绿灯为10%）",
    write: (r) => r.bands.onPaceTolerance,
    read: num(
      (d, n) => (d.bands.onPaceTolerance = n),
      (n) => n >= 0 && n <= 1
    ),
    numberFormat: "0%",
  },
  {
    label: "严重滞后界限",
    note: "低于序时进度超过此百分点为“严重滞后”（红灯）",
    write: (r) => r.bands.farBehindPoints,
    read: num(
      (d, n) => (d.bands.farBehindPoints = n),
      (n) => n > 0 && n <= 1
    ),
    numberFormat: "0%",
  },
  {
    label: "分组排名",
    note: "按类别（开发区/城区/县市等）分组排名",
    write: (r) => labelOf(GROUPING_LABELS, r.grouping),
    read: choice(GROUPING_LABELS, (d, k) => (d.grouping = k as RuleSet["grouping"])),
    list: () => Object.values(GROUPING_LABELS),
  },
  {
    label: "分组列",
    note: "目标分解表中表示类别的列名",
    write: (r) => r.groupColumn,
    read: (v, d) => {
      d.groupColumn = cellText(v);
      return null;
    },
  },
  {
    label: "同分时比较指标",
    note: "总分相同时按此指标完成率排先后；留空则并列（1,1,3）",
    write: (r) => r.tieBreak ?? "",
    read: (v, d) => {
      const t = cellText(v);
      const hit = d.indicators.find((i) => i.key === t || i.name === t);
      if (t !== "" && !hit)
        return { zh: "考核指标中的指标键或名称", en: "an indicator key or name" };
      d.tieBreak = hit ? hit.key : null;
      return null;
    },
    list: (r) => r.indicators.map((i) => i.key),
  },
  {
    label: "等次依据",
    note: "按得分：见【等次】的得分下限；按名次比例：见【等次】的累计比例",
    write: (r) => labelOf(BASIS_LABELS, r.grades.basis),
    read: choice(BASIS_LABELS, (d, k) => (d.grades.basis = k as RuleSet["grades"]["basis"])),
    list: () => Object.values(BASIS_LABELS),
  },
  {
    label: "期中等次",
    note: "考核期未满时：按序时目标＝各指标完成率÷序时进度计分定等次（达到序时进度即视同完成，任一指标滞后者不评最高等次）；按全年目标＝期末才评定等次",
    write: (r) => labelOf(MID_PERIOD_LABELS, r.grades.midPeriod),
    read: choice(
      MID_PERIOD_LABELS,
      (d, k) => (d.grades.midPeriod = k as RuleSet["grades"]["midPeriod"])
    ),
    list: () => Object.values(MID_PERIOD_LABELS),
  },
  {
    label: "红榜单位数",
    note: "总分前几名上红榜",
    write: (r) => r.honour.red,
    read: num((d, n) => (d.honour.red = n), Number.isInteger),
    numberFormat: "0",
  },
  {
    label: "黑榜单位数",
    note: "总分后几名上黑榜",
    write: (r) => r.honour.black,
    read: num((d, n) => (d.honour.black = n), Number.isInteger),
    numberFormat: "0",
  },
  {
    label: "来源差异容差",
    note: "完成情况表与项目台账统计相差超过此比例时提示",
    write: (r) => r.sourceTolerance,
    read: num((d, n) => (d.sourceTolerance = n)),
    numberFormat: "0%",
  },
];
