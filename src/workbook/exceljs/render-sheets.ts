/**
 * Our sheets rendered by ExcelJS (the one place a SheetPlan becomes SpreadsheetML, apply-plan.ts), in a
 * throwaway workbook of their own whose parts are then taken apart for xlsx-package/ to transplant.
 */
import ExcelJS from "exceljs";
import type { OwnershipSnapshot } from "../../core/ownership";
import type { WritePlan } from "../../core/plan";
import { writePlanIntoPackage, type PackageWriteResult, type RenderSheets } from "../xlsx-package";
import { Package, relationshipsOf, relsPartOf } from "../xlsx-package/opc";
import { MAIN_NS, readSheets } from "../xlsx-package/workbook-part";
import { decodeXml, findElement, findElements, prefixFor } from "../xlsx-package/xml-text";
import { writeSheet } from "./apply-plan";

export const renderSheets: RenderSheets = async (sheets, date1904) => {
  const wb = new ExcelJS.Workbook();
  // Dates must count from the same day as the user's workbook.
  wb.properties.date1904 = date1904;
  for (const s of sheets) writeSheet(wb.addWorksheet(s.name), s.plan);
  // Stored, not deflated: the parts are taken apart at once, and compressing them would only cost time.
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as ExcelJS.XlsxWriteOptions);
  const pkg = new Package(new Uint8Array(buffer as ArrayBuffer));
  const book = "xl/workbook.xml";
  const rels = relationshipsOf(pkg, book);
  const text = (part: string) => {
    const bytes = pkg.bytes(part);
    return bytes ? decodeXml(bytes).text : "";
  };
  const out = new Map<string, string>();
  for (const s of readSheets(text(book))) {
    const rel = rels.find((r) => r.id === s.relId);
    if (!rel) throw new Error(`ExcelJS wrote no part for ${s.name}`);
    const part = rel.part;
    if (pkg.has(relsPartOf(part)))
      throw new Error(`sheet ${s.name} has relationships, which transplanting does not carry`);
    out.set(s.name, text(part));
  }
  const stylesRel = rels.find((r) => r.type.endsWith("/styles"));
  const stringsRel = rels.find((r) => r.type.endsWith("/sharedStrings"));
  const sst = stringsRel ? text(stringsRel.part) : "";
  const p = prefixFor(sst, MAIN_NS) ?? "";
  const root = findElement(sst, `${p}sst`);
  const strings = root
    ? findElements(sst, `${p}si`, root.contentStart, root.contentEnd).map((e) =>
        sst.slice(e.contentStart, e.contentEnd)
      )
    : [];
  return { sheets: out, styles: stylesRel ? text(stylesRel.part) : "", strings };
};

/**
 * The plan written into the workbook's own package, our sheets rendered by ExcelJS: the file writer of the CLI
 * and the web page alike (same input, same bytes).
 */
export function writeIntoPackage(
  bytes: Uint8Array,
  plan: WritePlan,
  snapshot: OwnershipSnapshot
): Promise<PackageWriteResult> {
  return writePlanIntoPackage(bytes, plan, snapshot, renderSheets);
}
