/**
 * Pass four: which of the workbook's tables are the targets and the actuals (a dedicated 目标分解表 before the
 * targets of a combined 通报附表, the latest monthly actuals, parts per kind of unit), paired indicator by
 * indicator, with the actuals' and ledgers' unit names keyed as the targets write them.
 */
import { columnLetter, type SheetGrid, type WorkbookGrid } from "../grid";
import type { Issue } from "../issues";
import {
  ledgerColumns,
  withLedger,
  type IndicatorPairing,
  type LedgerSheet,
  type UnitTable,
} from "../model";
import { sheetAsOf } from "./as-of";
import { combineParts, partsOf, withIndicatorSheets, type TableCandidate } from "./combine-tables";
import { issueAt } from "./issue";
import { pairIndicators } from "./pair-indicators";
import { cumulativeRank, sumOfOwnPeriods } from "./period-slices";
import { ledgerUnitNames, UnitMatcher } from "./unit-names";
import { normalizeText } from "../text";

/**
 * The assessed year's targets before another year's kept beside them (2023年目标 next to 2024年目标); then a
 * dedicated 目标分解表 (or 完成情况表) outranks the same columns inside a combined 通报附表.
 */
function pickOrder(
  candidates: readonly TableCandidate[],
  grid: WorkbookGrid,
  asOf: string | null
): TableCandidate[] {
  const sheetOf = (c: TableCandidate): SheetGrid | undefined =>
    grid.sheets.find((s) => s.name === c.table.sheet);
  const years = new Map(candidates.map((c) => [c, namedYear(sheetOf(c))]));
  const named = [...years.values()].filter((y): y is number => y !== null);
  const year = asOf ? Number(asOf.slice(0, 4)) : named.length ? Math.max(...named) : null;
  const fits = (c: TableCandidate): number => {
    const y = years.get(c) ?? null;
    return y === null || y === year ? 1 : 0;
  };
  const revised = (c: TableCandidate): number => {
    const sheet = sheetOf(c);
    return sheet ? revision(sheet) : 0;
  };
  return [...candidates].sort(
    (a, b) =>
      fits(b) - fits(a) ||
      Number(b.explicit) - Number(a.explicit) ||
      revised(b) - revised(a) ||
      b.confidence - a.confidence
  );
}

/** The year a sheet's name or title gives as its own ("2024年目标"), not a 同期 / 去年 comparison; else null. */
function namedYear(sheet: SheetGrid | undefined): number | null {
  if (!sheet) return null;
  const titles = sheet.rows
    .slice(0, 3)
    .map((row) => row.find((v): v is string => typeof v === "string" && v.trim() !== ""));
  for (const text of [sheet.name, ...titles]) {
    if (text === undefined || /同期|去年|上年/.test(text)) continue;
    const year = /((?:19|20)\d{2})\s*年/.exec(normalizeText(text));
    if (year) return Number(year[1]);
  }
  return null;
}

/** Targets revised during the year (调整后目标, 年中调整) supersede the ones first issued (年初目标). */
function revision(sheet: SheetGrid): number {
  const text = normalizeText(
    [
      sheet.name,
      ...sheet.rows
        .slice(0, 3)
        .flat()
        .filter((v): v is string => typeof v === "string"),
    ].join(" ")
  );
  if (/调整后|调整|修订|追加|新下达/.test(text)) return 1;
  if (/年初|原定|原下达|初始/.test(text)) return -1;
  return 0;
}

/**
 * Several 完成情况 sheets: those covering the same units are months of one series ("1-7月", "1-8月") and the
 * latest up to the as-of date is used, the others said so; those covering other units (县区 / 园区) are parts.
 */
