import { columnIndex } from "../grid";
import { normalizeText } from "../text";
import type { ColumnMap, MappedColumn } from "./column-map";
import { HEADER_DICTIONARY, type HeaderField } from "./dictionary";
import type { HeaderBlock } from "./header-block";

const IGNORE = new Set(["", "ignore", "none", "-"]);

function fieldFor(key: string): HeaderField {
  return (
    HEADER_DICTIONARY.find((f) => f.key === key) ?? {
      key,
      scope: "both",
      kind: "indicator",
      quantity: null,
      defaultUnit: null,
      zhHans: [],
      zhHant: [],
      en: [],
    }
  );
}

/**
 * Applies the user's column corrections: keys are column letters ("C") or header text, values field keys;
 * an empty value unmaps the column. The user's word beats the dictionary.
 */
export function applyColumnOverrides(
  map: ColumnMap,
  block: HeaderBlock,
  overrides: Readonly<Record<string, string>> | undefined
): ColumnMap {
  if (!overrides || Object.keys(overrides).length === 0) return map;
  const byField = new Map(map.byField);
  let unmatched = [...map.unmatched];
  let duplicates = [...map.duplicates];
  for (const [where, key] of Object.entries(overrides)) {
    const column = /^[A-Z]{1,3}$/.test(where)
      ? block.columns.find((c) => c.col === columnIndex(where))
      : block.columns.find(
          (c) =>
            normalizeText(c.name) === normalizeText(where) ||
            normalizeText(c.leaf) === normalizeText(where)
        );
    if (!column) continue;
    for (const [k, m] of byField) if (m.column.col === column.col) byField.delete(k);
    duplicates = duplicates.filter((d) => d.column.col !== column.col);
    unmatched = unmatched.filter((c) => c.col !== column.col);
    if (IGNORE.has(key)) continue;
    const previous = byField.get(key);
    if (previous) unmatched.push(previous.column);
    const mapped: MappedColumn = { field: fieldFor(key), column };
    byField.set(key, mapped);
  }
  return { byField, duplicates, unmatched, fieldHits: map.fieldHits };
}
