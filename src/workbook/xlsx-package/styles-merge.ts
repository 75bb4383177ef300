/**
 * Our sheets' cell formats moved into the user's `xl/styles.xml`: the fonts, fills, borders, number formats and
 * cell formats they use are appended (or found, when an identical one is already there — so a second run adds
 * nothing), and each of our style indices maps to its index in the user's table. Nothing of the user's changes.
 */
import {
  attr,
  findElement,
  findElements,
  prefixFor,
  setAttr,
  splice,
  withPrefix,
  type XmlText,
} from "./xml-text";
import { MAIN_NS } from "./workbook-part";

/** Sections in schema order; a missing one is inserted before the first later one present. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type SectionName = (typeof ORDER)[number];

/** numFmtId 0–163 are Excel's built-in formats; a workbook's own start here. */
const FIRST_CUSTOM_FORMAT = 164;

const CHILD: Partial<Record<SectionName, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
};

/** The smallest valid stylesheet, for a package that has none. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function children(xml: string, prefix: string, section: SectionName): string[] {
  const block = findElement(xml, `${prefix}${section}`);
  const child = CHILD[section];
  if (!block || !child) return [];
  return findElements(xml, `${prefix}${child}`, block.contentStart, block.contentEnd).map((e) =>
    xml.slice(e.start, e.end)
  );
}

/** A section of the user's stylesheet being appended to. */
class Appender {
  readonly items: string[];
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(items: string[]) {
    this.items = items;
    items.forEach((item, i) => {
      if (!this.index.has(item)) this.index.set(item, i);
    });
  }

  indexOf(item: string): number {
    const found = this.index.get(item);
    if (found !== undefined) return found;
    const i = this.items.length + this.added.length;
    this.added.push(item);
    this.index.set(item, i);
    return i;
  }
}

/** The user's custom number formats; ours join them under fresh ids unless the user has the same code. */
class NumberFormats {
  /** The numFmt elements to append to the user's numFmts. */
  readonly added: string[] = [];
  private readonly ids = new Map<string, number>();
  private next = FIRST_CUSTOM_FORMAT;

  constructor(
    userFormats: readonly string[],
    private readonly prefix: string
  ) {
    for (const f of userFormats) {
      const id = Number(attr(f, "numFmtId"));
      const code = attr(f, "formatCode");
      if (code !== undefined && !this.ids.has(code)) this.ids.set(code, id);
      if (id >= this.next) this.next = id + 1;
    }
  }

  /** The user's id for our format `id` with `code`; built-in ids mean the same in every workbook. */
  idFor(id: number, code: string | undefined): number {
    if (id < FIRST_CUSTOM_FORMAT || code === undefined) return id;
    const found = this.ids.get(code);
    if (found !== undefined) return found;
    const fresh = this.next++;
    this.ids.set(code, fresh);
    this.added.push(
      withPrefix(`<numFmt numFmtId="${fresh}" formatCode="${escapeCode(code)}"/>`, this.prefix)
    );
    return fresh;
  }
}

export interface MergedStyles {
  readonly xml: XmlText;
  /** Our cellXfs index → the user's. */
  readonly xfMap: ReadonlyMap<number, number>;
}

/**
 * @param user the user's styles.xml (null: the package has none; EMPTY_STYLES is used)
 * @param ours the stylesheet our sheets were built with
 * @param used our cellXfs indices the sheets use
 */
