/** Range and RangeAreas proxies over an ExcelJS worksheet. */
import type ExcelJS from "exceljs";
import { parseAddress, parseAreas, sheetAddress, type Rect } from "./addresses";
import { readCell, uses1904, writeCell } from "./cells";
import { cellText } from "./cell-text";
import { EmuClientObject } from "./client-object";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";
import { ConditionalFormatsProxy, DataValidationProxy } from "./range-extras";
import { RangeFormatProxy, type FormatTarget } from "./range-format";
import { usedRect } from "./used-range";
import { checkWritable } from "./protection";

/**
 * Excel.Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512, then this
 * method will fail to return the result"; and only merges whose top-left cell lies in the range are returned
 * (behaviour reported in issue 15; a merge straddling two probed bands is reported once).
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
 */
export const MAX_MERGED_AREAS = 512;

/** Resolves at sync time to the sheet and its rectangle(s); null for a null object. */
export interface RangeSpec {
  readonly sheet: () => ExcelJS.Worksheet;
  readonly rects: () => Rect[] | null;
}

function merges(ws: ExcelJS.Worksheet): Rect[] {
  const m =
    (
      ws as unknown as {
        _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
      }
    )._merges ?? {};
  return Object.values(m).map((r) => ({
    top: r.top - 1,
    left: r.left - 1,
    bottom: r.bottom - 1,
    right: r.right - 1,
  }));
}

function matrix<T>(ws: ExcelJS.Worksheet, r: Rect, fn: (cell: ExcelJS.Cell) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    const xr = ws.getRow(row + 1);
    for (let col = r.left; col <= r.right; col++) line.push(fn(xr.getCell(col + 1)));
    out.push(line);
  }
  return out;
}

abstract class RangeBase extends EmuClientObject {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatsProxy;

  constructor(
    session: EmulatorSession,
    protected readonly spec: RangeSpec
  ) {
    super(session);
    const target: FormatTarget = { sheet: spec.sheet, rects: () => this.rectsOrThrow() };
    this.format = new RangeFormatProxy(session, target, () => this.cells());
    this.dataValidation = new DataValidationProxy(session, target);
    this.conditionalFormats = new ConditionalFormatsProxy(session, target);
  }

  /** What the range stands for, for proxies that take a range argument (a chart's source). */
  get target(): RangeSpec {
    return this.spec;
  }

  protected rectsOrThrow(): Rect[] {
    const rects = this.spec.rects();
    if (!rects) throw new EmulatorError("InvalidOperation", "method called on a null object");
    return rects;
  }

  /** Every cell of the range (for per-cell properties such as protection). */
  protected cells(): ExcelJS.Cell[] {
    const ws = this.spec.sheet();
    const out: ExcelJS.Cell[] = [];
    for (const r of this.rectsOrThrow())
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) out.push(ws.getCell(row + 1, col + 1));
    return out;
  }

  get isNullObject(): boolean {
    return this.loadedValue<boolean>("isNullObject");
  }

  select(): void {
    this.session.queue("select", () => {
      const rects = this.rectsOrThrow();
      this.session.selection = {
        sheet: this.spec.sheet().name,
        address: rects.map((r) => sheetAddress(this.spec.sheet().name, r)).join(", "),
      };
    });
  }

  protected baseFetch(name: string): unknown {
    if (name === "isNullObject") return this.spec.rects() === null;
    const rects = this.spec.rects();
    if (!rects) return undefined;
    if (name === "address")
      return rects.map((r) => sheetAddress(this.spec.sheet().name, r)).join(", ");
    throw new EmulatorError("InvalidArgument", name);
  }
}

