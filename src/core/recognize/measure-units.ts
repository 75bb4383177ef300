import type { MeasureUnit, Quantity } from "../model";
import { normalizeText } from "../text";

const u = (quantity: Quantity, label: string, factor: number): MeasureUnit => ({
  quantity,
  label,
  factor,
});

/**
 * Normalised unit text → unit. Money is held in 万元 / 万美元, so 亿 is ×10000 and 元 is ×0.0001; a scale and a
 * currency (亿元, 万美元, 千万元) are read by chineseMoney, a scale alone (亿, 万) is 人民币.
 */
const UNITS: ReadonlyMap<string, MeasureUnit> = new Map<string, MeasureUnit>([
  ["亿", u("money_cny", "亿元", 10000)],
  ["万", u("money_cny", "万元", 1)],
  ["个", u("count", "个", 1)],
  ["项", u("count", "个", 1)],
  ["家", u("count", "个", 1)],
  // Counts of what is not a project keep their own word: 接待客商（批次）, 外出招商（次）, 推介会（场）.
  ...[
    "批次",
    "批",
    "次",
    "人次",
    "家次",
    "个次",
    "项次",
    "场",
    "场次",
    "户",
    "名",
    "人",
    "宗",
    "件",
  ].map((w): [string, MeasureUnit] => [w, u("count", w, 1)]),
  ["%", u("ratio", "%", 0.01)],
  ["10kcny", u("money_cny", "万元", 1)],
  ["10kyuan", u("money_cny", "万元", 1)],
  ["10thousandyuan", u("money_cny", "万元", 1)],
  ["100mcny", u("money_cny", "亿元", 10000)],
  ["100myuan", u("money_cny", "亿元", 10000)],
  ["100millionyuan", u("money_cny", "亿元", 10000)],
  ["100millioncny", u("money_cny", "亿元", 10000)],
  ["rmb100m", u("money_cny", "亿元", 10000)],
  ["100musd", u("money_usd", "亿美元", 10000)],
  ["100millionusd", u("money_usd", "亿美元", 10000)],
  ["usd100m", u("money_usd", "亿美元", 10000)],
  ["10kusd", u("money_usd", "万美元", 1)],
  ["count", u("count", "个", 1)],
  ["projects", u("count", "个", 1)],
  ["pcs", u("count", "个", 1)],
]);

export function unitByLabel(label: string): MeasureUnit | null {
  return unitOf(normalizeText(label));
}

/** A normalised unit text: a Chinese label, else an English phrase ("rmb100million", "usd10,000", "no."). */
function unitOf(norm: string): MeasureUnit | null {
  return UNITS.get(norm) ?? chineseMoney(norm) ?? englishUnit(norm);
}

/** Scale words of a Chinese money unit → factor to 万 of the currency. */
const ZH_SCALES: ReadonlyMap<string, number> = new Map([
  ["", 0.0001],
  ["千", 0.1],
  ["万", 1],
  ["十万", 10],
  ["百万", 100],
  ["千万", 1000],
  ["亿", 10000],
  ["十亿", 100000],
]);
const ZH_MONEY = /^(人民币)?(十万|百万|千万|十亿|千|万|亿)?(美元|美金|元)(人民币)?$/;

/**
 * "千万元", "百万美元", "万美金", "人民币亿元": money written as scale + currency in words the table above
 * does not list. A wrong or missing unit here would convert one sheet's figures and not the other's, so
 * every scale is read, not only 万 and 亿.
 */
function chineseMoney(norm: string): MeasureUnit | null {
  const m = ZH_MONEY.exec(norm);
  if (!m) return null;
  const scale = m[2] ?? "";
  const factor = ZH_SCALES.get(scale);
  if (factor === undefined) return null;
  const usd = m[3] !== "元";
  if (usd && (m[1] || m[4])) return null;
  return usd ? u("money_usd", `${scale}美元`, factor) : u("money_cny", `${scale}元`, factor);
}

