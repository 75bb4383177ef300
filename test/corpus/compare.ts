/**
 * Compares a `scorecard assess --json` document (SPEC §9) with a case's expectations and says, in a few
 * words each, what differs. Indicators are found by their SPEC §9 key for the known fields, otherwise by
 * name: normalised (no spaces, full-width → half-width, bracketed units removed), equal or containing.
 */
import type { CaseSpec, IndicatorExpectation, ScoredExpectation } from "../fixtures/corpus/case";

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface JsonIndicator {
  readonly key: string;
  readonly name: string;
}

interface JsonUnit {
  readonly unit: string;
  readonly rank: number;
  readonly groupRank?: number | null;
  readonly indicators: Readonly<
    Record<string, { readonly rate: number | null; readonly actual: number | null } | undefined>
  >;
}

interface JsonDoc {
  readonly issues?: readonly {
    readonly severity: string;
    readonly code?: string;
    readonly message_en?: string;
  }[];
  readonly results: {
    readonly complete?: boolean;
    readonly period?: { readonly asOf?: string };
    readonly indicators?: readonly JsonIndicator[];
    readonly units: readonly JsonUnit[];
  } | null;
}

const RATE_TOLERANCE = 0.0005;

/** "实 际利用外资（亿美元）" → "实际利用外资"; "Funds in Place (10k CNY)" → "fundsinplace". */
export function normaliseName(name: string): string {
  // "内资 › 签约项目" is the name 内资签约项目: the level mark is not part of it.
  let s = name
    .normalize("NFKC")
    .replace(/[\s›]+/g, "")
    .toLowerCase();
  for (let prev = ""; prev !== s;) {
    prev = s;
    s = s.replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g, "");
  }
  return s;
}

export function findIndicator(
  exp: IndicatorExpectation,
  indicators: readonly JsonIndicator[]
): JsonIndicator | undefined {
  if (exp.key !== undefined) {
    const byKey = indicators.find((i) => i.key === exp.key);
    if (byKey) return byKey;
  }
  const labels = [exp.label, ...(exp.aliases ?? [])].map(normaliseName);
  const exact = indicators.find((i) => labels.includes(normaliseName(i.name)));
  if (exact) return exact;
  return indicators
    .filter((i) => labels.some((l) => normaliseName(i.name).includes(l)))
    .sort((a, b) => a.name.length - b.name.length)[0];
}

function parse(run: CliRun): JsonDoc | string {
  try {
    const doc = JSON.parse(run.stdout) as JsonDoc;
    if (typeof doc !== "object" || doc === null || !("results" in doc))
      return "no results field in the JSON";
    return doc;
  } catch {
    const why = run.stderr.trim().split("\n")[0] ?? "";
    return `no JSON on stdout (exit ${run.exitCode}${why ? `: ${why.slice(0, 120)}` : ""})`;
  }
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function compareScored(exp: ScoredExpectation, run: CliRun, doc: JsonDoc): string[] {
  const diffs: string[] = [];
  if (run.exitCode !== exp.exitCode) {
    const errors = (doc.issues ?? []).filter((i) => i.severity === "error");
    const codes = [...new Set(errors.map((i) => i.code))].slice(0, 3).join(",");
    diffs.push(`exit ${run.exitCode} (errors: ${codes || "none"})`);
  }
  const r = doc.results;
  if (!r) return [...diffs, "no results (nothing assessed)"];
  if (r.period?.asOf !== exp.asOf) diffs.push(`as-of ${r.period?.asOf ?? "missing"} ≠ ${exp.asOf}`);
  const got = new Map(r.units.map((u) => [u.unit, u]));
  const want = new Set(exp.units.map((u) => u.unit));
  const missing = exp.units.filter((u) => !got.has(u.unit)).map((u) => u.unit);
  const extra = r.units.filter((u) => !want.has(u.unit)).map((u) => u.unit);
  if (missing.length)
    diffs.push(
      `units missing: ${missing.slice(0, 4).join("、")}${missing.length > 4 ? `…(${missing.length})` : ""}`
    );
  if (extra.length)
    diffs.push(
      `extra units: ${extra.slice(0, 4).join("、")}${extra.length > 4 ? `…(${extra.length})` : ""}`
    );

  const keys = new Map<string, string>();
  for (const ind of exp.indicators) {
    const found = findIndicator(ind, r.indicators ?? []);
    if (found) keys.set(ind.label, found.key);
    else diffs.push(`indicator not found: ${ind.label}`);
  }
  const rateDiffs: string[] = [];
  const rankDiffs: string[] = [];
  for (const eu of exp.units) {
    const gu = got.get(eu.unit);
    if (!gu) continue;
    if (gu.rank !== eu.rank) rankDiffs.push(`${eu.unit} rank ${gu.rank}≠${eu.rank}`);
    if (eu.groupRank !== undefined && gu.groupRank !== eu.groupRank)
      rankDiffs.push(`${eu.unit} group rank ${gu.groupRank ?? "none"}≠${eu.groupRank}`);
    for (const [label, ei] of Object.entries(eu.indicators)) {
      const key = keys.get(label);
      if (key === undefined) continue;
      const gi = gu.indicators[key];
      const rate = gi?.rate ?? null;
      if (ei.rate === null) {
        if (rate !== null) rateDiffs.push(`${eu.unit}/${label} rate ${pct(rate)}, expected n/a`);
      } else if (rate === null || Math.abs(rate - ei.rate) > RATE_TOLERANCE) {
        rateDiffs.push(
          `${eu.unit}/${label} rate ${rate === null ? "n/a" : pct(rate)}≠${pct(ei.rate)}`
        );
      }
      if (ei.actual !== undefined && (gi?.actual == null || Math.abs(gi.actual - ei.actual) > 1e-9))
        rateDiffs.push(`${eu.unit}/${label} actual ${gi?.actual ?? "none"}≠${ei.actual}`);
    }
  }
  const summarise = (list: string[], what: string): void => {
    if (list.length)
      diffs.push(
        `${list.length} ${what} (${list.slice(0, 2).join("; ")}${list.length > 2 ? "; …" : ""})`
      );
  };
  summarise(rateDiffs, "rate/actual differences");
  summarise(rankDiffs, "rank differences");
  if (r.complete !== true)
    diffs.push(r.complete === undefined ? "results.complete missing" : "complete: false");
  return diffs;
}

/** What differs between the run and the case's expectations; empty when the case passes. */
export function compareCase(spec: CaseSpec, run: CliRun): string[] {
  const doc = parse(run);
  if (typeof doc === "string") return [doc];
  const exp = spec.expect;
  if (exp.kind === "scored") return compareScored(exp, run, doc);
  const diffs: string[] = [];
  if (run.exitCode !== 1) diffs.push(`exit ${run.exitCode}, expected 1`);
  if (doc.results !== null && doc.results.complete !== false)
    diffs.push(
      `results presented as ${doc.results.complete === undefined ? "valid (no complete flag)" : "complete"} with ${doc.results.units.length} ranked units`
    );
  const errors = (doc.issues ?? []).filter((i) => i.severity === "error");
  if (errors.length === 0) diffs.push("no error issue");
  const told = new Set(errors.map((i) => i.code));
  const untold = (exp.errorCodes ?? []).filter((code) => !told.has(code));
  if (untold.length && errors.length)
    diffs.push(`error codes ${untold.join(", ")} not given (got ${[...told].join(", ")})`);
  else if (untold.length) diffs.push(`error codes ${untold.join(", ")} not given`);
  return diffs;
}
