import type { UnitRow } from "../model";
import { closest, normalizeText } from "../text";

export type UnitMatch =
  | { readonly status: "exact"; readonly target: string }
  /** Same unit written differently (traditional, full-width, spaces): matched, reported as info. */
  | { readonly status: "variant"; readonly target: string }
  /** Not a target unit; `suggestion` is the nearest one when it is close enough to be a typo. */
  | { readonly status: "unknown"; readonly suggestion: string | null };

/**
 * Matches 责任单位 names against the targets sheet's units. Only normalisation (width, script, spaces)
 * matches; anything looser is a suggestion, never a silent match. Results are cached per distinct text.
 */
export class UnitMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly cache = new Map<string, UnitMatch>();

  constructor(units: readonly UnitRow[]) {
    for (const u of units) if (!this.byKey.has(u.key)) this.byKey.set(u.key, u.name);
  }

  get size(): number {
    return this.byKey.size;
  }

  match(name: string): UnitMatch {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const result = this.compute(name);
    this.cache.set(name, result);
    return result;
  }

  private compute(name: string): UnitMatch {
    const trimmed = name.trim();
    const key = normalizeText(trimmed);
    const target = this.byKey.get(key);
    if (target !== undefined)
      return trimmed === target ? { status: "exact", target } : { status: "variant", target };
    const near = closest(
      key,
      this.byKey.keys(),
      Math.max(1, Math.floor(Array.from(key).length / 3))
    );
    if (near) return { status: "unknown", suggestion: this.byKey.get(near.value) ?? null };
    for (const [k, n] of this.byKey)
      if (key.length >= 2 && (k.includes(key) || key.includes(k)))
        return { status: "unknown", suggestion: n };
    return { status: "unknown", suggestion: null };
  }
}
