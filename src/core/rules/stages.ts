/**
 * Project stages (线索 → 在谈 → 签约 → 注册 → 开工 → 投产) and the words ledgers write for them. The list and the
 * synonyms are rules data (the 考核规则 sheet shows and reads both); this is the one place that maps a stage
 * word to its position, so validation and counting can never disagree.
 */
import { closest, normalizeText } from "../text";

export const DEFAULT_STAGES = ["线索", "在谈", "签约", "注册", "开工", "投产"] as const;

/** Words ledgers use for each default stage (seed practice: 已签约, 洽谈中, 已落地 …). */
export const DEFAULT_STAGE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  线索: [
    "意向",
    "有意向",
    "接洽",
    "对接",
    "初步接洽",
    "信息",
    "储备",
    "谋划",
    "前期对接",
    "前期接洽",
    "前期接触",
    "lead",
    "leads",
    "prospect",
    "intention",
    "intent",
    "intended",
    "clue",
  ],
  在谈: [
    "洽谈",
    "洽谈中",
    "在洽谈",
    "正在洽谈",
    "谈判",
    "谈判中",
    "磋商",
    "商谈",
    "跟踪",
    "跟进",
    "前期洽谈",
    "考察",
    "已考察",
    "实地考察",
    "negotiating",
    "negotiation",
    "undernegotiation",
    "intalks",
    "talks",
  ],
  签约: [
    "已签约",
    "签订",
    "已签订",
    "签约落地",
    "签署",
    "已签署",
    "签约未落地",
    "签约未开工",
    "已签约未开工",
    "框架协议",
    "签订框架协议",
    "已签框架协议",
    "签订协议",
    "已签协议",
    "签订合同",
    "已签合同",
    // Land won at auction (摘牌) or allotted (供地): a signed project not yet started; 履约 keeps the contract.
    "摘牌",
    "已摘牌",
    "土地摘牌",
    "供地",
    "已供地",
    "拿地",
    "已拿地",
    "履约",
    "已履约",
    "履约中",
    // 前期 is a signed project doing its 前期手续 (land, approvals) before it can start.
    "前期",
    "前期工作",
    "前期手续",
    "办理前期手续",
    "前期手续办理中",
    "signed",
    "contractsigned",
    "agreementsigned",
  ],
  注册: [
    "已注册",
    "落地",
    "已落地",
    "落户",
    "已落户",
    "注册落地",
    "工商注册",
    "已工商注册",
    "办理营业执照",
    "已办理营业执照",
    "入驻",
    "已入驻",
    "registered",
    "incorporated",
    "landed",
  ],
  开工: [
    "已开工",
    "在建",
    "建设中",
    "施工",
    "开工建设",
    "设备安装",
    "安装调试",
    "动工",
    "已动工",
    "started",
    "underconstruction",
    "construction",
    "constructionstarted",
    "groundbroken",
    "building",
  ],
  投产: [
    "已投产",
    "竣工",
    "已竣工",
    "竣工投产",
    "投产运营",
    "运营",
    "达产",
    "达效",
    "投产达效",
    "已投产达效",
    "达产达效",
    "建成",
    "已建成",
    "建成投产",
    "试生产",
    "正常生产",
    "生产",
    "投入使用",
    "已投入使用",
    "投用",
    "已投用",
    "开业",
    "已开业",
    "营业",
    "试营业",
    "试运营",
    "inproduction",
    "production",
    "operating",
    "inoperation",
    "operational",
    "completed",
    "commissioned",
  ],
};

/**
 * Words of a project that is no longer one: its agreement terminated, revoked or abandoned. Such a row is no
 * stage at all — never counted, whatever its dates say — and is told as excluded, not as an unknown word.
 */
export const WITHDRAWN_WORDS: readonly string[] = [
  "终止",
  "中止",
  "撤销",
  "撤消",
  "取消",
  "解约",
  "协议解除",
  "解除协议",
  "解除合同",
  "已解除",
  "撤资",
  "退出",
  "放弃",
  "作废",
  "注销",
  "流失",
  "cancelled",
  "canceled",
  "terminated",
  "withdrawn",
  "abandoned",
  "revoked",
];

