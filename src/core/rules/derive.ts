/**
 * What a ledger-derived indicator counts, read from the indicator's own name as notices write it:
 * "新签约亿元以上项目" counts projects signed in the period with at least 1亿元; "签约金额" sums their investment;
 * "新开工项目" counts by 开工日期; "到位资金" sums 到位资金. "以上" includes the bound; no threshold applies
 * unless the name (or the rules) states one.
 */
import { normalizeText } from "../text";
import type { LedgerAggregateRule, LedgerFilter } from "./schema";

type Threshold = NonNullable<LedgerFilter["threshold"]>;

const CN_NUMBER: Readonly<Record<string, number>> = {
  十: 10,
  百: 100,
  千: 1000,
  五千: 5000,
  三千: 3000,
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  五: 5,
};

/** An amount as written before 万/亿 ("5000", "10", "千", "五千") → number, or null. */
function amountWord(text: string): number | null {
  if (text === "") return 1;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  return CN_NUMBER[text] ?? null;
}

/** "(5000)(万)(元)?(以上|及以上)" and "超(过)?(3000)(万)": the threshold in 万元, inclusive for 以上. */
const AMOUNT =
  /(超过?|过|不低于|不少于|达到|大于|高于|≥|>=?)?(\d+(?:\.\d+)?|[一二两三五十百千]{0,2})(亿|万)(?:元|美元)?(?:人民币)?(及以上|以上|\+)?/g;

/**
 * "（含）" / "（含1亿元）" / "（含本数）" say the bound is included, as 以上 already does: dropped before reading, so
 * "10亿元（含）以上" reads as 10亿元以上 and "投资额1亿元以上（含1亿元）项目" as 投资额1亿元以上项目.
 */
const INCLUSIVE_NOTE = /\(含[^()]*\)/g;
const normalizeName = (name: string): string => normalizeText(name).replace(INCLUSIVE_NOTE, "");

interface Found {
  readonly amount: number;
  readonly inclusive: boolean;
  readonly index: number;
  readonly end: number;
}

function thresholds(norm: string): Found[] {
  const out: Found[] = [];
  for (const m of norm.matchAll(AMOUNT)) {
    const [whole, prefix, num, scale, suffix] = m;
    if (!prefix && !suffix) continue;
    const n = amountWord(num ?? "");
    if (n === null) continue;
    const amount = scale === "亿" ? n * 10000 : n;
    // "超3000万" is strictly more; "3000万元以上", "不低于3000万" include the bound.
    // "投资过亿元" is read as 亿元以上, as notices use it.
    // "3亿元以上（不含3亿元）" / "（不含本数）": the bound itself is left out, whatever 以上 says.
    const inclusive =
      !(
        prefix === "超" ||
        prefix === "超过" ||
        prefix === "大于" ||
        prefix === "高于" ||
        prefix === ">"
      ) && !norm.startsWith("(不含", (m.index ?? 0) + whole.length);
    out.push({ amount, inclusive, index: m.index ?? 0, end: (m.index ?? 0) + whole.length });
  }
  return out;
}

/**
 * The threshold a name states. "3000万元以上工业项目、亿元以上其它项目" gives 工业项目 their own bound;
 * "5000万元以上工业项目" restricts to 工业项目 (returned in `industrial`).
 */
export function thresholdOf(
  name: string
): { threshold: Threshold; industrialOnly: boolean } | null {
  const norm = normalizeName(name);
  const found = thresholds(norm);
  if (found.length === 0) return null;
  if (found.length >= 2) {
    const industrial = found.find((f) => /^工业/.test(norm.slice(f.end)));
    const other = found.find((f) => f !== industrial);
    if (industrial && other)
      return {
        threshold: {
          amount: other.amount,
          inclusive: other.inclusive,
          industrialAmount: industrial.amount,
          industrialInclusive: industrial.inclusive,
        },
        industrialOnly: false,
      };
  }
  const f = found[0] as Found;
  const industrialOnly =
    /^(的)?工业/.test(norm.slice(f.end)) || (/工业项目/.test(norm) && !/其[它他]/.test(norm));
  return { threshold: { amount: f.amount, inclusive: f.inclusive }, industrialOnly };
}

type Stated = NonNullable<ReturnType<typeof thresholdOf>>;

/**
 * A name's threshold with the inclusiveness its definition states for the same amount: the header says
 * 3亿元以上 and the 注 under it 超过3亿元（不含3亿元）, which is the bureau's word on the bound itself.
 */
function withDefinedBound(named: Stated | null, defined: Stated | null): Stated | null {
  if (named === null || defined === null) return named;
  const n = named.threshold;
  const d = defined.threshold;
  if (n.industrialAmount !== undefined || d.amount !== n.amount) return named;
  return { ...named, threshold: { ...n, inclusive: d.inclusive } };
}

