/**
 * Loud failure: what the data cannot support. An indicator with no source for any unit, a targets sheet with no
 * actuals at all, a unit the actuals never mention — each is an error naming what is missing and where, and the
 * results say `complete: false` so no output presents such a ranking as valid.
 */
import { toA1 } from "../grid/address";
import type { Issue } from "../issues/types";
import type { IncompleteItem, IndicatorResult } from "../model/results";
import { unitNameAt, unitSheetOf, type UnitTable } from "../model/tables";
import { isZeroTarget, type UnitAssessor } from "./figures";
import { convertQuantity, type PlannedIndicator } from "./indicators";
import { assessIssue } from "./issue";
import { tableKindFromWords } from "../recognize/sheet-kind";

export interface Gaps {
  /** Keys of indicators no unit has a source for: they are left out of every score. */
  readonly unsourced: readonly string[];
  readonly items: readonly IncompleteItem[];
  readonly issues: readonly Issue[];
}

function applies(table: UnitTable, key: string): boolean {
  return table.units.some((u) => {
    const t = u.values[key];
    return t !== undefined && !t.notApplicable && t.value !== null;
  });
}

/** An indicator the ranking cannot stand on: the error on its target header and the item of the incomplete list. */
function indicatorGap(
  code: "no_actual_source" | "unit_of_measure_mismatch" | "no_target_values",
  targets: UnitTable,
  cell: string,
  ind: PlannedIndicator,
  message: { readonly zh: string; readonly en: string }
): { issue: Issue; item: IncompleteItem } {
  return {
    // An indicator joined from a sheet of its own (one sheet per indicator) is headed on that sheet.
    issue: assessIssue(
      code,
      "error",
      ind.column?.sheet ?? targets.sheet,
      cell,
      message.zh,
      message.en,
      ind.rule.key
    ),
    item: {
      kind: "indicator",
      key: ind.rule.key,
      name: ind.meta.name,
      message_zh: message.zh,
      message_en: message.en,
    },
  };
}

/**
 * A targets sheet in which no unit has a usable target (every cell 待定, 待分解, blank or ---): there is nothing to
 * rate against. Said as such, not as the all-zero ranking it produces ("the actuals were not read" would send the
 * user looking in the wrong sheet).
 */
export function targetsNotSet(
  targets: UnitTable,
  planned: readonly PlannedIndicator[]
): { issue: Issue; item: IncompleteItem } | null {
  if (targets.units.length === 0 || planned.some((p) => applies(targets, p.rule.key))) return null;
  const header = targets.headerRows[targets.headerRows.length - 1] ?? 0;
  const first = planned.find((p) => p.column !== null)?.column?.col ?? targets.unitColumn;
  const zh = `目标表“${targets.sheet}”中没有一个单位有可用的目标值（待定、待分解、空白或不适用）：没有可对照的目标，无法排名。请填入目标后再考核`;
  const en = `the targets sheet "${targets.sheet}" has no usable target for any unit (待定, 待分解, blank or not applicable): there is nothing to rate against, so no ranking can be made. Fill in the targets and assess again`;
  return {
    issue: assessIssue("no_target_values", "error", targets.sheet, toA1(header, first), zh, en),
    item: { kind: "no_targets", sheet: targets.sheet, message_zh: zh, message_en: en },
  };
}

type IndicatorGap = ReturnType<typeof indicatorGap>;
/** A planned indicator with a target column. */
type Headed = PlannedIndicator & { readonly column: NonNullable<PlannedIndicator["column"]> };

/**
 * Everything the ranking cannot stand on: indicators without a source or whose ledger dates all fall outside the
 * period, units listed twice, units the actuals never mention.
 */
export function findGaps(
  input: { readonly targets: UnitTable; readonly actuals: UnitTable | null },
  planned: readonly PlannedIndicator[],
  assessor: UnitAssessor
): Gaps {
  const { targets, actuals } = input;
  const unsourced = planned.filter((ind) => isUnsourced(ind, targets, assessor));
  // When no indicator has a target at all, targetsNotSet says so once for the sheet.
  const someSet = planned.some((p) => applies(targets, p.rule.key));
  const unusable = planned.flatMap((ind) => {
    const gap =
      actuals && !assessor.ledgerCanCompute(ind) ? unusableActualsGap(ind, targets, actuals) : null;
    return gap ? [{ key: ind.rule.key, gap }] : [];
  });
  const indicatorGaps = [
    ...unsourced.map((ind) => unsourcedGap(ind, input)),
    ...unusable.map((u) => u.gap),
    ...(someSet ? planned.flatMap((ind) => indicatorTargetsNotSet(ind, targets) ?? []) : []),
    ...planned.flatMap((ind) => datesOutsideGap(ind, targets, assessor) ?? []),
  ];
  const missing = actuals ? unitsMissingFromActuals(targets, actuals, planned, assessor) : [];
  return {
    unsourced: [...unsourced.map((ind) => ind.rule.key), ...unusable.map((u) => u.key)],
    items: [
      ...indicatorGaps.map((g) => g.item),
      ...duplicateUnits(targets),
      ...missing.map((m) => m.item),
    ],
    issues: [...indicatorGaps.map((g) => g.issue), ...missing.map((m) => m.issue)],
  };
}

