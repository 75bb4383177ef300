/**
 * The cells-only view of an .xlsx package that the ExcelJS DOM reader is given: workbook, shared strings, styles
 * and worksheets, with every relationship a cell does not need taken out. ExcelJS 4.4 fails on many everyday files
 * when it meets their other parts — openpyxl's absolute relationship targets and default-namespace drawings
 * ("reading 'anchors'"), comments under xl/comments/ ("reading 'comments'"), tables it cannot match ("reading
 * 'name'") — and none of those parts changes a cell's value. The view is for reading only; a written workbook
 * always starts from the original package. No node:fs here: the web page uses this file too.
 */
import JSZip from "jszip";
import { parseRelationships, resolveTarget } from "../xlsx-package/opc";
import { asksFullRecalcOnLoad, readSheets } from "../xlsx-package/workbook-part";
import { upperXstring } from "../xlsx-package/xstring";
import { unreadableError } from "./read-errors";
import { limitErrors, type ReadLimits } from "./read-limits";
import { cfbKind, sniffContainer, zipKind } from "./read-sniff";

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const KEPT = new Set([
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
]);
const HYPERLINK_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/** workbook.xml without the parts that name other parts or ranges (defined names, external links, pivots, extensions). */
export function cellsOnlyWorkbookXml(xml: string): string {
  return xml.replace(
    /<(definedNames|externalReferences|pivotCaches|extLst|fileRecoveryPr|customWorkbookViews)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g,
    ""
  );
}

/** A relationship target made relative to the part that owns the rels file (openpyxl writes "/xl/..."). */
function relativeTarget(ownerDir: string, target: string): string {
  if (!target.startsWith("/")) return target;
  const from = ownerDir.split("/").filter(Boolean);
  const to = target.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

interface Rel {
  readonly id: string;
  readonly xml: string;
}

/** The relationships of a rels file, keeping those `keep` accepts, with absolute targets made relative. */
function filterRels(xml: string, ownerDir: string, keep: (type: string) => boolean): Rel[] {
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*?\/?>/g)) {
    const tag = m[0];
    const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? "";
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    if (id === undefined || !keep(type)) continue;
    const external = /\bTargetMode="External"/.test(tag);
    rels.push({
      id,
      xml: external
        ? tag
        : tag.replace(
            /\bTarget="([^"]*)"/,
            (_m, t: string) => `Target="${relativeTarget(ownerDir, t)}"`
          ),
    });
  }
  return rels;
}

const relsXml = (rels: readonly Rel[]): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  rels.map((r) => r.xml).join("") +
  "</Relationships>";

/** Area of an A1 range ("A1229:XFD1048576"), 1 for a single cell, Infinity when unreadable. */
function rangeArea(ref: string): number {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return Infinity;
  const col = (letters: string): number =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (m[3] === undefined || m[4] === undefined) return 1;
  return (Math.abs(col(m[3]) - col(m[1] ?? "A")) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1);
}

/**
 * Worksheet XML with everything after the cells dropped but the merges and hyperlinks (drawings, comments' VML,
 * tables, conditional formats, validations, extensions). Merges larger than `maxMergeCells` go too: ExcelJS would
 * create every cell of them. Hyperlinks keep their r:id only when `relIds` still holds it.
 */
export function cellsOnlySheetXml(
  xml: string,
  relIds: ReadonlySet<string>,
  maxMergeCells: number
): string {
  let end = xml.lastIndexOf("</sheetData>");
  if (end >= 0) end += "</sheetData>".length;
  else {
    const empty = /<sheetData\s*\/>/.exec(xml);
    if (!empty) return xml;
    end = empty.index + empty[0].length;
  }
  const tail = xml.slice(end);
  const merges = [...tail.matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"[^>]*\/?>/g)]
    .filter((m) => rangeArea(m[1] ?? "") <= maxMergeCells)
    .map((m) => m[0].replace(/<\/mergeCell>$/, ""));
  const links = [...tail.matchAll(/<hyperlink\b[^>]*?\/?>/g)].map((m) =>
    m[0].replace(/\s(r:id)="([^"]*)"/, (whole, _a: string, id: string) =>
      relIds.has(id) ? whole : ""
    )
  );
  const close = /<\/([A-Za-z_][\w.-]*:)?worksheet>\s*$/.exec(tail)?.[0] ?? "</worksheet>";
  return (
    xml.slice(0, end) +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    (links.length
      ? `<hyperlinks>${links.map((l) => (l.endsWith("/>") ? l : `${l.slice(0, -1)}/>`)).join("")}</hyperlinks>`
      : "") +
    close
  );
}

