/**
 * Weights a workbook states in a 考核办法 / 评分标准 sheet: a column of indicator names beside a 权重 or 分值
 * column, or a 注 line under a table ("考核实行百分制，其中签约项目30分、开工项目30分、到位资金40分"). They weigh
 * the indicators of the same name unless a 考核规则 sheet or --rules says otherwise.
 */
import { toA1, type SheetGrid } from "../grid";
import type { StatedWeight } from "../model";
import { normalizeText } from "../text";
import { readNumberCell, textOf } from "./cell-values";
import { findHeaderBlock } from "./header-block";
import { measureOf } from "./measure-words";
import { MergedCells } from "./merged-cells";
import { soleText } from "./row-labels";

const INDICATOR_HEADER = /^(考核)?(指标|内容|项目)(名称)?$|^考核内容$|^indicators?$|^measures?$/;

export function statedWeights(sheet: SheetGrid): StatedWeight[] {
  const merged = new MergedCells(sheet);
  const block = findHeaderBlock(sheet, merged);
  if (!block) return [];
  const names = block.columns.find((c) => INDICATOR_HEADER.test(c.leafNorm));
  const weights = block.columns.find((c) => measureOf(c.leafNorm) === "weight");
  if (!names || !weights) return [];
  const out: StatedWeight[] = [];
  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const name = textOf(merged.value(r, names.col));
    const w = readNumberCell(sheet.rows[r]?.[weights.col] ?? null);
    if (name === "" || w.kind !== "number" || w.value < 0) continue;
    out.push({
      name,
      key: normalizeText(name),
      weight: w.value,
      where: `${sheet.name}!${toA1(r, weights.col)}`,
    });
  }
  return out;
}

/** "签约项目30分", "到位资金占40分", "开工项目（30分）": a name right before its points, within one clause. */
const NAMED_POINTS =
  /([\u4e00-\u9fa5A-Za-z]{2,16}?)\s*(?:占|为|计)?\s*[(（]?\s*(\d{1,3}(?:\.\d+)?)\s*分/g;
/** Words that open a clause before the name ("其中签约项目30分"). */
const LEAD_WORDS = /^(?:其中|分别为|分别是|含|包括)/;
/** Points given or taken away (加分 / 扣分 / 每…) are no indicator's weight. */
const NOT_A_WEIGHT = /[加扣减奖罚每]|满分|百分制|最高|不超过|以上|以下/;

/** Weights stated in note lines (one text alone in its row) anywhere in the sheet. */
export function noteWeights(sheet: SheetGrid): StatedWeight[] {
  const out: StatedWeight[] = [];
  sheet.rows.forEach((row, r) => {
    const note = soleText(row);
    if (!note || !note.text.includes("分")) return;
    for (const clause of note.text.split(/[，,、；;。]/)) {
      for (const m of clause.matchAll(NAMED_POINTS)) {
        const name = (m[1] as string).replace(LEAD_WORDS, "");
        if (name.length < 2 || NOT_A_WEIGHT.test(name) || measureOf(normalizeText(name)) !== null)
          continue;
        out.push({
          name,
          key: normalizeText(name),
          weight: Number(m[2]),
          where: `${sheet.name}!${toA1(r, note.col)}`,
        });
      }
    }
  });
  return out;
}
