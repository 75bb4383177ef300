/**
 * What a row under a unit table's header is before its figures are read: a unit, or one of the many rows
 * people put between units (notes, form lines, 其中 breakdowns, titles and headers repeated after a page break).
 */
import { type CellValue, type SheetGrid, toA1 } from "../grid";
import type { ScoreAdjustment } from "../model";
import { normalizeText } from "../text";
import type { Issue } from "../issues";
import { readNumberCell, textOf } from "./cell-values";
import { issueAt } from "./issue";
import type { HeaderBlock } from "./header-block";
import { measureOf } from "./measure-words";
import type { MergedCells } from "./merged-cells";
import { isBreakdownLabel, isFootnote, isProse, isStatisticLabel } from "./row-labels";
import type { ColumnPlan } from "./table-columns";

/**
 * A row naming no unit: a note or statistic, a form line (制表人：), "其中：兴隆综保区" breaking the unit above down
 * (already counted in it), or a title / header repeated after a page break.
 */
export function namesNoUnit(
  block: HeaderBlock,
  merged: MergedCells,
  r: number,
  name: string,
  seqText: string,
  unitColumn: number
): boolean {
  return (
    name === "" ||
    isFootnote(name) ||
    isStatisticLabel(name) ||
    isProse(name) ||
    leadsWithFootnote(merged, r, unitColumn) ||
    isBreakdownLabel(name) ||
    isBreakdownLabel(seqText) ||
    isContinuedTitle(name) ||
    repeatsHeader(block, merged, r)
  );
}

/** A unit cell someone typed spaces into: blank to the eye, so its row would vanish without a word. */
export const isSpacesOnly = (v: CellValue): boolean =>
  typeof v === "string" && v !== "" && v.trim() === "";

/** Row kinds of a table whose rows alternate 目标 / 完成 per unit. */
export function rowMeasure(
  merged: MergedCells,
  r: number,
  col: number | null
): "target" | "actual" | "other" | null {
  if (col === null) return null;
  const m = measureOf(normalizeText(textOf(merged.value(r, col))));
  return m === "target" ? "target" : m === "actual" ? "actual" : "other";
}

/** "（续表）", "续表", or a title line repeated after a page break. */
function isContinuedTitle(name: string): boolean {
  const n = normalizeText(name);
  return (
    /续表|续上表|接上表|\(续\)$/.test(n) || (n.length > 16 && /(表|情况|通报)(\(.*\))?$/.test(n))
  );
}

/** A row that says again what the header says (a header repeated under a page break). */
function repeatsHeader(block: HeaderBlock, merged: MergedCells, r: number): boolean {
  let same = 0;
  for (const c of block.columns) {
    const v = merged.value(r, c.col);
    if (typeof v !== "string" || v.trim() === "") continue;
    const n = normalizeText(v);
    if (c.levels.some((l) => l !== "" && n.startsWith(l)) || normalizeText(c.leaf) === n) same++;
  }
  return same >= 2 && same >= block.columns.length / 2;
}

/**
 * Points typed with their words, as clerks fill a 加分 / 扣分 column: 加2分, 扣0.5分, 减1分, +2分. Only the whole
 * cell: a sentence that merely mentions points (引进500强项目加2分) is a reason, not a figure.
 */
const POINTS_WORDS = /^(加|扣|减|\+|-)?(\d+(?:\.\d+)?)分$/;

/** What a 加分 / 扣分 cell says when there are none: blank, 无, a dash or a slash. */
const NO_POINTS = /^(?:|无|暂无|没有|\/|[-—–－]+)$/;

function points(raw: CellValue): number {
  const n = readNumberCell(raw);
  if (n.kind === "number") return n.value;
  // Read as 0 before, 加2分 / 扣1分 left the score as if no adjustment were made, silently.
  const m = typeof raw === "string" ? POINTS_WORDS.exec(normalizeText(raw)) : null;
  if (!m) return 0;
  const value = Number(m[2]);
  return m[1] === "扣" || m[1] === "减" || m[1] === "-" ? -value : value;
}

