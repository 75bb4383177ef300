/**
 * What a column can be set to in the 工作表 screen, and what recognition made of it — in the override grammar
 * the CLI's --map takes (unit|seq|group|remarks|reason|bonus|penalty|ignore|target:<ind>|actual:<ind>|
 * rate:<ind>|last_year:<ind>|<ledger field>), so the pane and the CLI save the same corrections.
 */
import type { SheetReport, SheetRole } from "../../core/model/recognition";
import type { FieldChoice } from "../../app/session-types";

export const MEASURES = ["target", "actual", "rate", "last_year"] as const;
export type Measure = (typeof MEASURES)[number];

/** Columns that are not figures: who, which row, notes, score adjustments. */
export const STRUCTURAL = [
  "unit",
  "seq",
  "group",
  "remarks",
  "bonus",
  "penalty",
  "reason",
] as const;
export type Structural = (typeof STRUCTURAL)[number];

const TABLE_ROLES: ReadonlySet<SheetRole> = new Set(["targets", "actuals", "combined"]);

export type ColumnKind = "table" | "ledger" | null;

/** Which picker a sheet of this role gets; null: none (rules, output, other sheets have no columns to map). */
export function columnKind(role: SheetRole): ColumnKind {
  return TABLE_ROLES.has(role) ? "table" : role === "ledger" ? "ledger" : null;
}

export interface Meaning {
  readonly structural?: Structural | "previous_rank";
  readonly measure?: Measure;
  /** Indicator key or ledger field key. */
  readonly key?: string;
}

/** What recognition made of each column letter (the report maps field keys to letters). */
export function recognisedMeanings(report: SheetReport): Map<string, Meaning> {
  const out = new Map<string, Meaning>();
  const kind = columnKind(report.role);
  for (const [key, letter] of Object.entries(report.columns)) {
    if (out.has(letter)) continue;
    const base = key.replace(/_\d+$/, "");
    if ((STRUCTURAL as readonly string[]).includes(base) || base === "previous_rank") {
      out.set(letter, { structural: base as Structural });
      continue;
    }
    if (kind !== "table") {
      out.set(letter, { key });
      continue;
    }
    const split = /^(.*):(actual|last_year|rate|target)$/.exec(key);
    if (split) out.set(letter, { key: split[1]!, measure: split[2] as Measure });
    else out.set(letter, { key, measure: report.role === "actuals" ? "actual" : "target" });
  }
  return out;
}

/** The override value for a measure of an indicator ("target:signed_total"). */
export function measureValue(measure: Measure, indicator: string): string {
  return `${measure}:${indicator}`;
}

export interface IndicatorChoice {
  readonly key: string;
  readonly name: string;
}

/** The workbook's own indicators first (as its targets name them), then the dictionary's, each once. */
export function indicatorChoices(
  own: readonly IndicatorChoice[] | undefined,
  dictionary: readonly FieldChoice[],
  locale: "zh-CN" | "en-US"
): IndicatorChoice[] {
  const out: IndicatorChoice[] = [];
  const seen = new Set<string>();
  for (const i of own ?? []) {
    if (seen.has(i.key)) continue;
    seen.add(i.key);
    out.push(i);
  }
  for (const f of dictionary) {
    if (seen.has(f.key) || (STRUCTURAL as readonly string[]).includes(f.key)) continue;
    seen.add(f.key);
    out.push({ key: f.key, name: locale === "en-US" ? f.label_en : f.label_zh });
  }
  return out;
}

/** The corrections with one column set (value) or returned to recognition (""). */
export function withColumn(
  columns: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
  sheet: string,
  column: string,
  value: string
): Record<string, Readonly<Record<string, string>>> {
  const next: Record<string, Readonly<Record<string, string>>> = { ...columns };
  const own: Record<string, string> = { ...next[sheet] };
  if (value === "") delete own[column];
  else own[column] = value;
  if (Object.keys(own).length === 0) delete next[sheet];
  else next[sheet] = own;
  return next;
}
