/**
 * Weights a workbook states in a 考核办法 / 评分标准 sheet: a column of indicator names beside a 权重 or 分值
 * column. They weigh the indicators of the same name unless a 考核规则 sheet or --rules says otherwise.
 */
import { toA1, type SheetGrid } from "../grid";
import type { StatedWeight } from "../model";
import { normalizeText } from "../text";
import { readNumberCell, textOf } from "./cell-values";
import { findHeaderBlock } from "./header-block";
import { measureOf } from "./measure-words";
import { MergedCells } from "./merged-cells";

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
