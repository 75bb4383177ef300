/**
 * One column's header read top to bottom through its merges: group levels and leaf, the unit and points it
 * states, with labels typed over two lines joined and bilingual lines read by their Chinese.
 */
import type { MeasureUnit } from "../model";
import { cleanLabel, normalizeText } from "../text";
import { isTableWord } from "./header-match";
import { unitHeaderEvidence } from "./lexicon";
import { measureOf } from "./measure-words";
import type { MergedCells } from "./merged-cells";
import { splitHeaderUnit, unitByLabel } from "./measure-units";

export interface HeaderColumn {
  readonly col: number;
  /** Display text of the group levels above the leaf, "" for a one-level header. */
  readonly group: string;
  readonly leaf: string;
  /** "签约项目 › 项目总数", or the leaf alone. */
  readonly name: string;
  /** Normalised, unit removed: what the dictionary is matched against. */
  readonly groupNorm: string;
  readonly leafNorm: string;
  /** Every level top to leaf, normalised with units and "(20分)" removed. */
  readonly levels: readonly string[];
  /** Every level as displayed. */
  readonly displayLevels: readonly string[];
  /** Unit stated in the header text itself. */
  readonly unit: MeasureUnit | null;
  /** Points stated in the header ("签约项目(20分)"), the indicator's weight. */
  readonly weight: number | null;
  /** 0-based row of the cell holding the leaf text (top of its merge). */
  readonly headerRow: number;
}

const CJK = /[\u3400-\u9fff]/;
/** A bracketed unit at the end of a line: "(RMB 10k)", "（万元）". */
const TRAILING_UNIT = /[(（][^()（）]*[)）]\s*$/;

/**
 * A bilingual header holds the Chinese and the English on lines of their own ("镇街⏎Town/Street",
 * "总投资（万元）⏎Investment (RMB 10k)"): it is read by its Chinese line, which the dictionary knows whole, keeping
 * a unit only the English line states. A label broken over lines within one language is left as it is.
 */
export function headerText(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const chinese = lines.filter((l) => CJK.test(l));
  const english = lines.filter((l) => !CJK.test(l) && /[a-z]{2}/i.test(l));
  if (chinese.length === 0 || english.length === 0) return text;
  if (chinese.length + english.length !== lines.length) return text;
  const zh = chinese.join("");
  const unit = english.map((l) => TRAILING_UNIT.exec(l)?.[0]).find((u) => u !== undefined);
  return unit !== undefined && !TRAILING_UNIT.test(zh) ? `${zh}${unit.trim()}` : zh;
}

/** "一、年度目标", "（二）1-9月完成", "3.签约项目": a group numbered like a section is named by its words. */
const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．]|\d+\.(?!\d))\s*/;

function withoutNumbering(text: string): string {
  const bare = text.replace(NUMBERING, "");
  return bare === "" ? text : bare;
}

/** "亿美元", "(亿元)", "（个）" alone in a cell. */
export function pureUnit(norm: string): MeasureUnit | null {
  return unitByLabel(norm.replace(/^\((.*)\)$/, "$1"));
}

// English headers state points as "(30 pts)" / "(30 points)" (normalised without the space): unread, a year-end
// review was weighted equally, silently.
const POINTS =
  /\((\d+(?:\.\d+)?)分\)|(\d+(?:\.\d+)?)分$|\(?(?:权重|分值)[:=]?(\d+(?:\.\d+)?)(?:%|分)?\)?$|\((\d+(?:\.\d+)?)(?:pts?|points?)\)$/;

/** "签约项目(20分)", "签约项目(个)权重30%", "Funds in place (30 pts)" → 20 / 30 / 30 and the label without it. */
function splitPoints(norm: string): { label: string; points: number | null } {
  const m = POINTS.exec(norm);
  if (!m || m.index === 0) return { label: norm, points: null };
  return {
    label: norm.slice(0, m.index) + norm.slice(m.index + m[0].length),
    points: Number(m[1] ?? m[2] ?? m[3] ?? m[4]),
  };
}

const label = (text: string): string => splitHeaderUnit(normalizeText(text)).label;

/**
 * Whether two header cells, one above the other and neither merged across columns, are one label typed over two
 * lines ("实际利用" / "外资", "新开工" / "项目（个）", seed 001's "其中" / "工业项" / "目") rather than a group and
 * its leaf: together they make a known word, or neither means anything alone.
 */
function isFragment(upper: string, lower: string): boolean {
  if (measureOf(label(lower)) !== null) return false;
  if (isTableWord(label(upper + lower))) return true;
  return (
    !isTableWord(label(upper)) &&
    !isTableWord(label(lower)) &&
    unitHeaderEvidence(label(upper)) <= 0
  );
}

export function headerColumn(
  merged: MergedCells,
  top: number,
  bottom: number,
  c: number
): HeaderColumn | null {
  const parts: string[] = [];
  /** Whether each part's cell is merged across columns (a group), not a label broken over lines. */
  const spans: boolean[] = [];
  let headerRow = -1;
  let rowUnit: MeasureUnit | null = null;
  for (let r = top; r <= bottom; r++) {
    const v = merged.value(r, c);
    if (typeof v !== "string" && typeof v !== "number") continue;
    const text = withoutNumbering(cleanLabel(headerText(String(v))));
    if (text === "" || parts[parts.length - 1] === text) continue;
    const asUnit = text.length <= 8 ? pureUnit(normalizeText(text)) : null;
    if (asUnit) {
      rowUnit = asUnit;
      continue;
    }
    const area = merged.areaAt(r, c);
    const wide = area !== null && area.right > area.left;
    const prev = parts.length - 1;
    if (prev >= 0 && !spans[prev] && !wide && isFragment(parts[prev] as string, text)) {
      parts[prev] = `${parts[prev] as string}${text}`;
    } else {
      parts.push(text);
      spans.push(wide);
    }
    headerRow = area?.top ?? r;
  }
  const leaf = parts[parts.length - 1];
  if (leaf === undefined) return null;
  let weight: number | null = null;
  const splits = parts.map((p) => {
    const points = splitPoints(normalizeText(p));
    if (points.points !== null) weight = points.points;
    return splitHeaderUnit(points.label);
  });
  const leafSplit = splits[splits.length - 1] as ReturnType<typeof splitHeaderUnit>;
  const groupSplits = splits.slice(0, -1);
  // "实际利用外资(亿美元) › 完成": a unit stated on the group speaks for the leaves under it.
  const isRate = /率|占比|比重|%|rate|share/.test(leafSplit.label);
  const unit =
    leafSplit.unit ??
    rowUnit ??
    (isRate
      ? null
      : groupSplits.reduceRight<MeasureUnit | null>((found, g) => found ?? g.unit, null));
  const group = parts.slice(0, -1).join(" › ");
  return {
    col: c,
    group,
    leaf,
    name: group ? `${group} › ${leaf}` : leaf,
    groupNorm: groupSplits.map((g) => g.label).join("›"),
    leafNorm: leafSplit.label,
    levels: splits.map((s) => s.label),
    displayLevels: parts,
    unit,
    weight,
    headerRow,
  };
}
