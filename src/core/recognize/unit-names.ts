import type { UnitRow } from "../model";
import { closest, normalizeText } from "../text";

export type UnitMatch =
  | { readonly status: "exact"; readonly target: string }
  /**
   * Same unit written differently: traditional, full-width, spaces, or the long official form
   * ("合心镇人民政府", "长春经济技术开发区") of a name that identifies one target unit. Matched, reported as info.
   */
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

  /** Target key of a name, through its official long form when that names exactly one target unit. */
  keyOf(name: string): string | null {
    const m = this.match(name);
    return m.status === "unknown" ? null : normalizeText(m.target);
  }

  private byAlias(key: string): string | undefined {
    const short = shortForm(key);
    const hits = new Set<string>();
    for (const [k, n] of this.byKey) if (shortForm(k) === short) hits.add(n);
    if (hits.size === 1) return [...hits][0];
    // "长春经开区" holds "经开区": one target name inside it (or it inside one), and only one.
    const inside = [...this.byKey].filter(
      ([k]) =>
        Math.min(k.length, short.length) >= 2 &&
        (short.includes(shortForm(k)) || shortForm(k).includes(short))
    );
    return inside.length === 1 ? (inside[0] as [string, string])[1] : undefined;
  }

  private compute(name: string): UnitMatch {
    const trimmed = name.trim();
    const key = normalizeText(trimmed);
    const target = this.byKey.get(key) ?? this.byAlias(key);
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

/** Long official forms and the short names bureaus use for the same unit. */
const LONG_FORMS: readonly [RegExp, string][] = [
  [/汽车经济技术开发区|汽车产业开发区/g, "汽开区"],
  [/经济技术开发区|经济开发区/g, "经开区"],
  [/高新技术产业开发区|高新技术开发区|高新技术产业园区|高新区管委会/g, "高新区"],
  [/街道办事处$/, "街道"],
  [/(人民政府|政府|办事处|管理委员会|管委会|委员会|党工委)$/, ""],
];

/** The short form a unit name is compared in ("合心镇人民政府" → "合心镇", "长春经济技术开发区" → "长春经开区"). */
function shortForm(key: string): string {
  let s = key;
  for (const [long, short] of LONG_FORMS) s = s.replace(long, short);
  return s || key;
}
