/**
 * A copy of a package that prints only some sheets (the meeting pack: 考核排名, 通报稿, 图表): every other sheet
 * is hidden, which spreadsheet printers and PDF exporters skip, and the first kept sheet is the active one.
 * Nothing else changes, so the kept sheets print exactly as they are in the workbook.
 */
import { Package, relationshipsOf } from "./opc";
import { editSheets, readSheets, type SheetState } from "./workbook-part";
import { findElement, setAttr, splice, type XmlText } from "./xml-text";
import { writeZip } from "./zip";

export function packageShowingOnly(input: Uint8Array, keep: readonly string[]): Uint8Array {
  const pkg = new Package(input);
  const main = relationshipsOf(pkg, "").find((r) => r.type.endsWith("/officeDocument"));
  const workbook = main ? pkg.xml(main.part) : null;
  if (!main || !workbook) throw new Error("not an Excel workbook (no workbook.xml)");
  const sheets = readSheets(workbook.text);
  const kept = sheets.filter((s) => keep.includes(s.name));
  if (kept.length === 0) throw new Error("none of the sheets to print is in the workbook");
  const states = new Map<string, SheetState>(
    sheets.map((s) => [
      s.name,
      keep.includes(s.name) ? "visible" : s.state === "visible" ? "hidden" : s.state,
    ])
  );
  let edited: XmlText = editSheets(workbook, [], states);
  const firstKept = sheets.findIndex((s) => keep.includes(s.name));
  // LibreOffice shows (and prints) the active sheet even when hidden: make the first kept sheet active.
  const view =
    findElement(edited.text, "workbookView") ?? findElement(edited.text, "x:workbookView");
  const active = `activeTab="${firstKept}" firstSheet="${firstKept}"`;
  if (view) {
    const tag = setAttr(
      setAttr(view.tag, "activeTab", String(firstKept)),
      "firstSheet",
      String(firstKept)
    );
    edited = {
      ...edited,
      text: splice(edited.text, view.start, view.start + view.tag.length, tag),
    };
  } else {
    const sheetsAt = /<(\w+:)?sheets[\s>]/.exec(edited.text);
    if (sheetsAt) {
      const p = sheetsAt[1] ?? "";
      const views = `<${p}bookViews><${p}workbookView ${active}/></${p}bookViews>`;
      edited = { ...edited, text: splice(edited.text, sheetsAt.index, sheetsAt.index, views) };
    }
  }
  pkg.setXml(main.part, edited);
  // Tab selection lives in each sheet; a hidden selected sheet is what some printers start from.
  for (const rel of relationshipsOf(pkg, main.part)) {
    if (!rel.type.endsWith("/worksheet")) continue;
    const xml = pkg.xml(rel.part);
    if (!xml || !/\stabSelected="(1|true)"/.test(xml.text)) continue;
    pkg.setXml(rel.part, { ...xml, text: xml.text.replace(/\stabSelected="(1|true)"/g, "") });
  }
  return writeZip(pkg.archive, pkg.output(), new Uint8Array(0));
}
