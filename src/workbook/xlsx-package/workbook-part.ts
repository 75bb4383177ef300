/**
 * `xl/workbook.xml`: the sheet list, the date system and the print titles of our sheets, edited in place.
 */
import { quoteSheetName } from "../../core/grid";
import {
  attr,
  escapeAttr,
  escapeText,
  findElement,
  findElements,
  prefixFor,
  rootElement,
  setAttr,
  splice,
  unescapeXml,
  type XmlText,
} from "./xml-text";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const DOC_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WorkbookSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: SheetState;
  /** 0-based position among all sheets (what `localSheetId` counts). */
  readonly index: number;
}

export interface NewSheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: SheetState;
}

export interface PrintTitles {
  /** 0-based position of the sheet. */
  readonly index: number;
  readonly sheet: string;
  /** 1-based first and last row, or null to remove the sheet's print titles. */
  readonly rows: readonly [number, number] | null;
}

function prefixes(xml: string): { main: string; rel: string | null } {
  return { main: prefixFor(xml, MAIN_NS) ?? "", rel: prefixFor(xml, DOC_REL_NS) };
}

export function isStrict(xml: string): boolean {
  return rootElement(xml).uri === STRICT_MAIN_NS;
}

export function readSheets(xml: string): WorkbookSheet[] {
  const { main, rel } = prefixes(xml);
  const block = findElement(xml, `${main}sheets`);
  if (!block) return [];
  return findElements(xml, `${main}sheet`, block.contentStart, block.contentEnd).map((e, index) => {
    const state = attr(e.tag, "state");
    return {
      name: attr(e.tag, "name") ?? "",
      sheetId: Number(attr(e.tag, "sheetId") ?? 0),
      relId: attr(e.tag, `${rel ?? "r:"}id`) ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      index,
    };
  });
}

/** True when the workbook counts dates from 1904 (Mac Excel files, some exports). */
export function usesDate1904(xml: string): boolean {
  const { main } = prefixes(xml);
  const pr = findElement(xml, `${main}workbookPr`);
  const v = pr ? attr(pr.tag, "date1904") : undefined;
  return v === "1" || v === "true";
}

/**
 * True when workbook.xml's calcPr asks for a full recalculation on load, as XlsxWriter (storing 0 for every formula)
 * and openpyxl write it: every stored formula result is stale. The one test both readers apply, so the CLI and the
 * web page read such a file alike.
 */
export function asksFullRecalcOnLoad(xml: string): boolean {
  return /<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(xml);
}

/** The workbook with sheets appended and the `state` of replaced ones set. */
export function editSheets(
  xml: XmlText,
  added: readonly NewSheetEntry[],
  states: ReadonlyMap<string, SheetState>
): XmlText {
  const { main, rel } = prefixes(xml.text);
  let text = xml.text;
  // Replaced sheets keep their element, name, sheetId and relationship; only a changed visibility is written.
  for (const e of [...findElements(text, `${main}sheet`)].reverse()) {
    const name = attr(e.tag, "name") ?? "";
    const wanted = states.get(name);
    if (wanted === undefined) continue;
    const current = attr(e.tag, "state") ?? "visible";
    if (current === wanted) continue;
    const tag = setAttr(e.tag, "state", wanted === "visible" ? null : wanted);
    text = splice(text, e.start, e.start + e.tag.length, tag);
  }
  if (added.length === 0) return { ...xml, text };
  const relAttr = rel === null ? `r:id` : `${rel}id`;
  const relDecl = rel === null ? ` xmlns:r="${DOC_REL_NS}"` : "";
  const items = added
    .map(
      (s) =>
        `<${main}sheet name="${escapeAttr(s.name)}" sheetId="${s.sheetId}"${s.state === "visible" ? "" : ` state="${s.state}"`} ${relAttr}="${escapeAttr(s.relId)}"${relDecl}/>`
    )
    .join("");
  const block = findElement(text, `${main}sheets`);
  if (!block) throw new Error("workbook.xml has no <sheets>");
  if (block.contentStart === block.end) {
    const open = block.tag.replace(/\s*\/>$/, ">");
    text = splice(text, block.start, block.end, `${open}${items}</${main}sheets>`);
  } else text = splice(text, block.contentEnd, block.contentEnd, items);
  return { ...xml, text };
}

/** Elements after which <definedNames> may stand (schema order), the last found wins. */
const BEFORE_DEFINED_NAMES = ["sheets", "functionGroups", "externalReferences"];

/** The workbook with `_xlnm.Print_Titles` of the given sheets set (or removed), other names untouched. */
export function editPrintTitles(xml: XmlText, titles: readonly PrintTitles[]): XmlText {
  if (titles.length === 0) return xml;
  const { main } = prefixes(xml.text);
  let text = xml.text;
  let block = findElement(text, `${main}definedNames`);
  if (!block) {
    let at = -1;
    for (const name of BEFORE_DEFINED_NAMES) {
      const e = findElement(text, `${main}${name}`);
      if (e) at = Math.max(at, e.end);
    }
    if (at < 0) throw new Error("workbook.xml has no <sheets>");
    text = splice(text, at, at, `<${main}definedNames></${main}definedNames>`);
    block = findElement(text, `${main}definedNames`);
  } else if (block.contentStart === block.end) {
    text = splice(text, block.start, block.end, `<${main}definedNames></${main}definedNames>`);
    block = findElement(text, `${main}definedNames`);
  }
  if (!block) throw new Error("definedNames");
  const indices = new Set(titles.map((t) => String(t.index)));
  const names = findElements(text, `${main}definedName`, block.contentStart, block.contentEnd);
  for (const e of [...names].reverse()) {
    if (
      attr(e.tag, "name") === "_xlnm.Print_Titles" &&
      indices.has(attr(e.tag, "localSheetId") ?? "")
    )
      text = splice(text, e.start, e.end, "");
  }
  const items = titles
    .filter((t) => t.rows !== null)
    .map((t) => {
      const [a, b] = t.rows as readonly [number, number];
      const ref = `${quoteSheetName(t.sheet)}!$${a}:$${b}`;
      return `<${main}definedName name="_xlnm.Print_Titles" localSheetId="${t.index}">${escapeText(ref)}</${main}definedName>`;
    })
    .join("");
  const close = text.indexOf(`</${main}definedNames>`, block.start);
  text = splice(text, close, close, items);
  // An empty <definedNames> is not valid: drop it when nothing is left.
  const after = findElement(text, `${main}definedNames`);
  if (after && text.slice(after.contentStart, after.contentEnd).trim() === "")
    text = splice(text, after.start, after.end, "");
  return { ...xml, text };
}

/** Sheet names as Excel compares them. */
export function sameSheetName(a: string, b: string): boolean {
  return unescapeXml(a).toLowerCase() === unescapeXml(b).toLowerCase();
}
