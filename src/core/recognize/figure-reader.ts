/**
 * Reads one figure of a unit row: its cell, or the sum of its period cells (一季度…四季度, 上半年) begun by the
 * as-of month.
 */
import { type SheetGrid, toA1 } from "../grid";
import type { Issue } from "../issues";
import type { SourcedValue } from "../model";
import { readAmount, type Amount } from "./amounts";
import type { FigureColumn, PeriodPart } from "./table-columns";

export class FigureReader {
  constructor(
    private readonly sheet: SheetGrid,
    private readonly asOfMonth: number | null,
    private readonly issues: Issue[]
  ) {}

  private amount(r: number, col: number, f: FigureColumn): Amount {
    return readAmount(this.sheet.rows[r]?.[col] ?? null, {
      sheet: this.sheet.name,
      row: r,
      col,
      field: f.key,
      unit: f.unit,
      quantity: f.quantity,
      issues: this.issues,
      ...(f.rangeLow ? { rangeLow: true } : {}),
    });
  }

  /**
   * One figure of row `r`: its cell, or read from its period cells begun by the as-of month. Periods that
   * follow each other (一季度, 二季度 …) are added; a running total (上半年, 前三季度) stands for the periods it
   * covers, so from the first month on, the widest filled span is taken and the next one starts after it.
   */
  read(r: number, f: FigureColumn): SourcedValue {
    const at = { sheet: this.sheet.name, cell: toA1(r, f.col) };
    if (f.parts === null) {
      const a = this.amount(r, f.col, f);
      return { ...a, blocked: a.blocked || f.blocked, ...at };
    }
    const begun = f.parts
      .filter((p) => this.asOfMonth === null || p.start <= this.asOfMonth)
      .map((p) => ({ part: p, amount: this.amount(r, p.col, f) }));
    // A running total reaching past the quarter in progress belongs to a later report (前三季度 in May).
    const reach = this.asOfMonth === null ? 12 : Math.ceil(this.asOfMonth / 3) * 3;
    let sum: number | null = null;
    let lastCol = f.parts[0]?.col ?? f.col;
    for (let covered = 0; ;) {
      const next =
        widestNext(
          begun.filter((b) => b.part.end <= reach),
          covered
        ) ?? widestNext(begun, covered);
      if (!next) break;
      sum = (sum ?? 0) + (next.amount.value as number);
      lastCol = next.part.col;
      covered = next.part.end;
    }
    const value = sum === null ? null : Number(sum.toPrecision(12));
    return {
      value,
      notApplicable: begun.every((b) => b.amount.notApplicable) && value === null,
      blocked: f.blocked || begun.some((b) => b.amount.blocked),
      sheet: this.sheet.name,
      cell: toA1(r, lastCol),
    };
  }
}

/** The filled period starting first after month `covered`, the widest of those starting then. */
function widestNext<T extends { part: PeriodPart; amount: { value: number | null } }>(
  begun: readonly T[],
  covered: number
): T | null {
  let best: T | null = null;
  for (const b of begun) {
    if (b.amount.value === null || b.part.start <= covered) continue;
    if (
      !best ||
      b.part.start < best.part.start ||
      (b.part.start === best.part.start && b.part.end > best.part.end)
    )
      best = b;
  }
  return best;
}
