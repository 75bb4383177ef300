/**
 * One planned sheet as a SpreadsheetML worksheet part, written directly from the WritePlan (no spreadsheet library
 * in between): values, the layered styles as `s` indices into a StyleTable, merges, widths and heights, frozen
 * panes, data bars, list validations, print setup and page breaks. Every string is an inline string, so text that
 * begins with = + - @ stays text; the only formulas are the plan's internal links (HYPERLINK). Elements follow
 * CT_Worksheet's order, so Excel, LibreOffice and our reader all take the part as it is.
 */
import { dateToSerial, quoteSheetName, toA1, type DateSystem } from "../../core/grid";
import { DATE_FORMAT, type CellStyle, type SheetPlan, type WriteValue } from "../../core/plan";
import { COLUMN_SPAN, layeredStyles, type StyleTable } from "./sheet-styles";
import { MAIN_NS } from "./workbook-part";
import { escapeAttr, escapeText } from "./xml-text";
import { encodeXstring } from "./xstring";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NO_STYLE: CellStyle = {};

/** Text as the content of a `<t>` or `<v>`: XML-escaped, and characters XML cannot hold as _xHHHH_ (read back exactly). */
export function cellText(text: string): string {
  return escapeText(encodeXstring(text));
}

/** Leading or trailing white space, or a line break or tab, which XML would otherwise let a reader fold. */
const SPACED = /^\s|\s$|[\n\t]/;

function inlineString(ref: string, s: number, text: string): string {
  const t = SPACED.test(text) ? '<t xml:space="preserve">' : "<t>";
  return `<c r="${ref}" s="${s}" t="inlineStr"><is>${t}${cellText(text)}</t></is></c>`;
}

function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The cell's XML, or "" for a cell with neither value nor style. */
function cellXml(ref: string, s: number, value: WriteValue, system: DateSystem): string {
  if (value === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof value === "string") return inlineString(ref, s, value);
  if (typeof value === "boolean") return `<c r="${ref}" s="${s}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const n = value instanceof Date ? dateToSerial(value, system) : value;
  return Number.isFinite(n) ? `<c r="${ref}" s="${s}"><v>${n}</v></c>` : `<c r="${ref}" s="${s}"/>`;
}

/** Internal links as HYPERLINK formulas: LibreOffice (and older Excel) resolve a cell hyperlink to the file. */
function linkCells(plan: SheetPlan): Map<string, { formula: string; text: string }> {
  const links = new Map<string, { formula: string; text: string }>();
  for (const link of plan.hyperlinks) {
    const target = `#${quoteSheetName(link.sheet)}!${link.target}`;
    links.set(link.cell, { formula: `HYPERLINK(${formulaString(target)},`, text: link.target });
  }
  return links;
}

interface RowCells {
  readonly row: number;
  readonly cols: number[];
}

/** Rows with a value, a style or a height, each with its cells' columns in order. */
function occupiedRows(plan: SheetPlan, styles: ReadonlyMap<number, CellStyle>): RowCells[] {
  const byRow = new Map<number, Set<number>>();
  const at = (row: number) => {
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = new Set()));
    return cols;
  };
  plan.values.forEach((values, row) =>
    values.forEach((v, col) => {
      if (v !== null) at(row).add(col);
    })
  );
  for (const key of styles.keys()) at(Math.floor(key / COLUMN_SPAN)).add(key % COLUMN_SPAN);
  for (const row of Object.keys(plan.rowHeights)) at(Number(row) - 1);
  return [...byRow]
    .map(([row, cols]) => ({ row, cols: [...cols].sort((a, b) => a - b) }))
    .sort((a, b) => a.row - b.row);
}

function sheetData(plan: SheetPlan, table: StyleTable, system: DateSystem): string {
  const styles = layeredStyles(plan);
  const links = linkCells(plan);
  const parts: string[] = ["<sheetData>"];
  for (const { row, cols } of occupiedRows(plan, styles)) {
    const height = plan.rowHeights[row + 1];
    parts.push(
      height === undefined
        ? `<row r="${row + 1}">`
        : `<row r="${row + 1}" ht="${height}" customHeight="1">`
    );
    const values = plan.values[row];
    for (const col of cols) {
      const ref = toA1(row, col);
      const value = values?.[col] ?? null;
      const style = styles.get(row * COLUMN_SPAN + col);
      const dated = value instanceof Date && !style?.numberFormat;
      const s = table.xfOf(dated ? { ...style, numberFormat: DATE_FORMAT } : (style ?? NO_STYLE));
      const link = links.get(ref);
      if (link) {
        const text = value === null ? link.text : String(value as string | number);
        const formula = `${link.formula}${formulaString(text)})`;
        parts.push(
          `<c r="${ref}" s="${s}" t="str"><f>${escapeText(formula)}</f><v>${cellText(text)}</v></c>`
        );
      } else parts.push(cellXml(ref, s, value, system));
    }
    parts.push("</row>");
  }
  parts.push("</sheetData>");
  return parts.join("");
}

