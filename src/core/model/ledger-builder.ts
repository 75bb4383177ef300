/** Building a ledger's columns: row by row from a sheet, from row objects, or from rows picked out of others. */
import {
  currencyCode,
  LEDGER_DATES,
  LEDGER_TEXTS,
  ledgerRowAt,
  UNREADABLE_FUNDS,
  UNREADABLE_INVESTMENT,
  type LedgerColumns,
  type LedgerDate,
  type LedgerPart,
  type LedgerText,
  type TextColumn,
  textHash,
} from "./ledger-columns";
import type { LedgerRow } from "./tables";

/**
 * Fills the columns row by row. `begin` starts a row; the reader then writes its fields straight into the
 * arrays at that index (no object per row). Arrays are sized for `capacity` rows up front.
 */
export class LedgerColumnsBuilder {
  length = 0;
  readonly parts: LedgerPart[] = [];
  private readonly partOf: Uint16Array;
  private currentPart = 0;
  readonly row: Int32Array;
  readonly name: string[];
  /** Null while every key is its name (most ledgers): one array, not two, of a million strings. */
  private nameKey: string[] | null = null;
  private readonly nameHash: Int32Array;
  readonly unit: Int32Array;
  readonly units: string[] = [];
  readonly unitKeys: string[] = [];
  private readonly unitIndex = new Map<string, Map<string, number>>();
  private readonly unitByText = new Map<string, number>();
  readonly stage: Int32Array;
  readonly stages: string[] = [];
  private readonly stageIndex = new Map<string, number>();
  private readonly textReaders: Partial<Record<LedgerText, (sheetRow: number) => string | null>> =
    {};
  private readonly texts: Record<LedgerText, (string | null)[] | null> = {
    investor: null,
    industry: null,
    investorType: null,
    origin: null,
    remarks: null,
    provenance: null,
  };
  readonly investment: Float64Array;
  foreignInvestment: Float64Array | null = null;
  foreignContract: Float64Array | null = null;
  agreedInvestment: Float64Array | null = null;
  readonly currency: Uint8Array;
  readonly foreignShare: Float64Array;
  readonly fundsInPlace: Float64Array;
  readonly dates: Record<LedgerDate, Float64Array>;
  readonly industrial: Int8Array;
  reportDate: Float64Array | null = null;
  readonly unreadable: Uint8Array;
  private readonly source: LedgerRow[] | null;

  constructor(
    private readonly capacity: number,
    keepRows = false
  ) {
    this.partOf = new Uint16Array(capacity);
    this.row = new Int32Array(capacity);
    // Sized once: growing arrays of a million references by push costs several times filling them.
    this.name = new Array<string>(capacity);
    this.nameHash = new Int32Array(capacity);
    this.unit = new Int32Array(capacity);
    this.stage = new Int32Array(capacity);
    this.investment = new Float64Array(capacity);
    this.currency = new Uint8Array(capacity);
    this.foreignShare = new Float64Array(capacity);
    this.fundsInPlace = new Float64Array(capacity);
    this.dates = {
      signedDate: new Float64Array(capacity),
      registeredDate: new Float64Array(capacity),
      startedDate: new Float64Array(capacity),
      producedDate: new Float64Array(capacity),
    };
    this.industrial = new Int8Array(capacity);
    this.unreadable = new Uint8Array(capacity);
    this.source = keepRows ? [] : null;
  }

  /** Rows begun from now on were read from this sheet. */
  usePart(part: LedgerPart): void {
    let at = this.parts.findIndex((p) => p.sheet === part.sheet && p.columns === part.columns);
    if (at < 0) at = this.parts.push(part) - 1;
    this.currentPart = at;
  }

  /** Starts a row of unit `unit` (an index from `unitOf` or `unitOfText`); its other fields are written at the index returned. */
  begin(row: number, name: string, nameKey: string, unit: number): number {
    const i = this.length++;
    this.partOf[i] = this.currentPart;
    this.row[i] = row;
    this.name[i] = name;
    if (this.nameKey) this.nameKey[i] = nameKey;
    else if (nameKey !== name) {
      this.nameKey = new Array<string>(this.capacity);
      for (let k = 0; k < i; k++) this.nameKey[k] = this.name[k] as string;
      this.nameKey[i] = nameKey;
    }
    this.nameHash[i] = textHash(nameKey);
    this.unit[i] = unit;
    return i;
  }

  /** The column of a text field, to be filled by index (rows left unset read as null). */
  private textColumn(field: LedgerText): (string | null)[] {
    return (this.texts[field] ??= new Array<string | null>(this.capacity).fill(null));
  }

  /** A text field read on demand, from the sheet row of each row (the sheet's own strings, never copied). */
  readText(field: LedgerText, read: (sheetRow: number) => string | null): void {
    this.textReaders[field] = read;
  }

  /** The index of a unit whose key follows from its name alone (one lookup per row, the key once per name). */
  unitOfText(unit: string, keys: { key(unit: string): string }): number {
    let at = this.unitByText.get(unit);
    if (at === undefined) {
      at = this.unitOf(unit, keys.key(unit));
      this.unitByText.set(unit, at);
    }
    return at;
  }

  /** The index of a unit name under a key. */
  unitOf(unit: string, unitKey: string): number {
    let keys = this.unitIndex.get(unit);
    if (!keys) this.unitIndex.set(unit, (keys = new Map()));
    let at = keys.get(unitKey);
    if (at === undefined) {
      at = this.units.push(unit) - 1;
      this.unitKeys.push(unitKey);
      keys.set(unitKey, at);
    }
    return at;
  }

