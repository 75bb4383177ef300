/**
 * Bureaus that assess 县区, 园区, 市直部门 and 驻外分局 separately (seed 002) often keep one sheet per kind of
 * unit. Tables with the same indicators and different units are parts of one assessment: they are read as one
 * table whose units carry the part's name as their group, so each part is ranked on its own and together.
 */
import type { UnitRow, UnitTable } from "../model";
import { normalizeText } from "../text";
import { coreOf, similar } from "./pair-indicators";

export interface TableCandidate {
  readonly table: UnitTable;
  readonly confidence: number;
  /** The sheet says what it is (name, title or headers), rather than being placed by order. */
  readonly explicit: boolean;
}

/** Shared units above this share make two tables alternatives (this month vs last), not parts. */
const SAME_UNITS = 0.2;
/** Shared indicators at or above this share make two tables parts of one assessment. */
const SAME_INDICATORS = 0.5;

const ROLE_WORDS =
  /目标任务|目标|任务|分解表?|完成情况表?|完成|情况|考核|指标|表$|(?:\d{4}年)|(?:1-\d{1,2}月)/g;

/** "县区目标" → "县区", "园区完成情况表" → "园区": the kind of unit a part holds. */
export function partName(sheet: string): string {
  const bare = sheet
    .replace(ROLE_WORDS, "")
    .replace(/[-_\s()（）]+/g, "")
    .trim();
  return bare || sheet;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.min(a.size, b.size);
}

const unitKeys = (t: UnitTable): Set<string> => new Set(t.units.map((u) => u.key));
const indicatorKeys = (t: UnitTable): Set<string> =>
  new Set(t.indicators.map((i) => normalizeText(i.key)));

/** The tables, best first, that are parts of the same assessment as the first. */
export function partsOf(ordered: readonly TableCandidate[]): UnitTable[] {
  const first = ordered[0];
  if (!first) return [];
  const parts = [first.table];
  const units = unitKeys(first.table);
  for (const c of ordered.slice(1)) {
    if (c.table.sheet === first.table.sheet) continue;
    const own = unitKeys(c.table);
    if (own.size === 0 || overlap(own, units) > SAME_UNITS) continue;
    if (overlap(indicatorKeys(c.table), indicatorKeys(first.table)) < SAME_INDICATORS) continue;
    parts.push(c.table);
    for (const u of own) units.add(u);
  }
  return parts;
}

/** Units this share alike make tables of other indicators one assessment's sheets (one per indicator). */
const SAME_UNIT_LIST = 0.8;

/**
 * Tables of the same units holding other indicators each — a workbook keeping one sheet per indicator (签约项目,
 * 到位资金 …) — joined to the first: its units carry every sheet's figures. The sheets joined come back too.
 */
export function withIndicatorSheets(
  first: UnitTable,
  others: readonly UnitTable[]
): { table: UnitTable; joined: UnitTable[] } {
  const units = unitKeys(first);
  // Named by key and by the first level of the name: "签约项目 › 本年" repeats 签约项目, it adds nothing.
  const namesOf = (t: UnitTable): Set<string> =>
    new Set([
      ...indicatorKeys(t),
      ...t.indicators.map((i) => normalizeText(i.name.split("›")[0] ?? i.name)),
    ]);
  const taken = namesOf(first);
  const cores = first.indicators.map(coreOf);
  const joined: UnitTable[] = [];
  for (const t of others) {
    if (t.sheet === first.sheet || overlap(unitKeys(t), units) < SAME_UNIT_LIST) continue;
    const own = namesOf(t);
    if (own.size === 0 || overlap(own, taken) > 0) continue;
    // The same indicators in other words (实际到位资金 / 到位资金) are another report of them, not more of them.
    if (t.indicators.some((i) => cores.some((c) => similar(c, coreOf(i))))) continue;
    joined.push(t);
    for (const k of own) taken.add(k);
    cores.push(...t.indicators.map(coreOf));
  }
  if (joined.length === 0) return { table: first, joined };
  const byUnit = joined.map((t) => new Map([...t.units, ...t.totals].map((u) => [u.key, u])));
  const merge = (u: UnitRow): UnitRow => ({
    ...u,
    values: Object.assign({}, u.values, ...byUnit.map((m) => m.get(u.key)?.values ?? {})),
  });
  const lastYear: Record<string, string> = { ...(first.lastYear ?? {}) };
  for (const t of joined) Object.assign(lastYear, t.lastYear ?? {});
  return {
    table: {
      ...first,
      indicators: [
        ...first.indicators,
        ...joined.flatMap((t) => t.indicators.map((i) => ({ ...i, sheet: i.sheet ?? t.sheet }))),
      ],
      units: first.units.map(merge),
      totals: first.totals.map(merge),
      ...(Object.keys(lastYear).length ? { lastYear } : {}),
    },
    joined,
  };
}

/** One table of several parts; a single part comes back as it is. */
export function combineParts(parts: readonly UnitTable[]): UnitTable | null {
  const [first] = parts;
  if (!first) return null;
  if (parts.length === 1) return first;
  const named = (t: UnitTable, rows: readonly UnitRow[]): UnitRow[] =>
    rows.map((u) => (u.group === null ? { ...u, group: partName(t.sheet) } : u));
  const indicators = [...first.indicators];
  for (const t of parts.slice(1))
    for (const ind of t.indicators)
      if (!indicators.some((i) => i.key === ind.key)) indicators.push(ind);
  const lastYear: Record<string, string> = {};
  for (const t of parts) Object.assign(lastYear, t.lastYear ?? {});
  return {
    ...first,
    indicators,
    units: parts.flatMap((t) => named(t, t.units)),
    totals: parts.flatMap((t) => t.totals),
    ...(Object.keys(lastYear).length ? { lastYear } : {}),
    parts,
  };
}
