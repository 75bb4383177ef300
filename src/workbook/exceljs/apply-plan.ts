import type ExcelJS from "exceljs";
import { parseRangeA1, quoteSheetName, toA1 } from "../../core/grid";
import type { CellStyle, SheetKind, SheetPlan, WritePlan } from "../../core/report";
import { OWNER_MARKER_PREFIX, parseOwnerMarker } from "../../core/report";

/** What happened to each planned sheet. */
export interface AppliedSheet {
  readonly planned: string;
  /** Name actually used ("考核排名 (2)" when a user's sheet holds the planned name). */
  readonly name: string;
  /** True when an owned sheet from an earlier run was replaced in place. */
  readonly replaced: boolean;
}

const MAX_SHEET_NAME = 31;
/** The default font of Chinese Excel; hosts without it substitute a CJK sans-serif. */
export const DEFAULT_FONT = "等线";
/** Beyond this many rows only column A is searched for the marker (our sheets keep it there). */
const FULL_SCAN_ROWS = 5000;

/**
 * Applies a WritePlan to an ExcelJS workbook. Owned sheets from an earlier run (found by their marker cell)
 * are replaced at the same position; any other sheet is never touched, and a user's sheet that holds the
 * planned name keeps it while ours is written as "<name> (2)". Applying the same plan twice gives the same
 * workbook. Strings are always written as text values, never as formulas.
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): AppliedSheet[] {
  const applied: AppliedSheet[] = [];
  const claimed = new Set<number>();
  // Scan each existing sheet once for its marker, not once per planned sheet.
  const kinds = new Map<ExcelJS.Worksheet, SheetKind | null>();
  const kindOf = (ws: ExcelJS.Worksheet) => {
    if (!kinds.has(ws)) kinds.set(ws, ownedKindOf(ws));
    return kinds.get(ws) ?? null;
  };
  for (const sheet of plan.sheets) {
    const previous = sheet.owned ? findOwnedSheet(wb, sheet, claimed, kindOf) : undefined;
    let ws: ExcelJS.Worksheet;
    let name: string;
    if (previous) {
      const orderNo = (previous as unknown as { orderNo: number }).orderNo;
      const oldName = previous.name;
      wb.removeWorksheet(previous.id);
      name = oldName;
      ws = wb.addWorksheet(name);
      (ws as unknown as { orderNo: number }).orderNo = orderNo;
    } else {
      name = freeName(wb, sheet.name);
      ws = wb.addWorksheet(name);
    }
    claimed.add(ws.id);
    writeSheet(ws, sheet);
    applied.push({ planned: sheet.name, name, replaced: previous !== undefined });
  }
  if (plan.activate !== undefined)
    activate(wb, applied.find((a) => a.planned === plan.activate)?.name ?? plan.activate);
  return applied;
}

/** The kind named by the sheet's ownership marker, or null for a sheet the product does not own. */
export function ownedKindOf(ws: ExcelJS.Worksheet): SheetKind | null {
  const rows = ws.rowCount;
  const full = rows <= FULL_SCAN_ROWS;
  for (let r = rows; r >= 1; r--) {
    const row = ws.getRow(r);
    const cols = full ? row.cellCount : 1;
    for (let c = 1; c <= cols; c++) {
      const v = row.getCell(c).value;
      if (typeof v === "string" && v.includes(`[${OWNER_MARKER_PREFIX}`)) {
        const kind = parseOwnerMarker(v);
        if (kind) return kind;
      }
    }
  }
  return null;
}

function findOwnedSheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  claimed: ReadonlySet<number>,
  kindOf: (ws: ExcelJS.Worksheet) => SheetKind | null
): ExcelJS.Worksheet | undefined {
  const candidates = wb.worksheets.filter((ws) => !claimed.has(ws.id) && kindOf(ws) === plan.kind);
  const base = plan.name.toLowerCase();
  return (
    candidates.find((ws) => ws.name.toLowerCase() === base) ??
    candidates.find((ws) => ws.name.toLowerCase().startsWith(`${base} (`)) ??
    candidates[0]
  );
}

/** A name Excel accepts: none of : \\ / ? * [ ], no quote at either end, not empty. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

function freeName(wb: ExcelJS.Workbook, planned: string): string {
  const wanted = safeSheetName(planned);
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
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

function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.values.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === null) return;
      // A string is always a string value: ExcelJS writes it as shared text, never as a formula.
      xr.getCell(c + 1).value = value;
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
  for (const m of plan.merges) ws.mergeCells(m);
  applyStyles(ws, plan);
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
  if (plan.print) {
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
  }
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
  if (plan.tabColor) ws.properties.tabColor = { argb: argb(plan.tabColor) };
  ws.state = plan.visibility === "visible" ? "visible" : plan.visibility;
}

/** Layers the grouped styles per cell (later entries override only what they set), then writes each cell once. */
function applyStyles(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const perCell = new Map<string, CellStyle>();
  for (const entry of plan.styles) {
    for (const range of entry.ranges) {
      const r = parseRangeA1(range);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const key = `${row},${col}`;
          perCell.set(key, { ...perCell.get(key), ...entry.style });
        }
      }
    }
  }
  for (const [key, s] of perCell) {
    const [row, col] = key.split(",").map(Number) as [number, number];
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
      const style = perCell.get(`${r},${c}`);
      const cell = ws.getRow(r + 1).getCell(c + 1);
      if (!style) cell.font = { name: DEFAULT_FONT, size: 11 };
      // Dates without a format would print as serial numbers.
      if (v instanceof Date && !style?.numberFormat) cell.numFmt = "yyyy-mm-dd";
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