/** 外资项目 are the projects invested in 美元, 内资项目 those in 元, when the name counts one kind only. */
function originCurrency(norm: string): Pick<LedgerFilter, "currency"> {
  const foreign = /外资(签约|引进|新签)?项目|外资签约|外资项目/.test(norm);
  const domestic = /内资(签约|引进|新签)?项目|内资签约|内资项目/.test(norm);
  if (foreign === domestic) return {};
  return { currency: foreign ? "USD" : "CNY" };
}

/** Who the investors must be, when the name says: 世界500强, 央企, 省外 … */
function investorFilters(norm: string): Pick<LedgerFilter, "investorTypes" | "origins"> {
  const out: { investorTypes?: string[]; origins?: string[] } = {};
  const types: string[] = [];
  if (/世界500强|世界五百强/.test(norm)) types.push("世界500强");
  if (/中国500强|中国五百强/.test(norm)) types.push("中国500强");
  if (/央企|中央企业/.test(norm)) types.push("央企");
  if (/民营500强/.test(norm)) types.push("民营500强");
  // "500强企业项目" names neither list: a 世界500强 and a 中国500强 investor both count.
  if (types.length === 0 && /500强|五百强/.test(norm)) types.push("500强");
  if (types.length) out.investorTypes = types;
  const origins: string[] = [];
  if (/省外/.test(norm)) origins.push("省外");
  if (/市外/.test(norm)) origins.push("市外");
  if (/境外|外商/.test(norm)) origins.push("境外");
  if (origins.length) out.origins = origins;
  return out;
}

/** What a name says of the projects it counts beyond their stage: size, 工业, investor and origin. */
function qualifiers(norm: string, t: ReturnType<typeof thresholdOf>): LedgerFilter {
  return {
    ...(t ? { threshold: t.threshold } : {}),
    ...(t?.industrialOnly || (/工业/.test(norm) && !/其[它他]|非工业/.test(norm))
      ? { industrial: true }
      : {}),
    ...investorFilters(norm),
  };
}

/**
 * A "其中" column counts a part of the indicator before it: "招引亿元以上项目 | 其中：省外项目" counts the 亿元以上
 * projects that are 省外. The part is the parent's aggregate narrowed by what the name qualifies; null when the
 * name qualifies nothing a ledger can tell (其中：重点项目), so the indicator stays without a source, loudly.
 */
export function partOf(parent: LedgerAggregateRule, name: string): LedgerAggregateRule | null {
  const norm = normalizeName(name);
  if (!/^其中/.test(norm) || parent.kind === "ratio") return null;
  const narrowing: LedgerFilter = {
    ...qualifiers(norm, thresholdOf(norm)),
    ...(parent.kind === "count" ? originCurrency(norm) : {}),
  };
  if (Object.keys(narrowing).length === 0) return null;
  return { ...parent, filter: { ...parent.filter, ...narrowing } };
}

/**
 * The ledger aggregate an indicator's name describes, or null when the name says nothing a ledger can count.
 * A threshold comes from the name, else from the workbook's definition of it ("签约项目指…5000万元以上的项目").
 * The filter always bounds dates to the period where the name implies an event (签约, 开工, 注册).
 */
