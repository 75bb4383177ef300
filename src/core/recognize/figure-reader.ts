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

  /** One figure of row `r`: its cell, or what its period cells give by the as-of month (periodsSoFar). */
  read(r: number, f: FigureColumn): SourcedValue {
    const at = { sheet: this.sheet.name, cell: toA1(r, f.col) };
    if (f.parts === null) {
      const a = this.amount(r, f.col, f);
      return { ...a, blocked: a.blocked || f.blocked, ...at };
    }
    const { sum, begun, col } = periodsSoFar(f.parts, this.asOfMonth, (p) =>
      this.amount(r, p.col, f)
    );
    const value = sum === null ? null : Number(sum.toPrecision(12));
    return {
      value,
      notApplicable: begun.every((b) => b.amount.notApplicable) && value === null,
      blocked: f.blocked || begun.some((b) => b.amount.blocked),
      sheet: this.sheet.name,
      cell: toA1(r, col),
    };
  }
}

/**
 * The figure period cells give as of month `asOfMonth` (null: every period filled in): the periods begun by then
 * are read; periods that follow each other (一季度, 二季度 …; 1月, 2月 …) are added; a running total (上半年,
 * 前三季度) stands for the periods it covers, so from the first month on, the widest filled span is taken and the
 * next one starts after it. The one rule for a table's 一季度…四季度 and a 台账's 到位资金 by month.
 */
export function periodsSoFar<A extends { readonly value: number | null }>(
  parts: readonly PeriodPart[],
  asOfMonth: number | null,
  read: (part: PeriodPart) => A
): { sum: number | null; begun: readonly { part: PeriodPart; amount: A }[]; col: number } {
  const begun = parts
    .filter((p) => asOfMonth === null || p.start <= asOfMonth)
    .map((p) => ({ part: p, amount: read(p) }));
  // A running total reaching past the quarter in progress belongs to a later report (前三季度 in May).
  const reach = asOfMonth === null ? 12 : Math.ceil(asOfMonth / 3) * 3;
  let sum: number | null = null;
  let col = parts[0]?.col ?? -1;
  for (let covered = 0; ;) {
    const next =
      widestNext(
        begun.filter((b) => b.part.end <= reach),
        covered
      ) ?? widestNext(begun, covered);
    if (!next) break;
    sum = (sum ?? 0) + (next.amount.value as number);
    col = next.part.col;
    covered = next.part.end;
  }
  return { sum, begun, col };
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