function pickActuals(
  candidates: readonly TableCandidate[],
  grid: WorkbookGrid,
  asOf: string | null,
  issues: Issue[]
): UnitTable | null {
  const year = asOf ? Number(asOf.slice(0, 4)) : null;
  const dated = candidates.map((c) => {
    const sheet = grid.sheets.find((s) => s.name === c.table.sheet);
    return {
      ...c,
      stated: sheet ? sheetAsOf(sheet, year) : null,
      cumulative: cumulativeRank(sheet),
    };
  });
  const only = dated[0];
  if (dated.length <= 1) return only ? withStated(only.table, only.stated) : null;
  const usable = (d: { stated: string | null }): boolean =>
    asOf === null || d.stated === null || d.stated <= asOf;
  const ordered = [...dated].sort(
    (a, b) =>
      Number(usable(b)) - Number(usable(a)) ||
      (b.stated ?? "").localeCompare(a.stated ?? "") ||
      b.cumulative - a.cumulative ||
      Number(b.explicit) - Number(a.explicit) ||
      b.confidence - a.confidence
  );
  const best = ordered[0] as (typeof ordered)[number];
  const own = ownPeriods(dated, best, usable, grid, issues);
  if (own) return withStated(own, best.stated);
  // Parts of the same month (or undated) join the best; other months of the same units are left alone.
  const parts = partsOf(
    ordered.filter((d) => d === best || d.stated === best.stated || d.stated === null)
  );
  const bySheet =
    parts.length === 1 && parts[0]
      ? withIndicatorSheets(
          parts[0],
          ordered.filter((d) => d.stated === best.stated).map((d) => d.table)
        )
      : null;
  const used = new Set([...parts, ...(bySheet?.joined ?? [])].map((p) => p.sheet));
  const others = dated.filter((d) => !used.has(d.table.sheet));
  if (others.length > 0)
    issues.push(
      issueAt("sheet_not_used", "info", best.table.sheet, 0, 0, {
        zh: `工作簿有多张完成情况表，${best.stated ? "按截至日期" : ""}取“${[...used].join("、")}”，未使用：${others.map((o) => `“${o.table.sheet}”`).join("、")}`,
        en: `the workbook has several actuals sheets; ${[...used].map((s) => `"${s}"`).join(", ")} ${best.stated ? "are used for the as-of date" : "are used"}, not ${others.map((o) => `"${o.table.sheet}"`).join(", ")}`,
      })
    );
  const combined = bySheet?.table ?? combineParts(parts);
  return combined && withStated(combined, best.stated);
}

/** Sheets of the same units, each one period's own figures (第一季度, 第二季度 …): their sum, else null. */
function ownPeriods<T extends TableCandidate & { stated: string | null }>(
  dated: readonly T[],
  best: T,
  usable: (d: T) => boolean,
  grid: WorkbookGrid,
  issues: Issue[]
): UnitTable | null {
  const keys = new Set(best.table.units.map((u) => u.key));
  const same = (d: T): boolean => {
    const shared = d.table.units.filter((u) => keys.has(u.key)).length;
    return shared >= Math.max(1, Math.min(keys.size, d.table.units.length) / 2);
  };
  if (!dated.every(same)) return null;
  const series = dated
    .filter((d) => usable(d) && d.stated !== null)
    .sort((a, b) => (a.stated ?? "").localeCompare(b.stated ?? ""))
    .map((d) => ({
      table: d.table,
      stated: d.stated,
      sheet: grid.sheets.find((s) => s.name === d.table.sheet),
    }));
  return sumOfOwnPeriods(series, issues);
}

const withStated = (table: UnitTable, stated: string | null): UnitTable =>
  stated === null ? table : { ...table, statedAsOf: stated };

function rekeyTable(table: UnitTable, matcher: UnitMatcher): UnitTable {
  const units = table.units.map((u) => {
    const key = matcher.keyOf(u.name);
    return key !== null && key !== u.key ? { ...u, key } : u;
  });
  return units.every((u, i) => u === table.units[i]) ? table : { ...table, units };
}