export function aggregateFromName(
  name: string,
  /** What the workbook says the indicator counts (统计口径): its threshold applies when the name states none. */
  definition?: string
): LedgerAggregateRule | null {
  const norm = normalizeName(name);
  const defined = definition === undefined ? null : thresholdOf(definition);
  const t = withDefinedBound(thresholdOf(norm), defined) ?? defined;
  const base = qualifiers(norm, t);
  // A 其中 column's investors narrow the indicator before it (partOf), not every signing.
  const qualified =
    t !== null ||
    (!/^其中/.test(norm) &&
      (Object.keys(investorFilters(norm)).length > 0 ||
        base.industrial === true ||
        Object.keys(originCurrency(norm)).length > 0));
  // 注册资本 is an amount no 台账 column keeps, not a count of registrations.
  if (/资本(\([^()]*\))?$/.test(norm)) return null;
  const rate = /率$/.test(norm);
  if (rate) {
    if (/签约率/.test(norm))
      return { kind: "ratio", filter: { minStage: "签约" }, denominator: { minStage: "在谈" } };
    if (/注册率|落地率/.test(norm))
      return { kind: "ratio", filter: { minStage: "注册" }, denominator: { minStage: "签约" } };
    if (/开工率/.test(norm))
      return { kind: "ratio", filter: { minStage: "开工" }, denominator: { minStage: "签约" } };
    if (/投产率/.test(norm))
      return { kind: "ratio", filter: { minStage: "投产" }, denominator: { minStage: "签约" } };
    return null;
  }
  // 引进内资 / 引进省外资金 / 实际利用外资 are the funds that arrived (统计 counts them 到位), not what was signed.
  if (
    /到位(资金|内资|外资)|实际到位|[资内外]金?到位|资金到位|引进(省外|市外|域外)?(内资|外资|资金)(\([^()]*\))?$|(?<!合同|协议)[利使]用(内资|外资)|^(省外|市外|县外|区外|域外)(到位)?资金(\([^()]*\))?$|fundsinplace|fundsreceived/.test(
      norm
    )
  ) {
    // 省外资金 / 市外资金 / 域外资金 come from outside the province, city or county: 内资, in 元.
    const currency = /外资|美元/.test(norm.replace(/[省市县区域]外资金/g, ""))
      ? { currency: "USD" as const }
      : /内资/.test(norm)
        ? { currency: "CNY" as const }
        : {};
    return { kind: "sum", field: "fundsInPlace", filter: { ...base, ...currency } };
  }
  // 引进 / 招引 a project is signing it; a 协议 / 合同 amount is what was signed (协议投资额).
  const event = /项目(?:的)?(?:新)?(?:开工|动工)/.test(norm)
    ? // 签约项目开工数 / 引进项目开工率: the stage named after 项目 is what is counted, not the signing before it.
      ({ minStage: "开工", dateField: "startedDate" } as const)
    : /项目(?:的)?(?:投产|竣工)/.test(norm)
      ? ({ minStage: "投产", dateField: "producedDate" } as const)
      : eventBefore(norm, qualified);
  if (event === null) return null;
  // Any name ending in 额 is an amount (签约额, 协议引资额, 合同额), as is one ending in 外资 / 内资 (合同外资).
  const money =
    /金额|投资额|总投资|签约额|签约总额|协议投资|合同投资|签约资金|投资总额|额(\([^()]*\))?$|[内外]资(\([^()]*\))?$|amount|investment|value/.test(
      norm
    );
  // "投资额1亿元以上项目" counts projects of that size: the amount words qualify the projects it counts.
  const counted = t !== null && /项目数?(\([^()]*\))?$/.test(norm);
  // 合同外资 / 外资额 sum a ledger's 外资 column, not the 投资总额 beside it (ledger-figures.ts falls back to the
  // investment when a ledger keeps no 外资 column of its own).
  // 签约金额 / 协议投资额 sum what was signed: a ledger's 协议投资额 where it keeps one beside 总投资 (a name saying
  // 总投资 / 投资总额 asks for the project's size).
  const field =
    /(外资|外资额|外资金额|外商投资额|外方投资额?|foreigncapital|fdi)(\([^()]*\))?$/.test(norm)
      ? "foreignInvestment"
      : event.minStage === "签约" && !/总投资|投资总额|计划投资|totalinvestment/.test(norm)
        ? "agreedInvestment"
        : "investment";
  // 外资签约项目 / 内资签约项目: the projects in 美元, or in 元 (a 外资 ledger beside a 内资 one).
  const origin = field === "foreignInvestment" ? {} : originCurrency(norm);
  if (money && !counted) return { kind: "sum", field, filter: { ...base, ...event, ...origin } };
  return { kind: "count", filter: { ...base, ...event, ...origin } };
}

/** The event a name names by its stage words (签约, 开工, 注册, 投产, 在谈), or by the kind of project it counts. */
function eventBefore(norm: string, qualified: boolean): LedgerFilter | null {
  return /签约|签订|新签|引进|招引|协议|合同|signed|contract/.test(norm)
    ? ({ minStage: "签约", dateField: "signedDate" } as const)
    : /开工|新开工|started|construction/.test(norm)
      ? ({ minStage: "开工", dateField: "startedDate" } as const)
      : /注册|落地|落户|新设|设立|registered/.test(norm)
        ? ({ minStage: "注册", dateField: "registeredDate" } as const)
        : /投产|竣工/.test(norm)
          ? ({ minStage: "投产", dateField: "producedDate" } as const)
          : /在谈|洽谈|negotiat/.test(norm)
            ? ({ minStage: "在谈", maxStage: "在谈" } as const)
            : // "亿元以上项目" / "省外项目" / "500强企业项目" / "工业项目" / "外资项目" name no event:
              // notices count the projects signed at that size, of that kind or from such investors.
              // 招商引资项目 names no event either, unless a stage word above said one (招商引资项目开工数);
              // 重点 / 重大招商项目 are a kind no 台账 column tells.
              (qualified && /项目数?(\([^()]*\))?$/.test(norm)) ||
                (/招商(引资)?项目/.test(norm) && !/重点|重大/.test(norm))
              ? ({ minStage: "签约", dateField: "signedDate" } as const)
              : null;
}
