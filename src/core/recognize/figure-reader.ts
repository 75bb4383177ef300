/**
 * Reads one figure of a unit row: its cell, or the sum of its period cells (一季度…四季度, 上半年) begun by the
 * as-of month.
 */
import { type SheetGrid, toA1 } from "../grid";
import type { Issue } from "../issues";
import type { SourcedValue } from "../model";
import { readAmount, type Amount } from "./amounts";
import { readNumberCell } from "./cell-values";
import { issueAt } from "./issue";
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

  /** Rows holding a number, per column: whether a blank cell is one unit's gap or a period no one reported yet. */
  private readonly filled = new Map<number, number>();

  private numbersIn(col: number): number {
    let n = this.filled.get(col);
    if (n === undefined) {
      n = this.sheet.rows.filter(
        (row) => readNumberCell(row[col] ?? null).kind === "number"
      ).length;
      this.filled.set(col, n);
    }
    return n;
  }

  /**
   * 一季度 and 二季度 filled, 三季度 blank under a 1-9月 title while other units report it: the sum stops short of
   * the as-of and the gap is counted as 0, as a blank 完成 cell is — said, never silently.
   */
  private noteBlankPeriod(
    r: number,
    f: FigureColumn,
    begun: readonly { part: PeriodPart; amount: Amount }[],
    covered: number
  ): void {
    const reach = this.asOfMonth === null ? 12 : Math.ceil(this.asOfMonth / 3) * 3;
    const gap = begun.find(
      (b) =>
        b.part.start > covered &&
        b.part.end <= reach &&
        b.amount.value === null &&
        !b.amount.notApplicable &&
        !b.amount.blocked &&
        this.numbersIn(b.part.col) > 0
    );
    if (!gap) return;
    this.issues.push(
      issueAt(
        "missing_actual",
        "warning",
        this.sheet.name,
        r,
        gap.part.col,
        {
          zh: `${toA1(r, gap.part.col)} 为空（其他单位已填报该期），该期按0计，完成数只含此前各期`,
          en: `${toA1(r, gap.part.col)} is blank while other units report that period: it is counted as 0, so the actual holds only the periods before it`,
        },
        f.key
      )
    );
  }

  /** One figure of row `r`: its cell, or what its period cells give by the as-of month (periodsSoFar). */
  read(r: number, f: FigureColumn): SourcedValue {
    const at = { sheet: this.sheet.name, cell: toA1(r, f.col) };
    if (f.parts === null) {
      const a = this.amount(r, f.col, f);
      return { ...a, blocked: a.blocked || f.blocked, ...at };
    }
    const { sum, begun, col, covered } = periodsSoFar(f.parts, this.asOfMonth, (p) =>
      this.amount(r, p.col, f)
    );
    const value = sum === null ? null : Number(sum.toPrecision(12));
    if (value !== null) this.noteBlankPeriod(r, f, begun, covered);
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
): {
  sum: number | null;
  begun: readonly { part: PeriodPart; amount: A }[];
  col: number;
  /** The last month the sum covers (0: none). */
  covered: number;
} {
  const begun = parts
    .filter((p) => asOfMonth === null || p.start <= asOfMonth)
    .map((p) => ({ part: p, amount: read(p) }));
  // A running total reaching past the quarter in progress belongs to a later report (前三季度 in May).
  const reach = asOfMonth === null ? 12 : Math.ceil(asOfMonth / 3) * 3;
  let sum: number | null = null;
  let col = parts[0]?.col ?? -1;
  let covered = 0;
  for (;;) {
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
  return { sum, begun, col, covered };
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
