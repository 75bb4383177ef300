import type ExcelJS from "exceljs";
import { quoteSheetName, toA1 } from "../../core/grid";
import { DATE_FORMAT, DEFAULT_FONT, type SheetPlan, type WritePlan } from "../../core/plan";
import type { OwnershipSnapshot } from "../../core/ownership";
import { planLanding, snapshotOwnership } from "../../core/ownership";
import type { AppliedPlan, AppliedSheet } from "../host";
import { COLUMN_SPAN, layeredStyles } from "../xlsx-package/sheet-styles";
import { encodeXstring } from "../xlsx-package/xstring";
import { gridFromWorkbook } from "./read";

export type { AppliedPlan, AppliedSheet } from "../host";

/**
 * Applies a WritePlan to an ExcelJS workbook the product is building (sample, template, merged ledgers). Sheets
 * land where report/sheet-targets.ts says: the product's sheets still recorded in the workbook's state sheet are
 * replaced at their position, a user's sheet is never touched, and the ownership records are kept up to date.
 * Files a user gave are written by xlsx-package/ instead, which keeps every other part byte for byte.
 * Strings are always written as text values, never as formulas.
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): AppliedPlan {
  const existing = wb.worksheets.length === 0 ? EMPTY : snapshotOwnership(gridFromWorkbook(wb, ""));
  const ids = wb.worksheets.map((ws) => ws.id);
  let next = Math.max(0, ...ids) + 1;
  const landing = planLanding(existing, plan, (t, fresh) =>
    t.replaces ? t.replaces.id : `xlsx:${next + fresh}`
  );
  const sheets: AppliedSheet[] = [];
  for (const target of landing.targets) {
    const previous = target.replaces ? wb.getWorksheet(target.replaces.name) : undefined;
    let ws: ExcelJS.Worksheet;
    if (previous) {
      const orderNo = (previous as unknown as { orderNo: number }).orderNo;
      const id = previous.id;
      wb.removeWorksheet(id);
      ws = wb.addWorksheet(target.name);
      // Same sheetId and position as the sheet replaced, so its ownership record still names it.
      (ws as unknown as { orderNo: number }).orderNo = orderNo;
      reId(wb, ws, id);
    } else {
      ws = wb.addWorksheet(target.name);
      reId(wb, ws, next++);
    }
    writeSheet(ws, target.plan);
    sheets.push({ planned: target.plan.name, name: target.name, replaced: previous !== undefined });
  }
  if (plan.activate !== undefined)
    activate(wb, sheets.find((a) => a.planned === plan.activate)?.name ?? plan.activate);
  return { sheets, notes: landing.notes };
}

const EMPTY: OwnershipSnapshot = { stateRows: [], sheets: [] };

/** ExcelJS numbers a new sheet after the highest id ever used; keep ids as the landing planned them. */
function reId(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, id: number): void {
  const sheets = (wb as unknown as { _worksheets: (ExcelJS.Worksheet | undefined)[] })._worksheets;
  if (ws.id === id) return;
  delete sheets[ws.id];
  (ws as unknown as { id: number }).id = id;
  sheets[id] = ws;
}

function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** "B6:B60" → "$B$6:$B$60". */
function absolute(range: string): string {
  return range.replace(/([A-Za-z]+)(\d+)/g, "$$$1$$$2");
}

function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, "").toUpperCase()}`;
}

/** Writes one planned sheet into an empty worksheet. */
export function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  writeValues(ws, plan);
  for (const m of plan.merges) ws.mergeCells(m);
  applyStyles(ws, plan);
  writeLayout(ws, plan);
  writePrintSetup(ws, plan);
  writeValidations(ws, plan);
  writeDataBars(ws, plan);
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  ws.state = plan.visibility === "visible" ? "visible" : plan.visibility;
}

function writeValues(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.values.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === null) return;
      // A string is always a string value: ExcelJS writes it as shared text, never as a formula, but as it is:
      // what XML cannot carry, a CR, or an escape's shape goes in as _xHHHH_, as Excel writes it.
      xr.getCell(c + 1).value = typeof value === "string" ? encodeXstring(value) : value;
    });
  });
  // Internal links as HYPERLINK formulas: ExcelJS writes cell hyperlinks as external relationships, which
  // LibreOffice (and older Excel) resolve to the file itself instead of the cell.
  for (const link of plan.hyperlinks) {
    const cell = ws.getCell(link.cell);
    const text =
      cell.value === null || cell.value === undefined
        ? link.target
        : String(cell.value as string | number);
    const target = `#${quoteSheetName(link.sheet)}!${link.target}`;
    cell.value = {
      formula: `HYPERLINK(${formulaString(target)},${formulaString(text)})`,
      result: text,
    };
  }
}

