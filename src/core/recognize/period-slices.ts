/**
 * Actuals kept one sheet per quarter or month, each holding that period's own figures (第一季度, 第二季度 …
 * "本季度完成数，不含以前季度"), are parts of the year to add up, not a series of running totals of which the
 * latest stands for the year: ranking on the third quarter alone against annual targets is a confident wrong list.
 * Told apart by what the sheets say (当月 / 本季度 / 不含以前 against 累计 / 1-9月) and, when they say neither,
 * by the figures: running totals never fall from one report to the next.
 */
import type { SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { SourcedValue, UnitRow, UnitTable } from "../model";
import { normalizeText } from "../text";
import { issueAt } from "./issue";

/** A candidate actuals table with its sheet and the as-of date the sheet states. */
export interface DatedActuals {
  readonly table: UnitTable;
  readonly sheet: SheetGrid | undefined;
  readonly stated: string | null;
}

const OWN_PERIOD = /当月|本月|单月|当季|本季度?(完成|实际)|不含(以前|前期|之前|此前|上)|非累计/;
const RUNNING_TOTAL =
  /累计|[1１一][-－—~～至到][\d一二三四五六七八九十]+月|前[一二三四1-4两]个?季度|上半年|1-\d+月|截至|截止/;

function titleText(sheet: SheetGrid | undefined): string {
  if (!sheet) return "";
  const texts = [sheet.name];
  for (const row of sheet.rows.slice(0, 4))
    for (const v of row) if (typeof v === "string" && v.length <= 200) texts.push(v);
  return normalizeText(texts.join(" "));
}

type Said = "own" | "running" | "silent";

/** What a report's sheet name and title say of its figures: one period's own, a running total, or neither. */
export function reportWording(sheet: SheetGrid | undefined): Said {
  const t = titleText(sheet);
  return OWN_PERIOD.test(t) ? "own" : RUNNING_TOTAL.test(t) ? "running" : "silent";
}

/**
 * Of two reports up to the same date, the running total (一季度累计, 1-3月) stands for the period and the month's
 * own figures (3月（当月）) do not: higher is preferred.
 */
export function cumulativeRank(sheet: SheetGrid | undefined): number {
  const w = reportWording(sheet);
  return w === "running" ? 1 : w === "own" ? -1 : 0;
}

const said = (d: DatedActuals): Said => reportWording(d.sheet);

/**
 * Figures that fall from one report to the next. One fall is a correction (a signing withdrawn); running totals
 * do not fall often, so at least two falls and a fifth of the comparable figures say the sheets are not
 * running totals. The first fall is named in the warning.
 */
function fallsOf(
  series: readonly DatedActuals[]
): { unit: string; key: string; at: number } | null {
  let first: { unit: string; key: string; at: number } | null = null;
  let falls = 0;
  let pairs = 0;
  for (let i = 1; i < series.length; i++) {
    const prior = new Map(series[i - 1]!.table.units.map((u) => [u.key, u]));
    for (const u of series[i]!.table.units) {
      const p = prior.get(u.key);
      if (!p) continue;
      for (const [key, v] of Object.entries(u.values)) {
        const w = p.values[key]?.value;
        if (v.value === null || w === null || w === undefined) continue;
        pairs++;
        if (v.value >= w) continue;
        falls++;
        first ??= { unit: u.name, key, at: i };
      }
    }
  }
  return falls >= 2 && falls >= pairs / 5 ? first : null;
}

/** Periods of one length (a month, a quarter) following each other from the start of the year. */
function coversFromStart(series: readonly DatedActuals[]): boolean {
  const months = series.map((d) => Number((d.stated ?? "").slice(5, 7)));
  const step = (months[1] ?? 0) - (months[0] ?? 0);
  return (
    step > 0 && months[0] === step && months.every((m, i) => i === 0 || m - months[i - 1]! === step)
  );
}

function sumValues(
  values: readonly (SourcedValue | undefined)[],
  last: SourcedValue
): SourcedValue {
  const present = values.filter((v): v is SourcedValue => v !== undefined);
  const numbers = present.flatMap((v) => (v.value === null ? [] : [v.value]));
  const value = numbers.length ? Number(numbers.reduce((a, b) => a + b, 0).toPrecision(12)) : null;
  return {
    value,
    notApplicable: value === null && present.every((v) => v.notApplicable),
    blocked: present.some((v) => v.blocked),
    sheet: last.sheet,
    cell: last.cell,
  };
}

/** The latest sheet's table with each figure the sum of the same unit's figure on every sheet. */
function summed(series: readonly DatedActuals[]): UnitTable {
  const latest = series[series.length - 1]!.table;
  const rowsOf = series.map((d) => new Map(d.table.units.map((u) => [u.key, u])));
  const units = latest.units.map((u): UnitRow => {
    const values: Record<string, SourcedValue> = {};
    for (const [key, last] of Object.entries(u.values))
      values[key] = sumValues(
        rowsOf.map((rows) => rows.get(u.key)?.values[key]),
        last
      );
    return { ...u, values };
  });
  return { ...latest, units, totals: [] };
}

/**
 * The year's actuals as the sum of sheets that each hold one period's own figures, or null when the sheets are
 * running totals (or cannot be told apart). `series` is in the order of the as-of dates the sheets state, each
 * up to the as-of date, all of the same units.
 */
export function sumOfOwnPeriods(
  series: readonly DatedActuals[],
  issues: Issue[]
): UnitTable | null {
  if (series.length < 2 || series.some((d) => d.stated === null)) return null;
  // Sheets of one date are not periods in sequence (one sheet per indicator, or per kind of unit).
  if (series.some((d, i) => i > 0 && d.stated === series[i - 1]!.stated)) return null;
  const words = series.map(said);
  if (words.includes("running")) return null;
  const fall = words.includes("own") ? null : fallsOf(series);
  if (!words.includes("own") && fall === null) return null;
  const latest = series[series.length - 1]!;
  if (!coversFromStart(series)) {
    // Own figures of the later periods only (8月, 9月 without 1-7月): neither their sum nor the latest is the year.
    issues.push(
      issueAt("actuals_summed", "error", latest.table.sheet, 0, 0, {
        zh: `${series.map((d) => `“${d.table.sheet}”`).join("、")}各为当期数，但不是从年初起的每一期，无法得出累计完成数；请补齐前几期或提供累计表`,
        en: `${series.map((d) => `"${d.table.sheet}"`).join(", ")} each hold one period's own figures but not every period from the start of the year, so the year's actuals cannot be added up; add the earlier periods or a cumulative sheet`,
      })
    );
    return null;
  }
  const indicator = (key: string): string =>
    latest.table.indicators.find((i) => i.key === key)?.name ?? key;
  const names = series.map((d) => `“${d.table.sheet}”`).join("、");
  const why = fall
    ? {
        zh: `“${series[fall.at]!.table.sheet}”中“${fall.unit}”的“${indicator(fall.key)}”小于“${series[fall.at - 1]!.table.sheet}”，各表不是累计数`,
        en: `"${fall.unit}" has a smaller "${indicator(fall.key)}" in "${series[fall.at]!.table.sheet}" than in "${series[fall.at - 1]!.table.sheet}", so the sheets are not running totals`,
      }
    : { zh: "表题注明为当期数", en: "their titles say they hold each period's own figures" };
  issues.push(
    issueAt("actuals_summed", "warning", latest.table.sheet, 0, 0, {
      zh: `完成数按 ${names} 相加：${why.zh}；如各表实为累计数，请只保留最新一张或在表题注明“累计”`,
      en: `actuals are the sum of ${series.map((d) => `"${d.table.sheet}"`).join(", ")}: ${why.en}; if they are running totals, keep only the latest or say "累计" in its title`,
    })
  );
  return summed(series);
}
