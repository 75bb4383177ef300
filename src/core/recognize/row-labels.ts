import { normalizeText } from "../text";

/** "合计", "全市合计", "开发区小计", "合计（14个单位）", "Total". */
const TOTAL =
  /^[^\d]{0,10}?(合计|总计|小计|共计)(\(.*\))?[:]?$|^(grandtotal|subtotal|total|sum)(\(.*\))?[:]?$/;
const SUBTOTAL = /小计|subtotal/;
const FOOTNOTE =
  /^(注|备注|说明|填报|填表|制表|审核|审批|统计人|数据来源|资料来源|联系人|联系电话|电话|负责人|单位负责人|分管领导|主要领导|签发|note|source|preparedby|contact)/;

/** 合计 / 总计 / 小计 rows (spaces and traditional forms allowed: "合 计", "總計") are totals, not units. */
export function isTotalLabel(text: string): boolean {
  // Cheap gate first: this runs on every row of a ledger, and totals are short.
  if (text === "" || text.length > 24 || !MAYBE_TOTAL.test(text)) return false;
  return TOTAL.test(normalizeText(text));
}

const MAYBE_TOTAL = /[计計]|total|sum/i;

export function isSubtotalLabel(text: string): boolean {
  return SUBTOTAL.test(normalizeText(text));
}

/** Notes under a table ("注：…", "填报人：…") end the data, they are not units. */
export function isFootnote(text: string): boolean {
  return isFootnoteKey(normalizeText(text));
}

/** isFootnote of a text already normalised (normalizeText): a ledger normalises each project name once. */
export function isFootnoteKey(key: string): boolean {
  return FOOTNOTE.test(key);
}
