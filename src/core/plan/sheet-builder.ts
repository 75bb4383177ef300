import { columnLetter, parseA1, toA1 } from "../grid";
import type {
  CellStyle,
  DataBar,
  Hyperlink,
  ListValidation,
  PrintSetup,
  SheetKind,
  SheetPlan,
  StyledRanges,
  WriteValue,
} from "./write-plan";
import { displayWidth } from "./text-width";

/** A1 for a 0-based rectangle. */
export function rangeA1(top: number, left: number, bottom = top, right = left): string {
  const a = toA1(top, left);
  const b = toA1(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

function styleKey(style: CellStyle): string {
  return JSON.stringify(
    Object.keys(style)
      .sort()
      .map((k) => [k, style[k as keyof CellStyle]])
  );
}

/**
 * The header of a table the product builds for a user to fill or read (the sample's and template's tables, the
 * merged workbook's): bold and centred on a light grey fill, wrapped, with thin borders.
 */
export const TABLE_HEADER_STYLE: CellStyle = {
  bold: true,
  fill: "F2F2F2",
  horizontal: "center",
  vertical: "middle",
  wrap: true,
  border: "thin",
};

/**
 * Mutable scratchpad the planners fill cell by cell; `build()` freezes it into a SheetPlan with styles grouped
 * (one entry per distinct style, in first-use order) so hosts make one format call per style.
 */
export class SheetBuilder {
  private readonly rows: WriteValue[][] = [];
  private readonly styleOrder: string[] = [];
  private readonly styleMap = new Map<string, { style: CellStyle; ranges: string[] }>();
  private readonly merges: string[] = [];
  private readonly hyperlinks: Hyperlink[] = [];
  private readonly validations: ListValidation[] = [];
  private readonly dataBars: DataBar[] = [];
  private readonly rowHeights: Record<number, number> = {};
  /** Columns whose width `autoWidths` must not grow from a cell (merged titles, long paragraphs). */
  private readonly widthExempt = new Set<string>();

  constructor(
    readonly name: string,
    readonly kind: SheetKind,
    readonly owned: boolean
  ) {}

  get rowCount(): number {
    return this.rows.length;
  }

  set(row: number, col: number, value: WriteValue): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row] as WriteValue[];
    while (r.length <= col) r.push(null);
    r[col] = value;
  }

  /** Writes values left to right from (row, col). */
  setRow(row: number, col: number, values: readonly WriteValue[]): void {
    values.forEach((v, i) => this.set(row, col + i, v));
  }

  style(style: CellStyle, top: number, left: number, bottom = top, right = left): void {
    const key = styleKey(style);
    let entry = this.styleMap.get(key);
    if (!entry) {
      entry = { style, ranges: [] };
      this.styleMap.set(key, entry);
      this.styleOrder.push(key);
    }
    entry.ranges.push(rangeA1(top, left, bottom, right));
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push(rangeA1(top, left, bottom, right));
    this.widthExempt.add(toA1(top, left));
  }

  /** Keeps a cell's text out of the column-width estimate (it wraps or spills over empty neighbours). */
  exemptFromWidth(row: number, col: number): void {
    this.widthExempt.add(toA1(row, col));
  }

  link(row: number, col: number, sheet: string, target: string, tooltip?: string): void {
    this.hyperlinks.push({
      cell: toA1(row, col),
      sheet,
      target,
      ...(tooltip === undefined ? {} : { tooltip }),
    });
  }

  validate(validation: ListValidation): void {
    this.validations.push(validation);
  }

  dataBar(bar: DataBar): void {
    this.dataBars.push(bar);
  }

  height(row: number, points: number): void {
    this.rowHeights[row + 1] = points;
  }

  /**
   * Column widths from content: CJK counts double, numbers by their formatted length; clamped to [min, max].
   * `numberWidth` estimates how wide a number prints in a column.
   */
  autoWidths(
    min: number,
    max: number,
    numberWidth: (col: number, value: number) => number = defaultNumberWidth
  ): number[] {
    const widths: number[] = [];
    this.rows.forEach((r, row) => {
      r.forEach((v, col) => {
        if (v === null || this.widthExempt.has(toA1(row, col))) return;
        const w =
          typeof v === "number"
            ? numberWidth(col, v)
            : v instanceof Date
              ? 10
              : typeof v === "boolean"
                ? 5
                : Math.max(...v.split("\n").map(displayWidth));
        widths[col] = Math.max(widths[col] ?? 0, w);
      });
    });
    return Array.from({ length: widths.length }, (_, i) =>
      Math.min(max, Math.max(min, (widths[i] ?? 0) + 2))
    );
  }

  build(extra: {
    columnWidths: readonly number[];
    freeze?: { rows: number; columns: number };
    print?: PrintSetup;
    tabColor?: string;
    visibility?: SheetPlan["visibility"];
  }): SheetPlan {
    const width = Math.max(0, ...this.rows.map((r) => r.length));
    const values = this.rows.map((r) => [...r, ...Array<WriteValue>(width - r.length).fill(null)]);
    const styles: StyledRanges[] = this.styleOrder.map((k) => {
      const e = this.styleMap.get(k) as { style: CellStyle; ranges: string[] };
      return { style: e.style, ranges: coalesce(e.ranges) };
    });
    return {
      name: this.name,
      kind: this.kind,
      owned: this.owned,
      values,
      styles,
      merges: [...this.merges],
      columnWidths: extra.columnWidths,
      rowHeights: { ...this.rowHeights },
      ...(extra.freeze ? { freeze: extra.freeze } : {}),
      ...(extra.print ? { print: extra.print } : {}),
      hyperlinks: [...this.hyperlinks],
      validations: [...this.validations],
      dataBars: [...this.dataBars],
      ...(extra.tabColor ? { tabColor: extra.tabColor } : {}),
      visibility: extra.visibility ?? "visible",
    };
  }
}

function defaultNumberWidth(_col: number, value: number): number {
  return Number.isInteger(value) ? String(value).length : value.toFixed(2).length;
}

export function columnRange(col: number, top: number, bottom: number): string {
  const c = columnLetter(col);
  return `${c}${top + 1}:${c}${bottom + 1}`;
}

/**
 * Joins single cells of one style that stack in a column into one range (F5, F6, F7 → F5:F7), so a host
 * sends fewer, shorter addresses; multi-cell ranges pass through unchanged, first-seen order kept.
 */
export function coalesce(ranges: readonly string[]): string[] {
  const singles = new Map<number, number[]>();
  const out: (string | { col: number })[] = [];
  for (const r of ranges) {
    if (r.includes(":")) {
      out.push(r);
      continue;
    }
    const { row, col } = parseA1(r);
    let rows = singles.get(col);
    if (!rows) {
      rows = [];
      singles.set(col, rows);
      out.push({ col });
    }
    rows.push(row);
  }
  return out.flatMap((item) => {
    if (typeof item === "string") return [item];
    const rows = [...new Set(singles.get(item.col) ?? [])].sort((a, b) => a - b);
    const runs: string[] = [];
    let start = rows[0] ?? 0;
    let prev = start;
    for (const row of rows.slice(1)) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      runs.push(rangeA1(start, item.col, prev, item.col));
      start = row;
      prev = row;
    }
    if (rows.length > 0) runs.push(rangeA1(start, item.col, prev, item.col));
    return runs;
  });
}