export class EmuRange
  extends RangeBase
  implements
    Pick<
      Excel.Range,
      | "address"
      | "rowCount"
      | "columnCount"
      | "values"
      | "valueTypes"
      | "numberFormat"
      | "columnHidden"
      | "rowHidden"
      | "isNullObject"
      | "select"
      | "merge"
    >
{
  protected readonly loadable = [
    "address",
    "rowCount",
    "columnCount",
    "values",
    "valueTypes",
    "numberFormat",
    "columnHidden",
    "rowHidden",
    "isNullObject",
    "text",
    "formulas",
  ];

  private date1904(): boolean {
    return uses1904(this.session.workbook);
  }

  private rect(): Rect {
    const rects = this.rectsOrThrow();
    const r = rects[0];
    if (!r) throw new EmulatorError("InvalidOperation", "empty range");
    return r;
  }

  protected fetchProperty(name: string): unknown {
    if (name === "isNullObject" || name === "address") return this.baseFetch(name);
    if (this.spec.rects() === null) return undefined;
    const ws = this.spec.sheet();
    const r = this.rect();
    switch (name) {
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "values":
        return matrix(ws, r, (c) => readCell(c, this.date1904()).value);
      case "valueTypes":
        return matrix(ws, r, (c) => readCell(c).type);
      case "numberFormat":
        return matrix(ws, r, (c) => readCell(c).format);
      case "text":
        return matrix(ws, r, (c) => cellText(readCell(c, this.date1904()), this.date1904()));
      case "formulas":
        return matrix(ws, r, (c) =>
          c.formula ? `=${c.formula}` : readCell(c, this.date1904()).value
        );
      case "columnHidden": {
        let all = true;
        let none = true;
        for (let c = r.left; c <= r.right; c++) {
          if (ws.getColumn(c + 1).hidden) none = false;
          else all = false;
        }
        return all ? true : none ? false : null;
      }
      case "rowHidden": {
        // "true when all rows in a range are hidden, false when none are, null when some are" (Excel.Range.rowHidden).
        let hidden = 0;
        for (let row = r.top; row <= r.bottom; row++) if (ws.findRow(row + 1)?.hidden) hidden++;
        return hidden === 0 ? false : hidden === r.bottom - r.top + 1 ? true : null;
      }
      default:
        throw new EmulatorError("InvalidArgument", name);
    }
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.loadedValue("valueTypes");
  }
  get columnHidden(): boolean {
    return this.loadedValue("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.session.queue(hidden, () => {
      const r = this.rect();
      for (let c = r.left; c <= r.right; c++) this.spec.sheet().getColumn(c + 1).hidden = hidden;
    });
  }

  get rowHidden(): boolean {
    return this.loadedValue("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.session.queue(hidden, () => {
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++)
        this.spec.sheet().getRow(row + 1).hidden = hidden;
    });
  }

  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(values: unknown[][]) {
    this.session.queue(values, () => {
      const r = this.rect();
      if (
        values.length !== r.bottom - r.top + 1 ||
        values.some((row) => row.length !== r.right - r.left + 1)
      ) {
        throw new EmulatorError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      const ws = this.spec.sheet();
      values.forEach((row, i) =>
        row.forEach((_v, j) => checkWritable(ws, ws.getCell(r.top + i + 1, r.left + j + 1)))
      );
      values.forEach((row, i) =>
        row.forEach((v, j) =>
          writeCell(ws.getCell(r.top + i + 1, r.left + j + 1), v, this.date1904())
        )
      );
    });
  }

  get text(): string[][] {
    return this.loadedValue("text");
  }

  /** Formulas are written like typed text starting with "="; the emulator calculates DATE() only. */
  set formulas(formulas: unknown[][]) {
    this.values = formulas;
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.session.queue(formats, () => {
      const r = this.rect();
      if (
        formats.length !== r.bottom - r.top + 1 ||
        formats.some((row) => row.length !== r.right - r.left + 1)
      ) {
        throw new EmulatorError("InvalidArgument", "numberFormat dimensions");
      }
      const ws = this.spec.sheet();
      formats.forEach((row, i) =>
        row.forEach((f, j) => {
          if (typeof f === "string") ws.getCell(r.top + i + 1, r.left + j + 1).numFmt = f;
        })
      );
    });
  }

  set hyperlink(link: Excel.RangeHyperlink) {
    this.session.require("1.7", "Range.hyperlink");
    this.session.queue(link, () => {
      const r = this.rect();
      const cell = this.spec.sheet().getCell(r.top + 1, r.left + 1);
      const text = link.textToDisplay ?? readCell(cell).value;
      const target =
        link.documentReference !== undefined ? `#${link.documentReference}` : (link.address ?? "");
      cell.value = {
        text: String(text),
        hyperlink: target,
        ...(link.screenTip ? { tooltip: link.screenTip } : {}),
      } as ExcelJS.CellHyperlinkValue;
    });
  }

  merge(across?: boolean): void {
    this.session.queue({ across }, () => {
      const r = this.rect();
      this.spec.sheet().mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
    });
  }

  getCell(row: number, column: number): EmuRange {
    return new EmuRange(this.session, {
      sheet: this.spec.sheet,
      rects: () => {
        const r = this.rect();
        return [
          { top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column },
        ];
      },
    });
  }

  getMergedAreasOrNullObject(): EmuRangeAreas {
    this.session.require("1.13", "Range.getMergedAreasOrNullObject");
    return new EmuRangeAreas(this.session, {
      sheet: this.spec.sheet,
      rects: () => {
        const r = this.rect();
        const found = merges(this.spec.sheet()).filter(
          (m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right
        );
        if (found.length > MAX_MERGED_AREAS)
          throw new EmulatorError(
            "GeneralException",
            `${found.length} merged areas: more than ${MAX_MERGED_AREAS}`
          );
        return found.length > 0 ? found : null;
      },
    });
  }

  /**
   * ExcelApi 1.9; only SpecialCellType "Visible" is emulated: the range's cells in rows and columns not hidden, as
   * blocks of visible rows × blocks of visible columns (whole rows written "3:5", as Excel writes them).
   */
  getSpecialCellsOrNullObject(cellType: string): EmuRangeAreas {
    this.session.require("1.9", "Range.getSpecialCellsOrNullObject");
    if (cellType !== "Visible")
      throw new EmulatorError("InvalidArgument", `special cells ${cellType} are not emulated`);
    return new EmuRangeAreas(this.session, {
      sheet: this.spec.sheet,
      rects: () => {
        const r = this.rect();
        const ws = this.spec.sheet();
        const rows = visibleRuns(r.top, r.bottom, (i) => ws.findRow(i + 1)?.hidden === true);
        const hiddenCols = new Set((ws.columns ?? []).flatMap((c, i) => (c.hidden ? [i] : [])));
        const cols = visibleRuns(r.left, r.right, (i) => hiddenCols.has(i));
        const out = rows.flatMap(([top, bottom]) =>
          cols.map(([left, right]) => ({ top, bottom, left, right }))
        );
        return out.length > 0 ? out : null;
      },
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): EmuRange {
    return new EmuRange(this.session, {
      sheet: this.spec.sheet,
      rects: () => {
        const u = usedRect(this.spec.sheet(), valuesOnly === true, this.rect());
        return u ? [u] : null;
      },
    });
  }
}

/** Runs [first, last] of indices from..to that are not hidden. */
function visibleRuns(
  from: number,
  to: number,
  hidden: (i: number) => boolean
): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = from; i <= to + 1; i++) {
    const visible = i <= to && !hidden(i);
    if (visible && start < 0) start = i;
    if (!visible && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  }
  return runs;
}

export class EmuRangeAreas
  extends RangeBase
  implements Pick<Excel.RangeAreas, "address" | "isNullObject" | "select">
{
  protected readonly loadable = ["address", "isNullObject", "areaCount"];
  protected fetchProperty(name: string): unknown {
    if (name === "areaCount") return this.spec.rects()?.length;
    return this.baseFetch(name);
  }
  get address(): string {
    return this.loadedValue("address");
  }
}

export function rangeSpec(sheet: () => ExcelJS.Worksheet, address: string): RangeSpec {
  const rect = parseAddress(address);
  return { sheet, rects: () => [rect] };
}

export function areasSpec(sheet: () => ExcelJS.Worksheet, address: string): RangeSpec {
  const rects = parseAreas(address);
  return { sheet, rects: () => rects };
}