/** Column widths, row heights and frozen panes. */
function writeLayout(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = h;
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: plan.freeze.columns,
        ySplit: plan.freeze.rows,
        topLeftCell: toA1(plan.freeze.rows, plan.freeze.columns),
        activeCell: "A1",
      },
    ];
  }
}

function writePrintSetup(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  if (!plan.print) return;
  const p = plan.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: p.orientation,
    paperSize: 9,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: p.centerHorizontally ?? false,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows[0]}:${p.repeatRows[1]}` } : {}),
  };
  if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
  // ExcelJS breaks after the row it is given: the row before the one that begins the page.
  for (const row of p.pageBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
}

/** Dropdown lists: from another sheet's range, or inline values. */
function writeValidations(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const v of plan.validations) {
    const list = v.source
      ? `${quoteSheetName(v.source.sheet)}!${absolute(v.source.range)}`
      : `"${v.values.map((s) => s.replace(/"/g, '""')).join(",")}"`;
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: "warning",
      ...(v.prompt === undefined ? {} : { showInputMessage: true, prompt: v.prompt }),
    };
    (
      ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(v.range, validation);
  }
}

function writeDataBars(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.dataBars.forEach((bar, i) => {
    const rule = {
      type: "dataBar",
      priority: i + 1,
      cfvo: [{ type: "min" }, { type: "max" }],
      color: { argb: argb(bar.color) },
      gradient: true,
    } as unknown as ExcelJS.DataBarRuleType;
    ws.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  });
}

/** Layers the grouped styles per cell (later entries override only what they set), then writes each cell once. */
function applyStyles(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const perCell = layeredStyles(plan);
  for (const [key, s] of perCell) {
    const row = Math.floor(key / COLUMN_SPAN);
    const col = key % COLUMN_SPAN;
    const cell = ws.getRow(row + 1).getCell(col + 1);
    const font: Partial<ExcelJS.Font> = {
      name: DEFAULT_FONT,
      size: s.fontSize ?? 11,
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.underline ? { underline: true } : {}),
    };
    const style: Partial<ExcelJS.Style> = { font };
    if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
    if (s.numberFormat) style.numFmt = s.numberFormat;
    if (s.horizontal || s.vertical || s.wrap) {
      style.alignment = {
        ...(s.horizontal ? { horizontal: s.horizontal } : {}),
        ...(s.vertical ? { vertical: s.vertical } : {}),
        ...(s.wrap ? { wrapText: true } : {}),
      };
    }
    if (s.border) {
      const side: Partial<ExcelJS.Border> = { style: s.border, color: { argb: "FF808080" } };
      style.border = { top: side, left: side, bottom: side, right: side };
    }
    cell.style = style;
  }
  plan.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const style = perCell.get(r * COLUMN_SPAN + c);
      const cell = ws.getRow(r + 1).getCell(c + 1);
      if (!style) cell.font = { name: DEFAULT_FONT, size: 11 };
      // Dates without a format would print as serial numbers.
      if (v instanceof Date && !style?.numberFormat) cell.numFmt = DATE_FORMAT;
    })
  );
}

function activate(wb: ExcelJS.Workbook, name: string): void {
  const index = wb.worksheets.findIndex((ws) => ws.name === name);
  if (index < 0) return;
  const base = wb.views?.[0] ?? {
    x: 0,
    y: 0,
    width: 12000,
    height: 8000,
    visibility: "visible" as const,
  };
  wb.views = [{ ...base, firstSheet: 0, activeTab: index }];
  wb.worksheets.forEach((ws, i) => {
    const view = ws.views?.[0];
    if (view) ws.views = [{ ...view, ...{ tabSelected: i === index } }];
  });
}
