/** The words and marks a 台账's cells hold that its reader recognises: currencies, codes, ticks. */
import type { Currency } from "../model";

/** A project code, not a row number: letters, a dash or five digits and more (LY2024-001, 2024NG001, 20240012). */
export const PROJECT_CODE = /[a-z]|[-_－—/]|\d{5,}/i;

/** What a clerk types to tick a column: √ ✓ ✔ ● ★ ☑ 是 Y 1. */
export const STAGE_MARK = /^(?:[√✓✔●★☑■▲]|是|y|yes|1)$/i;

/** A header or cell naming a currency, not only a magnitude (万, 亿). */
export const CURRENCY_WORD = /元|美元|usd|rmb|cny|yuan|dollar|\$|¥|￥/i;

export const CURRENCIES: ReadonlyMap<string, Currency> = new Map([
  ["人民币", "CNY"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["元", "CNY"],
  ["万元", "CNY"],
  ["亿元", "CNY"],
  ["¥", "CNY"],
  ["￥", "CNY"],
  ["美元", "USD"],
  ["usd", "USD"],
  ["us$", "USD"],
  ["$", "USD"],
  ["万美元", "USD"],
  ["亿美元", "USD"],
]);

/**
 * A 备注 saying the project is gone, though its 项目状态 was never updated: 项目已终止, 企业撤资，协议已解除,
 * 因政策调整，项目已撤销. Not 未终止, and not a note about something else being cancelled (取消评优资格).
 */
export const WITHDRAWN_REMARK =
  /(?:已|被|项目|协议|合同)(?:已|被)?(?:终止|撤销|撤消|解除|解约|作废|退出)|撤资|(?:项目|协议|签约)(?:已|被)?取消/;

/** 建设性质 续建 (a project carried over from earlier years), against 新建 / 扩建. */
export const CONTINUING = /^续建|^在建续建|^续建项目/;

/** The words a clerk types around an amount: 总投资 / 投资额： before it, （其中固定资产投资…） after it. */
const AMOUNT_WORDS =
  /^(?:项目)?(?:计划|协议|合同|签约)?(?:总投资额?|投资总额|投资额|投资规模|投资)(?:约为|为|约|达)?[:：]?\s*/;
const AMOUNT_ASIDE = /\s*[（(](?:其中|含)[^（()）]*[)）]\s*$/;

export const withoutAmountWords = (text: string): string => {
  const bare = text.trim().replace(AMOUNT_WORDS, "").replace(AMOUNT_ASIDE, "");
  return bare === "" ? text : bare;
};

/** A date typed with the event it dates, in a 签约情况 / 开工情况 cell: "2024.3.12已签约", "2024年6月5日开工". */
export const EVENT_DATE =
  /^(\d{4}[.\/-]\d{1,2}[.\/-]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日?)\s*(?:已|正式)?(?:签约|签订|开工|动工|注册|投产)$/;

/** An event not yet happened, typed where its date would be: 未签约, 尚未开工, 待开工. */
export const NOT_YET = /^(?:未|尚未|待|暂未)(?:签约|签订|开工|动工|注册|投产)$/;
