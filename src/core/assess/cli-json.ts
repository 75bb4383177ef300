/** The `--json` document of SPEC §9: these field names are a contract scripts depend on. */
import type { IndicatorPairing } from "../model/recognition";
import type { Assessment } from "./assess-workbook";

export interface CliJson {
  /** False when the ranking cannot be trusted: something could not be read or scored (see results.incomplete). */
  readonly complete: boolean;
  /** How each target indicator found its actual column (header, similar header, position) or that it found none. */
  readonly pairings: readonly IndicatorPairing[];
  readonly sheets: readonly {
    readonly name: string;
    readonly role: string;
    readonly confidence: number;
    readonly headerRows: readonly number[];
    readonly columns: Readonly<Record<string, string>>;
    readonly [extra: string]: unknown;
  }[];
  readonly issues: readonly {
    readonly code: string;
    readonly severity: string;
    readonly sheet: string;
    readonly cell: string;
    readonly message_zh: string;
    readonly message_en: string;
    readonly [extra: string]: unknown;
  }[];
  readonly results: {
    readonly period: {
      readonly start: string;
      readonly end: string;
      readonly asOf: string;
      readonly timeProgress: number;
    };
    readonly units: readonly {
      readonly unit: string;
      readonly group: string | null;
      readonly rank: number;
      readonly score: number;
      readonly grade: string;
      readonly indicators: Readonly<
        Record<
          string,
          {
            readonly target: number | null;
            readonly actual: number | null;
            readonly rate: number | null;
            readonly status: string;
            readonly [extra: string]: unknown;
          }
        >
      >;
      readonly [extra: string]: unknown;
    }[];
    readonly [extra: string]: unknown;
  } | null;
}

/** check prints its `sheets` and `issues`, assess the whole document: the same fields for the same workbook. */
export function toCliJson(
  a: Pick<Assessment, "issues" | "results"> & {
    readonly recognition: Pick<Assessment["recognition"], "reports" | "pairings">;
  }
): CliJson {
  const r = a.results;
  return {
    complete: r?.complete ?? false,
    sheets: a.recognition.reports.map((s) => ({
      name: s.name,
      role: s.role,
      confidence: s.confidence,
      headerRows: s.headerRows,
      columns: s.columns,
      dataRows: s.dataRows,
      totalRows: s.totalRows,
      unrecognisedColumns: s.unrecognisedColumns,
      units: s.units,
      hidden: s.hidden,
      ...(s.hiddenColumns ? { hiddenColumns: s.hiddenColumns } : {}),
    })),
    pairings: a.recognition.pairings ?? [],
    issues: a.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      row: i.row,
      ...(i.field === undefined ? {} : { field: i.field }),
      message_zh: i.message_zh,
      message_en: i.message_en,
      ...(i.suggestion === undefined ? {} : { suggestion: i.suggestion }),
      ...(i.count === undefined ? {} : { count: i.count, cells: i.cells }),
    })),
    results: r && {
      complete: r.complete,
      incomplete: r.incomplete,
      period: {
        start: r.period.start,
        end: r.period.end,
        asOf: r.period.asOf,
        timeProgress: r.period.timeProgress,
      },
      method: r.method,
      previousAsOf: r.period.previousAsOf ?? null,
      indicators: r.indicators,
      units: r.units.map((u) => ({
        unit: u.unit,
        group: u.group,
        rank: u.rank,
        groupRank: u.groupRank,
        score: u.score,
        grade: u.grade,
        eligibility: u.eligibility,
        status: u.status,
        previousRank: u.previousRank,
        ...(u.adjustment ? { adjustment: u.adjustment } : {}),
        indicators: Object.fromEntries(
          Object.entries(u.indicators).map(([k, v]) => [
            k,
            {
              target: v.target,
              actual: v.actual,
              rate: v.rate,
              status: v.status,
              score: v.score,
              weight: v.weight,
              yoy: v.yoy,
              targetSource: v.targetSource,
              actualSource: v.actualSource,
            },
          ])
        ),
      })),
      honour: r.honour,
      rulesSummary: r.rulesSummary,
    },
  };
}
