import type { SheetRole } from "../model";
import { HEADER_DICTIONARY } from "./dictionary";

export interface FieldLabel {
  readonly key: string;
  readonly label_zh: string;
  readonly label_en: string;
}

/** Fields a user may assign a column to in a sheet of `role` (the override picker of the task pane). */
export function fieldsForRole(role: SheetRole): FieldLabel[] {
  const scope =
    role === "ledger" ? "ledger" : role === "targets" || role === "actuals" ? "table" : null;
  if (scope === null) return [];
  return HEADER_DICTIONARY.filter((f) => f.scope === "both" || f.scope === scope).map((f) => ({
    key: f.key,
    label_zh: f.zhHans[0] ?? f.key,
    label_en: f.en[0] ?? f.key,
  }));
}
