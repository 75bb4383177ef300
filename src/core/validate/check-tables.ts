import { parseA1 } from "../grid";
import type { Issue } from "../issues";
import {
  unitNameAt,
  unitSheetOf,
  type IndicatorColumn,
  type UnitRow,
  type UnitTable,
} from "../model";
import { issueAt } from "../recognize/issue";
import { isSubtotalLabel } from "../recognize/row-labels";
import type { ValidationContext } from "./context";
import type { UnitMatcher } from "../recognize/unit-names";
import { normalizeText } from "../text";

/** A unit named twice in the targets or the actuals: which row's figures count is ambiguous. */
export function checkDuplicateUnits(table: UnitTable): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, UnitRow>();
  for (const u of table.units) {
    const first = seen.get(u.key);
    if (!first) {
      seen.set(u.key, u);
      continue;
    }
    issues.push(
      issueAt(
        "duplicate_unit",
        "error",
        unitSheetOf(table, u),
        unitNameAt(table, u).row,
        unitNameAt(table, u).col,
        // 經開區 and 经开区 are one unit written two ways: say so, or the second row looks wrongly flagged.
        first.name === u.name
          ? {
              zh: `责任单位“${u.name}”重复（第 ${first.row + 1} 行已有）`,
              en: `unit "${u.name}" appears twice (already in row ${first.row + 1})`,
            }
          : {
              zh: `责任单位“${u.name}”与第 ${first.row + 1} 行“${first.name}”是同一单位，重复列出`,
              en: `unit "${u.name}" is listed twice: row ${first.row + 1} has "${first.name}" (the same unit)`,
            },
        "unit"
      )
    );
  }
  return issues;
}

