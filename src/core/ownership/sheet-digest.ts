/**
 * A digest of a sheet's values that every host reads back the same way: the values a plan writes and the grid
 * an adapter reads from that sheet later give the same digest, whoever saved the file in between (Excel keeps 15
 * significant digits, hosts read dates as Dates or serials, line ends may become \n).
 */
import { parseA1 } from "../grid/address";
import { cellsDigest } from "../grid/cells-digest";
import type { SheetPlan, WriteValue } from "../plan/write-plan";

export { cellsDigest, textDigest, type DigestCells } from "../grid/cells-digest";

/** The values a sheet shows once the plan is written: a link without text shows its target. */
export function writtenValues(plan: SheetPlan): WriteValue[][] {
  const values = plan.values.map((row) => [...row]);
  for (const link of plan.hyperlinks) {
    const { row: r, col: c } = parseA1(link.cell);
    while (values.length <= r) values.push([]);
    const row = values[r] as WriteValue[];
    while (row.length <= c) row.push(null);
    if (row[c] === null || row[c] === undefined) row[c] = link.target;
  }
  return values;
}

/** Digest of what writing `plan` puts in the sheet; equals `cellsDigest` of the sheet read back. */
export function planDigest(plan: SheetPlan): string {
  return cellsDigest(writtenValues(plan));
}
