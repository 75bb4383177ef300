/**
 * The parts of a package read before its sheets (workbook.xml, its rels, sharedStrings.xml, styles.xml), each
 * through the xform the DOM reader uses, and the list of worksheets they name.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/grid";
import { plainValue } from "./read";
import { StreamFallback, unreadableError } from "./read-errors";
import {
  parseSax,
  RelationshipsXform,
  SharedStringsXform,
  StylesXform,
  WorkbookXform,
  type RelLike,
  type StyleManagerLike,
  type WorkbookModelLike,
  type XformLike,
} from "./read-internals";
import { noteFor } from "./read-notes";
import { fastSharedStrings } from "./read-shared-strings";
import { isFatal, type Pass } from "./read-pass";
import { zipKind } from "./read-sniff";
import { asksFullRecalcOnLoad } from "../xlsx-package/workbook-part";
import { upperXstring } from "../xlsx-package/xstring";
import { decoded } from "./read-xml";
import type { ZipFileLike } from "./read-zip";

/** The parts read before the sheets, each through the xform the DOM reader uses (XLSX.load in xlsx.js). */
export interface WorkbookParts {
  readonly model: WorkbookModelLike | undefined;
  readonly rels: readonly RelLike[] | undefined;
  /** null: the part exists but could not be read (its note is taken; text cells read as empty). */
  readonly strings: readonly CellValue[] | null | undefined;
  readonly styles: StyleManagerLike | undefined;
  /** workbook.xml's calcPr asks for a full recalculation on load (XlsxWriter, openpyxl): stored results are stale. */
  readonly recalcOnLoad: boolean;
}

/** The part's text, failing at the end when it does not close `root`: ExcelJS's xforms accept a truncated part. */
async function* complete(chunks: AsyncIterable<string>, part: string, root: string) {
  let tail = "";
  for await (const text of chunks) {
    tail = (tail + text).slice(-(root.length + 64));
    yield text;
  }
  if (!new RegExp(`(</(\\w+:)?${root}\\s*>|/>)\\s*$`).test(tail))
    throw new Error(`${part} is truncated`);
}

const ESCAPES = /_x[0-9A-Fa-f]{4}_/g;

/**
 * Chunks with their escapes' hex in upper case (upperXstring), for ExcelJS's xform, which decodes only those. An
 * escape is seven characters: what might begin one in a chunk's last six waits for the next chunk, unless an
 * escape found (left to right, as a reader finds them) runs past it.
 */
export async function* upperEscapes(chunks: AsyncIterable<string>) {
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let end = 0;
    for (const m of text.matchAll(ESCAPES)) end = m.index + m[0].length;
    const cut = Math.max(end, text.length - 6);
    yield upperXstring(text.slice(0, cut));
    carry = text.slice(cut);
  }
  if (carry) yield upperXstring(carry);
}

async function parsePart<M>(
  pass: Pass,
  part: ZipFileLike,
  root: string,
  xform: XformLike<M>,
  maxBytes: number
): Promise<M> {
  let chunks = decoded(pass.zip.bytes(part, maxBytes));
  if (root === "sst") chunks = upperEscapes(chunks);
  await xform.parse(parseSax(complete(chunks, part.path, root)));
  return xform.model;
}

async function* once(text: string) {
  yield text;
}

/** workbook.xml, inflated once: its text gives calcPr, which ExcelJS's xform drops, and the xform the rest. */
async function readWorkbookXml(
  pass: Pass,
  part: ZipFileLike
): Promise<{ model: WorkbookModelLike | undefined; xml: string }> {
  let xml = "";
  for await (const chunk of decoded(pass.zip.bytes(part, pass.limits.maxStylesBytes))) xml += chunk;
  const xform = new WorkbookXform();
  await xform.parse(parseSax(complete(once(xml), part.path, "workbook")));
  return { model: xform.model, xml };
}

