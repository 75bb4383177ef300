/**
 * Our sheets rendered by ExcelJS (the one place a SheetPlan becomes SpreadsheetML, apply-plan.ts), in a
 * throwaway workbook of their own whose parts are then taken apart for transplanting.
 */
import ExcelJS from "exceljs";
import type { SheetPlan } from "../../core/report";
import { writeSheet } from "../exceljs/apply-plan";
import { Package, relationshipsOf, relsPartOf } from "./opc";
import { MAIN_NS, readSheets } from "./workbook-part";
import { decodeXml, findElement, findElements, prefixFor } from "./xml-text";

export interface BuiltSheets {
  /** Worksheet XML by sheet name. */
  readonly sheets: ReadonlyMap<string, string>;
  /** The stylesheet the sheets' style indices refer to. */
  readonly styles: string;
  /** Inner XML of each shared string the sheets refer to. */
  readonly strings: readonly string[];
}

export async function buildSheets(
  sheets: readonly { readonly name: string; readonly plan: SheetPlan }[],
  date1904: boolean
): Promise<BuiltSheets> {
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
}
