import type { CellValue } from "../grid";
import { normalizeText } from "../text";
import { isSectionLabel, sectionName } from "./lexicon";

/**
 * "合计", "全市合计", "开发区小计", "合计（14个单位）", "Total"; "全市" / "全区" alone is the whole too; "合心镇 汇总"
 * is the row Excel's 数据 › 分类汇总 writes under each group.
 */
const TOTAL =
  /^[^\d]{0,10}?(合计|总计|小计|共计|汇总|彙總)(\(.*\))?[:]?$|^(grandtotal|subtotal|total|sum)(\(.*\))?[:]?$|^全(省|市|区|區|县|縣|州|盟|旗|镇|鎮|乡|鄉)(\(.*\))?$/;
const SUBTOTAL = /小计|subtotal|.汇总$|.彙總$/;
const FOOTNOTE =
  /^(注|备注|说明|填报|填表|制表|审核|审批|统计人|数据来源|资料来源|联系人|联系电话|电话|负责人|单位负责人|分管领导|主要领导|签发|note|source|preparedby|contact)/;

/** 合计 / 总计 / 小计 rows (spaces and traditional forms allowed: "合 计", "總計") are totals, not units. */
export function isTotalLabel(text: string): boolean {
  // Cheap gate first: this runs on every row of a ledger, and totals are short.
  if (text === "" || text.length > 24 || !MAYBE_TOTAL.test(text)) return false;
  return TOTAL.test(normalizeText(text));
}

const MAYBE_TOTAL = /[计計]|汇总|彙總|^全|total|sum/i;

/**
 * "全区平均", "平均值", "最高", "Average": a statistic of the unit rows under a table, neither a unit nor part of 合计;
 * and "序时进度" (75% across a 完成率 column): the yardstick the bureau rates the units against.
 */
const STATISTIC =
  /^[^\d]{0,8}?(平均|平均值|平均数|均值|最高值?|最低值?|最大值|最小值|中位数)(\(.*\))?[:]?$|^(average|mean|median|max|min|maximum|minimum)(\(.*\))?[:]?$|^(序时进度|时间进度|时序进度|序时)(要求)?(\(.*\))?[:]?$/;

export function isStatisticLabel(text: string): boolean {
  if (text === "" || text.length > 16) return false;
  return STATISTIC.test(normalizeText(text));
}

export function isSubtotalLabel(text: string): boolean {
  return SUBTOTAL.test(normalizeText(text));
}

/** A sentence ("各镇街要对照年度目标，倒排工期，确保完成全年任务。") in a 简报's text: never a unit's name. */
export function isProse(text: string): boolean {
  const t = text.trim();
  return /[。！？]$/.test(t) || (t.length >= 16 && /[，；]/.test(t));
}

/** "其中：兴隆综保区" under a unit: a part of the unit above, neither a unit nor a term of 合计. */
export function isBreakdownLabel(text: string): boolean {
  return /^\s*[(（]?其中[)）]?(?:[:：\s]|$)/.test(text);
}

/** "附：重点项目情况", "附表2：…": an appendix under a table; the rows after it are its own, not the table's. */
export function isAppendixHeading(text: string): boolean {
  return /^附(?:件|表|录)?[\d一二三四五六七八九十]*[:：]/.test(text.trim());
}

/** Notes under a table ("注：…", "填报人：…") end the data, they are not units. */
export function isFootnote(text: string): boolean {
  return isFootnoteKey(normalizeText(text));
}

/** isFootnote of a text already normalised (normalizeText): a ledger normalises each project name once. */
export function isFootnoteKey(key: string): boolean {
  return FOOTNOTE.test(key);
}

/**
 * The one text of a row (a heading, a 注 line under a table; a merged cell may repeat it), trimmed, with its
 * first column; null for a row of several values or of a number.
 */
export function soleText(cells: readonly CellValue[]): { text: string; col: number } | null {
  let found: { text: string; col: number } | null = null;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v !== "string" || (found && found.text !== v.trim())) return null;
    found ??= { text: v.trim(), col: c };
  }
  return found;
}

/**
 * A heading row inside a ledger ("一、南关区（3个）", merged across or alone in its row): the one text of the
 * row, numbered like a section, with its numbering and project count taken off. Null for any other row.
 */
export function sectionHeading(cells: readonly CellValue[]): { name: string; col: number } | null {
  const found = soleText(cells);
  if (!found || !isSectionLabel(normalizeText(found.text))) return null;
  const name = sectionName(found.text)
    .replace(/\s*[(（]\s*(?:共\s*)?\d+\s*(?:个|项|家)?(?:项目)?\s*[)）]\s*$/, "")
    .replace(/[:：]\s*$/, "")
    .trim();
  return name === "" ? null : { name, col: found.col };
}
