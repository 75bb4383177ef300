/**
 * The units of a workbook kept one sheet per unit (unit-sheets.ts), each read as a table of one unit, joined into
 * one targets table and one actuals table: each unit row keeps its own sheet, so every figure and name points
 * into the unit's own report. Indicators are matched across sheets by name (a county lists them in its own order
 * and its own measure: 签约金额（万元） is 签约金额（亿元）). A roll-up sheet of the same units (汇总) is never
 * counted beside them: the units' own reports are used and the roll-up is checked against them.
 */
import type { Issue } from "../issues";
import type { IndicatorColumn, SourcedValue, UnitRow, UnitTable } from "../model";
import { normalizeText } from "../text";
import type { TableCandidate } from "./combine-tables";
import { parseA1, toA1 } from "../grid";
import { issueAt } from "./issue";
import { measureOf } from "./measure-words";
import type { UnitReport } from "./unit-sheets";
import { coreOf, similar } from "./pair-indicators";

/** A roll-up sharing this share of the unit sheets' units is a summary of them, not other units. */
const SAME_UNITS = 0.8;
/** Figures further apart than this (relative) disagree; rounding to two places does not. */
const TOLERANCE = 0.005;

/** The joined table's indicator a sheet's own indicator is: same key, else the same name in other words. */
function matchIndicator(
  ind: IndicatorColumn,
  joined: readonly IndicatorColumn[]
): IndicatorColumn | null {
  const byKey = joined.find((j) => j.key === ind.key);
  if (byKey) return byKey;
  const core = coreOf(ind);
  return joined.find((j) => similar(coreOf(j), core)) ?? null;
}

/** The tables of one unit each, as one table of every unit; null when there are none. */
export function joinUnitTables(tables: readonly UnitTable[]): UnitTable | null {
  const [first] = tables;
  if (!first) return null;
  const indicators: IndicatorColumn[] = [];
  const units: UnitRow[] = [];
  for (const t of tables) {
    const keyOf = new Map<string, string>();
    for (const ind of t.indicators) {
      const same = matchIndicator(ind, indicators);
      if (same) keyOf.set(ind.key, same.key);
      else {
        indicators.push(t === first ? ind : { ...ind, sheet: t.sheet });
        keyOf.set(ind.key, ind.key);
      }
    }
    for (const u of t.units) {
      const values: Record<string, SourcedValue> = {};
      for (const [k, v] of Object.entries(u.values)) values[keyOf.get(k) ?? k] = v;
      units.push({ ...u, sheet: t.sheet, group: null, values });
    }
  }
  return { ...first, indicators, units, totals: [], parts: tables };
}

const unitKeys = (t: UnitTable): Set<string> => new Set(t.units.map((u) => normalizeText(u.name)));

function shareOf(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}

interface Disagreement {
  readonly unit: string;
  readonly indicator: string;
  readonly own: SourcedValue;
  readonly summary: SourcedValue;
}

/** Where a roll-up's figures differ from the units' own. */
function disagreements(own: UnitTable, summary: UnitTable): Disagreement[] {
  const rows = new Map(summary.units.map((u) => [normalizeText(u.name), u]));
  const out: Disagreement[] = [];
  for (const ind of own.indicators) {
    const other = matchIndicator(ind, summary.indicators);
    if (!other) continue;
    for (const u of own.units) {
      const a = u.values[ind.key];
      const b = rows.get(normalizeText(u.name))?.values[other.key];
      if (!a || !b || a.value === null || b.value === null) continue;
      const scale = Math.max(Math.abs(a.value), Math.abs(b.value), 1e-9);
      if (Math.abs(a.value - b.value) / scale > TOLERANCE)
        out.push({ unit: u.name, indicator: ind.name, own: a, summary: b });
    }
  }
  return out;
}

/** Roll-up sheets set aside, each with where its figures differ from the units' own (both roles). */
type SetAside = Map<string, Disagreement[]>;

/** Each figure a roll-up contradicts is blocked: which of the two is right cannot be told, so neither scores. */
function blockDisagreeing(table: UnitTable, differ: readonly Disagreement[]): UnitTable {
  if (differ.length === 0) return table;
  const bad = new Set(differ.map((d) => d.own));
  const units = table.units.map((u) => {
    if (!Object.values(u.values).some((v) => bad.has(v))) return u;
    const values: Record<string, SourcedValue> = {};
    for (const [k, v] of Object.entries(u.values))
      values[k] = bad.has(v) ? { ...v, blocked: true } : v;
    return { ...u, values };
  });
  return { ...table, units };
}

/**
 * The candidates with the unit sheets' tables joined into one, first; a table of the same units beside them (a
 * 汇总) set aside after checking it against them.
 */
