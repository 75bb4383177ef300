/** One entry of the header dictionary: which field a column is, in zh-Hans, zh-Hant and English. */
import type { Quantity } from "../model";

/** Which kind of sheet a header word belongs to: unit tables (targets/actuals), ledgers, or both. */
export type FieldScope = "table" | "ledger" | "both";
export type FieldKind = "unit" | "seq" | "group" | "indicator" | "field";

export interface HeaderField {
  /** Stable English key, as in the CLI JSON (SPEC §9). */
  readonly key: string;
  readonly scope: FieldScope;
  readonly kind: FieldKind;
  readonly quantity: Quantity | null;
  /** Unit label assumed when neither the header nor a note states one. */
  readonly defaultUnit: string | null;
  readonly zhHans: readonly string[];
  readonly zhHant: readonly string[];
  readonly en: readonly string[];
  /** Leaf labels that mean this field only below a group label containing one of `groups` (签约项目 › 项目总数). */
  readonly under?: { readonly groups: readonly string[]; readonly leaves: readonly string[] };
}

/** Builds an entry positionally, so the dictionary's tables read as rows. */
export const headerField = (
  key: string,
  scope: FieldScope,
  kind: FieldKind,
  quantity: Quantity | null,
  defaultUnit: string | null,
  zhHans: readonly string[],
  zhHant: readonly string[],
  en: readonly string[],
  under?: HeaderField["under"]
): HeaderField =>
  under
    ? { key, scope, kind, quantity, defaultUnit, zhHans, zhHant, en, under }
    : { key, scope, kind, quantity, defaultUnit, zhHans, zhHant, en };