export type StageMatch =
  | { readonly how: "exact" | "synonym"; readonly index: number; readonly stage: string }
  /** Not a known word, but close to one ("签约中", "在淡"): counted as that stage, with a warning. */
  | { readonly how: "nearest"; readonly index: number; readonly stage: string }
  /** A project withdrawn (已终止, 已撤销): not a stage, never counted. */
  | { readonly how: "withdrawn"; readonly index: -1 }
  /** A 续建 project (signed and started in earlier years): no event of this period, never counted as new. */
  | { readonly how: "continuing"; readonly index: -1 }
  | { readonly how: "none"; readonly index: -1 };

const WITHDRAWN = WITHDRAWN_WORDS.map(normalizeText);
/** Words of a clause that says what is expected, not done: 预计10月开工, 计划年底投产, 正在办理开工手续, 待签约. */
export const PLANNED_WORD = /预计|计划|拟|争取|力争|准备|有望|预期|将于|正在办理|待/;
const PLANNED_CLAUSE = new RegExp(`(?:${PLANNED_WORD.source})[^,，.。;；]*`, "g");

/** Words saying a stage has not (yet) been reached: 未开工, 尚未签约, 待签约, 拟开工. */
const NOT_DONE = /(?:未|尚未|暂未|还未|没有|待|拟|计划|预计)/;
/** The same, just before a stage word, with the adverb bureaus put between: 未正式开工, 没有开工. */
const NOT_DONE_BEFORE = /(?:未|没有|没|待|拟|计划|预计)(?:正式|全面|完全|全部)?$/;
/**
 * Synonyms that say less inside a longer phrase than alone: 生产 / 营业 name something else there (生产线,
 * 营业执照), and a part built (厂房已建成，设备安装中) is a project under construction, not in production.
 */
const INSIDE_A_PHRASE: ReadonlyMap<string, string | null> = new Map([
  ["生产", null],
  ["营业", null],
  ["建成", "开工"],
  ["已建成", "开工"],
]);

/** Each place `word` stands in `text`, with whether the words just before it say it has not happened. */
function mentions(text: string, word: string): { done: boolean; not: boolean } {
  let done = false;
  let not = false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (NOT_DONE_BEFORE.test(text.slice(Math.max(0, at - 6), at))) not = true;
    else done = true;
  }
  return { done, not };
}

const strip = (s: string): string =>
  s.replace(/^(已经|已|正在)/, "").replace(/(阶段|中|状态)$/, "");

/** Finds a stage word's position in the configured list. Cached per distinct text: ledgers repeat a few words. */
export class StageIndex {
  private readonly words = new Map<string, number>();
  private readonly cache = new Map<string, StageMatch>();

  constructor(
    private readonly stages: readonly string[],
    synonyms: Readonly<Record<string, readonly string[]>> = DEFAULT_STAGE_SYNONYMS
  ) {
    stages.forEach((s, i) => this.words.set(normalizeText(s), i));
    for (const [stage, list] of Object.entries(synonyms)) {
      const i = stages.findIndex((s) => normalizeText(s) === normalizeText(stage));
      if (i < 0) continue;
      for (const w of list)
        if (!this.words.has(normalizeText(w))) this.words.set(normalizeText(w), i);
    }
  }

  /** Position of a configured stage name itself (签约 → 2), −1 when the list lacks it. */
  position(stage: string): number {
    return this.stages.findIndex((s) => normalizeText(s) === normalizeText(stage));
  }

  match(text: string): StageMatch {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const result = this.compute(text);
    this.cache.set(text, result);
    return result;
  }

  /** Position of a ledger's stage word (exact, synonym or nearest), −1 when it names no stage. */
  indexOf(text: string): number {
    return this.match(text).index;
  }

