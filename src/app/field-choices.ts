/** Fields a column can be mapped to, per sheet role, from the recognition dictionary. */
import type { SheetRole } from "../core/model/recognition";
import { HEADER_DICTIONARY } from "../core/recognize";
import type { FieldChoice } from "./session-types";

function choices(scopes: readonly string[]): FieldChoice[] {
  return HEADER_DICTIONARY.filter((f) => scopes.includes(f.scope) && f.kind !== "seq").map((f) => ({
    key: f.key,
    label_zh: f.zhHans[0] ?? f.key,
    label_en: f.en[0] ?? f.key,
  }));
}

export function fieldChoicesByRole(): Partial<Record<SheetRole, readonly FieldChoice[]>> {
  const table = choices(["table", "both"]);
  return { targets: table, actuals: table, ledger: choices(["ledger", "both"]) };
}