function joinCandidates(
  candidates: readonly TableCandidate[],
  unitSheets: ReadonlySet<string>,
  extra: readonly UnitRow[],
  setAside: SetAside
): TableCandidate[] {
  const own = candidates.filter((c) => unitSheets.has(c.table.sheet));
  const joined = joinUnitTables(own.map((c) => c.table));
  if (!joined) return [...candidates];
  const units = unitKeys(joined);
  const rest: TableCandidate[] = [];
  const differ: Disagreement[] = [];
  for (const c of candidates) {
    if (unitSheets.has(c.table.sheet)) continue;
    if (shareOf(units, unitKeys(c.table)) < SAME_UNITS) {
      rest.push(c);
      continue;
    }
    const found = disagreements(joined, c.table);
    setAside.set(c.table.sheet, [...(setAside.get(c.table.sheet) ?? []), ...found]);
    differ.push(...found);
  }
  const checked = blockDisagreeing(joined, differ);
  const table = extra.length ? { ...checked, units: [...checked.units, ...extra] } : checked;
  const confidence = Math.min(...own.map((c) => c.confidence));
  return [{ table, confidence, explicit: true }, ...rest];
}

/** What was set aside, said once per roll-up: that it was not counted again, or where it differs (an error). */
function setAsideIssues(setAside: SetAside): Issue[] {
  return [...setAside].map(([sheet, differ]) => {
    if (differ.length === 0)
      return issueAt("sheet_not_used", "info", sheet, 0, 0, {
        zh: `工作簿按单位分表报送，按各单位报表考核；“${sheet}”与各单位报表一致，不重复计算`,
        en: `the workbook keeps one sheet per unit and the units' own sheets are used; "${sheet}" agrees with them and is not counted again`,
      });
    const list = differ
      .slice(0, 5)
      .map(
        (d) =>
          `${d.unit}“${d.indicator}”${d.summary.sheet}!${d.summary.cell}=${d.summary.value}，${d.own.sheet}!${d.own.cell}=${d.own.value}`
      );
    return issueAt("source_disagreement", "error", sheet, 0, 0, {
      zh: `“${sheet}”与各单位报表不一致（${differ.length}处）：${list.join("；")}。无法判断哪个正确，这些数不计分，排名不完整；请核对后改正`,
      en: `"${sheet}" disagrees with the units' own sheets in ${differ.length} place(s): ${list.join("; ")}. Which is right cannot be told, so these figures are not scored and the ranking is incomplete; correct one of them`,
    });
  });
}

/**
 * A unit whose sheet came back as the blank template (targets typed, 完成 empty) while the others reported: its
 * actuals are missing — an error at its own 完成 column, each figure blocked, never a 0.
 */
function notReported(
  parts: {
    readonly targets: readonly TableCandidate[];
    readonly actuals: readonly TableCandidate[];
  },
  reports: ReadonlyMap<string, UnitReport>,
  issues: Issue[]
): UnitRow[] {
  const reported = new Set(parts.actuals.map((c) => c.table.sheet));
  if (![...reported].some((s) => reports.has(s))) return [];
  const out: UnitRow[] = [];
  for (const c of parts.targets) {
    const report = reports.get(c.table.sheet);
    const unit = c.table.units[0];
    if (!report || !unit || reported.has(c.table.sheet)) continue;
    const shift = actualShift(report);
    if (shift === null) continue;
    const values: Record<string, SourcedValue> = {};
    for (const [k, v] of Object.entries(unit.values)) {
      const { row, col } = parseA1(v.cell);
      values[k] = {
        ...v,
        value: null,
        notApplicable: false,
        blocked: true,
        cell: toA1(row, col + shift),
      };
    }
    out.push({ ...unit, sheet: c.table.sheet, group: null, values });
    // The widened sheet's first 完成 column (its first indicator's): recognition's addresses are the widened ones.
    const at = 1 + report.measureCols.findIndex((m) => isActual(report, m));
    issues.push(
      issueAt("missing_actual", "error", c.table.sheet, report.block.top, at, {
        zh: `“${report.unit}”的完成数一栏为空，视为未报送：不能按0计，其各项不计分，排名不完整；请补报后重新考核`,
        en: `the actuals column of "${report.unit}" is empty: the unit has not reported. Its figures are not counted as 0 and not scored, so the ranking is incomplete; re-run once it reports`,
      })
    );
  }
  return out;
}

function isActual(report: UnitReport, col: number): boolean {
  const leaf = report.block.columns.find((c) => c.col === col)?.leafNorm ?? "";
  return measureOf(leaf) === "actual";
}

/** How far right of its target an indicator's actual is in the widened report; null without both columns. */
function actualShift(report: UnitReport): number | null {
  const t = report.measureCols.findIndex((c) => {
    const leaf = report.block.columns.find((x) => x.col === c)?.leafNorm ?? "";
    return measureOf(leaf) === "target";
  });
  const a = report.measureCols.findIndex((c) => isActual(report, c));
  return t < 0 || a < 0 ? null : a - t;
}

/** The workbook's targets and actuals with its unit sheets joined (unit-sheets.ts), roll-ups set aside. */
export function joinUnitSheets(
  parts: { readonly targets: TableCandidate[]; readonly actuals: TableCandidate[] },
  reports: ReadonlyMap<string, UnitReport>,
  issues: Issue[]
): { targets: TableCandidate[]; actuals: TableCandidate[] } {
  if (reports.size === 0) return parts;
  const names = new Set(reports.keys());
  const missing = notReported(parts, reports, issues);
  const setAside: SetAside = new Map();
  const joined = {
    targets: joinCandidates(parts.targets, names, [], setAside),
    actuals: joinCandidates(parts.actuals, names, missing, setAside),
  };
  issues.push(...setAsideIssues(setAside));
  return joined;
}
