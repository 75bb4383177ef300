/**
 * Plans the figure columns of a unit table: groups header columns by indicator and by what they hold, so one
 * sheet can be a 目标分解表, a 完成情况表, or both at once (目标任务 / 累计完成 / 完成率 under each indicator,
 * "X Target" / "X Actual" pairs, 全年目标 beside 一季度…四季度).
 */
import { columnLetter, toA1, type SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { MeasureUnit, Quantity } from "../model";
import { distinguishSharedFields, type ColumnMeaning } from "./column-meaning";
import type { HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import type { Measure, PeriodSpan } from "./measure-words";
import { quantityHint, unitByLabel, unitFromNotes } from "./measure-units";
import { isTotalLabel } from "./row-labels";
import { columnShare, unreadableIndicator } from "./column-figures";
import { periodTotals, runningTotalParts } from "./period-totals";
import { readTargetBreakdown } from "./target-breakdown";

/** A period column of a figure: 一季度 covers months 1–3, 上半年 1–6. */
export interface PeriodPart extends PeriodSpan {
  readonly col: number;
}

/** A figure the sheet holds for an indicator, read from one column or summed over period columns. */
export interface FigureColumn {
  readonly key: string;
  readonly name: string;
  /** The column shown as the figure's place (the last period column for sums). */
  readonly col: number;
  /** Period columns and the months each covers, when the figure is read from them (summed or the latest). */
  readonly parts: readonly PeriodPart[] | null;
  readonly unit: MeasureUnit | null;
  readonly quantity: Quantity | null;
  /** The header's unit contradicts the indicator (外资 in 亿元): every value is blocked. */
  readonly blocked: boolean;
  readonly weight: number | null;
  /** The header says a range typed in a cell runs 确保～力争 (保底～力争): its lower end is the target. */
  readonly rangeLow?: boolean;
}

export interface ColumnPlan {
  /** 目标 figures, or the figures of a sheet whose headers name only indicators. */
  readonly targets: readonly FigureColumn[];
  /** 完成 figures (累计完成, 本年累计, the sum of 一季度…), for sheets that say so in their headers. */
  readonly actuals: readonly FigureColumn[];
  /** Figures of a sheet whose headers do not say what they hold (the role decides). */
  readonly plain: readonly FigureColumn[];
  /** Indicator key → last year's figure (去年同期). */
  readonly lastYear: readonly FigureColumn[];
  readonly bonus: number | null;
  readonly penalty: number | null;
  /** 事由 columns (one beside 加分, one beside 扣分). */
  readonly reasons: readonly number[];
  readonly previousRank: number | null;
  /** Columns understood but not scored (完成率, 同比, 得分, 排名 …): "key:measure" (or the measure) → column. */
  readonly described: readonly { readonly key: string; readonly col: number }[];
  /** Column letters read as nothing (text, hidden helpers, headers no one knows). */
  readonly unrecognised: readonly string[];
}

const NOT_FIGURES: ReadonlySet<Measure> = new Set([
  "rate",
  "yoy",
  "score",
  "rank",
  "weight",
  "progress",
  "grade",
  "current",
  "gap",
  "stretch",
]);

// Headers of columns that describe indicators rather than being ones, when no measure word says so: a
// 分解比例 / 分配系数 beside the targets is each unit's share of the total, the targets' own arithmetic.
const NOT_AN_INDICATOR =
  /同比|增长|增幅|排名|名次|得分|分值|权重|比例|系数|yoy|growth|rank|score|weight|share|ratio/;

/** 全年目标（确保～力争）, 保底-力争: a header saying a range's first figure is the one that must be reached. */
const RANGE_LOW_END = /(?:确保|保底|下限)\s*[~～\-—–－/、至]\s*(?:力争|奋斗|上限)/;

const FRACTION: MeasureUnit = { quantity: "ratio", label: "%", factor: 1 };

/**
 * Figures, or (for a column whose header says it holds figures) not mostly words. A 完成 column without a single
 * figure (not reported yet, the 完成率 beside it blank too) is no source: read as one, every unit would rank at 0.
 */
function holdsFigures(
  sheet: SheetGrid,
  col: number,
  from: number,
  measure: Measure | null
): boolean {
  const { numeric, other } = columnShare(sheet, col, from);
  if (measure === "actual") return numeric > 0 && numeric >= other;
  if (measure === "target" || measure === "period" || measure === "last_year")
    return numeric >= other;
  return numeric > 0 && numeric >= other * 2;
}

/** Cells formatted as 0% hold fractions (0.6 shows as 60%): the column is a rate. */
function percentFormatted(sheet: SheetGrid, col: number, from: number): MeasureUnit | null {
  const last = Math.min(sheet.rows.length, from + 20);
  for (let r = from; r < last; r++) {
    const fmt = sheet.numberFormats.get(toA1(r, col));
    if (fmt !== undefined) return fmt.includes("%") ? FRACTION : null;
  }
  return null;
}

/** The note's unit of the kind the indicator's words name, when the note lists several kinds. */
function hintedUnit(notes: HeaderBlock["notes"], name: string): MeasureUnit | null {
  const hint = quantityHint(name);
  if (hint === null) return null;
  return (
    unitFromNotes(notes, hint) ??
    // "实际利用外资" under a note listing only 元 units: the bureau counted it in yuan.
    (hint === "money_usd" ? unitFromNotes(notes, "money_cny") : null)
  );
}

interface Group {
  key: string;
  name: string;
  meaning: ColumnMeaning;
  target: ColumnMeaning | null;
  actual: ColumnMeaning | null;
  unmarked: ColumnMeaning | null;
  lastYear: ColumnMeaning | null;
  periods: ColumnMeaning[];
}

function figure(
  sheet: SheetGrid,
  block: HeaderBlock,
  group: Group,
  m: ColumnMeaning,
  issues: Issue[],
  parts: FigureColumn["parts"] = null
): FigureColumn {
  const field = group.meaning.field ?? m.field;
  const column = m.column;
  const fromGroup = group.meaning.column.unit;
  const unit: MeasureUnit | null =
    column.unit ??
    fromGroup ??
    (field?.kind === "indicator" ? unitFromNotes(block.notes, field.quantity) : null) ??
    (field?.kind === "indicator" && field.defaultUnit ? unitByLabel(field.defaultUnit) : null) ??
    percentFormatted(sheet, column.col, block.bottom + 1) ??
    hintedUnit(block.notes, group.name) ??
    unitFromNotes(block.notes, null);
  const quantity = field?.kind === "indicator" ? field.quantity : (unit?.quantity ?? null);
  const blocked = quantity !== null && unit !== null && unit.quantity !== quantity;
  if (blocked && field) {
    issues.push(
      issueAt(
        "unit_of_measure_mismatch",
        "error",
        sheet.name,
        column.headerRow,
        column.col,
        {
          zh: `“${column.name}”的单位 ${unit.label} 与指标应有的单位 ${field.defaultUnit ?? ""} 不符，该列不计分`,
          en: `"${column.name}" is given in ${unit.label}, but the indicator is measured in ${field.defaultUnit ?? "another unit"}; the column is not scored`,
        },
        group.key
      )
    );
  }
  const weight = group.meaning.column.weight ?? column.weight;
  const rangeLow = RANGE_LOW_END.test(`${group.meaning.column.name} ${column.name}`);
  return {
    key: group.key,
    name: group.name,
    col: column.col,
    parts,
    unit,
    quantity,
    blocked,
    weight,
    ...(rangeLow ? { rangeLow } : {}),
  };
}

/** Columns read beside the figures: 加分 / 扣分 and their 事由, last period's rank, described and unread columns. */
interface SideColumns {
  bonus: number | null;
  penalty: number | null;
  reasons: number[];
  previousRank: number | null;
  described: { key: string; col: number }[];
  unrecognised: string[];
}

/**
 * Groups the figure columns of a table by indicator. `meanings` are the block's columns other than the unit,
 * 序号, 类别 and 备注 columns. A column whose header is only a measure word ("完成", "完成率") belongs to the
 * indicator on its left.
 */
export function planColumns(
  sheet: SheetGrid,
  block: HeaderBlock,
  given: readonly ColumnMeaning[],
  issues: Issue[],
  asOfYear: number | null = null
): ColumnPlan {
  const side: SideColumns = {
    bonus: null,
    penalty: null,
    reasons: [],
    previousRank: null,
    described: [],
    unrecognised: [],
  };
  const breakdown = readTargetBreakdown(sheet.name, block.above, given);
  side.described.push(...breakdown.shares);
  const meanings = distinguishSharedFields(
    yearTotalActuals(
      periodOwnActuals(runningTotalParts(periodTotals(ofThisPeriod(breakdown.meanings, asOfYear))))
    )
  );
  const groups = groupColumns(sheet, block.bottom + 1, meanings, side, issues);
  return { ...figuresOf(sheet, block, groups, issues), ...side };
}

/**
 * "2023年1-9月 | 2024年1-9月" under one indicator: the as-of year's column is the actual, an earlier one is
 * last year's, a later one is not yet. "2023年目标 | 2024年目标": only the as-of year's targets are this period's.
 */
function ofThisPeriod(
  given: readonly ColumnMeaning[],
  asOfYear: number | null
): readonly ColumnMeaning[] {
  return given.flatMap((m): ColumnMeaning[] => {
    if (m.year === null || asOfYear === null) return [m];
    if (m.measure === "target") return m.year === asOfYear ? [m] : [];
    if (m.measure !== "actual") return [m];
    if (m.year < asOfYear) return [{ ...m, measure: "last_year" }];
    return m.year > asOfYear ? [] : [m];
  });
}

/** A target header naming a quarter's or a month's own task: 季度任务, 本季度目标, 本月任务. */
const PERIOD_TASK = /^(?:本|当)?(?:季度?|月度?)(?:任务|目标|计划)/;

/**
 * A table rating a period against its own task (季度打擂: 季度任务 / 季度完成) has no cumulative actual: there the
 * period's figure (季度完成, 本月完成) is the actual. Beside a 累计 column it stays the month's or quarter's part.
 */
function periodOwnActuals(given: readonly ColumnMeaning[]): readonly ColumnMeaning[] {
  if (given.some((m) => m.measure === "actual" || m.measure === "period")) return given;
  const targets = given.filter((m) => m.measure === "target");
  if (targets.length === 0 || !targets.every((m) => PERIOD_TASK.test(m.column.leafNorm)))
    return given;
  return given.map((m) => (m.measure === "current" ? { ...m, measure: "actual" } : m));
}

/** The bare year under an indicator (全年, 年度), read as its target when nothing else is. */
const BARE_YEAR = /^(?:全年|年度|全年数|本年度?)$/;

/**
 * "年度目标 | 一季度…四季度 | 全年" (a year-end report): beside a target the header states, the bare year is the
 * year's total done — the actual — not a second target. Where the indicator has an actual already it stays as read.
 */
function yearTotalActuals(given: readonly ColumnMeaning[]): readonly ColumnMeaning[] {
  const bare = (m: ColumnMeaning): boolean =>
    m.measure === "target" && BARE_YEAR.test(m.column.leafNorm);
  if (!given.some(bare)) return given;
  return given.map((m) => {
    if (!bare(m)) return m;
    const same = given.filter((o) => o !== m && o.key === m.key);
    const stated = same.some((o) => o.measure === "target" && !bare(o));
    return stated && !same.some((o) => o.measure === "actual") ? { ...m, measure: "actual" } : m;
  });
}

/** Walks the columns left to right, putting each figure column in its indicator's group. */
function groupColumns(
  sheet: SheetGrid,
  from: number,
  meanings: readonly ColumnMeaning[],
  side: SideColumns,
  issues: Issue[]
): Map<string, Group> {
  const groups = new Map<string, Group>();
  let left: Group | null = null;
  for (const m of meanings) {
    const col = m.column.col;
    // Hidden helper columns (old figures, formulas) count only where they name a known indicator.
    const hidden = sheet.hiddenColumns.has(col) && m.field?.kind !== "indicator";
    if (!hidden && readSideColumn(m, left, side)) continue;
    const group: Group | null =
      hidden || !isFigureColumn(sheet, m, from) ? null : groupOf(groups, m, left);
    if (group === null) {
      if (!hidden && (m.measure === null || !NOT_FIGURES.has(m.measure)))
        issues.push(...unreadableIndicator(sheet, m, from));
      side.unrecognised.push(columnLetter(col));
      continue;
    }
    left = group;
    placeInGroup(sheet, group, m, issues);
  }
  return groups;
}

/** Reads a column that is no figure of its own (加分, 事由, 完成率, 得分 …) into `side`; false for the others. */
function readSideColumn(m: ColumnMeaning, left: Group | null, side: SideColumns): boolean {
  const col = m.column.col;
  switch (m.measure) {
    case "bonus":
      side.bonus ??= col;
      return true;
    case "penalty":
      side.penalty ??= col;
      return true;
    case "reason":
      side.reasons.push(col);
      return true;
    case "previous_rank":
      side.previousRank ??= col;
      return true;
  }
  // "签约项目 | 开工项目 | 投产项目 | 合计": a 合计 column adds the indicators up across the row; it is none of them.
  if (m.phrase.length === 1 && isTotalLabel(m.phrase[0] as string)) {
    side.described.push({ key: m.measure ? `row_total:${m.measure}` : "row_total", col });
    return true;
  }
  if (m.measure === null || !NOT_FIGURES.has(m.measure)) return false;
  // 完成率 and 同比 belong to the indicator on their left; 得分, 排名 and 等次 to the whole row.
  const perIndicator =
    m.measure === "rate" ||
    m.measure === "yoy" ||
    m.measure === "current" ||
    m.measure === "stretch";
  const owner = m.phrase.length > 0 ? m.key : perIndicator ? left?.key : undefined;
  side.described.push({ key: owner ? `${owner}:${m.measure}` : m.measure, col });
  return true;
}

/** An indicator's column that holds figures (a header that says it holds figures may hold a few words). */
function isFigureColumn(sheet: SheetGrid, m: ColumnMeaning, from: number): boolean {
  return !(
    (m.measure === null && NOT_AN_INDICATOR.test(m.phrase.join(""))) ||
    (m.field !== null && m.field.kind !== "indicator") ||
    !holdsFigures(sheet, m.column.col, from, m.measure)
  );
}

/** The group a column belongs to: its indicator's, or for a bare measure word the one on its left. */
function groupOf(groups: Map<string, Group>, m: ColumnMeaning, left: Group | null): Group | null {
  if (m.phrase.length === 0) return left;
  let group: Group | undefined = groups.get(m.key);
  if (!group) {
    group = {
      key: m.key,
      name: m.display,
      meaning: m,
      target: null,
      actual: null,
      unmarked: null,
      lastYear: null,
      periods: [],
    };
    groups.set(m.key, group);
  }
  return group;
}

/** Puts a column in its group's slot for what it holds; a second column for a taken slot is a warning. */
function placeInGroup(sheet: SheetGrid, group: Group, m: ColumnMeaning, issues: Issue[]): void {
  const slot =
    m.measure === "target"
      ? "target"
      : m.measure === "actual"
        ? "actual"
        : m.measure === "last_year"
          ? "lastYear"
          : m.measure === "period"
            ? null
            : "unmarked";
  if (slot === null) {
    group.periods.push(m);
    return;
  }
  const taken = group[slot];
  if (!taken) {
    group[slot] = m;
    return;
  }
  const at = columnLetter(taken.column.col);
  issues.push(
    issueAt(
      "duplicate_column",
      "warning",
      sheet.name,
      m.column.headerRow,
      m.column.col,
      {
        zh: `“${m.column.name}”与 ${at} 列重复，按 ${at} 列读取`,
        en: `"${m.column.name}" repeats column ${at}; column ${at} is used`,
      },
      group.key
    )
  );
}

/** The figures each group gives: its target, its actual (one column or the sum of its periods), last year's. */
function figuresOf(
  sheet: SheetGrid,
  block: HeaderBlock,
  groups: ReadonlyMap<string, Group>,
  issues: Issue[]
): Pick<ColumnPlan, "targets" | "actuals" | "plain" | "lastYear"> {
  const targets: FigureColumn[] = [];
  const actuals: FigureColumn[] = [];
  const plain: FigureColumn[] = [];
  const lastYear: FigureColumn[] = [];
  for (const g of groups.values()) {
    const hasActual = g.actual !== null || g.periods.length > 0;
    // "签约项目 | 完成 | 完成率": the column naming the indicator holds its target when an actual sits beside it.
    const target = g.target ?? (hasActual ? g.unmarked : null);
    if (target) targets.push(figure(sheet, block, g, target, issues));
    if (g.actual) actuals.push(figure(sheet, block, g, g.actual, issues));
    else if (g.periods.length > 0) {
      const parts = g.periods
        .map((p) => ({ col: p.column.col, ...(p.period ?? { start: 12, end: 12 }) }))
        .sort((a, b) => a.start - b.start || a.end - b.end);
      actuals.push(
        figure(sheet, block, g, g.periods[g.periods.length - 1] as ColumnMeaning, issues, parts)
      );
    }
    if (!target && !hasActual && g.unmarked)
      plain.push(figure(sheet, block, g, g.unmarked, issues));
    else if (g.target && g.unmarked && !g.actual && g.periods.length === 0)
      actuals.push(figure(sheet, block, g, g.unmarked, issues));
    if (g.lastYear) lastYear.push(figure(sheet, block, g, g.lastYear, issues));
  }
  const byCol = (a: FigureColumn, b: FigureColumn): number => a.col - b.col;
  return {
    targets: targets.sort(byCol),
    actuals: actuals.sort(byCol),
    plain: plain.sort(byCol),
    lastYear,
  };
}
