import { normalizeText } from "../text";
import { HEADER_DICTIONARY, type HeaderField } from "./dictionary";

export type MatchScope = "table" | "ledger" | "any";

interface Synonym {
  readonly text: string;
  readonly field: HeaderField;
}

const inScope = (field: HeaderField, scope: MatchScope): boolean =>
  scope === "any" || field.scope === "both" || field.scope === scope;

const EXACT = new Map<string, HeaderField[]>();
const SYNONYMS: Synonym[] = [];
const UNDER: { field: HeaderField; groups: string[]; leaves: Set<string> }[] = [];

for (const field of HEADER_DICTIONARY) {
  for (const word of [...field.zhHans, ...field.zhHant, ...field.en]) {
    const text = normalizeText(word);
    const list = EXACT.get(text) ?? [];
    if (!list.includes(field)) list.push(field);
    EXACT.set(text, list);
    SYNONYMS.push({ text, field });
  }
  if (field.under) {
    UNDER.push({
      field,
      groups: field.under.groups.map(normalizeText),
      leaves: new Set(field.under.leaves.map(normalizeText)),
    });
  }
}
// Longest first, so "投资方类型" wins over "投资方" when a header merely contains a synonym.
SYNONYMS.sort((a, b) => b.text.length - a.text.length);

/** Words that turn a familiar label into a different figure (last year's, a rate, a rank): never a loose match. */
const NOT_THE_FIELD =
  /去年|上年|同期|同比|增长|增幅|完成率|占比|比重|排名|得分|名次|lastyear|growth|rate|rank|score/;

/** What may surround an indicator's name without changing what it counts ("新签约项目数", "实际利用外资额"). */
const BENIGN_REST =
  /^(?:新|新增|本年|本年度|全年|年度|累计|实际|完成|其中:?)*(?:个数|数量|数|额|金额|总额|总数|情况)?$/;

const ACTUAL_LEAVES = new Set([
  "完成",
  "实际完成",
  "完成数",
  "完成额",
  "累计完成",
  "完成值",
  "actual",
  "achieved",
]);

function exact(text: string, scope: MatchScope): HeaderField | null {
  return EXACT.get(text)?.find((field) => inScope(field, scope)) ?? null;
}

/**
 * The field a header names. `group` and `leaf` are normalised, units already split off. The group label
 * decides ambiguous leaves (签约项目 › 项目总数); a header that merely contains a synonym matches last.
 */
export function matchHeader(group: string, leaf: string, scope: MatchScope): HeaderField | null {
  if (leaf === "") return null;
  if (group !== "") {
    for (const entry of UNDER) {
      if (
        inScope(entry.field, scope) &&
        entry.leaves.has(leaf) &&
        entry.groups.some((g) => group.includes(g))
      )
        return entry.field;
    }
  }
  const direct =
    exact(leaf, scope) ?? (group !== "" ? exact(group.replaceAll("›", "") + leaf, scope) : null);
  if (direct) return direct;
  // 通报 tables put 目标 / 完成 / 完成率 under each indicator: the 完成 leaf is the indicator's actual.
  if (group !== "" && ACTUAL_LEAVES.has(leaf)) {
    const lastGroup = group.split("›").pop() ?? group;
    const field = exact(lastGroup, scope);
    if (field?.kind === "indicator") return field;
  }
  if (NOT_THE_FIELD.test(leaf) || leaf.length > 24) return null;
  for (const syn of SYNONYMS) {
    if (syn.text.length < 3 || !inScope(syn.field, scope)) continue;
    if (!leaf.includes(syn.text)) continue;
    // "亿元以上签约项目" is not 签约项目: a qualifier makes an indicator of its own (with its own target).
    if (syn.field.kind === "indicator" && !BENIGN_REST.test(leaf.replace(syn.text, ""))) continue;
    return syn.field;
  }
  return null;
}

/** True when a group label is one of the known header groups (储备项目, 签约项目 …), for header-row detection. */
export function isGroupWord(norm: string): boolean {
  return /储备|签约|实际利用|内外资|内、外资|reserve|signed|capital/.test(norm);
}

/** Exact dictionary hit, for telling header rows from data rows (data text often *contains* header words). */
export function isHeaderWord(norm: string): boolean {
  return EXACT.has(norm) || UNDER.some((entry) => entry.leaves.has(norm)) || isGroupWord(norm);
}

/** A header the dictionary names outright ("计划总投资"), which must not be split into indicator + measure. */
export function isDictionaryWord(norm: string): boolean {
  return EXACT.has(norm);
}

/** A header the dictionary knows as a unit-table word (an indicator, 单位, 序号, 类别), not a ledger field. */
export function isTableWord(norm: string): boolean {
  return exact(norm, "table") !== null;
}