const COUNT = u("count", "个", 1);
const COUNT_WORDS = /^(no\.?|nos\.?|number|numbers|count|projects?|items?|#|pcs)$/;
const USD = /us\$|usd|dollars?|\$/g;
const CNY = /rmb|cny|yuan|¥|元/g;
/** English scale words → factor to 万 of the currency. */
const SCALES: ReadonlyMap<string, [number, string]> = new Map([
  ["", [0.0001, ""]],
  ["1000", [0.1, "千"]],
  ["k", [0.1, "千"]],
  ["thousand", [0.1, "千"]],
  ["10000", [1, "万"]],
  ["10k", [1, "万"]],
  ["10thousand", [1, "万"]],
  ["tenthousand", [1, "万"]],
  ["million", [100, "百万"]],
  ["m", [100, "百万"]],
  ["mn", [100, "百万"]],
  ["1million", [100, "百万"]],
  ["100million", [10000, "亿"]],
  ["100m", [10000, "亿"]],
  ["100mn", [10000, "亿"]],
  ["hundredmillion", [10000, "亿"]],
  ["billion", [100000, "十亿"]],
  ["bn", [100000, "十亿"]],
]);

/**
 * "RMB 100 million", "RMB 10,000", "USD 10k", "US$ million": English editions state units in words,
 * in either order. Null for anything else, so "(Dept.)" stays part of a label.
 */
function englishUnit(norm: string): MeasureUnit | null {
  const t = norm.replace(/,/g, "").replace(/^(?:in|unit:?|units:?)/, "");
  const usd = t.match(USD) !== null;
  if (!usd && t.match(CNY) === null) return null;
  const scale = SCALES.get(
    t
      .replace(USD, "")
      .replace(CNY, "")
      .replace(/^of|of$/g, "")
  );
  if (!scale) return null;
  const [factor, prefix] = scale;
  return usd ? u("money_usd", `${prefix}美元`, factor) : u("money_cny", `${prefix}元`, factor);
}

const BRACKETED = /\(([^()]*)\)/g;
const SUFFIX = /(亿美元|万美元|亿元|万元)$/;

/**
 * Splits a normalised header into its label and the unit it states: "实际利用外资(亿美元)" → label
 * "实际利用外资", unit 亿美元. Brackets that are not units ("县(市)区") stay in the label.
 */
export function splitHeaderUnit(norm: string): { label: string; unit: MeasureUnit | null } {
  let unit: MeasureUnit | null = null;
  const label = norm.replace(BRACKETED, (whole, inner: string) => {
    const text = inner.replace(/^(单位|unit|in)[:]?/, "");
    // "(No.)" states a count only in brackets: a "No." header alone is the 序号 column.
    const found = unitOf(text) ?? (COUNT_WORDS.test(text) ? COUNT : null);
    if (found && unit === null) {
      unit = found;
      return "";
    }
    return whole;
  });
  if (unit !== null) return { label, unit };
  const m = SUFFIX.exec(label);
  if (m && m.index > 0) return { label: label.slice(0, m.index), unit: unitOf(m[1] as string) };
  return { label, unit: null };
}

/** A note such as "单位：亿元" or "项目单位:个": which columns it speaks for, and the units it names. */
export interface UnitNote {
  /** "count" when the note is about project counts (项目单位), "money" for 金额/资金, "any" otherwise. */
  readonly scope: "count" | "money" | "any";
  readonly units: readonly MeasureUnit[];
}

/** The last "…单位:" of a note ("填报单位:经开区 单位:万元" speaks of 万元), with what it qualifies. */
const NOTE = /(项目|金额|资金|投资|数量)?单位:((?:(?!单位:).)+)$|^units?:(.+)$/;

export function parseUnitNote(norm: string): UnitNote | null {
  const m = NOTE.exec(norm);
  if (!m) return null;
  const body = m[2] ?? m[3] ?? "";
  const units = body
    .split(/[,;/、]/)
    .map((part) => unitOf(part.replace(/[()]/g, "")))
    .filter((x): x is MeasureUnit => x !== null);
  if (units.length === 0) return null;
  const scope = m[1] === "项目" || m[1] === "数量" ? "count" : m[1] ? "money" : "any";
  return { scope, units };
}

// 省外资金 / 市外资金 are yuan from outside the province or city, not foreign capital.
const USD_WORDS = /(?<![省市区县])外资|外商|美元|fdi|foreign|usd/;
const MONEY_WORDS =
  /金额|资金|投资|额$|外资|内资|产值|税收|收入|funds|amount|investment|capital|value/;
const COUNT_WORDS_ZH = /项目数?$|个数|数量|家数|企业数?$|批次|次数|projects?$|count|number/;

/**
 * What an indicator's own words say it measures ("省外资金" money, "新开工项目数" a count, "实际利用外资"
 * dollars), for a sheet whose note lists several units ("单位：个、万美元、亿元"): each column takes the
 * unit of its kind, not the first one listed. Null when the words say nothing.
 */
export function quantityHint(label: string): Quantity | null {
  const norm = normalizeText(label);
  if (COUNT_WORDS_ZH.test(norm)) return "count";
  if (USD_WORDS.test(norm)) return "money_usd";
  if (MONEY_WORDS.test(norm)) return "money_cny";
  return null;
}

/**
 * The unit a note gives a column expecting `quantity`; null quantity is an indicator of unknown kind.
 * A USD column under "单位：亿元" keeps its default (亿美元): the note speaks for the CNY columns.
 */
export function unitFromNotes(
  notes: readonly UnitNote[],
  quantity: Quantity | null
): MeasureUnit | null {
  for (const note of notes) {
    for (const unit of note.units) {
      if (note.scope === "count" && unit.quantity !== "count") continue;
      if (note.scope === "money" && unit.quantity !== "money_cny" && unit.quantity !== "money_usd")
        continue;
      if (
        quantity === null
          ? note.scope !== "count" || notes.length === 1
          : unit.quantity === quantity
      )
        return unit;
    }
  }
  return null;
}