/** The target header cell of a planned indicator's column. */
function targetHeaderCell(targets: UnitTable, column: { readonly col: number }): string {
  return toA1(targets.headerRows[targets.headerRows.length - 1] ?? 0, column.col);
}

/** An indicator with targets that neither an actuals column nor a ledger can give an actual. */
function isUnsourced(
  ind: PlannedIndicator,
  targets: UnitTable,
  assessor: UnitAssessor
): ind is Headed {
  if (ind.column === null || !applies(targets, ind.rule.key)) return false;
  return !assessor.hasActualColumn(ind.rule.key) && !assessor.ledgerCanCompute(ind);
}

function unsourcedGap(
  ind: Headed,
  input: { readonly targets: UnitTable; readonly actuals: UnitTable | null }
): IndicatorGap {
  const { targets, actuals } = input;
  const cell = targetHeaderCell(targets, ind.column);
  const where = `${ind.column.sheet ?? targets.sheet}!${cell}`;
  const ledgerHint = ind.rule.aggregate
    ? {
        zh: "，项目台账也缺少统计它所需的列",
        en: "; no ledger has the columns to count it either",
      }
    : { zh: "，也无法从项目台账统计", en: "; nor can a ledger count it" };
  const message = {
    zh: `指标“${ind.meta.name}”（目标在 ${where}）找不到完成数：${actuals ? `完成情况表“${actuals.sheet}”中没有对应的列` : "工作簿中没有完成情况表"}${ledgerHint.zh}。该指标不计分，排名不完整。请在任务窗格或用 --map 指定完成数所在的列`,
    en: `indicator "${ind.meta.name}" (target at ${where}) has no actual: ${actuals ? `the actuals sheet "${actuals.sheet}" has no matching column` : "the workbook has no actuals sheet"}${ledgerHint.en}. It is not scored and the ranking is incomplete. Point to the actuals column in the task pane or with --map`,
  };
  return indicatorGap("no_actual_source", targets, cell, ind, message);
}

/**
 * An actuals column no unit has a usable figure in — each cell blocked (a measure at odds with the target's),
 * unreadable or blank — while the targets are set: scoring it would rank every unit at 0% on it.
 */
function unusableActualsGap(
  ind: PlannedIndicator,
  targets: UnitTable,
  actuals: UnitTable
): IndicatorGap | null {
  const key = ind.rule.key;
  const column = actuals.indicators.find((c) => c.key === key);
  if (!ind.column || !column || !applies(targets, key) || actuals.units.length === 0) return null;
  // 亿元 figures against a target counted in 个 convert to nothing, however readable each cell is.
  const convertible = convertQuantity(1, column.unit?.quantity ?? null, ind.quantity, 1) !== null;
  const usable =
    convertible &&
    actuals.units.some((u) => {
      const v = u.values[key];
      return v !== undefined && (v.notApplicable || (v.value !== null && !v.blocked));
    });
  if (usable) return null;
  const where = `${column.sheet ?? actuals.sheet}!${toA1(actuals.headerRows[actuals.headerRows.length - 1] ?? 0, column.col)}`;
  return indicatorGap("no_actual_source", targets, targetHeaderCell(targets, ind.column), ind, {
    zh: `指标“${ind.meta.name}”的完成数列（${where}）没有一个单位有可用的数（单位不符、无法识别或空白，见该列的其他问题）。该指标不计分，排名不完整`,
    en: `no unit has a usable actual for indicator "${ind.meta.name}" in its column (${where}): each is blocked, unreadable or blank (see the column's other issues). It is not scored and the ranking is incomplete`,
  });
}

/**
 * An indicator whose column gives no unit a target to rate against — every cell 0 (not broken down yet) or
 * unreadable (增长15%, a range) — while other indicators have theirs: dropping it quietly would rank the units on
 * the rest as if it had never been set. A column of --- only is no such gap: the indicator applies to no one.
 */
