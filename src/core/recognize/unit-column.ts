/**
 * Which column names the units (责任单位, 乡镇（街道）, 专班, 驻外分局 …), found by evidence: what the header
 * says, the shape of the data under it (short, distinct text labels beside figures) and, in a second pass,
 * agreement with the labels of the workbook's other sheets. A header word is evidence, not the only evidence.
 */
import type { SheetGrid } from "../grid";
import { normalizeText } from "../text";
import { readDateCell, readNumberCell, textOf } from "./cell-values";
import type { HeaderBlock } from "./header-block";
import {
  isSectionLabel,
  looksLikeIndicator,
  looksLikeUnitName,
  unitHeaderEvidence,
} from "./lexicon";
import type { MergedCells } from "./merged-cells";
import { unitByLabel } from "./measure-units";
import { isFootnote, isStatisticLabel, isTotalLabel } from "./row-labels";

export interface UnitColumnCandidate {
  readonly col: number;
  /** Header text as shown, "" when the column has none. */
  readonly header: string;
  /** 2 the header names a unit column outright, 1 a telling word, 0 silent, −1 never a unit column. */
  readonly headerEvidence: number;
  /** Normalised labels under the header (totals, sections and notes left out). */
  readonly labels: ReadonlySet<string>;
  /** Share of data rows holding a text label, times the share of those labels that are distinct. */
  readonly shape: number;
  /** Shape and header together, before agreement with other sheets. */
  readonly score: number;
}

/** Rows looked at to judge a column's shape: enough for any unit table, cheap on a 100k-row ledger. */
const SAMPLE_ROWS = 400;

function isLabelText(raw: unknown, text: string): boolean {
  if (typeof raw !== "string" || text === "" || text.length > 40) return false;
  const n = readNumberCell(raw);
  if (n.kind === "number" || n.kind === "na") return false;
  return readDateCell(raw).kind !== "date";
}

/**
 * Candidate unit columns of a table, best first. `skip` holds columns already known to be something else
 * (indicator figures, 序号, 备注).
 */
export function unitColumnCandidates(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  skip: ReadonlySet<number>
): UnitColumnCandidate[] {
  const headers = new Map(block.columns.map((c) => [c.col, c]));
  const first = block.bottom + 1;
  const last = Math.min(sheet.rows.length, first + SAMPLE_ROWS);
  const out: UnitColumnCandidate[] = [];
  let firstTextColumn = true;
  for (let c = 0; c < block.width; c++) {
    if (skip.has(c)) continue;
    const header = headers.get(c);
    const evidence = header ? unitHeaderEvidence(header.leafNorm) : 0;
    const groupEvidence = header && header.groupNorm ? unitHeaderEvidence(header.groupNorm) : 0;
    const headerEvidence = evidence !== 0 ? evidence : groupEvidence === 2 ? 1 : 0;
    if (headerEvidence < 0) continue;
    let rows = 0;
    let texts = 0;
    const labels = new Set<string>();
    let length = 0;
    for (let r = first; r < last; r++) {
      const raw = merged.value(r, c);
      if (raw === null) continue;
      const text = textOf(raw);
      if (text === "") continue;
      if (isTotalLabel(text) || isStatisticLabel(text) || isFootnote(text)) continue;
      rows++;
      if (!isLabelText(raw, text)) continue;
      const norm = normalizeText(text);
      if (isSectionLabel(norm)) continue;
      texts++;
      length += text.length;
      labels.add(norm);
    }
    if (texts === 0) continue;
    // "单位 | 个 | 亿元": a column of measures, whatever its header says, names no units.
    if (share(labels, (l) => unitByLabel(l) !== null) >= 0.5) continue;
    // A column of indicator names (a unit's own report, or a table turned on its side) names no units.
    if (headerEvidence < 2 && share(labels, looksLikeIndicator) >= 0.5) continue;
    const textShare = texts / Math.max(1, rows);
    const distinct = labels.size / texts;
    if (textShare < 0.5 && headerEvidence < 2) continue;
    const shape = textShare * distinct;
    const short = length / texts <= 16 ? 0.5 : 0;
    const position = firstTextColumn ? 0.5 : 0;
    firstTextColumn = false;
    out.push({
      col: c,
      header: header?.name ?? "",
      headerEvidence,
      labels,
      shape,
      score: 2 * headerEvidence + 2 * shape + short + position,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.col - b.col);
}

function share(labels: ReadonlySet<string>, test: (l: string) => boolean): number {
  let n = 0;
  for (const l of labels) if (test(l)) n++;
  return labels.size === 0 ? 0 : n / labels.size;
}

/**
 * A table turned on its side: indicators down the first column, units across the header ("指标 | 经开区 |
 * 高新区"). Told apart so the product can say what it cannot read instead of ranking indicators as units.
 */
export function isSidewaysTable(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock
): boolean {
  const first = block.columns[0];
  if (!first) return false;
  const labels = new Set<string>();
  const last = Math.min(sheet.rows.length, block.bottom + 1 + SAMPLE_ROWS);
  for (let r = block.bottom + 1; r < last; r++) {
    const t = textOf(merged.value(r, first.col));
    if (t !== "") labels.add(normalizeText(t));
  }
  const headers = block.columns
    .slice(1)
    .map((c) => c.leafNorm)
    .filter((h) => h !== "");
  const units = headers.filter(looksLikeUnitName).length;
  return units >= 2 && units >= headers.length / 2 && share(labels, looksLikeIndicator) >= 0.5;
}

/** Share of `labels` that another sheet's unit labels also hold (0..1). */
export function agreement(
  labels: ReadonlySet<string>,
  others: readonly ReadonlySet<string>[]
): number {
  if (labels.size === 0) return 0;
  let best = 0;
  for (const other of others) {
    if (other === labels || other.size === 0) continue;
    let shared = 0;
    for (const l of labels) if (other.has(l)) shared++;
    best = Math.max(best, shared / Math.min(labels.size, other.size));
  }
  return best;
}

/** How sure the choice is (0..1): a named header is near certain, a silent one leans on shape and agreement. */
export function unitColumnConfidence(
  chosen: UnitColumnCandidate,
  agreed: number,
  runnerUp: UnitColumnCandidate | null,
  runnerUpAgreed = 0
): number {
  // Two columns each named as a unit column, each a list of distinct names (责任属地 beside 责任部门), and no
  // other sheet to say which is assessed: choosing one would rank the wrong set half the time. A column that
  // repeats a name (牵头部门: 区工信局 leads two 专班) beside one that never does is not such a rival.
  if (
    runnerUp !== null &&
    chosen.headerEvidence >= 2 &&
    runnerUp.headerEvidence >= 2 &&
    runnerUp.shape >= 0.8 &&
    runnerUp.shape >= chosen.shape &&
    Math.abs(agreed - runnerUpAgreed) < 0.3
  )
    return 0.5;
  if (chosen.headerEvidence >= 2) return 1;
  if (chosen.headerEvidence === 1) return Math.min(0.95, 0.8 + 0.15 * agreed);
  const margin =
    runnerUp === null ? 0.15 : Math.min(0.15, Math.max(0, (chosen.score - runnerUp.score) / 10));
  return (
    Math.round(
      (0.45 + 0.35 * agreed + 0.2 * chosen.shape * (runnerUp === null ? 1 : 0.5) + margin) * 100
    ) / 100
  );
}