function rekeyLedger(ledger: LedgerSheet, matcher: UnitMatcher): LedgerSheet {
  // Keys are per distinct unit name, not per row: the rows keep their unit's index.
  const cols = ledgerColumns(ledger);
  const keys = new Map<string, string>();
  const unitKeys = cols.units.map((unit, u) => {
    let key = keys.get(unit);
    if (key === undefined) {
      key = matcher.keyOf(unit) ?? (cols.unitKeys[u] as string);
      keys.set(unit, key);
    }
    return key;
  });
  // No key changed (the usual case): the ledger as read.
  if (unitKeys.every((k, u) => k === cols.unitKeys[u])) return ledger;
  return withLedger(ledger, {}, { ...cols, unitKeys });
}

export interface ChosenTables {
  readonly targets: UnitTable | null;
  readonly actuals: UnitTable | null;
  readonly lastYear: UnitTable | null;
  readonly ledgers: readonly LedgerSheet[];
  readonly pairings: readonly IndicatorPairing[];
  readonly issues: readonly Issue[];
}

export function chooseTables(input: {
  readonly targets: readonly TableCandidate[];
  readonly actuals: readonly TableCandidate[];
  readonly lastYear: readonly UnitTable[];
  readonly ledgers: readonly LedgerSheet[];
  readonly grid: WorkbookGrid;
  readonly asOf: string | null;
}): ChosenTables {
  const issues: Issue[] = [];
  const orderedTargets = pickOrder(input.targets, input.grid, input.asOf);
  const targetParts = partsOf(orderedTargets);
  const partsTable = combineParts(targetParts);
  const bySheet =
    partsTable && targetParts.length === 1
      ? withIndicatorSheets(
          partsTable,
          orderedTargets.map((c) => c.table)
        )
      : { table: partsTable, joined: [] as UnitTable[] };
  let targets = bySheet.table;
  const unused = orderedTargets.filter(
    (c) =>
      !targetParts.includes(c.table) &&
      !bySheet.joined.includes(c.table) &&
      c.table.role === "targets"
  );
  const first = targetParts[0];
  if (first && unused.some((c) => c.explicit))
    issues.push(
      issueAt("sheet_not_used", "info", first.sheet, 0, 0, {
        zh: `工作簿有多张目标表，按“${first.sheet}”考核，未使用：${unused.map((c) => `“${c.table.sheet}”`).join("、")}`,
        en: `the workbook has several targets sheets; "${first.sheet}" is used, not ${unused.map((c) => `"${c.table.sheet}"`).join(", ")}`,
      })
    );
  let actuals = pickActuals(input.actuals, input.grid, input.asOf, issues);
  let ledgers = input.ledgers;
  let pairings: IndicatorPairing[] = [];
  if (targets && actuals) {
    const paired = pairIndicators(targets, actuals);
    targets = paired.targets;
    actuals = paired.actuals;
    pairings = paired.pairings;
    issues.push(...paired.issues);
  } else if (targets) {
    const sheet = targets.sheet;
    pairings = targets.indicators.map((t) => ({
      key: t.key,
      name: t.name,
      target: `${sheet}!${columnLetter(t.col)}`,
      actual: null,
      by: null,
    }));
  }
  // Actuals and ledgers may name a unit by its official long form ("合心镇人民政府"): key them as the targets do.
  if (targets) {
    if (actuals) {
      const names = actuals.units.map((u) => u.name);
      actuals = rekeyTable(actuals, new UnitMatcher(targets.units, names));
    }
    const matcher = new UnitMatcher(targets.units, ledgerUnitNames(ledgers));
    ledgers = ledgers.map((l) => rekeyLedger(l, matcher));
  }
  const lastYearSheet = input.lastYear[0];
  const lastYear = targets && lastYearSheet ? pairIndicators(targets, lastYearSheet).actuals : null;
  return { targets, actuals, lastYear, ledgers, pairings, issues };
}
