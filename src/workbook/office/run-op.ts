/**
 * Executor: one planned step → the Office.js calls it stands for (queued; nothing is sent until sync).
 * Only string literals of Office enums are used: the `Excel` global does not exist outside Excel.
 */
import type { HorizontalAlign, PrintSetup, VerticalAlign } from "../../core/plan";
import { queueChart } from "./chart-ops";
import type { OpStyle, WriteOp } from "./write-ops";

const HORIZONTAL: Record<HorizontalAlign, "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};
const VERTICAL: Record<VerticalAlign, "Top" | "Center" | "Bottom"> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};
const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
const INCH = 72;

/** Worksheets by name within one batch; a rename keeps the same proxy under the new name. */
export class SheetProxies {
  private readonly byName = new Map<string, Excel.Worksheet>();
  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    let ws = this.byName.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.byName.set(name, ws);
    }
    return ws;
  }

  add(name: string): void {
    this.byName.set(name, this.context.workbook.worksheets.add(name));
  }

  rename(from: string, to: string): void {
    const ws = this.get(from);
    ws.name = to;
    this.byName.delete(from);
    this.byName.set(to, ws);
  }

  forget(name: string): void {
    this.byName.delete(name);
  }
}

function applyStyle(format: Excel.RangeFormat, style: OpStyle): void {
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  const font = format.font;
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = `#${style.fontColor}`;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.underline !== undefined) font.underline = style.underline ? "Single" : "None";
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border !== undefined) {
    const weight = style.border === "thin" ? "Thin" : "Medium";
    for (const edge of BORDER_EDGES) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = weight;
      border.color = "#808080";
    }
  }
}

function applyPrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  layout.centerHorizontally = print.centerHorizontally ?? false;
  // Same margins as the ExcelJS adapter (inches there, points here).
  layout.leftMargin = 0.4 * INCH;
  layout.rightMargin = 0.4 * INCH;
  layout.topMargin = 0.5 * INCH;
  layout.bottomMargin = 0.6 * INCH;
  layout.headerMargin = 0.3 * INCH;
  layout.footerMargin = 0.3 * INCH;
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows[0]}:$${print.repeatRows[1]}`);
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  // PageBreakCollection.add puts the break above the range's top-left cell (ExcelApi 1.9, as pageLayout).
  for (const row of print.pageBreaks ?? []) if (row > 1) ws.horizontalPageBreaks.add(`A${row}`);
}

type OpOf<K extends WriteOp["kind"]> = Extract<WriteOp, { readonly kind: K }>;

function applyFreeze(ws: Excel.Worksheet, op: OpOf<"freeze">): void {
  const panes = ws.freezePanes;
  if (op.columns === 0) panes.freezeRows(op.rows);
  else if (op.rows === 0) panes.freezeColumns(op.columns);
  else panes.freezeAt(ws.getRangeByIndexes(0, 0, op.rows, op.columns));
}

function applyHyperlink(ws: Excel.Worksheet, op: OpOf<"hyperlink">): void {
  ws.getRange(op.cell).hyperlink = {
    documentReference: op.reference,
    textToDisplay: op.text,
    ...(op.tooltip === undefined ? {} : { screenTip: op.tooltip }),
  };
}

/** A drop-down list that warns on other input rather than refusing it. */
function applyValidation(ws: Excel.Worksheet, op: OpOf<"validation">): void {
  const validation = ws.getRange(op.address).dataValidation;
  validation.ignoreBlanks = true;
  validation.rule = { list: { inCellDropDown: true, source: op.source } };
  validation.errorAlert = { showAlert: true, style: "Warning", title: "", message: "" };
  if (op.prompt !== undefined)
    validation.prompt = { showPrompt: true, message: op.prompt, title: "" };
}

function applyDataBar(ws: Excel.Worksheet, op: OpOf<"dataBar">): void {
  const format = ws.getRange(op.address).conditionalFormats.add("DataBar");
  format.dataBar.positiveFormat.fillColor = `#${op.color}`;
  format.dataBar.positiveFormat.gradientFill = true;
}

export function runOp(sheets: SheetProxies, op: WriteOp): void {
  switch (op.kind) {
    case "addSheet":
      sheets.add(op.sheet);
      return;
    case "values":
      sheets.get(op.sheet).getRange(op.address).values = op.values.map((row) => [...row]);
      return;
    case "numberFormat":
      // null leaves a cell's format as it is (Office.js: null in a 2-D array is "unchanged").
      sheets.get(op.sheet).getRange(op.address).numberFormat = op.formats.map((row) => [...row]);
      return;
    case "style": {
      const ws = sheets.get(op.sheet);
      applyStyle((op.areas ? ws.getRanges(op.address) : ws.getRange(op.address)).format, op.style);
      return;
    }
    case "merge":
      sheets.get(op.sheet).getRange(op.address).merge(false);
      return;
    case "columnWidth":
      sheets.get(op.sheet).getRange(`${op.column}:${op.column}`).format.columnWidth = op.points;
      return;
    case "rowHeight":
      sheets.get(op.sheet).getRange(`${op.row}:${op.row}`).format.rowHeight = op.points;
      return;
    case "freeze":
      applyFreeze(sheets.get(op.sheet), op);
      return;
    case "print":
      applyPrint(sheets.get(op.sheet), op.print);
      return;
    case "chart":
      queueChart(sheets.get(op.sheet), op.chart, op.axisFormat);
      return;
    case "hyperlink":
      applyHyperlink(sheets.get(op.sheet), op);
      return;
    case "validation":
      applyValidation(sheets.get(op.sheet), op);
      return;
    case "dataBar":
      applyDataBar(sheets.get(op.sheet), op);
      return;
    case "tabColor":
      sheets.get(op.sheet).tabColor = `#${op.color}`;
      return;
    case "deleteSheet":
      sheets.get(op.sheet).delete();
      sheets.forget(op.sheet);
      return;
    case "renameSheet":
      sheets.rename(op.sheet, op.to);
      return;
    case "position":
      sheets.get(op.sheet).position = op.position;
      return;
    case "visibility":
      sheets.get(op.sheet).visibility = op.visibility;
      return;
    case "activate":
      sheets.get(op.sheet).activate();
      return;
  }
}
