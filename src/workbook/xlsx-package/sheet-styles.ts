/**
 * The cell formats of our sheets as a stylesheet of their own: each planned sheet's layered style entries resolved
 * per cell, each distinct result one `<xf>` (its font, fill, border and number format shared). styles-merge.ts
 * then moves the formats a sheet uses into the user's stylesheet. Same plan, same stylesheet, on every run.
 */
import { parseRangeA1 } from "../../core/grid";
import { DEFAULT_FONT, type CellStyle, type SheetPlan } from "../../core/plan";
import { escapeAttr } from "./xml-text";
import { MAIN_NS } from "./workbook-part";

const BORDER_COLOR = "FF808080";
/** numFmtId 0–163 are Excel's built-in formats; a stylesheet's own start here. */
const FIRST_CUSTOM_FORMAT = 164;
/** Built-in number formats (ECMA-376 §18.8.30) by their code: written by id, as Excel itself does. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["@", 49],
]);

/** Cells are keyed by row × this + column: sheets stop at column XFD (16,384). */
export const COLUMN_SPAN = 16_384;

/** The style each styled cell of a sheet ends up with once its entries are layered, by row × COLUMN_SPAN + col. */
export function layeredStyles(plan: SheetPlan): Map<number, CellStyle> {
  const perCell = new Map<number, CellStyle>();
  for (const entry of plan.styles) {
    for (const range of entry.ranges) {
      const r = parseRangeA1(range);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const key = row * COLUMN_SPAN + col;
          const below = perCell.get(key);
          perCell.set(key, below ? { ...below, ...entry.style } : entry.style);
        }
      }
    }
  }
  return perCell;
}

function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, "").toUpperCase()}`;
}

/** A list of distinct XML items, each found again by its text. */
class Distinct {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: readonly string[]) {
    for (const item of initial) this.indexOf(item);
  }

  indexOf(item: string): number {
    let i = this.index.get(item);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(item);
      this.index.set(item, i);
    }
    return i;
  }
}

function fontXml(s: CellStyle): string {
  return (
    "<font>" +
    (s.bold ? "<b/>" : "") +
    (s.italic ? "<i/>" : "") +
    (s.underline ? "<u/>" : "") +
    `<sz val="${s.fontSize ?? 11}"/>` +
    (s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : "") +
    `<name val="${DEFAULT_FONT}"/></font>`
  );
}

function fillXml(rgb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(rgb)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function borderXml(style: "thin" | "medium"): string {
  const side = (name: string) =>
    `<${name} style="${style}"><color rgb="${BORDER_COLOR}"/></${name}>`;
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
}

function alignmentXml(s: CellStyle): string {
  if (!s.horizontal && !s.vertical && !s.wrap) return "";
  const vertical = s.vertical === "middle" ? "center" : s.vertical;
  return (
    "<alignment" +
    (s.horizontal ? ` horizontal="${s.horizontal}"` : "") +
    (vertical ? ` vertical="${vertical}"` : "") +
    (s.wrap ? ' wrapText="1"' : "") +
    "/>"
  );
}

/** The cell formats of the sheets being rendered, numbered as the sheets' `s` attributes use them. */
export class StyleTable {
  private readonly fonts = new Distinct([fontXml({})]);
  private readonly fills = new Distinct([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Distinct([
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
  ]);
  private readonly formats = new Map<string, number>();
  /** Index 0 is the stylesheet's default format; ours start at 1. */
  private readonly xfs = new Distinct([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly byKey = new Map<string, number>();

  /** The `<xf>` index of a cell wearing `style` (every written cell wears one: at least the default font). */
  xfOf(style: CellStyle): number {
    const key = styleKey(style);
    let xf = this.byKey.get(key);
    if (xf === undefined) {
      xf = this.xfs.indexOf(this.xfXml(style));
      this.byKey.set(key, xf);
    }
    return xf;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private xfXml(s: CellStyle): string {
    const numFmtId = s.numberFormat ? this.formatId(s.numberFormat) : 0;
    const fontId = this.fonts.indexOf(fontXml(s));
    const fillId = s.fill ? this.fills.indexOf(fillXml(s.fill)) : 0;
    const borderId = s.border ? this.borders.indexOf(borderXml(s.border)) : 0;
    const alignment = alignmentXml(s);
    return (
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      ' applyFont="1"' +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ` applyAlignment="1">${alignment}</xf>` : "/>")
    );
  }

  /** The stylesheet the sheets' `s` indices refer to. */
  stylesheet(): string {
    const list = (name: string, items: readonly string[]) =>
      `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`
    );
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length > 0 ? list("numFmts", formats) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      list("cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
      list("cellXfs", this.xfs.items) +
      list("cellStyles", ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
      "</styleSheet>"
    );
  }
}

function styleKey(s: CellStyle): string {
  return [
    s.fill,
    s.fontColor,
    s.bold,
    s.italic,
    s.underline,
    s.fontSize,
    s.horizontal,
    s.vertical,
    s.wrap,
    s.numberFormat,
    s.border,
  ].join("\u0001");
}
