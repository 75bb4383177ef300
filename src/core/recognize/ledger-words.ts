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
