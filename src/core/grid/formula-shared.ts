/**
 * A shared formula's clones (<f t="shared" si="0"/> under a master <f t="shared" ref="C2:C9" si="0">B2*2</f>)
 * store no text: each is the master's formula with its relative references moved by the clone's offset, as Excel
 * fills a formula down or across. Absolute parts ($C$5, $C5, C$5) stay.
 */
import { columnIndex, columnLetter } from "./address";

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * A cell reference (B2, $B$2) or a whole-column one (C:C, $C:$C) outside quotes: not part of a longer name, not a
 * function (LOG10), not an unquoted sheet name (Q1!A1).
 */
const REFERENCE =
  /(?<![\w.$\u3400-\u9fff])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3}))(?![\w(!\u3400-\u9fff])/g;

/** Text in double quotes (string literals) and single quotes (sheet names) is left as it is. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

class OutOfSheet extends Error {}

function moveColumn(absolute: string, letters: string, by: number): string {
  if (absolute || by === 0) return `${absolute}${letters}`;
  const c = columnIndex(letters.toUpperCase()) + by;
  if (c < 0 || c >= MAX_COLUMNS) throw new OutOfSheet();
  return columnLetter(c);
}

function moveRow(absolute: string, digits: string, by: number): string {
  if (absolute || by === 0) return `${absolute}${digits}`;
  const r = Number(digits) + by;
  if (r < 1 || r > MAX_ROWS) throw new OutOfSheet();
  return String(r);
}

/**
 * The master's formula as the clone `rows` below and `cols` right of it holds it; null when a reference would
 * leave the sheet (Excel shows #REF!, which the caller leaves unevaluated).
 * @example shiftFormula("SUM(B2:D2)*$F$1", 3, 0) === "SUM(B5:D5)*$F$1"
 */
export function shiftFormula(text: string, rows: number, cols: number): string | null {
  try {
    return text
      .split(QUOTED)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(REFERENCE, (...m: string[]) => {
              const [, ca, col, ra, row, wa, from, wb, to] = m as (string | undefined)[];
              if (col !== undefined)
                return `${moveColumn(ca ?? "", col, cols)}${moveRow(ra ?? "", row ?? "", rows)}`;
              return `${moveColumn(wa ?? "", from ?? "", cols)}:${moveColumn(wb ?? "", to ?? "", cols)}`;
            })
      )
      .join("");
  } catch (e) {
    if (e instanceof OutOfSheet) return null;
    throw e;
  }
}
