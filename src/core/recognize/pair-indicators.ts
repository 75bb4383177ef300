/**
 * Ties each actuals column to its target: by the same key, then by a similar header (units, brackets and
 * quantity words removed: "新开工项目 › 个数" is "新开工项目（个）"), then by position among the columns left
 * over on both sides. Every pairing is reported, so a reviewer can see how a figure reached its target.
 */
import { columnLetter } from "../grid";
import type { Issue } from "../issues";
import type { IndicatorColumn, SourcedValue, UnitTable } from "../model";
import { issueAt } from "./issue";
import { aggregateFromName } from "../rules/derive";
import { indicatorCore } from "./lexicon";
import { measureOf } from "./measure-words";
import { adoptPairedUnits } from "./paired-units";

export interface Pairing {
  readonly key: string;
  readonly name: string;
  /** "Sheet!C" of the target column, the actual column. */
  readonly target: string;
  readonly actual: string | null;
  readonly by: "header" | "similar_header" | "position" | null;
}

/** The words of an indicator, without a heading that only says which figures they are (年度目标任务 › 签约金额). */
export function coreOf(c: IndicatorColumn): string {
  const key = c.key
    .split("›")
    .filter((level, k, all) => k === all.length - 1 || measureOf(level) === null)
    .join("›");
  return indicatorCore(
    key.includes("›") || /[^\x00-\x7f]/.test(key) ? key : c.name.toLowerCase().replace(/\s+/g, "")
  );
}

/**
 * What a name says a ledger would count (签约 investment, 到位资金, projects started…), or null when it says
 * nothing: two columns that say different things are never one indicator, wherever they stand.
 */
function meaningOf(c: IndicatorColumn): string | null {
  const a = aggregateFromName(c.name.split("›").pop() ?? c.name);
  if (a === null) return null;
  const field = a.kind === "sum" ? a.field : a.kind;
  const f = "filter" in a ? a.filter : undefined;
  return [field, f?.minStage ?? "", f?.threshold?.amount ?? ""].join(":");
}

function sameMeaning(a: IndicatorColumn, b: IndicatorColumn): boolean {
  const ma = meaningOf(a);
  const mb = meaningOf(b);
  return ma === null || mb === null || ma === mb;
}

function compatible(a: IndicatorColumn, b: IndicatorColumn): boolean {
  if (!sameMeaning(a, b)) return false;
  const qa = a.unit?.quantity ?? null;
  const qb = b.unit?.quantity ?? null;
  if (qa === null || qb === null || qa === qb) return true;
  const money = (q: string): boolean => q === "money_cny" || q === "money_usd";
  return money(qa) && money(qb);
}

/** Whether two indicator cores (indicatorCore) name the same indicator in other words. */
export function similar(a: string, b: string): boolean {
  if (a === "" || b === "") return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // "外资" inside "实际利用外资": only a substantial part of the longer name counts.
  return short.length >= 3 && long.includes(short) && short.length * 2 >= long.length;
}

type Renames = Map<string, { key: string; by: NonNullable<Pairing["by"]> }>;

/**
 * Renames the actuals' indicator keys to the targets' where they pair, gives a column stating no measure its
 * pair's (paired-units.ts), and reports how each target found (or did not find) its actual.
 */
export function pairIndicators(
  targets: UnitTable,
  actuals: UnitTable
): { targets: UnitTable; actuals: UnitTable; pairings: Pairing[]; issues: Issue[] } {
  const renamed = renameIndicators(actuals, matchIndicators(targets, actuals));
  const paired = adoptPairedUnits(targets, renamed);
  const report = reportPairings(targets, paired.actuals, actuals);
  return {
    targets: paired.targets,
    actuals: paired.actuals,
    pairings: report.pairings,
    issues: [...report.issues, ...paired.issues],
  };
}

