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

const ROW_AREA =
  /(?:'(?:[^']|'')*'|[^'!,\s][^'!,]*)!(?:\$?[A-Za-z]{1,3})?\$?(\d+)(?::(?:\$?[A-Za-z]{1,3})?\$?(\d+))?/g;

/** The rows (0-based, inclusive) each area of a RangeAreas address covers: "S!A3:F5, S!7:9" → [2, 4], [6, 8]. */
export function rowSpansOfAreasAddress(address: string): Array<readonly [number, number]> {
  return [...address.matchAll(ROW_AREA)].map((m) => {
    const top = Number(m[1]) - 1;
    return [top, m[2] === undefined ? top : Number(m[2]) - 1] as const;
  });
}