function indicatorTargetsNotSet(ind: PlannedIndicator, targets: UnitTable): IndicatorGap | null {
  if (ind.column === null || (ind.column.sheet ?? targets.sheet) !== targets.sheet) return null;
  const key = ind.rule.key;
  let unset = 0;
  for (const u of targets.units) {
    const t = u.values[key];
    if (!t || t.notApplicable) continue;
    if (t.blocked || (t.value !== null && isZeroTarget(t.value))) unset++;
    else if (t.value !== null) return null;
  }
  // One unit's 0 is that unit's own (not applicable to it); several, and no one set, is a column never filled in.
  if (unset < 2) return null;
  const cell = targetHeaderCell(targets, ind.column);
  const message = {
    zh: `指标“${ind.meta.name}”（${targets.sheet}!${cell}）没有一个单位有可用的目标值（均为0或无法读取的数值）：该指标没有下达目标，不计分，排名不完整。请填入目标后再考核`,
    en: `indicator "${ind.meta.name}" (${targets.sheet}!${cell}) has no usable target for any unit (every one 0 or unreadable): its targets are not set, it is not scored and the ranking is incomplete. Fill in its targets and assess again`,
  };
  return indicatorGap("no_target_values", targets, cell, ind, message);
}

/** A ledger-counted indicator whose ledger dates all fall outside the period: the period is most likely wrong. */
function datesOutsideGap(
  ind: PlannedIndicator,
  targets: UnitTable,
  assessor: UnitAssessor
): IndicatorGap | null {
  if (ind.column === null || assessor.hasActualColumn(ind.rule.key)) return null;
  const outside = assessor.datesAllOutside(ind);
  if (!outside) return null;
  const { start, asOf } = outside;
  const message = {
    zh: `项目台账中的${outside.label}（${outside.first} 至 ${outside.last}）都不在考核期（${start} 至 ${asOf}）内，“${ind.meta.name}”各单位均为0：考核期或截至日期很可能不对，排名不完整。请用 --as-of 指定截至日期，或在考核规则表中写明考核期`,
    en: `every ${outside.label} in the ledger (${outside.first} to ${outside.last}) is outside the period (${start} to ${asOf}), so "${ind.meta.name}" is 0 for every unit: the period or as-of date is most likely wrong and the ranking is incomplete. Give the as-of date with --as-of or state the period in the rules sheet`,
  };
  return indicatorGap(
    "no_actual_source",
    targets,
    targetHeaderCell(targets, ind.column),
    ind,
    message
  );
}

/** Two rows for one unit: neither row's targets can be trusted, so the unit cannot be ranked. */
function duplicateUnits(targets: UnitTable): IncompleteItem[] {
  const seen = new Set<string>();
  const items: IncompleteItem[] = [];
  for (const unit of targets.units) {
    if (!seen.has(unit.key)) {
      seen.add(unit.key);
      continue;
    }
    const message = {
      zh: `“${unit.name}”在目标表中出现两次，无法确定其目标，该单位不参与排名，排名不完整`,
      en: `"${unit.name}" appears twice in the targets, so its targets are unknown; it is not ranked and the ranking is incomplete`,
    };
    items.push({ kind: "unit", unit: unit.name, message_zh: message.zh, message_en: message.en });
  }
  return items;
}

/** Units with no row in the actuals sheet, when some indicator is read from it alone: their actuals count as 0. */
function unitsMissingFromActuals(
  targets: UnitTable,
  actuals: UnitTable,
  planned: readonly PlannedIndicator[],
  assessor: UnitAssessor
): { issue: Issue; item: IncompleteItem }[] {
  const sourcedByActuals = planned.some(
    (ind) => assessor.hasActualColumn(ind.rule.key) && !assessor.ledgerCanCompute(ind)
  );
  if (!sourcedByActuals) return [];
  return targets.units
    .filter((unit) => !assessor.hasActualRow(unit))
    .map((unit) => {
      const message = {
        zh: `“${unit.name}”在完成情况表“${actuals.sheet}”中没有数据行（名称不一致或漏报），其完成数按0计，排名不完整`,
        en: `"${unit.name}" has no row in the actuals sheet "${actuals.sheet}" (a different name or not reported); its actuals count as 0 and the ranking is incomplete`,
      };
      const at = unitNameAt(targets, unit);
      return {
        issue: assessIssue(
          "unit_missing_from_actuals",
          "error",
          unitSheetOf(targets, unit),
          toA1(at.row, at.col),
          message.zh,
          message.en,
          "unit"
        ),
        item: { kind: "unit", unit: unit.name, message_zh: message.zh, message_en: message.en },
      };
    });
}

/**
 * An actuals sheet that states it reports an earlier period ("2023年完成情况", "截至2023年12月31日") cannot
 * score this period's targets: scoring 2024 targets against 2023 results is a confident wrong list. Its figures
 * are set aside (a ledger may still count some indicators) and the ranking is incomplete.
 */