export async function readWorkbookParts(pass: Pass): Promise<WorkbookParts> {
  const { zip, limits } = pass;
  const workbookPart = zip.entries.get("xl/workbook.xml");
  if (!workbookPart) {
    const kind = zipKind(zip.names, await zip.smallText("mimetype", 256));
    throw unreadableError(zip.source, kind ?? "no-workbook-part");
  }
  let workbook: { model: WorkbookModelLike | undefined; xml: string };
  try {
    workbook = await readWorkbookXml(pass, workbookPart);
  } catch (err) {
    if (isFatal(err)) throw err;
    throw unreadableError(zip.source, "damaged-content", err);
  }
  const relsName = "xl/_rels/workbook.xml.rels";
  const relsPart = zip.entries.get(relsName);
  if (!relsPart) {
    // ExcelJS finds no sheet without the rels; lenient reading looks where sheets usually are.
    if (pass.mode === "exact") throw new StreamFallback("no workbook rels");
    pass.notes.push(noteFor(relsName, undefined, "unreadable"));
  }
  const rels = relsPart
    ? await pass.tolerate(relsPart.path, undefined, undefined, () =>
        parsePart(pass, relsPart, "Relationships", new RelationshipsXform(), limits.maxStylesBytes)
      )
    : undefined;

  const stringsPart = zip.entries.get("xl/sharedStrings.xml");
  const strings = stringsPart
    ? await pass.tolerate(stringsPart.path, undefined, null, async () => {
        const fast = await fastSharedStrings(
          pass.zip.bytes(stringsPart, limits.maxSharedStringsBytes),
          limits.maxXmlTokenChars
        );
        if (fast) return fast;
        const parsed = await parsePart(
          pass,
          stringsPart,
          "sst",
          new SharedStringsXform(),
          limits.maxSharedStringsBytes
        );
        // ExcelJS's cell reconcile reads `.richText` off the string, so a missing one makes the DOM reader fail.
        return (parsed?.values ?? []).map((v) => {
          if (v === undefined || v === null) {
            if (pass.mode === "exact") throw new StreamFallback("empty shared string");
            return "";
          }
          return plainValue(v as ExcelJS.CellValue);
        });
      })
    : undefined;

  const stylesPart = zip.entries.get("xl/styles.xml");
  const styles = stylesPart
    ? await pass.tolerate(stylesPart.path, undefined, undefined, async () => {
        const xform = new StylesXform();
        await parsePart(pass, stylesPart, "styleSheet", xform, limits.maxStylesBytes);
        return xform;
      })
    : undefined;
  const recalcOnLoad = asksFullRecalcOnLoad(workbook.xml);
  return { model: workbook.model, rels: rels ?? undefined, strings, styles, recalcOnLoad };
}

const ILLEGAL_NAME = /[*?:/\\[\]]|^'|'$/;

/** A sheet name ExcelJS would keep as is; lenient mode keeps other names, made unique. */
export function sheetName(pass: Pass, name: unknown, index: number, taken: Set<string>): string {
  const ok =
    typeof name === "string" &&
    name !== "" &&
    name !== "History" &&
    name.length <= 31 &&
    !ILLEGAL_NAME.test(name) &&
    !taken.has(name.toLowerCase());
  if (!ok && pass.mode === "exact") throw new StreamFallback(`sheet name ${String(name)}`);
  let unique = typeof name === "string" && name !== "" ? name : `Sheet${index + 1}`;
  for (let k = 2; taken.has(unique.toLowerCase()); k++)
    unique = `${typeof name === "string" && name ? name : "Sheet"} (${k})`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** WorkbookXform.reconcile + Workbook.model: sheets in workbook.xml order, matched to parts through the rels. */
export function sheetParts(pass: Pass, parts: WorkbookParts) {
  const relById = new Map<string, RelLike>();
  for (const rel of parts.rels ?? []) relById.set(rel.Id, rel);
  const found: { sheet: NonNullable<WorkbookModelLike["sheets"]>[number]; part: ZipFileLike }[] =
    [];
  const ids = new Set<number>();
  const used = new Set<string>();
  (parts.model?.sheets ?? []).forEach((sheet, index) => {
    const rel = relById.get(sheet.rId);
    // Lenient, when the rels could not be read: the conventional part name for the n-th sheet.
    const target = rel?.Target ?? (parts.rels ? undefined : `worksheets/sheet${index + 1}.xml`);
    if (target === undefined) return;
    const partPath = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
    const part = pass.zip.entries.get(partPath);
    // Only parts named like a worksheet are worksheets to ExcelJS; chartsheets and dangling rels are skipped.
    if (!part || !/xl\/worksheets\/sheet(\d+)[.]xml/.test(partPath)) return;
    const { id } = sheet;
    const clash = !(Number.isInteger(id) && id > 0) || ids.has(id) || used.has(partPath);
    if (clash && pass.mode === "exact") throw new StreamFallback("sheet ids or parts");
    ids.add(id);
    used.add(partPath);
    found.push({ sheet, part });
  });
  return found;
}