function dimension(plan: SheetPlan): string {
  const rows = Math.max(1, plan.values.length);
  const cols = Math.max(1, plan.columnWidths.length, ...plan.values.map((r) => r.length));
  return `<dimension ref="A1:${toA1(rows - 1, cols - 1)}"/>`;
}

function sheetView(plan: SheetPlan): string {
  const rows = plan.freeze?.rows ?? 0;
  const cols = plan.freeze?.columns ?? 0;
  // Selected here; xlsx-package/sheet-transplant.ts takes it away unless the sheet replaced was the selected one.
  const open = '<sheetViews><sheetView tabSelected="1" workbookViewId="0">';
  if (rows === 0 && cols === 0)
    return `${open}<selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>`;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    open +
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}` +
    ` topLeftCell="${toA1(rows, cols)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="A1" sqref="A1"/></sheetView></sheetViews>`
  );
}

function columns(plan: SheetPlan): string {
  if (plan.columnWidths.length === 0) return "";
  const cols = plan.columnWidths.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`
  );
  return `<cols>${cols.join("")}</cols>`;
}

function merges(plan: SheetPlan): string {
  if (plan.merges.length === 0) return "";
  const cells = plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("");
  return `<mergeCells count="${plan.merges.length}">${cells}</mergeCells>`;
}

function dataBars(plan: SheetPlan): string {
  return plan.dataBars
    .map(
      (bar, i) =>
        `<conditionalFormatting sqref="${bar.range}"><cfRule type="dataBar" priority="${i + 1}">` +
        `<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF${bar.color.replace(/^#/, "").toUpperCase()}"/>` +
        "</dataBar></cfRule></conditionalFormatting>"
    )
    .join("");
}

/** "B6:B60" → "$B$6:$B$60". */
function absolute(range: string): string {
  return range.replace(/([A-Za-z]+)(\d+)/g, "$$$1$$$2");
}

function validations(plan: SheetPlan): string {
  if (plan.validations.length === 0) return "";
  const items = plan.validations.map((v) => {
    const list = v.source
      ? `${quoteSheetName(v.source.sheet)}!${absolute(v.source.range)}`
      : `"${v.values.map((s) => s.replace(/"/g, '""')).join(",")}"`;
    const prompt =
      v.prompt === undefined ? "" : ` showInputMessage="1" prompt="${escapeAttr(v.prompt)}"`;
    return (
      `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1"${prompt}` +
      ` sqref="${v.range}"><formula1>${escapeText(list)}</formula1></dataValidation>`
    );
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function printSetup(plan: SheetPlan): string {
  const p = plan.print;
  const margins =
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>';
  if (!p) return margins;
  const breaks = (p.pageBreaks ?? []).filter((row) => row > 1);
  return (
    (p.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : "") +
    margins +
    `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>` +
    (p.footer
      ? `<headerFooter><oddFooter>${escapeText(`&C${p.footer}`)}</oddFooter></headerFooter>`
      : "") +
    // A break is stored under the last row of the page before it.
    (breaks.length > 0
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("") +
        "</rowBreaks>"
      : "")
  );
}

function sheetProperties(plan: SheetPlan): string {
  const tab = plan.tabColor
    ? `<tabColor rgb="FF${plan.tabColor.replace(/^#/, "").toUpperCase()}"/>`
    : "";
  const fit = plan.print ? '<pageSetUpPr fitToPage="1"/>' : "";
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : "";
}

/** The worksheet part of `plan`, its cells' formats added to `table`. */
export function sheetXml(plan: SheetPlan, table: StyleTable, system: DateSystem): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    sheetProperties(plan) +
    dimension(plan) +
    sheetView(plan) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columns(plan) +
    sheetData(plan, table, system) +
    merges(plan) +
    dataBars(plan) +
    validations(plan) +
    printSetup(plan) +
    "</worksheet>"
  );
}
