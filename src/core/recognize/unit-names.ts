import { ledgerColumns, type LedgerSheet, type UnitRow } from "../model";
import { closest, normalizeText } from "../text";
import { looksLikeUnitName } from "./lexicon";

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
  /** Names of another sheet matched to targets all at once, so each target is taken by one name only. */
  private readonly assigned = new Map<string, string>();

  /**
   * `names` are the unit names of a sheet to match as a whole (the actuals' units): a name that could be two
   * targets is settled once the other names have taken theirs ("长春净月高新技术产业开发区" is 净月区 once
   * "长春高新技术产业开发区" has taken 高新区).
   */
  constructor(units: readonly Pick<UnitRow, "key" | "name">[], names: readonly string[] = []) {
    for (const u of units) if (!this.byKey.has(u.key)) this.byKey.set(u.key, u.name);
    if (names.length > 0) this.assign(names);
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

  /** Target names a name could be the long or short form of. */
  private candidates(key: string): string[] {
    const short = shortForm(key);
    const same = [...this.byKey].filter(([k]) => shortForm(k) === short);
    if (same.length > 0) return same.map(([, n]) => n);
    const core = coreOf(short);
    return [...this.byKey]
      .filter(([k]) => {
        const other = shortForm(k);
        if (Math.min(other.length, short.length) < 2) return false;
        if (short.includes(other) || other.includes(short)) return true;
        // A longer official name holding a target's distinctive part ("长春净月高新区" holds 净月), and itself
        // shaped like a unit's name; "朝阳去" (a typo) is not, and stays a suggestion.
        const c = coreOf(other);
        if (looksLikeUnitName(short) && short.length > other.length && c.length >= 2 && core !== c)
          if (short.includes(c)) return true;
        return abbreviates(short, other) || abbreviates(key, k) || abbreviates(short, k);
      })
      .map(([, n]) => n);
  }

  private assign(names: readonly string[]): void {
    const taken = new Set<string>();
    const open = new Map<string, string[]>();
    for (const name of new Set(names.map((n) => n.trim()))) {
      const target = this.byKey.get(normalizeText(name));
      if (target !== undefined) {
        this.assigned.set(name, target);
        taken.add(target);
      } else open.set(name, this.candidates(normalizeText(name)));
    }
    for (let changed = true; changed;) {
      changed = false;
      for (const [name, list] of open) {
        const free = list.filter((t) => !taken.has(t));
        if (free.length !== 1) continue;
        const target = free[0] as string;
        this.assigned.set(name, target);
        taken.add(target);
        open.delete(name);
        changed = true;
      }
    }
  }

  private byAlias(key: string): string | undefined {
    const list = this.candidates(key);
    return list.length === 1 ? list[0] : undefined;
  }

  private compute(name: string): UnitMatch {
    const trimmed = name.trim();
    const key = normalizeText(trimmed);
    const target = this.byKey.get(key) ?? this.assigned.get(trimmed) ?? this.byAlias(key);
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

/**
 * "莲花山度假区" for 莲花山生态旅游度假区, "净月区" for 长春净月高新区: one name is the other with characters left
 * out, in order, and both end in the same kind of place (区, 镇, 县 …). Three characters at least, so "南区"
 * is nobody's abbreviation; a name that could abbreviate two targets is settled by the others (assign).
 */
function abbreviates(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const chars = Array.from(short);
  if (chars.length < 3 || chars.length === Array.from(long).length) return false;
  if (chars[chars.length - 1] !== Array.from(long).pop() || !looksLikeUnitName(short)) return false;
  let at = 0;
  for (const ch of chars) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

/** "净月区" → "净月", "合心镇" → "合心": the part of a short name that tells it from its neighbours. */
function coreOf(short: string): string {
  return short.replace(/(开发区|园区|新区|街道|区|县|市|镇|乡)$/, "");
}

/** Long official forms and the short names bureaus use for the same unit. */
/** The peoples named in autonomous prefectures and counties (湘西土家族苗族自治州, 长白朝鲜族自治县). */
const PEOPLES =
  "朝鲜|蒙古|回|藏|维吾尔|苗|彝|壮|布依|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|裕固|满|各";

const LONG_FORMS: readonly [RegExp, string][] = [
  [/汽车经济技术开发区|汽车产业开发区/g, "汽开区"],
  [/经济技术开发区|经济开发区/g, "经开区"],
  [/高新技术产业开发区|高新技术开发区|高新技术产业园区|高新区管委会/g, "高新区"],
  [/街道办事处$/, "街道"],
  // 延边朝鲜族自治州 → 延边州, 长白朝鲜族自治县 → 长白县, 内蒙古自治区 → 内蒙古区 (compared, never shown).
  [new RegExp(`(?:(?:${PEOPLES})族)+自治(州|县|旗)$`), "$1"],
  [/自治(州|县|旗)$/, "$1"],
  [/(人民政府|政府|办事处|管理委员会|管委会|委员会|党工委)$/, ""],
];

/** The short form a unit name is compared in ("合心镇人民政府" → "合心镇", "长春经济技术开发区" → "长春经开区"). */
function shortForm(key: string): string {
  let s = key;
  for (const [long, short] of LONG_FORMS) s = s.replace(long, short);
  return s || key;
}

/** Every unit name the ledgers write, once each, in first-seen order (the columns hold each name once). */
export function ledgerUnitNames(ledgers: readonly LedgerSheet[]): string[] {
  const names = new Set<string>();
  for (const l of ledgers) for (const unit of ledgerColumns(l).units) names.add(unit);
  return [...names];
}
