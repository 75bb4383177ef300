/**
 * The cell readers of a 项目台账 sheet: text, amount (converted to 万 of its currency), date, yes/no, currency,
 * 报送月份. What cannot be read becomes an issue on its cell.
 */
import type { CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issues";
import type { Currency, MeasureUnit, Quantity } from "../model";
import { UNREADABLE_FUNDS, UNREADABLE_INVESTMENT } from "../model/ledger-columns";
import { normalizeText, toHalfWidth } from "../text";
import { readAmount, scaledNumber, type AmountContext } from "./amounts";
import {
  isNotKnownYetText,
  monthDayIn,
  readBooleanCell,
  readDateCell,
  textOf,
  textSerialDate,
} from "./cell-values";
import { badDateIssue, textSerialIssue } from "./ledger-date-issues";
import type { ColumnMap } from "./column-map";
import { INDUSTRIAL_WORDS } from "./dictionary-ledgers";
import {
  CONTINUING,
  CURRENCY_WORD,
  PROJECT_CODE,
  EVENT_DATE,
  NOT_YET,
  STAGE_MARK,
  WITHDRAWN_REMARK,
  withoutAmountWords,
} from "./ledger-words";
import type { HeaderBlock } from "./header-block";
import { issueAt } from "./issue";
import {
  DATE_FIELDS,
  fieldColumns,
  type AmountField,
  type FieldColumns,
} from "./ledger-field-columns";
import { unitByLabel, unitFromNotes } from "./measure-units";
import type { MergedCells } from "./merged-cells";
import { yearMonthNumber } from "./ledger-year-month";
import { progressDate, type ProgressEvent } from "./progress-dates";
import { RowCurrency } from "./ledger-currency";
import type { StatedRate } from "./stated-rate";
import { periodsSoFar } from "./figure-reader";
import type { PeriodPart } from "./table-columns";

export interface LedgerContext {
  /** Year of the as-of date, for report months written without one ("8月"). */
  readonly year: number | null;
  /** The unit of every project, for a ledger kept one sheet per unit (no unit column, the tab names it). */
  readonly unit?: string;
  /** Rates the sheet's notes state for currencies beyond 美元 (1港元=0.91元), by otherCurrencyOf's key. */
  readonly rates?: ReadonlyMap<string, StatedRate>;
  /** Month of the as-of date in the ledger's year (1..12), to add up 到位资金 by month so far; null adds all. */
  readonly asOfMonth?: number | null;
}

const PROGRESS_EVENTS = {
  signedDate: "signed",
  registeredDate: "registered",
  startedDate: "started",
  producedDate: "produced",
} as const satisfies Record<keyof typeof DATE_FIELDS, ProgressEvent>;

const WAN_CNY = unitByLabel("万元") as MeasureUnit;
const WAN_USD = unitByLabel("万美元") as MeasureUnit;
const PERCENT: MeasureUnit = { quantity: "ratio", label: "%", factor: 0.01 };
const RATIO: MeasureUnit = { quantity: "ratio", label: "", factor: 1 };

/** Normalisation of repeated strings (unit names, stages) done once per distinct text, not once per row. */
export class KeyCache {
  private readonly map = new Map<string, string>();
  key(text: string): string {
    let k = this.map.get(text);
    if (k === undefined) {
      k = normalizeText(text);
      this.map.set(text, k);
    }
    return k;
  }
}

const FIGURE_FIELDS = [
  "investment",
  "investment_domestic",
  "investment_foreign",
  "funds_in_place",
  "stage",
  "signed_date",
  "registered_date",
  "started_date",
  "produced_date",
] as const;

/** The cell readers of one ledger sheet, bound to its columns and units. */
export class LedgerReader {
  readonly issues: Issue[] = [];
  readonly columns: Record<string, number> = {};
  readonly investmentUnit: MeasureUnit | null;
  readonly fundsUnit: MeasureUnit | null;
  /** The unit of a 协议投资额 kept beside the 总投资 (ledger-agreed.ts). */
  private readonly agreedUnit: MeasureUnit | null;
  /** 内资 and 外资 in columns of their own, when the ledger has no single 总投资. */
  readonly split: { readonly domestic: MeasureUnit; readonly foreign: MeasureUnit } | null;
  /** The unit of a 外资 column beside the 投资总额 (合同外资 of a 外商投资企业台账), which is within it. */
  readonly foreignBeside: MeasureUnit | null;
  private readonly shareUnit: MeasureUnit | null;
  private readonly hasMerges: boolean;
  /** `UNREADABLE_*` bits of the row being read: amounts whose cells hold something unreadable (待定, #REF!). */
  unreadable = 0;
  /**
   * Per currency, then per field: looked up twice per row of a ledger that can hold a million, so the key is
   * never a string built per call (a fresh string must be hashed on every lookup).
   */
  private readonly amountContexts: Record<Currency, Map<AmountField | number, AmountContext>> = {
    CNY: new Map(),
    USD: new Map(),
  };
  /** Normalised keys of unit names (once per distinct name). */
  readonly cache = new KeyCache();
  /** Currency of the row being read, as its currency cell states it. */
  rowCurrency: Currency = "CNY";
  /** The row's currency cell names one no rate converts (欧元): its amounts are unreadable. */
  private rowCurrencyUnknown = false;
  /** 元 per unit of the row's currency when a note converts it (港元 at 0.91); 1 otherwise. */
  private rowRate = 1;
  private readonly currencies: RowCurrency;
  /** Columns headed by a stage (在谈 / 已签约 / 已开工…) of which a mark (√) says the project's: stage, column. */
  private readonly stageMarks: readonly { readonly word: string; readonly col: number }[];
  /** The project column's header, normalised: a row holding it again is the header repeated on a new page. */
  readonly nameHeaderKey: string;
  /** The currency the last amount read stated in its own cell ("1500万美元" in a 万元 column), or null. */
  cellCurrency: Currency | null = null;
  /** The sheet column of each field read on every row (−1 when the ledger has none), found once. */
  readonly at: FieldColumns;
  /** 到位资金 typed per month or quarter: its period columns, added up to the as-of month. */
  private readonly fundsParts: readonly PeriodPart[] | null;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly merged: MergedCells,
    block: HeaderBlock,
    map: ColumnMap,
    private readonly context: LedgerContext
  ) {
    for (const [key, m] of map.byField) this.columns[key] = m.column.col;
    this.nameHeaderKey = map.byField.get("project_name")?.column.leafNorm ?? "";
    this.stageMarks = map.byField.has("stage")
      ? []
      : [map.byField.get("stage_mark"), ...map.duplicates]
          .filter((m) => m?.field.key === "stage_mark")
          // 是否签约 marks 已签约.
          .map((m) => ({
            word: (m?.column.leaf.trim() ?? "").replace(/^是否已?/, "已"),
            col: m?.column.col ?? -1,
          }))
          .sort((a, b) => a.col - b.col);
    // The marked columns stand for the stage column wherever a rule or an issue needs its column.
    if (this.stageMarks[0]) this.columns["stage"] = this.stageMarks[0].col;
    const unitOf = (key: string): MeasureUnit | null => {
      const m = map.byField.get(key);
      if (!m) return null;
      return (
        m.column.unit ??
        unitFromNotes(block.notes, "money_cny") ??
        unitFromNotes(block.notes, "money_usd") ??
        (m.field.defaultUnit ? unitByLabel(m.field.defaultUnit) : null)
      );
    };
    const splitUnit = (key: string, quantity: Quantity): MeasureUnit | null => {
      const m = map.byField.get(key);
      if (!m) return null;
      const label =
        m.column.unit ?? (m.field.defaultUnit ? unitByLabel(m.field.defaultUnit) : null);
      return label?.quantity === quantity ? label : null;
    };
    const domestic = map.byField.has("investment")
      ? null
      : splitUnit("investment_domestic", "money_cny");
    const foreign = map.byField.has("investment")
      ? null
      : splitUnit("investment_foreign", "money_usd");
    this.split =
      domestic || foreign ? { domestic: domestic ?? WAN_CNY, foreign: foreign ?? WAN_USD } : null;
    this.foreignBeside = map.byField.has("investment")
      ? splitUnit("investment_foreign", "money_usd")
      : null;
    // The split columns stand for 总投资 wherever a rule or an issue needs its column.
    if (this.split && this.columns["investment"] === undefined) {
      const c = this.columns["investment_domestic"] ?? this.columns["investment_foreign"];
      if (c !== undefined) this.columns["investment"] = c;
    }
    this.investmentUnit = this.split ? this.split.domestic : unitOf("investment");
    this.fundsUnit = unitOf("funds_in_place") ?? this.investmentUnit;
    this.agreedUnit = unitOf("investment_agreed") ?? this.investmentUnit;
    this.shareUnit = map.byField.get("foreign_share")?.column.unit ?? null;
    // "协议投资额（万）" states a magnitude, not a currency: a 币种 column says which.
    const investmentHeader = map.byField.get("investment")?.column;
    this.hasMerges = sheet.merges.length > 0;
    this.at = fieldColumns((key) => this.col(key));
    this.fundsParts = map.fundsParts?.length ? map.fundsParts : null;
    this.currencies = new RowCurrency(
      sheet.name,
      this.at.currency,
      {
        currency: this.investmentUnit?.quantity === "money_usd" ? "USD" : "CNY",
        stated: investmentHeader?.unit != null && CURRENCY_WORD.test(investmentHeader.leaf),
        label: this.investmentUnit?.label ?? "",
      },
      context.rates ?? new Map(),
      this.issues
    );
  }

  /**
   * The project's identity key: its 项目编号 when it has a code (letters, dashes or 5+ digits: no 序号 1, 2, 3),
   * so a project renamed between monthly reports stays one; else its normalised name.
   */
  projectKey(r: number, nameKey: string): string {
    const code = this.at.code < 0 ? null : this.text(r, this.at.code);
    return code !== null && PROJECT_CODE.test(code) ? `#${normalizeText(code)}` : nameKey;
  }

  /**
   * The row's stage: its stage cell, or the stage heading the furthest column it marks (√, ✓, ●, 是). A 备注
   * saying the project is gone (项目已终止, 协议已解除) overrides a stage never updated; a 续建 project (建设性质)
   * is last years' work whatever stage it is at now.
   */
  stageText(r: number): string | null {
    const remark = this.text(r, this.at.remarks);
    if (remark !== null && WITHDRAWN_REMARK.test(remark)) return remark;
    const stage = this.markedOrTypedStage(r);
    const kind = this.text(r, this.at.construction);
    if (kind !== null && CONTINUING.test(kind)) return `续建（${stage ?? ""}）`;
    return stage;
  }

  private markedOrTypedStage(r: number): string | null {
    if (this.stageMarks.length === 0) return this.text(r, this.at.stage);
    let word: string | null = null;
    for (const m of this.stageMarks) if (STAGE_MARK.test(this.text(r, m.col) ?? "")) word = m.word;
    return word;
  }

  /** 是否纳入考核 否 (不纳入): the project is listed, not counted. */
  excluded(r: number): boolean {
    const c = this.at.inAssessment;
    if (c < 0) return false;
    const raw = this.raw(r, c);
    return readBooleanCell(raw) === false || /^(不|未)(纳入|计入)/.test(textOf(raw).trim());
  }

  /** Whether the row holds any of a project's facts: an amount, a date or a stage. */
  hasFigures(r: number): boolean {
    for (const key of FIGURE_FIELDS) {
      const v = this.raw(r, this.col(key));
      if (v !== null && !(typeof v === "string" && v.trim() === "")) return true;
    }
    return false;
  }

  col(key: string): number {
    return this.columns[key] ?? -1;
  }

  raw(r: number, c: number): CellValue {
    return c < 0 ? null : (this.sheet.rows[r]?.[c] ?? null);
  }

  /**
   * A date cell, or the value of the merge it lies in when the row is a project of its own: one 集中签约 date
   * merged down over the projects signed that day. A project typed on two lines (its name merged over both)
   * gets its date once, on its first line.
   */
  private dateCell(r: number, c: number): CellValue {
    const own = this.raw(r, c);
    if (own !== null || !this.hasMerges || this.raw(r, this.at.name) === null) return own;
    return this.merged.value(r, c);
  }

  text(r: number, c: number): string | null {
    if (c < 0) return null;
    const own = this.sheet.rows[r]?.[c] ?? null;
    if (typeof own === "string") {
      const t = own.trim();
      return t === "" ? null : t;
    }
    // Units merged down over several projects: the name lives in the merge's first cell.
    const t = textOf(own === null && this.hasMerges ? this.merged.value(r, c) : own);
    return t === "" ? null : t;
  }

  amount(r: number, key: AmountField, currency: Currency): number | null {
    if (key === "funds_in_place" && this.fundsParts) return this.fundsByPeriod(r, currency);
    return this.amountIn(r, this.at.amounts[key], key, currency);
  }

  /** 到位资金 of a row typed per month or quarter: the periods so far, added up as a table's quarters are. */
  private fundsByPeriod(r: number, currency: Currency): number | null {
    const { sum } = periodsSoFar(this.fundsParts ?? [], this.context.asOfMonth ?? null, (p) => ({
      value: this.amountIn(r, p.col, "funds_in_place", currency),
    }));
    return sum === null ? null : Number(sum.toPrecision(12));
  }

  /** The amount of field `key` in column `c` of row `r`, in 万 of `currency`. */
  private amountIn(r: number, c: number, key: AmountField, currency: Currency): number | null {
    this.cellCurrency = null;
    if (c < 0) return null;
    if (this.rowCurrencyUnknown && this.raw(r, c) !== null) {
      this.unreadable |= key === "funds_in_place" ? UNREADABLE_FUNDS : UNREADABLE_INVESTMENT;
      return null;
    }
    const contexts = this.amountContexts[currency];
    // Keyed by the field for its own column (no key built per call), by the column for a period part.
    const slot = c === this.at.amounts[key] ? key : c;
    let ctx = contexts.get(slot);
    if (!ctx) {
      const quantity: Quantity = currency === "USD" ? "money_usd" : "money_cny";
      const unit = this.unitFor(key);
      ctx = {
        sheet: this.sheet.name,
        row: r,
        col: c,
        field: key,
        unit: { ...(unit ?? WAN_CNY), quantity },
        quantity,
        issues: this.issues,
        // "5-8亿" in a 台账 is an estimate that reaches at least its lower end.
        rangeLow: true,
      };
      contexts.set(slot, ctx);
    }
    const raw = this.raw(r, c);
    const own = key === "investment" ? this.rowMeasure(r) : null;
    if (own && typeof raw === "number" && raw >= 0) {
      this.cellCurrency = own.quantity === "money_usd" ? "USD" : "CNY";
      return scaledNumber(raw, own);
    }
    // A typed amount of money (nearly every cell) is all readAmount would let through unchanged when it is not
    // negative: read without a reading result per cell.
    const rate = this.rowRate !== 1 && key !== "investment_foreign" ? this.rowRate : 1;
    if (typeof raw === "number" && raw >= 0 && raw !== Infinity)
      return scaledNumber(raw, ctx.unit) * rate;
    ctx.row = r;
    // "总投资2.5亿元", "投资额：8000万元", "计划投资1.2亿元（其中固定资产投资1亿元）": the total, without its words.
    const amount = readAmount(typeof raw === "string" ? withoutAmountWords(raw) : raw, ctx);
    if (
      amount.blocked ||
      (typeof raw === "string" && amount.notApplicable && isNotKnownYetText(raw))
    )
      this.unreadable |= key === "funds_in_place" ? UNREADABLE_FUNDS : UNREADABLE_INVESTMENT;
    if (amount.ownUnit !== undefined && CURRENCY_WORD.test(amount.ownUnit))
      this.cellCurrency = /美元|usd|\$/i.test(amount.ownUnit) ? "USD" : "CNY";
    return amount.value === null ? null : amount.value * rate;
  }

  /** The measure a 计量单位 column gives the row's 投资额 (亿元 / 万元 / 元 / 万美元), or null. */
  private rowMeasure(r: number): MeasureUnit | null {
    const text = this.text(r, this.at.amountUnit);
    const unit = text === null ? null : unitByLabel(text);
    return unit && (unit.quantity === "money_cny" || unit.quantity === "money_usd") ? unit : null;
  }

  private unitFor(key: AmountField): MeasureUnit | null {
    if (key === "funds_in_place") return this.fundsUnit;
    if (key === "investment_agreed") return this.agreedUnit;
    if (key === "investment_foreign") return this.split?.foreign ?? this.foreignBeside;
    return this.investmentUnit;
  }

  share(r: number): number | null {
    const c = this.at.share;
    if (c < 0) return null;
    const raw = this.raw(r, c);
    // A bare 50 in a share column without a % sign is 50%, since a share above 1 is meaningless.
    const unit = this.shareUnit ?? (typeof raw === "number" && raw > 1 ? PERCENT : RATIO);
    return readAmount(raw, {
      sheet: this.sheet.name,
      row: r,
      col: c,
      field: "foreign_share",
      unit,
      quantity: "ratio",
      issues: this.issues,
    }).value;
  }

  /** The date as ms since the epoch, NaN when there is none; a date cell (most of them) read without more ado. */
  dateMs(r: number, key: keyof typeof DATE_FIELDS): number {
    const c = this.at.dates[key];
    if (c < 0) return this.progressDateMs(r, key);
    const raw = this.dateCell(r, c);
    if (raw === null) return NaN;
    const t = raw instanceof Date ? raw.getTime() : NaN;
    return Number.isNaN(t) ? (this.date(r, key)?.getTime() ?? NaN) : t;
  }

  /** Without a date column, the date the row's 项目进展 sentence gives the event (2023年11月签约), else NaN. */
  private progressDateMs(r: number, key: keyof typeof DATE_FIELDS): number {
    const stage = this.at.stage < 0 ? null : this.text(r, this.at.stage);
    if (stage === null || !/\d/.test(stage)) return NaN;
    const year = this.rowYear(r) ?? this.context.year;
    return progressDate(stage, PROGRESS_EVENTS[key], year)?.getTime() ?? NaN;
  }

  date(r: number, key: keyof typeof DATE_FIELDS): Date | null {
    const c = this.at.dates[key];
    if (c < 0) return null;
    const raw = this.dateCell(r, c);
    const stated = typeof raw === "string" ? EVENT_DATE.exec(raw.trim()) : null;
    // "未签约" / "待开工" under 签约情况 / 开工情况: no event yet, no date.
    if (typeof raw === "string" && NOT_YET.test(raw.trim())) return null;
    const month = typeof raw === "number" ? yearMonthNumber(raw) : null;
    if (month instanceof Date) return month;
    const cell =
      month === "ambiguous"
        ? ({ kind: "invalid", text: String(raw) } as const)
        : readDateCell(stated ? (stated[1] as string) : raw, this.sheet.dateSystem);
    if (cell.kind === "date") return cell.value;
    // "3月15日" in the row's 年度, else under a title that names the year: that year's day.
    const year = cell.kind === "invalid" ? (this.rowYear(r) ?? this.context.year) : null;
    const inYear = cell.kind === "invalid" ? monthDayIn(cell.text, year) : null;
    if (inYear) return inYear;
    const at = { sheet: this.sheet.name, row: r, col: c, field: DATE_FIELDS[key] } as const;
    const serial =
      cell.kind === "invalid" ? textSerialDate(cell.text, this.sheet.dateSystem) : null;
    if (serial && cell.kind === "invalid") {
      this.issues.push(textSerialIssue(at, cell.text, serial));
      return serial;
    }
    if (cell.kind === "invalid" || cell.kind === "error") this.issues.push(badDateIssue(at, cell));
    return null;
  }

  /** The row's 年度 cell (2023, "2023年", "2023年度"), or null. */
  private rowYear(r: number): number | null {
    const raw = this.raw(r, this.at.year);
    const m = /^((?:19|20)\d{2})(?:\.0+)?\s*(?:年度?)?$/.exec(toHalfWidth(textOf(raw)).trim());
    return m ? Number(m[1]) : null;
  }

  /** 报送月份: a date, "2024-08", "2024年8月", or "8月" / 8 in the as-of year. */
  reportDate(r: number): Date | null {
    const c = this.at.reportMonth;
    if (c < 0) return null;
    const raw = this.raw(r, c);
    const cell = readDateCell(raw, this.sheet.dateSystem);
    if (cell.kind === "date" && !(typeof raw === "number" && raw <= 12)) return cell.value;
    const text = toHalfWidth(textOf(raw)).replace(/\s/g, "");
    const m = /^(\d{1,2})(?:月(?:份)?)?$/.exec(text);
    if (m && this.context.year !== null) {
      const month = Number(m[1]);
      if (month >= 1 && month <= 12) return new Date(Date.UTC(this.context.year, month - 1, 1));
    }
    return null;
  }

  currency(r: number): Currency {
    const currency = this.currencies.of(r, this.text(r, this.at.currency));
    this.rowCurrencyUnknown = this.currencies.unknown;
    this.rowRate = this.currencies.rate;
    return currency;
  }

  /** 是/否, or a project type ("工业项目", "服务业项目"); without such a column, the industry says it. */
  industrial(r: number): boolean | null {
    const c = this.at.industrial;
    if (c < 0) {
      const type = this.text(r, this.at.industry);
      return type === null ? null : INDUSTRIAL_WORDS.test(type);
    }
    const b = readBooleanCell(this.raw(r, c));
    if (b !== "invalid") return b;
    const shown = textOf(this.raw(r, c));
    if (/(项目|业|类)$/.test(shown)) return INDUSTRIAL_WORDS.test(shown);
    this.issues.push(
      issueAt(
        "wrong_type",
        "warning",
        this.sheet.name,
        r,
        c,
        { zh: `“${shown}”应为“是”或“否”`, en: `"${shown}" should be 是 (yes) or 否 (no)` },
        "industrial"
      )
    );
    return null;
  }
}
