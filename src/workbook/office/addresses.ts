/** Addresses as Office.js returns them ("'My Sheet'!B3:D9", RangeAreas joined by ", ") → 0-based ranges. */
import { parseRangeA1, type CellRange } from "../../core/grid";

/** "Sheet1!B3:D9" → B3:D9 as a range. */
export function rangeOfAddress(address: string): CellRange {
  const bang = address.lastIndexOf("!");
  return parseRangeA1(address.slice(bang + 1));
}

const AREA =
  /(?:'(?:[^']|'')*'|[^'!,\s][^'!,]*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/** "Sheet1!A1:B2, Sheet1!D4" → both ranges; sheet names may hold commas when quoted. */
export function rangesOfAreasAddress(address: string): CellRange[] {
  return [...address.matchAll(AREA)].map((m) => parseRangeA1((m[1] ?? "").replace(/\$/g, "")));
}
