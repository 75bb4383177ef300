/** Partial rule overrides (rules.json, the pane) merged over defaults, then validated as a whole. */
import type { z } from "zod";
import { BAND_STRATEGIES, LEDGER_AGGREGATES, SCORING_METHODS } from "./registry";
import { type IndicatorRule, type RuleSet, ruleSetSchema } from "./schema";

export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly DeepPartial<U>[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export type RulesOverride = DeepPartial<RuleSet>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (isRecord(base) && isRecord(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(base[k], v);
    return out;
  }
  return patch;
}

/** Indicators merge by key: a known key patches the default, a new key adds an indicator. */
function mergeIndicators(base: readonly IndicatorRule[], patch: unknown): unknown {
  if (!Array.isArray(patch)) return patch === undefined ? base : patch;
  const out: unknown[] = [];
  const patched = new Set<string>();
  for (const p of patch) {
    const key = isRecord(p) ? p["key"] : undefined;
    const b = typeof key === "string" ? base.find((i) => i.key === key) : undefined;
    if (b && typeof key === "string") patched.add(key);
    out.push(b ? deepMerge(b, p) : p);
  }
  // Indicators not mentioned keep their defaults, after the listed ones keep their listed order.
  return [...out, ...base.filter((i) => !patched.has(i.key))];
}

export function formatZodError(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}

/** Problems zod cannot see: names that must exist in the registries or the stage list. */
export function checkRuleSet(rules: RuleSet): string[] {
  const out: string[] = [];
  if (!(rules.method in SCORING_METHODS))
    out.push(
      `method: 未知计分方法 / unknown method "${rules.method}" (${Object.keys(SCORING_METHODS).join(", ")})`
    );
  if (!(rules.bands.strategy in BAND_STRATEGIES))
    out.push(
      `bands.strategy: unknown "${rules.bands.strategy}" (${Object.keys(BAND_STRATEGIES).join(", ")})`
    );
  if (rules.period.start > rules.period.end) out.push("period: 开始晚于结束 / start is after end");
  const stages = new Set(rules.stages);
  if (stages.size !== rules.stages.length) out.push("stages: 阶段重复 / duplicate stage");
  const keys = new Set<string>();
  rules.indicators.forEach((ind, i) => {
    if (keys.has(ind.key)) out.push(`indicators.${i}.key: 重复 / duplicate "${ind.key}"`);
    keys.add(ind.key);
    const agg = ind.aggregate;
    if (!agg) {
      if (ind.source === "ledger")
        out.push(
          `indicators.${i}: 数据来源为台账但未设统计方式 / ledger source without an aggregate`
        );
      return;
    }
    if (!(agg.kind in LEDGER_AGGREGATES))
      out.push(
        `indicators.${i}.aggregate.kind: unknown "${agg.kind}" (${Object.keys(LEDGER_AGGREGATES).join(", ")})`
      );
    for (const f of [agg.filter, agg.denominator]) {
      for (const s of [f?.minStage, f?.maxStage]) {
        if (s !== undefined && !stages.has(s))
          out.push(
            `indicators.${i}.aggregate: 阶段不在阶段列表中 / stage "${s}" is not in the stage list`
          );
      }
    }
  });
  if (rules.tieBreak !== null && !keys.has(rules.tieBreak))
    out.push(`tieBreak: 未知指标 / unknown indicator "${rules.tieBreak}"`);
  return out;
}

export type MergeResult =
  | { readonly ok: true; readonly rules: RuleSet }
  | { readonly ok: false; readonly errors: readonly string[] };

export function mergeRules(base: RuleSet, patch: unknown): MergeResult {
  if (patch === undefined || patch === null) return { ok: true, rules: base };
  if (!isRecord(patch))
    return { ok: false, errors: ["(root): 规则应为 JSON 对象 / rules must be a JSON object"] };
  const merged = deepMerge(base, { ...patch, indicators: undefined });
  if (isRecord(merged))
    merged["indicators"] = mergeIndicators(base.indicators, patch["indicators"]);
  const parsed = ruleSetSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, errors: formatZodError(parsed.error) };
  const semantic = checkRuleSet(parsed.data);
  return semantic.length ? { ok: false, errors: semantic } : { ok: true, rules: parsed.data };
}

/**
 * Validates a rules.json document (any subset of the rule set) against the defaults.
 * Returns the override to pass to `assessWorkbook`, or readable messages, one per problem:
 * `parseRulesJson({ method: "threshold", cap: 1.5 })` → `{ ok: true, override: {...} }`.
 */
export function parseRulesJson(
  json: unknown,
  base: RuleSet
): { ok: true; override: RulesOverride } | { ok: false; errors: readonly string[] } {
  const merged = mergeRules(base, json);
  if (!merged.ok) return merged;
  const unknown = unknownKeys(json, merged.rules, "");
  if (unknown.length > 0) return { ok: false, errors: unknown };
  return { ok: true, override: json as RulesOverride };
}

/**
 * Keys of a rules document that no rule reads: the schema drops them, so a misspelt `"metod": "threshold"` would
 * leave the default in force without a word. Found where the document has a key the validated rules lack (the
 * indicators a document lists come first in the merged list, in its order, so positions agree).
 */
function unknownKeys(patch: unknown, rules: unknown, path: string): string[] {
  const at = (key: string | number): string => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(patch))
    return Array.isArray(rules) ? patch.flatMap((p, i) => unknownKeys(p, rules[i], at(i))) : [];
  if (!isRecord(patch) || !isRecord(rules)) return [];
  return Object.entries(patch).flatMap(([key, value]) =>
    key in rules
      ? unknownKeys(value, rules[key], at(key))
      : [`${at(key)}: 未知的规则项 / unknown rule key`]
  );
}