  setStage(i: number, stage: string | null): void {
    if (stage === null) {
      this.stage[i] = -1;
      return;
    }
    let at = this.stageIndex.get(stage);
    if (at === undefined) this.stageIndex.set(stage, (at = this.stages.push(stage) - 1));
    this.stage[i] = at;
  }

  setForeignInvestment(i: number, amount: number): void {
    this.foreignInvestment ??= new Float64Array(this.capacity).fill(NaN);
    this.foreignInvestment[i] = amount;
  }

  setForeignContract(i: number, amount: number): void {
    this.foreignContract ??= new Float64Array(this.capacity).fill(NaN);
    this.foreignContract[i] = amount;
  }

  setAgreedInvestment(i: number, amount: number): void {
    this.agreedInvestment ??= new Float64Array(this.capacity).fill(NaN);
    this.agreedInvestment[i] = amount;
  }

  setReportDate(i: number, ms: number): void {
    this.reportDate ??= new Float64Array(this.capacity).fill(NaN);
    this.reportDate[i] = ms;
  }

  /** Appends a row object as it is (a ledger made by hand, or rows gathered from several ledgers). */
  addRow(r: LedgerRow): void {
    this.usePart({ sheet: r.sheet, columns: r.columns });
    const i = this.begin(r.row, r.name, r.nameKey, this.unitOf(r.unit, r.unitKey));
    for (const t of LEDGER_TEXTS) {
      const text = r[t] ?? null;
      if (text !== null) this.textColumn(t)[i] = text;
    }
    this.setStage(i, r.stage ?? null);
    this.investment[i] = r.investment ?? NaN;
    if (r.foreignInvestment !== undefined) this.setForeignInvestment(i, r.foreignInvestment);
    if (r.foreignContract !== undefined) this.setForeignContract(i, r.foreignContract);
    if (r.agreedInvestment !== undefined) this.setAgreedInvestment(i, r.agreedInvestment);
    this.currency[i] = currencyCode(r.currency);
    this.foreignShare[i] = r.foreignShare ?? NaN;
    this.fundsInPlace[i] = r.fundsInPlace ?? NaN;
    for (const d of LEDGER_DATES) this.dates[d][i] = r[d]?.getTime() ?? NaN;
    this.industrial[i] = r.industrial == null ? -1 : r.industrial ? 1 : 0;
    if (r.reportDate) this.setReportDate(i, r.reportDate.getTime());
    let bits = 0;
    if (r.unreadable?.includes("investment")) bits |= UNREADABLE_INVESTMENT;
    if (r.unreadable?.includes("fundsInPlace")) bits |= UNREADABLE_FUNDS;
    this.unreadable[i] = bits;
    this.source?.push(r);
  }

  build(): LedgerColumns {
    const n = this.length;
    const texts = {} as Record<LedgerText, TextColumn | null>;
    const rows = this.row;
    for (const t of LEDGER_TEXTS) {
      const list = this.texts[t];
      const read = this.textReaders[t];
      if (list) list.length = n;
      texts[t] = read ? (i) => read(rows[i] as number) : list ? (i) => list[i] ?? null : null;
    }
    this.name.length = n;
    if (this.nameKey) this.nameKey.length = n;
    return {
      length: n,
      parts: this.parts,
      part: this.parts.length > 1 ? this.partOf.subarray(0, n) : null,
      row: this.row.subarray(0, n),
      name: this.name,
      nameKey: this.nameKey ?? this.name,
      nameHash: this.nameHash.subarray(0, n),
      unit: this.unit.subarray(0, n),
      units: this.units,
      unitKeys: this.unitKeys,
      stage: this.stage.subarray(0, n),
      stages: this.stages,
      texts,
      investment: this.investment.subarray(0, n),
      foreignInvestment: this.foreignInvestment?.subarray(0, n) ?? null,
      foreignContract: this.foreignContract?.subarray(0, n) ?? null,
      agreedInvestment: this.agreedInvestment?.subarray(0, n) ?? null,
      currency: this.currency.subarray(0, n),
      foreignShare: this.foreignShare.subarray(0, n),
      fundsInPlace: this.fundsInPlace.subarray(0, n),
      dates: {
        signedDate: this.dates.signedDate.subarray(0, n),
        registeredDate: this.dates.registeredDate.subarray(0, n),
        startedDate: this.dates.startedDate.subarray(0, n),
        producedDate: this.dates.producedDate.subarray(0, n),
      },
      industrial: this.industrial.subarray(0, n),
      reportDate: this.reportDate?.subarray(0, n) ?? null,
      unreadable: this.unreadable.subarray(0, n),
      source: this.source,
    };
  }
}

/** Columns of row objects (a ledger made by hand in a test, rows gathered from several sheets). */
export function columnsOfRows(rows: readonly LedgerRow[]): LedgerColumns {
  const b = new LedgerColumnsBuilder(rows.length, true);
  for (const r of rows) b.addRow(r);
  return b.build();
}

/** The rows `picks` names, in that order, copied out of their columns. */
export function pickRows(
  picks: readonly { readonly from: LedgerColumns; readonly i: number }[]
): LedgerColumns {
  const b = new LedgerColumnsBuilder(picks.length, true);
  for (const { from, i } of picks) b.addRow(ledgerRowAt(from, i));
  return b.build();
}
