/**
 * Pure: the state sheet to write when another runtime may have written it since this one read the workbook.
 * The ribbon command and the task pane share one workbook from separate runtimes: a plan built from a stale grid
 * would drop the rows the other one added (ranking history). Rows are keyed by their first cell; a three-way
 * merge against what this runtime last read keeps the other runtime's changes and this run's own.
 */
import type { SheetPlan, WriteValue } from "../../core/plan";

type Row = readonly unknown[];

function keyOf(row: Row): string | null {
  const k = row[0];
  return typeof k === "string" && k !== "" && !k.includes("[scorecard:") ? k : null;
}

function byKey(rows: readonly Row[] | null): Map<string, Row> | null {
  if (!rows) return null;
  const out = new Map<string, Row>();
  for (const row of rows) {
    const k = keyOf(row);
    if (k !== null) out.set(k, row);
  }
  return out;
}

/** Trailing empty cells ("" from Office.js, null from the grid) do not make rows differ. */
function same(a: Row | undefined, b: Row | undefined): boolean {
  const norm = (r: Row | undefined) => {
    const out = (r ?? []).map((v) => (v === "" || v === undefined ? null : v));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return JSON.stringify(out);
  };
  return norm(a) === norm(b);
}

function toWrite(row: Row): WriteValue[] {
  return row.map((v) =>
    typeof v === "string" || typeof v === "number" || typeof v === "boolean"
      ? v === ""
        ? null
        : v
      : null
  );
}

/**
 * `base`: the state rows this runtime last read (null when it has not read the workbook); `current`: the rows
 * in the workbook now (null when there is no state sheet). A key this run did not change takes the current row;
 * a key this run changed or added takes the planned one; a key only the workbook has now is kept, unless this
 * run removed it.
 */
export function mergeStateSheet(
  planned: SheetPlan,
  base: readonly Row[] | null,
  current: readonly Row[] | null
): SheetPlan {
  if (!current) return planned;
  const b = byKey(base);
  const c = byKey(current) ?? new Map<string, Row>();
  const values: WriteValue[][] = [];
  const plannedKeys = new Set<string>();
  for (const row of planned.values) {
    const k = keyOf(row);
    if (k === null) {
      values.push([...row]);
      continue;
    }
    plannedKeys.add(k);
    const untouched = b !== null && b.has(k) && same(b.get(k), row);
    if (!untouched) values.push([...row]);
    else if (c.has(k)) values.push(toWrite(c.get(k) ?? []));
  }
  for (const [k, row] of c) {
    if (plannedKeys.has(k)) continue;
    if (b?.has(k)) continue;
    values.push(toWrite(row));
  }
  return { ...planned, values };
}