/** A `<t>` holding something that reads as an escape. */
const ESCAPED_T = /(<t\b[^>]*>)([^<]*_x[0-9A-Fa-f]{4}_[^<]*)(<\/t>)/g;
/** A string cell typed `t="str"` with no formula whose `<v>` holds an escape: ExcelJS leaves those undecoded. */
const ESCAPED_STR =
  /<c\b([^>]*?)\bt="str"([^>]*)>\s*<v>([^<]*_x[0-9A-Fa-f]{4}_[^<]*)<\/v>\s*<\/c>/g;
/** An inline string's own `<t>` (not a run's) holding an escape. */
const ESCAPED_INLINE = /<is>(\s*)(<t\b[^>]*>[^<]*_x[0-9A-Fa-f]{4}_[^<]*<\/t>)/g;

/**
 * Part XML with its `_xHHHH_` escapes as ExcelJS decodes them the way every other reader does (xstring.ts): hex in
 * upper case, and an inline string's plain `<t>` or a formula-less `t="str"` cell's `<v>`, whose escapes ExcelJS
 * leaves undecoded, made a run, whose it decodes. The stream reader decodes the file as it is; this keeps the two
 * readers alike.
 */
export function escapesForExcelJs(xml: string): string {
  if (!xml.includes("_x")) return xml;
  return xml
    .replace(ESCAPED_STR, '<c$1t="inlineStr"$2><is><r><t xml:space="preserve">$3</t></r></is></c>')
    .replace(
      ESCAPED_T,
      (_m, open: string, text: string, close: string) => open + upperXstring(text) + close
    )
    .replace(ESCAPED_INLINE, "<is>$1<r>$2</r>");
}

/** UTF-8 bytes that hold `_x` somewhere (a part without it needs no escapes made readable). */
function mayHoldEscapes(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x5f); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(0x5f, i + 1))
    if (bytes[i + 1] === 0x78) return true;
  return false;
}

/** JSZip keeps each entry's sizes from the central directory in an undocumented `_data`. */
function declaredSize(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } {
  const data = (
    file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } }
  )._data;
  return { compressed: data?.compressedSize ?? 0, uncompressed: data?.uncompressedSize ?? 0 };
}

function checkSizes(files: readonly JSZip.JSZipObject[], source: string, limits: ReadLimits): void {
  let total = 0;
  for (const file of files) {
    const { compressed, uncompressed } = declaredSize(file);
    total += uncompressed;
    if (
      uncompressed > limits.ratioFloorBytes &&
      uncompressed > limits.maxCompressionRatio * Math.max(1, compressed)
    )
      throw limitErrors.ratio(source, file.name, limits);
  }
  if (total > limits.maxUncompressedBytes) throw limitErrors.uncompressed(source, limits);
}

/** A worksheet part of the view, named as its sheet, with the length of its XML (for reading progress). */
export interface SheetPartSize {
  readonly path: string;
  readonly name: string;
  readonly chars: number;
}

export interface CellsOnlyPackage {
  readonly bytes: Uint8Array;
  /** Worksheet parts in the order ExcelJS will parse them. */
  readonly sheets: readonly SheetPartSize[];
  /** workbook.xml asks for a full recalculation on load: ExcelJS drops calcPr, so the view says it instead. */
  readonly recalcOnLoad: boolean;
}

/**
 * .xlsx bytes → the cells-only package ExcelJS is given to read. Throws WorkbookReadError when the bytes are not a
 * workbook (password-protected, .xls, .ods, a damaged zip) and WorkbookLimitError past a limit.
 */