export function staleActuals(
  actuals: UnitTable | null,
  period: { readonly start: string; readonly asOf: string }
): { readonly item: IncompleteItem; readonly issue: Issue } | null {
  const stated = actuals?.statedAsOf;
  if (!actuals || stated === undefined || stated >= period.start) return null;
  const zh = `完成情况表“${actuals.sheet}”写明截至 ${stated}，早于本考核期（${period.start} 起，截至 ${period.asOf}）：不能用它考核本期目标，其数据未使用，排名不完整。请换用本期的完成情况表，或用 --as-of 指定对应的截至日期`;
  const en = `the actuals sheet "${actuals.sheet}" states it is as of ${stated}, before this period (from ${period.start}, as of ${period.asOf}): it cannot score this period's targets, its figures are not used and the ranking is incomplete. Use this period's report, or pass the matching --as-of`;
  return {
    item: { kind: "actuals_period", sheet: actuals.sheet, stated, message_zh: zh, message_en: en },
    issue: assessIssue("actuals_other_period", "error", actuals.sheet, "A1", zh, en),
  };
}

/** Median completion rates beyond these are no achievement but a target and actual in different units. */
const IMPLAUSIBLY_HIGH = 30;
const IMPLAUSIBLY_LOW = 1 / 300;

/**
 * An indicator whose completion rates sit thousands of percent from 100% for most units (亿元 targets against
 * 万元 actuals: ×10,000) is in the wrong units, not over- or under-achieved: an error, and incomplete.
 */
/**
 * A "targets" sheet whose every figure is exactly what the ledger counts for that unit, with no actuals sheet: it
 * is the ledger's own 汇总 (what has been done so far), not targets — rating it against the ledger ranks every
 * unit 100%. Said loudly as no targets sheet, not published as a tie of perfect scores.
 */
export function targetsMirrorLedger(
  input: {
    readonly targets: UnitTable;
    readonly actuals: UnitTable | null;
    readonly ledgers: readonly unknown[];
  },
  scored: readonly { readonly indicators: Readonly<Record<string, IndicatorResult>> }[]
): { issue: Issue; item: IncompleteItem } | null {
  if (input.actuals !== null || input.ledgers.length === 0 || scored.length < 2) return null;
  // A sheet named for targets (2024年目标) is targets even when every unit met its small count exactly.
  if (tableKindFromWords(input.targets.sheet, []) === "targets") return null;
  let compared = 0;
  for (const s of scored)
    for (const r of Object.values(s.indicators)) {
      if (r.target === null || r.actual === null) return null;
      if (Math.abs(r.actual - r.target) > 1e-9 * Math.max(1, Math.abs(r.target))) return null;
      compared++;
    }
  if (compared < 4) return null;
  const { targets } = input;
  const zh = `“${targets.sheet}”中每个单位的每个数都恰好等于项目台账的统计：它是台账的汇总（已完成数），不是目标表；工作簿中没有目标表，无法考核`;
  const en = `every figure of "${targets.sheet}" equals exactly what the ledger counts for that unit: it is the ledger's own summary (what has been done), not targets; the workbook has no targets sheet, so nothing can be assessed`;
  return {
    issue: assessIssue("no_targets_sheet", "error", targets.sheet, "A1", zh, en),
    item: { kind: "no_targets", sheet: targets.sheet, message_zh: zh, message_en: en },
  };
}

export function implausibleRates(
  targets: UnitTable,
  planned: readonly PlannedIndicator[],
  scored: readonly { readonly indicators: Readonly<Record<string, IndicatorResult>> }[]
): { items: IncompleteItem[]; issues: Issue[] } {
  const items: IncompleteItem[] = [];
  const issues: Issue[] = [];
  const header = targets.headerRows[targets.headerRows.length - 1] ?? 0;
  for (const ind of planned) {
    const rates = scored
      .map((s) => s.indicators[ind.rule.key]?.rate ?? null)
      .filter((r): r is number => r !== null && r > 0)
      .sort((a, b) => a - b);
    if (rates.length < 2) continue;
    const median = rates[Math.floor(rates.length / 2)] as number;
    if (median < IMPLAUSIBLY_HIGH && median > IMPLAUSIBLY_LOW) continue;
    const pct = `${(median * 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
    const message = {
      zh: `指标“${ind.meta.name}”的完成率中位数为 ${pct}（${rates.length} 个单位），目标与完成数的计量单位很可能不一致（如亿元与万元），排名不完整。请核对表头中的单位，或在考核规则表中写明`,
      en: `the median completion rate of "${ind.meta.name}" is ${pct} (${rates.length} units): the target and the actual are most likely in different units (亿元 against 万元), and the ranking is incomplete. Check the units in the headers or state them in the rules sheet`,
    };
    const cell = toA1(header, ind.column?.col ?? targets.unitColumn);
    const gap = indicatorGap("unit_of_measure_mismatch", targets, cell, ind, message);
    issues.push(gap.issue);
    items.push(gap.item);
  }
  return { items, issues };
}