export function mergeStyles(
  user: XmlText | null,
  ours: string,
  used: ReadonlySet<number>
): MergedStyles {
  const base: XmlText = user ?? { text: EMPTY_STYLES, encoding: "utf-8" };
  const up = prefixFor(base.text, MAIN_NS) ?? "";
  const op = prefixFor(ours, MAIN_NS) ?? "";
  const fonts = new Appender(children(base.text, up, "fonts"));
  const fills = new Appender(children(base.text, up, "fills"));
  const borders = new Appender(children(base.text, up, "borders"));
  const xfs = new Appender(children(base.text, up, "cellXfs"));
  const formats = new NumberFormats(children(base.text, up, "numFmts"), up);
  const hasStyleXfs = findElement(base.text, `${up}cellStyleXfs`) !== null;

  const ourFormats = new Map(
    children(ours, op, "numFmts").map((f) => [
      Number(attr(f, "numFmtId")),
      attr(f, "formatCode") ?? "",
    ])
  );
  const ourFonts = children(ours, op, "fonts");
  const ourFills = children(ours, op, "fills");
  const ourBorders = children(ours, op, "borders");
  const ourXfs = children(ours, op, "cellXfs");
  const move = (item: string | undefined) => withPrefix(unprefixed(item ?? "", op), up);

  const formatId = (id: number): number => formats.idFor(id, ourFormats.get(id));

  const xfMap = new Map<number, number>();
  for (const i of [...used].sort((a, b) => a - b)) {
    const xf = ourXfs[i];
    if (xf === undefined) continue;
    const tagEnd = xf.indexOf(">") + 1;
    let tag = xf.slice(0, tagEnd);
    tag = setAttr(tag, "numFmtId", String(formatId(Number(attr(tag, "numFmtId") ?? 0))));
    tag = setAttr(
      tag,
      "fontId",
      String(fonts.indexOf(move(ourFonts[Number(attr(tag, "fontId") ?? 0)])))
    );
    tag = setAttr(
      tag,
      "fillId",
      String(fills.indexOf(move(ourFills[Number(attr(tag, "fillId") ?? 0)])))
    );
    tag = setAttr(
      tag,
      "borderId",
      String(borders.indexOf(move(ourBorders[Number(attr(tag, "borderId") ?? 0)])))
    );
    if (!hasStyleXfs) tag = setAttr(tag, "xfId", null);
    xfMap.set(i, xfs.indexOf(move(tag + xf.slice(tagEnd))));
  }

  let text = base.text;
  const sections: [SectionName, string[]][] = [
    ["numFmts", formats.added],
    ["fonts", fonts.added],
    ["fills", fills.added],
    ["borders", borders.added],
    ["cellXfs", xfs.added],
  ];
  // From the last section to the first, so earlier offsets stay valid.
  for (const [section, added] of sections.reverse()) text = appendTo(text, up, section, added);
  return { xml: { ...base, text }, xfMap };
}

function escapeCode(code: string): string {
  return code
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function unprefixed(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</");
}

function appendTo(
  text: string,
  prefix: string,
  section: SectionName,
  added: readonly string[]
): string {
  if (added.length === 0) return text;
  const block = findElement(text, `${prefix}${section}`);
  if (block) {
    const count = Number(attr(block.tag, "count") ?? NaN);
    const total = children(text, prefix, section).length + added.length;
    const open = Number.isNaN(count) ? block.tag : setAttr(block.tag, "count", String(total));
    if (block.contentStart === block.end) {
      const opened = open.replace(/\s*\/>$/, ">");
      return splice(
        text,
        block.start,
        block.end,
        `${opened}${added.join("")}</${prefix}${section}>`
      );
    }
    return splice(
      splice(text, block.contentEnd, block.contentEnd, added.join("")),
      block.start,
      block.start + block.tag.length,
      open
    );
  }
  const fresh = `<${prefix}${section} count="${added.length}">${added.join("")}</${prefix}${section}>`;
  for (const later of ORDER.slice(ORDER.indexOf(section) + 1)) {
    const e = findElement(text, `${prefix}${later}`);
    if (e) return splice(text, e.start, e.start, fresh);
  }
  const close = text.lastIndexOf(`</${prefix}styleSheet>`);
  return splice(text, close, close, fresh);
}

/** The cellXfs indices used by a worksheet's cells, rows and columns. */
export function usedStyles(sheetXml: string): Set<number> {
  const used = new Set<number>();
  for (const m of sheetXml.matchAll(/<(?:c|row)\s[^>]*?\ss="(\d+)"/g)) used.add(Number(m[1]));
  for (const m of sheetXml.matchAll(/<col\s[^>]*?\sstyle="(\d+)"/g)) used.add(Number(m[1]));
  return used;
}