export async function cellsOnlyPackage(
  bytes: Uint8Array,
  source: string,
  limits: ReadLimits
): Promise<CellsOnlyPackage> {
  const container = sniffContainer(bytes.subarray(0, 8));
  if (container === "empty") throw unreadableError(source, "empty");
  if (container === "cfb") throw unreadableError(source, cfbKind(bytes));
  if (container === "other") throw unreadableError(source, "not-zip");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw unreadableError(source, "damaged-zip", err);
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.maxEntries) throw limitErrors.entries(source, limits);
  const names = new Set(files.map((f) => f.name));
  const mimetype = names.has("mimetype") ? await zip.file("mimetype")?.async("string") : undefined;
  const kind = zipKind(names, mimetype?.slice(0, 200));
  if (kind) throw unreadableError(source, kind);
  const kept = files.filter((f) => KEPT.has(f.name) || SHEET.test(f.name));
  checkSizes(kept, source, limits);

  const out = new JSZip();
  let copied: CopiedParts;
  try {
    copied = await copyParts(zip, out, kept, limits);
  } catch (err) {
    throw unreadableError(source, "damaged-zip", err);
  }
  return {
    bytes: await out.generateAsync({ type: "uint8array", compression: "STORE" }),
    ...copied,
  };
}

/** Worksheet part → its sheet's name, through workbook.xml and its rels; {} when either cannot be read. */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const targets = new Map(
      parseRelationships(relsXml).map((r) => [r.id, resolveTarget("xl/workbook.xml", r.target)])
    );
    for (const sheet of readSheets(workbookXml)) {
      const part = targets.get(sheet.relId);
      if (part) names.set(part, sheet.name);
    }
  } catch {
    // Names only label the progress: a workbook.xml ExcelJS reads anyway but this cannot goes unnamed.
  }
  return names;
}

interface CopiedParts {
  readonly sheets: readonly SheetPartSize[];
  readonly recalcOnLoad: boolean;
}

async function copyParts(
  zip: JSZip,
  out: JSZip,
  kept: readonly JSZip.JSZipObject[],
  limits: ReadLimits
): Promise<CopiedParts> {
  const maxMergeCells = limits.domMaxUncompressedBytes / 32;
  const sheets: SheetPartSize[] = [];
  let workbook = "";
  let rels = "";
  for (const file of kept) {
    if (file.name === "xl/workbook.xml") {
      workbook = await file.async("string");
      out.file(file.name, cellsOnlyWorkbookXml(workbook));
    } else if (file.name === "xl/_rels/workbook.xml.rels") {
      rels = await file.async("string");
      out.file(file.name, relsXml(filterRels(rels, "xl", () => true)));
    } else if (SHEET.test(file.name)) {
      const relsName = `xl/worksheets/_rels/${file.name.slice("xl/worksheets/".length)}.rels`;
      const relsFile = zip.file(relsName);
      const rels = relsFile
        ? filterRels(await relsFile.async("string"), "xl/worksheets", (t) => t === HYPERLINK_REL)
        : [];
      if (rels.length) out.file(relsName, relsXml(rels));
      const ids = new Set(rels.map((r) => r.id));
      const xml = escapesForExcelJs(
        cellsOnlySheetXml(await file.async("string"), ids, maxMergeCells)
      );
      out.file(file.name, xml);
      sheets.push({ path: file.name, name: file.name, chars: xml.length });
    } else {
      const bytes = await file.async("uint8array");
      const strings = file.name === "xl/sharedStrings.xml" && mayHoldEscapes(bytes);
      out.file(file.name, strings ? escapesForExcelJs(new TextDecoder().decode(bytes)) : bytes);
    }
  }
  const names = sheetNames(workbook, rels);
  return {
    sheets: sheets.map((s) => ({ ...s, name: names.get(s.path) ?? s.path.replace(/^.*\//, "") })),
    recalcOnLoad: asksFullRecalcOnLoad(workbook),
  };
}
