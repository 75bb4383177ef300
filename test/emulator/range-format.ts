/** Range formatting (fill, font, alignment, borders, sizes) applied to the ExcelJS cells at sync time. */
import type ExcelJS from "exceljs";
import { isWholeColumn, isWholeRow, type Rect } from "./addresses";
import type { EmulatorSession } from "./context";
import { EmuRangeProtection } from "./protection";
import { EmulatorError } from "./errors";

/** Where a format proxy writes: resolved at sync, after earlier queued actions ran. */
export interface FormatTarget {
  readonly sheet: () => ExcelJS.Worksheet;
  readonly rects: () => Rect[];
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

const MAX_CELLS = 2_000_000;

export function eachCell(
  target: FormatTarget,
  fn: (cell: ExcelJS.Cell, row: number, col: number, rect: Rect) => void
): void {
  const ws = target.sheet();
  for (const r of target.rects()) {
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_CELLS) {
      throw new EmulatorError("InvalidOperation", "the emulator formats bounded ranges only");
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) fn(ws.getCell(row + 1, col + 1), row, col, r);
    }
  }
}

class FontProxy implements Pick<
  Excel.RangeFont,
  "name" | "size" | "color" | "bold" | "italic" | "underline"
> {
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget
  ) {}
  private set(patch: Partial<ExcelJS.Font>): void {
    this.session.queue(patch, () =>
      eachCell(this.target, (cell) => {
        cell.font = { ...cell.font, ...patch };
      })
    );
  }
  set name(v: string) {
    this.set({ name: v });
  }
  set size(v: number) {
    this.set({ size: v });
  }
  set color(v: string) {
    this.set({ color: { argb: argb(v) } });
  }
  set bold(v: boolean) {
    this.set({ bold: v });
  }
  set italic(v: boolean) {
    this.set({ italic: v });
  }
  set underline(
    v:
      | Excel.RangeUnderlineStyle
      | "None"
      | "Single"
      | "Double"
      | "SingleAccountant"
      | "DoubleAccountant"
  ) {
    this.set({ underline: v === "None" ? false : v === "Single" });
  }
}

class FillProxy implements Pick<Excel.RangeFill, "color"> {
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget
  ) {}
  set color(v: string) {
    this.session.queue(v, () =>
      eachCell(this.target, (cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(v) } };
      })
    );
  }
}

type Side = "top" | "bottom" | "left" | "right";

/** Which sides of which cells an Office border index stands for. */
function sidesOf(index: string, row: number, col: number, r: Rect): Side[] {
  switch (index) {
    case "EdgeTop":
      return row === r.top ? ["top"] : [];
    case "EdgeBottom":
      return row === r.bottom ? ["bottom"] : [];
    case "EdgeLeft":
      return col === r.left ? ["left"] : [];
    case "EdgeRight":
      return col === r.right ? ["right"] : [];
    case "InsideHorizontal":
      return [
        ...(row > r.top ? ["top" as const] : []),
        ...(row < r.bottom ? ["bottom" as const] : []),
      ];
    case "InsideVertical":
      return [
        ...(col > r.left ? ["left" as const] : []),
        ...(col < r.right ? ["right" as const] : []),
      ];
    default:
      throw new EmulatorError("InvalidArgument", `border ${index}`);
  }
}

class BorderProxy implements Pick<Excel.RangeBorder, "style" | "weight" | "color"> {
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget,
    private readonly index: string
  ) {}
  private edit(
    payload: unknown,
    patch: (side: Partial<ExcelJS.Border>) => Partial<ExcelJS.Border>
  ): void {
    this.session.queue(payload, () =>
      eachCell(this.target, (cell, row, col, r) => {
        const border: Partial<ExcelJS.Borders> = { ...cell.border };
        for (const side of sidesOf(this.index, row, col, r))
          border[side] = patch({ ...border[side] });
        cell.border = border;
      })
    );
  }
  set style(
    v:
      | Excel.BorderLineStyle
      | "None"
      | "Continuous"
      | "Dash"
      | "DashDot"
      | "DashDotDot"
      | "Dot"
      | "Double"
      | "SlantDashDot"
  ) {
    this.edit(v, (s) => (v === "None" ? {} : { ...s, style: s.style ?? "thin" }));
  }
  set weight(v: Excel.BorderWeight | "Hairline" | "Thin" | "Medium" | "Thick") {
    this.edit(v, (s) => ({
      ...s,
      style:
        v === "Medium" ? "medium" : v === "Thick" ? "thick" : v === "Hairline" ? "hair" : "thin",
    }));
  }
  set color(v: string) {
    this.edit(v, (s) => ({ ...s, color: { argb: argb(v) } }));
  }
}

class BordersProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget
  ) {}
  getItem(index: string): BorderProxy {
    return new BorderProxy(this.session, this.target, index);
  }
}

const HORIZONTAL: Record<string, ExcelJS.Alignment["horizontal"]> = {
  Left: "left",
  Center: "center",
  Right: "right",
};
const VERTICAL: Record<string, ExcelJS.Alignment["vertical"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
};

/** Office column width is in points; ExcelJS keeps characters (7 px each plus 5 px padding, 0.75 pt per px). */
export function pointsToChars(points: number): number {
  return (points / 0.75 - 5) / 7;
}

export class RangeFormatProxy implements Pick<
  Excel.RangeFormat,
  "wrapText" | "columnWidth" | "rowHeight"
> {
  readonly font: FontProxy;
  readonly fill: FillProxy;
  readonly borders: BordersProxy;
  readonly protection: EmuRangeProtection;
  constructor(
    private readonly session: EmulatorSession,
    private readonly target: FormatTarget,
    cells: () => ExcelJS.Cell[]
  ) {
    this.protection = new EmuRangeProtection(session, cells);
    this.font = new FontProxy(session, target);
    this.fill = new FillProxy(session, target);
    this.borders = new BordersProxy(session, target);
  }
  private align(patch: Partial<ExcelJS.Alignment>): void {
    this.session.queue(patch, () =>
      eachCell(this.target, (cell) => {
        cell.alignment = { ...cell.alignment, ...patch };
      })
    );
  }
  set horizontalAlignment(v: string) {
    const h = HORIZONTAL[v];
    this.align(h === undefined ? {} : { horizontal: h });
  }
  set verticalAlignment(v: string) {
    const a = VERTICAL[v];
    this.align(a === undefined ? {} : { vertical: a });
  }
  set wrapText(v: boolean) {
    this.align({ wrapText: v });
  }
  get wrapText(): boolean {
    throw new EmulatorError("PropertyNotLoaded", "format.wrapText");
  }
  set columnWidth(points: number) {
    this.session.queue(points, () => {
      const ws = this.target.sheet();
      for (const r of this.target.rects()) {
        if (isWholeRow(r))
          throw new EmulatorError("InvalidOperation", "column width of whole rows");
        for (let c = r.left; c <= r.right; c++) ws.getColumn(c + 1).width = pointsToChars(points);
      }
    });
  }
  get columnWidth(): number {
    throw new EmulatorError("PropertyNotLoaded", "format.columnWidth");
  }
  set rowHeight(points: number) {
    this.session.queue(points, () => {
      const ws = this.target.sheet();
      for (const r of this.target.rects()) {
        if (isWholeColumn(r))
          throw new EmulatorError("InvalidOperation", "row height of whole columns");
        for (let row = r.top; row <= r.bottom; row++) ws.getRow(row + 1).height = points;
      }
    });
  }
  get rowHeight(): number {
    throw new EmulatorError("PropertyNotLoaded", "format.rowHeight");
  }
}
