/**
 * The completion-rate cap a workbook's 考核办法 states ("完成率超过100%的按100%计算", "完成率最高按120%计",
 * "封顶150%", or none: "超额完成的按实际完成率计算，不设上限"): the bureau's own rule for over-fulfilment, so a
 * district at 115% ties one at 100% where the bureau says it should, and one at 180% counts 180% where the bureau
 * sets no cap, instead of the product's default cap ranking them otherwise.
 */
import { toA1, type SheetGrid } from "../grid";
import { toHalfWidth } from "../text";

export interface StatedCap {
  /** 1 = 100%; null: no cap. */
  readonly cap: number | null;
  readonly text: string;
  readonly sheet: string;
  readonly cell: string;
}

const PATTERNS: readonly RegExp[] = [
  // "超过100%的按100%计算", "超出120%的部分按120%计分", "高于100%的以100%计"
  /(?:超过|超出|高于|大于|超)(\d{2,3}(?:\.\d+)?)%(?:的|者)?(?:部分)?(?:均|一律)?(?:按|以|计为|视为|记为)(\d{2,3}(?:\.\d+)?)%/,
  // "完成率最高按120%计", "最高计120%", "完成率封顶120%", "以120%封顶", "上限为120%"
  /(?:完成率|得分率|比例)?(?:最高|最多)(?:按|计|以|为|只计)?(\d{2,3}(?:\.\d+)?)%/,
  /(?:封顶|上限)(?:为|按|是)?(\d{2,3}(?:\.\d+)?)%/,
  /(?:按|以)(\d{2,3}(?:\.\d+)?)%封顶/,
];

/** "不设上限", "上不封顶", "不封顶" said of the completion rate (a 加分 上不封顶 is no rate cap). */
const NO_CAP =
  /(?:完成率|超额(?:完成)?(?:部分)?)[^。；;]{0,16}(?:不设上限|上不封顶|不封顶|不设封顶)|(?:不设上限|上不封顶|不封顶)[^。；;]{0,6}完成率/;

/** A cap below 100% or above 300% is some other percentage (a weight, a 序时进度), not a cap. */
const plausible = (cap: number): boolean => cap >= 1 && cap <= 3;

/** The cap a text states: a number, null for none, undefined when it states nothing of the kind. */
function capIn(text: string): number | null | undefined {
  const t = toHalfWidth(text)
    .replace(/[\s，,]/g, "")
    .replace(/％/g, "%");
  if (NO_CAP.test(t)) return null;
  for (const p of PATTERNS) {
    const m = p.exec(t);
    if (!m) continue;
    // "超过100%的按100%": the figure it is counted as is the cap.
    const cap = Number(m[2] ?? m[1]) / 100;
    if (plausible(cap)) return cap;
  }
  return undefined;
}

/** Rows read at each end of a sheet: a 考核办法 is short; a 注 sits under its table. */
const HEAD_ROWS = 60;
const TAIL_ROWS = 15;

/** Text cells that may state a cap (a percentage, 封顶, 上限) in the given rows (30 columns), as "A1" → text. */
function percentTexts(sheet: SheetGrid, rows: Iterable<number>): { text: string; cell: string }[] {
  const out: { text: string; cell: string }[] = [];
  for (const r of rows) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 30); c++) {
      const v = row[c];
      if (typeof v === "string" && v.length <= 300 && /[%％]|封顶|上限/.test(v))
        out.push({ text: v, cell: toA1(r, c) });
    }
  }
  return out;
}

function* rowsToRead(count: number): Generator<number> {
  for (let r = 0; r < Math.min(count, HEAD_ROWS); r++) yield r;
  for (let r = Math.max(HEAD_ROWS, count - TAIL_ROWS); r < count; r++) yield r;
}

/** The first cap stated in a visible sheet's opening or closing text cells, or null. */
export function statedCap(sheets: readonly SheetGrid[]): StatedCap | null {
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    for (const { text, cell } of percentTexts(sheet, rowsToRead(sheet.rows.length))) {
      const cap = capIn(text);
      if (cap !== undefined) return { cap, text: text.trim(), sheet: sheet.name, cell };
    }
  }
  return null;
}