function decimals(x: number): number {
  const s = String(Number(x.toPrecision(12)));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The sets of units a totals row may sum, the likeliest first. A 小计, or any total with units or another total
 * after it ("县（市、区）合计" in the middle), sums the units since the previous such row — or, typed in the middle
 * of the table (全市合计 between two 片区), every unit above it or every unit of the table; the last total after
 * the last unit sums them all.
 */
function unitsUnder(table: UnitTable, total: UnitRow): readonly (readonly UnitRow[])[] {
  const partial = (t: UnitRow): boolean =>
    isSubtotalLabel(t.name) ||
    table.units.some((u) => u.row > t.row) ||
    table.totals.some((x) => x.row > t.row);
  if (!partial(total)) return [table.units];
  const previous = table.totals.filter((t) => t.row < total.row && partial(t)).map((t) => t.row);
  const from = previous.length ? Math.max(...previous) : -1;
  const under = table.units.filter((u) => u.row > from && u.row < total.row);
  const above = table.units.filter((u) => u.row < total.row);
  // 合计 at the top of the table, before any unit, sums every unit below it.
  if (above.length === 0) return [table.units.filter((u) => u.row > total.row)];
  if (isSubtotalLabel(total.name)) return [under];
  return [...(under.length ? [under] : []), above, table.units];
}

/** What the units add up to in one indicator, with the rounding their shown digits allow; null if unknown. */
function sumOf(
  units: readonly UnitRow[],
  ind: IndicatorColumn,
  /** Leave out the figures typed as text, as Excel's SUM does. */
  typedOnly = false
): { sum: number; rounding: number } | null {
  let sum = 0;
  let d = 0;
  let counted = 0;
  let seen = 0;
  const factor = ind.unit?.factor ?? 1;
  for (const u of units) {
    const v = u.values[ind.key];
    if (!v) continue;
    if (v.blocked) return null;
    if (v.value === null) continue;
    seen++;
    if (typedOnly && v.fromText) continue;
    sum += v.value;
    counted++;
    d = Math.max(d, decimals(v.value / factor));
  }
  // Rounded inputs: each unit may be off by half its last shown digit.
  return seen === 0 ? null : { sum, rounding: counted * 0.5 * 10 ** -d * factor };
}

export function checkTotals(table: UnitTable, ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  for (const total of table.totals) {
    const candidates = unitsUnder(table, total);
    for (const ind of table.indicators) {
      const t = total.values[ind.key];
      if (!t || t.value === null || t.blocked) continue;
      const shownTotal = t.value;
      const sums = candidates.map((units) => sumOf(units, ind));
      const first = sums[0];
      if (!first) continue;
      const adds = (s: { sum: number; rounding: number } | null): boolean => {
        if (!s) return false;
        const tolerance =
          ind.unit?.quantity === "count"
            ? 0.5
            : Math.max(ctx.totalTolerance * Math.abs(shownTotal), s.rounding, 1e-9);
        return Math.abs(s.sum - shownTotal) <= tolerance;
      };
      if (sums.some(adds)) continue;
      // A =SUM() 合计 skips the figures typed as text, which are read here: the total is the formula's slip, no
      // reason to doubt the figures or withhold the ranking.
      const skipsText = candidates.some((units, i) => {
        const typed = sumOf(units, ind, true);
        return typed !== null && typed.sum !== sums[i]?.sum && adds(typed);
      });
      const sum = first.sum;
      const factor = ind.unit?.factor ?? 1;
      const shown = (x: number): string => String(Number((x / factor).toPrecision(10)));
      const { row, col } = parseA1(t.cell);
      // A 全市 row counts the units marked 不参与考核 too, whose figures are not read: more than the units add up
      // to may be theirs, so it is worth a look but no reason to withhold the ranking.
      const withExcluded = (table.excluded?.length ?? 0) > 0 && shownTotal > sum;
      const also = skipsText
        ? {
            zh: "（合计公式未计入存为文本的数字，请将这些单元格改为数值）",
            en: " (the total's formula leaves out the numbers stored as text; make those cells numbers)",
          }
        : withExcluded
          ? {
              zh: "（差额可能是不参与考核的单位）",
              en: " (the difference may be the units not assessed)",
            }
          : { zh: "", en: "" };
      issues.push(
        issueAt(
          "total_mismatch",
          withExcluded || skipsText ? "warning" : "error",
          table.sheet,
          row,
          col,
          {
            zh: `“${total.name}”行 ${ind.name} 为 ${shown(t.value)}，各单位合计为 ${shown(sum)}${also.zh}`,
            en: `the "${total.name}" row shows ${shown(t.value)} for ${ind.name} but the units add up to ${shown(sum)}${also.en}`,
          },
          ind.key,
          shown(sum)
        )
      );
    }
  }
  return issues;
}

/** Actuals' unit names against the targets: variants are matched (info), anything else is an error with the nearest unit. */
export function checkActualUnits(
  actuals: UnitTable,
  matcher: UnitMatcher,
  excluded: ReadonlySet<string> = new Set(),
  targets: UnitTable | null = null
): Issue[] {
  const issues: Issue[] = [];
  const extraIsHarmless =
    targets !== null && everyTargetReported(targets, actuals, matcher, excluded);
  for (const u of actuals.units)
    if (!excluded.has(u.key)) {
      const found = unitNameIssues(
        matcher.match(u.name),
        u.name,
        unitSheetOf(actuals, u),
        unitNameAt(actuals, u).row,
        unitNameAt(actuals, u).col,
        1
      );
      issues.push(...(extraIsHarmless ? found.map(asUnassessed) : found));
    }
  return issues;
}

/** Whether every unit the targets assess has its row in the actuals. */
function everyTargetReported(
  targets: UnitTable,
  actuals: UnitTable,
  matcher: UnitMatcher,
  excluded: ReadonlySet<string>
): boolean {
  const reported = new Set(actuals.units.map((a) => matcher.keyOf(a.name)));
  return targets.units.every((t) => excluded.has(t.key) || reported.has(normalizeText(t.name)));
}

/**
 * With every target unit reported, a unit no target names and no target name is near (长春新区 listed in the
 * actuals, not assessed this year) takes nothing from the ranking: a warning. Near a target's name it stays an
 * error — it may be that unit written wrong.
 */
function asUnassessed(issue: Issue): Issue {
  if (issue.code !== "unknown_unit" || issue.suggestion !== undefined) return issue;
  return {
    ...issue,
    severity: "warning",
    message_zh: `${issue.message_zh}；目标表中的单位均已报送，该单位不参与考核`,
    message_en: `${issue.message_en}; every unit of the targets is reported, so it is not assessed`,
  };
}

export function unitNameIssues(
  match: ReturnType<UnitMatcher["match"]>,
  name: string,
  sheet: string,
  row: number,
  col: number,
  count: number
): Issue[] {
  const times = count > 1 ? `（共 ${count} 行）` : "";
  const timesEn = count > 1 ? ` (${count} rows)` : "";
  if (match.status === "variant") {
    return [
      issueAt(
        "unit_name_variant",
        "info",
        sheet,
        row,
        col,
        {
          zh: `“${name}”按“${match.target}”匹配${times}`,
          en: `"${name}" matched to "${match.target}"${timesEn}`,
        },
        "unit",
        match.target
      ),
    ];
  }
  if (match.status === "unknown") {
    const hintZh = match.suggestion ? `，是否为“${match.suggestion}”？` : "";
    const hintEn = match.suggestion ? `; did you mean "${match.suggestion}"?` : "";
    const text = {
      zh: `责任单位“${name}”不在目标分解表中${hintZh}${times}`,
      en: `unit "${name}" is not in the targets sheet${hintEn}${timesEn}`,
    };
    return [
      match.suggestion
        ? issueAt("unknown_unit", "error", sheet, row, col, text, "unit", match.suggestion)
        : issueAt("unknown_unit", "error", sheet, row, col, text, "unit"),
    ];
  }
  return [];
}

/** The same indicator measured as money in one sheet and as a count in the other cannot be compared. */
export function checkIndicatorUnits(targets: UnitTable, actuals: UnitTable): Issue[] {
  const byKey = new Map<string, IndicatorColumn>(targets.indicators.map((i) => [i.key, i]));
  const headerRow = actuals.headerRows[actuals.headerRows.length - 1] ?? 0;
  const issues: Issue[] = [];
  for (const ind of actuals.indicators) {
    const target = byKey.get(ind.key);
    if (!target?.unit || !ind.unit || target.unit.quantity === ind.unit.quantity) continue;
    issues.push(
      issueAt(
        "unit_of_measure_mismatch",
        "error",
        actuals.sheet,
        headerRow,
        ind.col,
        {
          zh: `${ind.name} 的单位 ${ind.unit.label} 与目标表的 ${target.unit.label} 不一致`,
          en: `${ind.name} is in ${ind.unit.label} here but in ${target.unit.label} in the targets`,
        },
        ind.key
      )
    );
  }
  return issues;
}
