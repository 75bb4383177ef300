/**
 * A 项目台账 held column by column: one typed array per figure, unit and stage as small indices into lists of
 * their distinct texts, texts as references to the grid's own strings. Validation and every aggregate loop over
 * these; the `LedgerRow` objects of `LedgerSheet.rows` are built only when something asks for them (a ledger
 * can hold a million projects, and keeping one object per project was most of the engine's time).
 */
import type { Currency, LedgerRow } from "./tables";

/** The text fields of a project besides its name and unit, in the order a row lists them. */
export const LEDGER_TEXTS = [
  "investor",
  "industry",
  "investorType",
  "origin",
  "remarks",
  "provenance",
] as const;
export type LedgerText = (typeof LEDGER_TEXTS)[number];

export const LEDGER_DATES = [
  "signedDate",
  "registeredDate",
  "startedDate",
  "producedDate",
] as const;
export type LedgerDate = (typeof LEDGER_DATES)[number];

/** Bits of `unreadable`: an amount written but unreadable (待定, 面议, #REF!). */
export const UNREADABLE_INVESTMENT = 1;
export const UNREADABLE_FUNDS = 2;

const CURRENCY_CODES: readonly Currency[] = ["CNY", "USD"];
export const currencyCode = (c: Currency): number => (c === "USD" ? 1 : 0);

/** A text field of row `i` (null when blank). */
export type TextColumn = (i: number) => string | null;

/** Where rows were read: a sheet and its columns (a ledger of several sheets has several parts). */
export interface LedgerPart {
  readonly sheet: string;
  readonly columns: Readonly<Record<string, number>>;
}

/**
 * The projects of one ledger (or of several, after `latestReports`). Numbers are NaN where the row's field is
 * null; dates are ms since the epoch.
 */
export interface LedgerColumns {
  readonly length: number;
  readonly parts: readonly LedgerPart[];
  /** Index into `parts` of each row; null when there is one part. */
  readonly part: Uint16Array | null;
  /** 0-based sheet row. */
  readonly row: Int32Array;
  readonly name: readonly string[];
  /** The same array as `name` when every name is its own key. */
  readonly nameKey: readonly string[];
  /** `textHash` of each `nameKey`, taken while the name was read (telling names apart needs no second read). */
  readonly nameHash: Int32Array;
  /** Index into `units` and `unitKeys`. */
  readonly unit: Int32Array;
  readonly units: readonly string[];
  readonly unitKeys: readonly string[];
  /** Index into `stages`, −1 when the row has no stage. */
  readonly stage: Int32Array;
  readonly stages: readonly string[];
  /** Null for a field the ledger has no column for (or, made of rows, no row has). */
  readonly texts: Readonly<Record<LedgerText, TextColumn | null>>;
  readonly investment: Float64Array;
  /** The 外资 part in 万美元 (NaN when none); null when no row has one. */
  readonly foreignInvestment: Float64Array | null;
  /** `LedgerRow.foreignContract` (NaN when none); null when no row has one. */
  readonly foreignContract: Float64Array | null;
  /** `LedgerRow.agreedInvestment` (NaN when none); null when no row has one. */
  readonly agreedInvestment: Float64Array | null;
  /** `currencyCode`s. */
  readonly currency: Uint8Array;
  readonly foreignShare: Float64Array;
  readonly fundsInPlace: Float64Array;
  readonly dates: Readonly<Record<LedgerDate, Float64Array>>;
  /** 1 yes, 0 no, −1 not known. */
  readonly industrial: Int8Array;
  /** 报送月份 (NaN when none); null when no row has one. */
  readonly reportDate: Float64Array | null;
  /** `UNREADABLE_*` bits. */
  readonly unreadable: Uint8Array;
  /** The row objects these columns were made from, when they were made from rows (returned as they are). */
  readonly source: readonly LedgerRow[] | null;
}

/** FNV-1a over a text's UTF-16 code units. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

export const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
export const sheetOf = (c: LedgerColumns, i: number): LedgerPart =>
  c.parts[c.part === null ? 0 : (c.part[i] as number)] as LedgerPart;
export const unitKeyAt = (c: LedgerColumns, i: number): string =>
  c.unitKeys[c.unit[i] as number] as string;
export const stageAt = (c: LedgerColumns, i: number): string | null => {
  const s = c.stage[i] as number;
  return s < 0 ? null : (c.stages[s] as string);
};
export const currencyAt = (c: LedgerColumns, i: number): Currency =>
  CURRENCY_CODES[c.currency[i] as number] as Currency;
export const textAt = (c: LedgerColumns, field: LedgerText, i: number): string | null =>
  c.texts[field]?.(i) ?? null;
export const dateAt = (c: LedgerColumns, field: LedgerDate, i: number): Date | null => {
  const t = c.dates[field][i] as number;
  return Number.isNaN(t) ? null : new Date(t);
};

/** The row as a `LedgerRow` object (the shape `readLedger` has always produced, key for key). */
export function ledgerRowAt(c: LedgerColumns, i: number): LedgerRow {
  const unitKey = unitKeyAt(c, i);
  const own = c.source?.[i];
  if (own) return own.unitKey === unitKey ? own : { ...own, unitKey };
  const part = sheetOf(c, i);
  const row: { -readonly [K in keyof LedgerRow]: LedgerRow[K] } = {
    sheet: part.sheet,
    row: c.row[i] as number,
    name: c.name[i] as string,
    nameKey: c.nameKey[i] as string,
    unit: c.units[c.unit[i] as number] as string,
    unitKey,
    investor: textAt(c, "investor", i),
    industry: textAt(c, "industry", i),
    stage: stageAt(c, i),
    investorType: textAt(c, "investorType", i),
    origin: textAt(c, "origin", i),
    remarks: textAt(c, "remarks", i),
    provenance: textAt(c, "provenance", i),
    investment: orNull(c.investment[i] as number),
    currency: currencyAt(c, i),
    foreignShare: orNull(c.foreignShare[i] as number),
    fundsInPlace: orNull(c.fundsInPlace[i] as number),
    signedDate: dateAt(c, "signedDate", i),
    registeredDate: dateAt(c, "registeredDate", i),
    startedDate: dateAt(c, "startedDate", i),
    producedDate: dateAt(c, "producedDate", i),
    industrial: c.industrial[i] === 1 ? true : c.industrial[i] === 0 ? false : null,
    columns: part.columns,
  };
  const foreign = orNull(c.foreignInvestment?.[i] ?? NaN);
  if (foreign !== null) row.foreignInvestment = foreign;
  const contract = orNull(c.foreignContract?.[i] ?? NaN);
  if (contract !== null) row.foreignContract = contract;
  const agreed = orNull(c.agreedInvestment?.[i] ?? NaN);
  if (agreed !== null) row.agreedInvestment = agreed;
  const reported = orNull(c.reportDate?.[i] ?? NaN);
  if (reported !== null) row.reportDate = new Date(reported);
  const bits = c.unreadable[i] as number;
  if (bits !== 0) {
    const fields: ("investment" | "fundsInPlace")[] = [];
    if (bits & UNREADABLE_INVESTMENT) fields.push("investment");
    if (bits & UNREADABLE_FUNDS) fields.push("fundsInPlace");
    row.unreadable = fields;
  }
  return row;
}