/** Which actuals column each target without a same-key actual takes: by a similar header, else by position. */
function matchIndicators(targets: UnitTable, actuals: UnitTable): Renames {
  const rename: Renames = new Map();
  const targetKeys = new Set(targets.indicators.map((i) => i.key));
  const free = actuals.indicators.filter((a) => !targetKeys.has(a.key));
  const open = targets.indicators.filter((t) => !actuals.indicators.some((a) => a.key === t.key));
  for (const t of [...open]) {
    const tc = coreOf(t);
    const hits = free.filter(
      (a) => !rename.has(a.key) && compatible(t, a) && similar(tc, coreOf(a))
    );
    if (hits.length !== 1) continue;
    rename.set((hits[0] as IndicatorColumn).key, { key: t.key, by: "similar_header" });
    open.splice(open.indexOf(t), 1);
  }
  const leftover = free.filter((a) => !rename.has(a.key));
  // Same number of unpaired columns on both sides, compatible in order: the sheets list the same indicators.
  if (
    open.length > 0 &&
    open.length === leftover.length &&
    open.every((t, i) => compatible(t, leftover[i] as IndicatorColumn))
  )
    open.forEach((t, i) =>
      rename.set((leftover[i] as IndicatorColumn).key, { key: t.key, by: "position" })
    );
  return rename;
}

/** The actuals table under the targets' keys: its indicators, every unit's and total's values, last year's. */
function renameIndicators(actuals: UnitTable, rename: Renames): UnitTable {
  if (rename.size === 0) return actuals;
  const indicators = actuals.indicators.map((a) => {
    const r = rename.get(a.key);
    return r ? { ...a, key: r.key, pairedBy: r.by } : a;
  });
  const renameValues = (
    values: Readonly<Record<string, SourcedValue>>
  ): Record<string, SourcedValue> => {
    const out: Record<string, SourcedValue> = {};
    for (const [k, v] of Object.entries(values)) {
      const [base, suffix] = k.split("@") as [string, string | undefined];
      const to = rename.get(base)?.key ?? base;
      out[suffix ? `${to}@${suffix}` : to] = v;
    }
    return out;
  };
  const lastYear: Record<string, string> = {};
  for (const k of Object.keys(actuals.lastYear ?? {})) {
    const to = rename.get(k)?.key ?? k;
    lastYear[to] = `${to}@last_year`;
  }
  return {
    ...actuals,
    indicators,
    units: actuals.units.map((u) => ({ ...u, values: renameValues(u.values) })),
    totals: actuals.totals.map((u) => ({ ...u, values: renameValues(u.values) })),
    ...(Object.keys(lastYear).length ? { lastYear } : {}),
  };
}

/** How each target found its actual; a pairing not made by the same header is reported for the user to check. */
function reportPairings(
  targets: UnitTable,
  paired: UnitTable,
  actuals: UnitTable
): { pairings: Pairing[]; issues: Issue[] } {
  const pairings: Pairing[] = [];
  const issues: Issue[] = [];
  const headerRow = actuals.headerRows[actuals.headerRows.length - 1] ?? 0;
  for (const t of targets.indicators) {
    const a = paired.indicators.find((i) => i.key === t.key);
    const by: Pairing["by"] = a
      ? a.pairedBy === "similar_header" || a.pairedBy === "position"
        ? a.pairedBy
        : "header"
      : null;
    pairings.push({
      key: t.key,
      name: t.name,
      target: `${t.sheet ?? targets.sheet}!${columnLetter(t.col)}`,
      actual: a ? `${a.sheet ?? actuals.sheet}!${columnLetter(a.col)}` : null,
      by,
    });
    if (!a || by === "header") continue;
    const how =
      by === "position"
        ? { zh: "按列的位置", en: "by column position" }
        : { zh: "按相近的表头", en: "by a similar header" };
    issues.push(
      issueAt(
        "indicator_paired",
        by === "position" ? "warning" : "info",
        a.sheet ?? actuals.sheet,
        headerRow,
        a.col,
        {
          zh: `“${a.name}”${how.zh}对应目标表的“${t.name}”（${t.sheet ?? targets.sheet}!${columnLetter(t.col)}），请核对`,
          en: `"${a.name}" is paired ${how.en} with "${t.name}" of the targets (${t.sheet ?? targets.sheet}!${columnLetter(t.col)}); please check`,
        },
        t.key
      )
    );
  }
  return { pairings, issues };
}
