/**
 * Writes text into a few existing cells of a user's package (采用建议): only those cells' XML changes, each keeping
 * its style, every other part and byte of the sheet as it was. The text goes in as an inline string, which no
 * spreadsheet program reads as a formula, whatever it starts with (= + - @). A locked cell of a protected sheet and
 * a formula cell are refused, and then nothing is written.
 */
import { HostError, type CellText } from "../host";
import { Package, relationshipsOf } from "./opc";
import { workbookPartOf } from "./surgical-write";
import { cellText } from "./sheet-xml";
import { MAIN_NS, readSheets } from "./workbook-part";
import { attr, findElement, findElements, prefixFor, splice } from "./xml-text";
import { writeZip } from "./zip";

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function refused(zh: string, en: string, sheet: string, cell?: string): HostError {
  return new HostError(`${zh}，未作改动。`, `${en}; nothing was changed.`, {
    sheet,
    ...(cell === undefined ? {} : { cell }),
  });
}

/** The worksheet part of `sheet`, or a refusal naming it. */
function sheetPart(pkg: Package, sheet: string): string {
  const workbookPart = workbookPartOf(pkg);
  const entry = readSheets(pkg.xml(workbookPart)?.text ?? "").find((s) => s.name === sheet);
  const rel = entry && relationshipsOf(pkg, workbookPart).find((r) => r.id === entry.relId);
  if (!rel || !rel.type.endsWith("/worksheet") || !pkg.has(rel.part))
    throw refused(`找不到工作表“${sheet}”`, `There is no worksheet "${sheet}"`, sheet);
  return rel.part;
}

/** Style indices whose cells stay editable on a protected sheet (`<protection locked="0"/>`). */
function unlockedStyles(pkg: Package, workbookPart: string): Set<number> {
  const stylesRel = relationshipsOf(pkg, workbookPart).find((r) => r.type.endsWith("/styles"));
  const xml = stylesRel ? (pkg.xml(stylesRel.part)?.text ?? "") : "";
  const p = prefixFor(xml, MAIN_NS) ?? "";
  const block = findElement(xml, `${p}cellXfs`);
  const unlocked = new Set<number>();
  if (!block) return unlocked;
  findElements(xml, `${p}xf`, block.contentStart, block.contentEnd).forEach((xf, index) => {
    const protection = findElement(xml, `${p}protection`, xf.contentStart, xf.contentEnd);
    const locked = protection ? attr(protection.tag, "locked") : undefined;
    if (locked === "0" || locked === "false") unlocked.add(index);
  });
  return unlocked;
}

function isProtected(sheetXml: string, p: string): boolean {
  const protection = findElement(sheetXml, `${p}sheetProtection`);
  const on = protection ? attr(protection.tag, "sheet") : undefined;
  return on === "1" || on === "true";
}

/** The `<c>` element of `address`: its start and end offsets and its start tag. */
function findCell(xml: string, p: string, address: string) {
  const open = new RegExp(`<${p}c\\s[^>]*?\\br="${address}"[^>]*>`).exec(xml);
  if (!open) return null;
  const tag = open[0];
  const start = open.index;
  const afterTag = start + tag.length;
  if (tag.endsWith("/>")) return { start, end: afterTag, tag, inner: "" };
  const close = xml.indexOf(`</${p}c>`, afterTag);
  if (close < 0) return null;
  return { start, end: close + `</${p}c>`.length, tag, inner: xml.slice(afterTag, close) };
}

/** A cell holding `text` as an inline string, with the old cell's address and style. */
function textCell(p: string, address: string, style: string | undefined, text: string): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  return `<${p}c r="${address}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${cellText(text)}</${p}t></${p}is></${p}c>`;
}

/**
 * The package with `cells` of `sheet` holding their new text. Throws HostError (nothing written) when the sheet or
 * a cell is missing, a cell holds a formula, or the sheet is protected and a cell is locked.
 */
export function writeCellTexts(
  input: Uint8Array,
  sheet: string,
  cells: readonly CellText[]
): Uint8Array {
  const pkg = new Package(input);
  const part = sheetPart(pkg, sheet);
  const xmlText = pkg.xml(part);
  if (!xmlText) throw refused(`找不到工作表“${sheet}”`, `There is no worksheet "${sheet}"`, sheet);
  let xml = xmlText.text;
  const p = prefixFor(xml, MAIN_NS) ?? "";
  const guarded = isProtected(xml, p);
  const unlocked = guarded ? unlockedStyles(pkg, workbookPartOf(pkg)) : new Set<number>();
  for (const { address, text } of cells) {
    if (!A1.test(address))
      throw refused(`“${address}”不是单元格地址`, `"${address}" is not a cell address`, sheet);
    const cell = findCell(xml, p, address);
    if (!cell)
      throw refused(
        `在“${sheet}”中找不到单元格 ${address}`,
        `Cell ${address} was not found in "${sheet}"`,
        sheet,
        address
      );
    const style = attr(cell.tag, "s");
    if (guarded && !unlocked.has(Number(style ?? 0)))
      throw refused(
        `工作表“${sheet}”受保护，单元格 ${address} 已锁定。请在“审阅 → 撤消工作表保护”后重试`,
        `The sheet "${sheet}" is protected and cell ${address} is locked. Unprotect it (Review → Unprotect Sheet) and try again`,
        sheet,
        address
      );
    if (new RegExp(`<${p}f[\\s/>]`).test(cell.inner))
      throw refused(
        `单元格 ${address} 是公式，请修改它引用的单元格`,
        `Cell ${address} holds a formula: correct the cell it refers to`,
        sheet,
        address
      );
    xml = splice(xml, cell.start, cell.end, textCell(p, address, style, text));
  }
  pkg.setXml(part, { ...xmlText, text: xml });
  return writeZip(pkg.archive, pkg.output(), new Uint8Array(0));
}
