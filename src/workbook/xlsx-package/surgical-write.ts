/**
 * Writes a WritePlan into a user's .xlsx/.xlsm without rebuilding it: every part of the package stays byte for
 * byte except our own sheets and the minimal edits to xl/workbook.xml, its relationships, [Content_Types].xml and
 * xl/styles.xml. Charts, comments, tables, pivots, slicers, macros, external links, custom XML — whatever the
 * package holds — survive because nothing reads or re-serialises them. Same input, same bytes, in Node and in
 * the browser; writing the result again with the same plan gives the same package.
 */
import { type WritePlan } from "../../core/plan";
import {
  planLanding,
  type ExistingSheet,
  type LandingNote,
  type OwnershipSnapshot,
  type SheetTarget,
} from "../../core/ownership";
import type { AppliedSheet } from "../host";
import { withAddedSheets } from "./app-properties";
import {
  addRelationships,
  editContentTypes,
  freeRelId,
  NEW_RELS,
  Package,
  relationshipsOf,
  relsPartOf,
  relType,
  removeRelationship,
  type Relationship,
} from "./opc";
import { writeStampedZip } from "./package-stamp";
import { addSheetCharts, ourDrawingRel, removeSheetCharts, type NewPart } from "./sheet-charts";
import { transplantSheet } from "./sheet-transplant";
import { sheetXml } from "./sheet-xml";
import { StyleTable } from "./sheet-styles";
import { mergeStyles, usedStyles } from "./styles-merge";
import {
  editPrintTitles,
  editSheets,
  isStrict,
  readSheets,
  usesDate1904,
  type NewSheetEntry,
  type PrintTitles,
  type SheetState,
  type WorkbookSheet,
} from "./workbook-part";
import { decodeXml, type XmlText } from "./xml-text";
import { ZipError } from "./zip";

/** The package cannot be written into; the message says why in both languages. */
export class PackageWriteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PackageWriteError";
  }
}

export interface PackageWriteResult {
  readonly bytes: Uint8Array;
  readonly sheets: readonly AppliedSheet[];
  readonly notes: readonly LandingNote[];
}

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
/** A sheet's relationships Excel adds by itself; anything else on our sheet is something the user added. */
const HARMLESS_SHEET_RELS = /\/printerSettings$/;

interface PackageSheet extends WorkbookSheet {
  /** Its part, or "" when the relationship is missing. */
  readonly part: string;
  readonly worksheet: boolean;
}

function fail(zh: string, en: string, cause?: unknown): never {
  throw new PackageWriteError(`${zh} / ${en}`, cause === undefined ? undefined : { cause });
}

export function workbookPartOf(pkg: Package): string {
  const main = relationshipsOf(pkg, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!main || !pkg.has(main.part))
    fail("不是 Excel 工作簿（缺少 workbook.xml）", "not an Excel workbook (no workbook.xml)");
  return main.part;
}

/**
 * The existing sheets as the landing planner sees them. A recorded sheet counts as still ours only when the
 * file agrees with the snapshot (same sheetId) and nobody attached anything to it (comments, drawings, tables):
 * replacing it would drop those.
 */
function existingSheets(
  pkg: Package,
  sheets: readonly PackageSheet[],
  snapshot: OwnershipSnapshot
): ExistingSheet[] {
  return sheets.map((s, position) => {
    const id = `xlsx:${s.sheetId}`;
    const snap = snapshot.sheets.find((x) => x.name === s.name);
    const product = snap?.product?.replaceable && snap.id === id ? snap.product.kind : null;
    // Our own charts do not make a sheet the user's; anything else attached does.
    const ourDrawing = ourDrawingRel(pkg, s.part) !== null;
    const attached = relationshipsOf(pkg, s.part).some(
      (r) => !HARMLESS_SHEET_RELS.test(r.type) && !(ourDrawing && r.type.endsWith("/drawing"))
    );
    return { name: s.name, position, id, ownedKind: s.worksheet && !attached ? product : null };
  });
}