  private found(index: number, how: "exact" | "synonym" | "nearest"): StageMatch {
    return { how, index, stage: this.stages[index] as string };
  }

  private compute(text: string): StageMatch {
    const norm = normalizeText(text);
    if (norm === "") return { how: "none", index: -1 };
    const direct = this.words.get(norm);
    if (direct !== undefined)
      return this.found(
        direct,
        this.position(this.stages[direct] as string) === direct &&
          normalizeText(this.stages[direct] as string) === norm
          ? "exact"
          : "synonym"
      );
    const bare = this.words.get(strip(norm));
    if (bare !== undefined) return this.found(bare, "synonym");
    if (WITHDRAWN.some((w) => norm.includes(w) && !norm.includes(`未${w}`)))
      return { how: "withdrawn", index: -1 };
    if (norm.startsWith("续建")) return { how: "continuing", index: -1 };
    // A longer phrase holding one stage word ("已签约未开工" holds 签约 and 开工): the furthest stage it names.
    // What is only planned ("已完成土地摘牌，预计10月开工") has not happened: that clause names no stage.
    const done = norm.replace(PLANNED_CLAUSE, "");
    let best = -1;
    for (const [word, i] of this.words) {
      if (word.length < 2 || !mentions(done, word).done) continue;
      const inside = INSIDE_A_PHRASE.get(word);
      best = Math.max(
        best,
        inside === undefined ? i : inside === null ? -1 : this.position(inside)
      );
    }
    if (best >= 0) return this.found(best, "nearest");
    const before = this.beforeNamed(norm);
    if (before >= 0) return this.found(before, "nearest");
    // A negated or planned word is no typo of the stage it names (未开工 is not 开工, nor 待签约 签约), and
    // 已完成 says done without saying what: neither is one character away from a stage.
    if (NOT_DONE.test(norm) || norm.includes("完成")) return { how: "none", index: -1 };
    const near = closest(norm, this.words.keys(), 1);
    if (near && near.value.length >= 2)
      return this.found(this.words.get(near.value) as number, "nearest");
    return { how: "none", index: -1 };
  }

  /**
   * "未开工", "待签约", "拟签约": a project not yet at the stage it names is at the stage before it (未签约 is
   * still 在谈). The earliest such stage decides ("未签约未开工" is 在谈). −1 when no stage is so named.
   */
  private beforeNamed(norm: string): number {
    let first = Infinity;
    for (const [word, i] of this.words)
      if (word.length >= 2 && i > 0 && mentions(norm, word).not) first = Math.min(first, i);
    if (first === Infinity) return -1;
    // 注册 is a formality some projects skip: "未开工" says the project is signed, not that it is registered.
    const prior = first - 1;
    return normalizeText(this.stages[prior] as string) === "注册" && prior > 0 ? prior - 1 : prior;
  }

  /** The configured stage nearest an unknown word, for a suggestion. */
  suggest(text: string): string | null {
    const m = this.match(text);
    return m.how === "none" || m.how === "withdrawn" || m.how === "continuing" ? null : m.stage;
  }
}

/** "签约：已签约、签订；在谈：洽谈、洽谈中" ⇄ synonyms, as the rules sheet writes them. */
export function formatStageSynonyms(synonyms: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(synonyms)
    .filter(([, list]) => list.length > 0)
    .map(([stage, list]) => `${stage}：${list.join("、")}`)
    .join("；");
}

export function parseStageSynonyms(text: string): Record<string, string[]> | null {
  const out: Record<string, string[]> = {};
  for (const part of text.split(/[;；\n]/)) {
    const p = part.trim();
    if (p === "") continue;
    const m = /^([^:：=]+)[:：=](.*)$/.exec(p);
    if (!m) return null;
    const words = (m[2] as string)
      .split(/[、,，/\s]+/)
      .map((w) => w.trim())
      .filter((w) => w !== "");
    out[(m[1] as string).trim()] = words;
  }
  return out;
}