export function readAdjustment(
  sheet: SheetGrid,
  r: number,
  plan: ColumnPlan,
  issues: Issue[] = []
): ScoreAdjustment | null {
  if (plan.bonus === null && plan.penalty === null) return null;
  const cells: string[] = [];
  const at = (c: number | null): number => {
    if (c === null) return 0;
    const raw = sheet.rows[r]?.[c] ?? null;
    const v = points(raw);
    if (v !== 0) cells.push(`${sheet.name}!${toA1(r, c)}`);
    // 引进500强项目加2分 in a 加分 column: words, not points; counted as none, it must be said.
    else if (
      typeof raw === "string" &&
      !NO_POINTS.test(normalizeText(raw)) &&
      readNumberCell(raw).kind !== "number"
    )
      issues.push(
        issueAt("wrong_type", "warning", sheet.name, r, c, {
          zh: `“${raw.trim()}”不是分数，未计入加减分；请填入分数`,
          en: `"${raw.trim()}" is not a number of points and is not added or deducted — enter the points`,
        })
      );
    return v;
  };
  // A 扣分 is written 1 or −1 alike; a negative 加分 (one signed 加（减）分 column) is a deduction.
  const plus = at(plan.bonus);
  const bonus = Math.max(plus, 0);
  const penalty = Math.abs(at(plan.penalty)) + Math.max(-plus, 0);
  const reason = plan.reasons
    .map((c) => textOf(sheet.rows[r]?.[c] ?? null))
    .filter((t) => t !== "")
    .join("；");
  if (bonus === 0 && penalty === 0) return null;
  return { bonus, penalty, reason: reason || null, cells };
}

/** A cell left of the unit column labels the row as a form line (制表人：, 填报日期：, 联系电话：). */
function leadsWithFootnote(merged: MergedCells, r: number, unitColumn: number): boolean {
  for (let c = 0; c < unitColumn; c++) {
    const t = textOf(merged.value(r, c));
    if (t !== "" && isFootnote(t) && /[:：]\s*$/.test(t)) return true;
  }
  return false;
}

/** "街道" / "镇" / "开发区" alone on a row, nothing else in it: a group's heading without its numbering. */
const GROUP_WORD =
  /^(街道|镇|乡|乡镇|镇街|乡镇街道|县|县市|县\(市\)|县市区|区|城区|县区|开发区|园区|功能区|开发区\(园区\)|市直部门|市直单位|部门)$/;

export function isBareGroupRow(sheet: SheetGrid, r: number, label: string): boolean {
  if (!GROUP_WORD.test(normalizeText(label))) return false;
  let filled = 0;
  for (const v of sheet.rows[r] ?? [])
    if (v !== null && !(typeof v === "string" && v.trim() === "")) filled++;
  return filled === 1;
}

/** "朝阳区（含朝阳经济开发区）" → "朝阳区": what a target covers is a note on the unit, not its name. */
export function withoutScopeNote(name: string): string {
  return name.replace(/\s*[(（]\s*(?:含|包括|包含)[^()（）]*[)）]\s*$/, "") || name;
}

/**
 * "1、东城区", "2.西城区", "（3）南湖区", "④高新区": a unit numbered in its own name cell is named without the number,
 * as the other sheets name it. A number that is part of a figure ("1.5") is left alone.
 */
export function withoutSequenceNumber(name: string): string {
  return (
    name.replace(
      /^\s*(?:\d{1,3}(?:[、)）]|[.．](?!\d))|[(（]\d{1,3}[)）]|[\u2460-\u2473])\s*/,
      ""
    ) || name
  );
}

/**
 * A unit's name as people write it elsewhere: without its sequence number, and without the spaces typed to
 * spread a short name over the column ("榆 树 市", "合    计" align with 农安县).
 */
export function plainUnitName(name: string): string {
  return withoutSequenceNumber(name).replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, "");
}
