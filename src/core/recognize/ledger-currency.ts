/**
 * The currency a ledger row's 币种 cell states, and the rate it converts at: 人民币 and 美元 as usual, a currency
 * the sheet's notes give a rate for (1港元=0.91元) in 元 at that rate, anything else refused with an error.
 */
import type { Issue } from "../issues";
import type { Currency } from "../model";
import { toHalfWidth } from "../text";
import { issueAt } from "./issue";
import { CURRENCIES } from "./ledger-words";
import { otherCurrencyOf, type StatedRate } from "./stated-rate";

export class RowCurrency {
  /** The last row's currency named one no rate converts (欧元): its amounts are unreadable. */
  unknown = false;
  /** 元 per unit of the last row's currency when a note converts it (港元 at 0.91); 1 otherwise. */
  rate = 1;
  private readonly ratesSaid = new Set<string>();

  constructor(
    private readonly sheet: string,
    private readonly col: number,
    /** The investment column's own currency, and whether its header names one (not only a magnitude). */
    private readonly header: {
      readonly currency: Currency;
      readonly stated: boolean;
      readonly label: string;
    },
    private readonly rates: ReadonlyMap<string, StatedRate>,
    private readonly issues: Issue[]
  ) {}

  /** The row's currency from its 币种 text (null: the header's). */
  of(r: number, stated: string | null): Currency {
    this.unknown = false;
    this.rate = 1;
    if (stated === null) return this.header.currency;
    const found = CURRENCIES.get(toHalfWidth(stated).trim().toLowerCase());
    if (found === undefined && this.convertsAtStatedRate(stated, r)) return "CNY";
    if (found === undefined) {
      // Read as 人民币, 1200万欧元 would be a confident wrong sum: the amount is refused instead.
      this.unknown = true;
      this.say(r, "error", {
        zh: `不支持的币种“${stated}”（只能折算人民币、美元和表中注明汇率的币种），该项目的金额不计`,
        en: `unsupported currency "${stated}" (only 人民币, 美元 and currencies with a rate stated in the sheet convert); the project's amounts are not counted`,
      });
      return this.header.currency;
    }
    if (this.header.stated && found !== this.header.currency)
      this.say(r, "warning", {
        zh: `币种“${stated}”与投资额列的单位 ${this.header.label} 不一致`,
        en: `currency "${stated}" contradicts the investment column's unit ${this.header.label}`,
      });
    return found;
  }

  private say(r: number, severity: "error" | "warning", message: { zh: string; en: string }): void {
    this.issues.push(
      issueAt("currency_mismatch", severity, this.sheet, r, this.col, message, "currency")
    );
  }

  /** A currency the sheet's notes give a rate for (港元): the row is read in 元 at that rate, said once. */
  private convertsAtStatedRate(stated: string, r: number): boolean {
    const key = otherCurrencyOf(stated);
    const rate = key === null ? undefined : this.rates.get(key);
    if (key === null || rate === undefined) return false;
    this.rate = rate.rate;
    if (!this.ratesSaid.has(key)) {
      this.ratesSaid.add(key);
      this.issues.push(
        issueAt("exchange_rate_from_workbook", "info", this.sheet, r, this.col, {
          zh: `${key}项目按工作簿注明的汇率（1${key}=${rate.rate}元人民币，见 ${rate.sheet}!${rate.cell}）折算`,
          en: `${key} projects are converted at the workbook's stated rate (1 ${key} = CNY ${rate.rate}, ${rate.sheet}!${rate.cell})`,
        })
      );
    }
    return true;
  }
}
