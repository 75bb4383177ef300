import { closest, normalizeText } from "../text";

/** English stage words of bilingual ledgers, as the default Chinese stages they name. */
const ENGLISH: Readonly<Record<string, string>> = {
  lead: "线索",
  leads: "线索",
  negotiating: "在谈",
  negotiation: "在谈",
  undernegotiation: "在谈",
  signed: "签约",
  registered: "注册",
  started: "开工",
  underconstruction: "开工",
  construction: "开工",
  inproduction: "投产",
  production: "投产",
  operating: "投产",
};

/** Finds a stage's position in the configured list; "已签约", "签约阶段" and "簽約" are 签约. Cached per text. */
export class StageIndex {
  private readonly positions = new Map<string, number>();
  private readonly cache = new Map<string, number>();

  private readonly names: readonly string[];

  constructor(stages: readonly string[]) {
    this.names = stages;
    stages.forEach((s, i) => this.positions.set(normalizeText(s), i));
  }

  /** 0-based position, or -1 when the text is no stage of the list. */
  indexOf(stage: string): number {
    const cached = this.cache.get(stage);
    if (cached !== undefined) return cached;
    const key = normalizeText(stage)
      .replace(/^(已|正在|已经)/, "")
      .replace(/(阶段|中)$/, "");
    const english = ENGLISH[key];
    const index =
      this.positions.get(key) ??
      this.positions.get(normalizeText(stage)) ??
      (english !== undefined ? this.positions.get(english) : undefined) ??
      -1;
    this.cache.set(stage, index);
    return index;
  }

  position(stage: string): number {
    return this.positions.get(normalizeText(stage)) ?? -1;
  }

  /** The configured stage one edit away (在淡 → 在谈), suggested for an unknown stage; typos only, never a guess. */
  suggest(stage: string): string | null {
    const near = closest(normalizeText(stage), this.positions.keys(), 1);
    if (!near) return null;
    return this.names[this.positions.get(near.value) ?? -1] ?? null;
  }
}
