import { SheetBuilder, TABLE_HEADER_STYLE } from "../plan/sheet-builder";
import type { SheetPlan, WriteValue } from "../plan/write-plan";
import { SEED_001_GROUP_HEADERS, SEED_001_LEAF_HEADERS } from "./seed-001";

/** One row of a 目标分解表 / 完成情况表 in seed 001's column order; "---" where the indicator does not apply. */
export interface UnitTableRow {
  readonly no: number | null;
  readonly unit: string;
  readonly values: readonly (number | "---" | null)[];
}

export interface UnitTableSpec {
  readonly name: string;
  readonly title: string;
  readonly note: string;
  readonly rows: readonly UnitTableRow[];
  /** Writes a 合计 row (sum of the unit rows, or the given figures). */
  readonly totals?: readonly (number | null)[] | "sum" | null;
  /** Extra blank numbered rows (template). */
  readonly blankRows?: number;
}

const LAST_COL = 1 + SEED_001_LEAF_HEADERS.length;
export const UNIT_TABLE_FIRST_DATA_ROW = 4;
const MONEY_COLUMNS = 2;

/** Seed 001's table shape: title, note, two-row merged header, 合计 row, one row per 责任单位. */
export function planUnitTable(spec: UnitTableSpec): SheetPlan {
  const b = new SheetBuilder(spec.name, "sample", false);
  b.set(0, 0, spec.title);
  b.merge(0, 0, 0, LAST_COL);
  b.style({ bold: true, fontSize: 16, horizontal: "center", vertical: "middle" }, 0, 0);
  b.height(0, 28);
  b.set(1, 0, spec.note);
  b.merge(1, 0, 1, LAST_COL);
  b.style({ horizontal: "left" }, 1, 0);

  b.set(2, 0, "序号");
  b.merge(2, 0, 3, 0);
  b.set(2, 1, "责任单位");
  b.merge(2, 1, 3, 1);
  for (const [text, from, to] of SEED_001_GROUP_HEADERS) {
    b.set(2, 2 + from, text);
    b.merge(2, 2 + from, 2, 2 + to);
  }
  b.setRow(3, 2, [...SEED_001_LEAF_HEADERS]);
  b.style(TABLE_HEADER_STYLE, 2, 0, 3, LAST_COL);
  b.height(3, 44);

  let row = UNIT_TABLE_FIRST_DATA_ROW;
  if (spec.totals) {
    const sums: (number | null)[] =
      spec.totals === "sum"
        ? SEED_001_LEAF_HEADERS.map((_, i) =>
            round2(
              spec.rows.reduce(
                (s, r) => s + (typeof r.values[i] === "number" ? (r.values[i] as number) : 0),
                0
              )
            )
          )
        : [...spec.totals];
    b.setRow(row, 0, [null, "合计", ...sums]);
    b.style({ bold: true }, row, 0, row, LAST_COL);
    row++;
  }
  for (const r of spec.rows) {
    const values: WriteValue[] = [r.no, r.unit, ...r.values];
    b.setRow(row, 0, values);
    row++;
  }
  for (let i = 0; i < (spec.blankRows ?? 0); i++) {
    b.set(row, 0, spec.rows.length + i + 1);
    b.set(row, LAST_COL, null);
    row++;
  }
  const last = Math.max(row - 1, UNIT_TABLE_FIRST_DATA_ROW);
  b.style({ border: "thin", vertical: "middle" }, UNIT_TABLE_FIRST_DATA_ROW, 0, last, LAST_COL);
  b.style({ horizontal: "center" }, UNIT_TABLE_FIRST_DATA_ROW, 0, last, 1);
  b.style({ numberFormat: "0.00" }, UNIT_TABLE_FIRST_DATA_ROW, 2, last, 1 + MONEY_COLUMNS);
  b.style(
    { numberFormat: "0", horizontal: "right" },
    UNIT_TABLE_FIRST_DATA_ROW,
    2 + MONEY_COLUMNS,
    last,
    LAST_COL
  );
  return b.build({
    columnWidths: [6, 12, 13, 13, 10, 10, 10, 10, 10],
    freeze: { rows: UNIT_TABLE_FIRST_DATA_ROW, columns: 2 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: [3, 4],
    },
  });
}

export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