/** "xl/worksheets/sheet<N>.xml" with the first N no part uses. */
function freeSheetPart(pkg: Package, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `xl/worksheets/sheet${n}.xml`;
    if (!pkg.has(name) && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function relativeTo(workbookPart: string, part: string): string {
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

/** Drops the calculation chain when it names a sheet being replaced: Excel rebuilds it, stale entries are errors. */
function dropStaleCalcChain(
  pkg: Package,
  rels: readonly (Relationship & { part: string })[],
  replacedIds: ReadonlySet<number>
): { relId: string; part: string } | null {
  const rel = rels.find((r) => r.type.endsWith("/calcChain"));
  if (!rel || replacedIds.size === 0) return null;
  const chain = pkg.xml(rel.part)?.text ?? "";
  const named = [...chain.matchAll(/\si="(\d+)"/g)].some((m) => replacedIds.has(Number(m[1])));
  // Without any i attribute every entry belongs to the first sheet listed.
  if (!named && /\si="/.test(chain)) return null;
  pkg.remove(rel.part);
  return { relId: rel.id, part: rel.part };
}

/**
 * The package `input` with the plan written into it.
 * @param snapshot ownership of the workbook as read from these very bytes (`snapshotOwnership(grid)`)
 * @example const { bytes } = await writePlanIntoPackage(await readFile("book.xlsx"), plan, snapshotOwnership(grid));
 */
export function writePlanIntoPackage(
  input: Uint8Array,
  plan: WritePlan,
  snapshot: OwnershipSnapshot
): PackageWriteResult {
  const pkg = openPackage(input);
  const workbookPart = workbookPartOf(pkg);
  const workbook = pkg.xml(workbookPart) as XmlText;
  if (isStrict(workbook.text))
    fail(
      "此文件为“严格 Open XML”格式，暂不能写回，请在 Excel 中另存为普通 .xlsx",
      "this file is in Strict Open XML format, which cannot be written back; save it as a regular .xlsx in Excel"
    );
  const wbRels = relationshipsOf(pkg, workbookPart);
  const sheets: PackageSheet[] = readSheets(workbook.text).map((s) => {
    const rel = wbRels.find((r) => r.id === s.relId);
    return { ...s, part: rel?.part ?? "", worksheet: rel?.type.endsWith("/worksheet") ?? false };
  });

  const existing = existingSheets(pkg, sheets, snapshot);
  const firstNewId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const landing = planLanding(
    snapshot,
    plan,
    (t, fresh) => t.replaces?.id ?? `xlsx:${firstNewId + fresh}`,
    existing
  );
  const built = renderSheets(landing.targets, usesDate1904(workbook.text));

  const edit: WorkbookEdit = {
    workbookPart,
    wbRels,
    sheets,
    nextSheetId: firstNewId,
    takenRelIds: new Set(),
    addedRels: [],
    takenParts: new Set(),
    newSheets: [],
    states: new Map(),
    titles: [],
    replacedIds: new Set(),
    newParts: [],
    chartParts: [],
    removedParts: [],
  };
  const styles = writeStyles(pkg, edit, built);
  const applied = landing.targets.map((target) => writeTarget(pkg, edit, target, built, styles));
  writeWorkbookParts(pkg, edit, workbook, styles.added ? styles.part : null);
  const bytes = writeStampedZip(pkg.archive, pkg.output());
  return { bytes, sheets: applied, notes: landing.notes };
}

/** Our sheets as worksheet parts, by final name, and the stylesheet their `s` indices refer to. */
interface RenderedSheets {
  readonly sheets: ReadonlyMap<string, string>;
  readonly styles: string;
}

function renderSheets(targets: readonly SheetTarget[], date1904: boolean): RenderedSheets {
  const table = new StyleTable();
  const sheets = new Map<string, string>();
  for (const t of targets) sheets.set(t.name, sheetXml(t.plan, table, date1904 ? 1904 : 1900));
  return { sheets, styles: table.stylesheet() };
}

function openPackage(input: Uint8Array): Package {
  try {
    return new Package(input);
  } catch (err) {
    if (err instanceof ZipError)
      fail("不是有效的 .xlsx 文件", `not a valid .xlsx file (${err.message})`, err);
    throw err;
  }
}

/** What writing our sheets changes in the workbook's own parts, gathered while the sheets are written. */
interface WorkbookEdit {
  readonly workbookPart: string;
  readonly wbRels: readonly (Relationship & { part: string })[];
  readonly sheets: readonly PackageSheet[];
  nextSheetId: number;
  readonly takenRelIds: Set<string>;
  readonly addedRels: Relationship[];
  readonly takenParts: Set<string>;
  readonly newSheets: NewSheetEntry[];
  readonly states: Map<string, SheetState>;
  readonly titles: PrintTitles[];
  readonly replacedIds: Set<number>;
  /** New worksheet parts, and the parts of our charts added and removed, for [Content_Types].xml. */
  readonly newParts: string[];
  readonly chartParts: NewPart[];
  readonly removedParts: string[];
}

function newRelId(edit: WorkbookEdit): string {
  const id = freeRelId(edit.wbRels, edit.takenRelIds);
  edit.takenRelIds.add(id);
  return id;
}

/** Our sheets' styles merged into the user's stylesheet (or a new one); the indices our sheets must use. */
function writeStyles(
  pkg: Package,
  edit: WorkbookEdit,
  built: RenderedSheets
): ReturnType<typeof mergeStyles> & { part: string; added: boolean } {
  const stylesRel = edit.wbRels.find((r) => r.type.endsWith("/styles"));
  const used = new Set<number>();
  for (const x of built.sheets.values()) for (const i of usedStyles(x)) used.add(i);
  const userStyles = stylesRel ? pkg.xml(stylesRel.part) : null;
  const styles = mergeStyles(userStyles, built.styles, used);
  const part = stylesRel?.part ?? "xl/styles.xml";
  if (!stylesRel)
    edit.addedRels.push({
      id: newRelId(edit),
      type: relType("styles"),
      target: relativeTo(edit.workbookPart, part),
      external: false,
    });
  pkg.setXml(part, styles.xml);
  return { ...styles, part, added: !stylesRel };
}

/** One of our sheets, written over the sheet it replaces or as a new part at the end of the workbook. */
function writeTarget(
  pkg: Package,
  edit: WorkbookEdit,
  target: SheetTarget,
  built: RenderedSheets,
  styles: ReturnType<typeof mergeStyles>
): AppliedSheet {
  const xml = built.sheets.get(target.name) ?? "";
  const old = target.replaces ? edit.sheets[target.replaces.position] : undefined;
  const part = old?.part || freeSheetPart(pkg, edit.takenParts);
  const selected = old ? /\stabSelected="(1|true)"/.test(pkg.xml(old.part)?.text ?? "") : false;
  if (old) {
    edit.removedParts.push(...removeSheetCharts(pkg, old.part));
    // Only printer settings or our own charts can be left here (anything else vetoed the replacement).
    if (pkg.has(relsPartOf(old.part))) pkg.remove(relsPartOf(old.part));
  }
  const charted = addSheetCharts(
    pkg,
    part,
    transplantSheet(xml, { xfMap: styles.xfMap, selected }),
    target.name,
    target.plan,
    edit.takenParts
  );
  edit.chartParts.push(...charted.parts);
  pkg.set(part, new TextEncoder().encode(charted.xml));
  const state = target.plan.visibility;
  let index: number;
  if (old) {
    edit.replacedIds.add(old.sheetId);
    edit.states.set(old.name, state);
    index = old.index;
  } else {
    const relId = newRelId(edit);
    edit.addedRels.push({
      id: relId,
      type: relType("worksheet"),
      target: relativeTo(edit.workbookPart, part),
      external: false,
    });
    edit.newSheets.push({ name: target.name, sheetId: edit.nextSheetId++, relId, state });
    edit.newParts.push(part);
    index = edit.sheets.length + edit.newSheets.length - 1;
  }
  const rows = target.plan.print?.repeatRows ?? null;
  if (old || rows) edit.titles.push({ index, sheet: target.name, rows });
  return appliedSheet(target);
}

/** xl/workbook.xml, its relationships and [Content_Types].xml after our sheets are written. */
function writeWorkbookParts(
  pkg: Package,
  edit: WorkbookEdit,
  workbook: XmlText,
  newStylesPart: string | null
): void {
  const calcChain = dropStaleCalcChain(pkg, edit.wbRels, edit.replacedIds);
  pkg.setXml(
    edit.workbookPart,
    editPrintTitles(editSheets(workbook, edit.newSheets, edit.states), edit.titles)
  );
  addSheetTitles(pkg, edit);

  const relsPart = relsPartOf(edit.workbookPart);
  let rels = pkg.xml(relsPart) ?? decodeXml(new TextEncoder().encode(NEW_RELS));
  rels = addRelationships(rels, edit.addedRels);
  if (calcChain) rels = removeRelationship(rels, calcChain.relId);
  pkg.setXml(relsPart, rels);

  const types = pkg.xml("[Content_Types].xml");
  if (!types) fail("缺少 [Content_Types].xml", "[Content_Types].xml is missing");
  pkg.setXml(
    "[Content_Types].xml",
    editContentTypes(
      types,
      [
        ...edit.newParts.map((part) => ({ part, type: WORKSHEET_TYPE })),
        ...(newStylesPart ? [{ part: newStylesPart, type: STYLES_TYPE }] : []),
        ...edit.chartParts,
      ],
      [
        ...(calcChain ? [calcChain.part] : []),
        // A re-run writes its charts under the same names: those keep their overrides.
        ...edit.removedParts.filter((r) => !edit.chartParts.some((c) => c.part === r)),
      ]
    )
  );
}

/** docProps/app.xml's list of sheet names gains our new sheets (app-properties.ts). */
function addSheetTitles(pkg: Package, edit: WorkbookEdit): void {
  const rel = relationshipsOf(pkg, "").find((r) => r.type.endsWith("/extended-properties"));
  const app = rel ? pkg.xml(rel.part) : null;
  if (!rel || !app) return;
  const worksheets = edit.sheets.filter((s) => s.worksheet).length;
  const edited = withAddedSheets(
    app,
    worksheets,
    edit.newSheets.map((s) => s.name)
  );
  if (edited) pkg.setXml(rel.part, edited);
}

function appliedSheet(target: SheetTarget): AppliedSheet {
  return { planned: target.plan.name, name: target.name, replaced: target.replaces !== null };
}
