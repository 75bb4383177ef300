/** Pure: a WritePlan → batches of Office.js steps, each batch (one sync) under the payload limit. */
import { columnLetter, parseRangeA1, quoteSheetName, rangeToA1, toA1 } from "../../core/grid";
import { DEFAULT_FONT, type SheetPlan, type WritePlan } from "../../core/plan";
import { dateToSerial, type DateSystem } from "../../core/grid";
import { OfficeHostError } from "./host-error";
import { numberFormatOps, styleOps } from "./format-ops";
import { jsonBytes } from "./payload-size";
import { resolveTargets, type SheetTarget } from "./sheet-targets";
import { MAX_CELL_CHARS, typedText } from "./text-safety";
import type { OfficeLimits } from "./types";
import {
  ALL_FEATURES,
  type OfficeWriteValue,
  type WriteBatch,
  type WriteFeatures,
  type WriteOp,
} from "./write-ops";

/** Excel column width in characters → points (7 px per character of Calibri 11 plus 5 px padding, 0.75 pt per px). */
export function widthToPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

export interface WritePlanOptions {
  /** From resolveTargets; by default every sheet is new and keeps its planned name. */
  readonly targets?: readonly SheetTarget[];
  readonly features?: WriteFeatures;
  /** The workbook's date system: Dates are written as its serials. */
  readonly dateSystem?: DateSystem;
}

/** Estimated request bytes of one step. */
export function bytesOf(op: WriteOp): number {
  return jsonBytes(op) + 64;
}

/** Values split into row blocks, each small enough for one request. */
function valueOps(
  sheet: string,
  plan: SheetPlan,
  limits: OfficeLimits,
  dateSystem: DateSystem
): WriteOp[] {
  const width = plan.values.reduce((w, row) => Math.max(w, row.length), 0);
  if (width === 0) return [];
  const ops: WriteOp[] = [];
  let block: OfficeWriteValue[][] = [];
  let top = 0;
  let bytes = 0;
  const flush = (nextTop: number) => {
    if (block.length > 0) {
      const address = rangeToA1({ top, left: 0, bottom: top + block.length - 1, right: width - 1 });
      ops.push({ kind: "values", sheet, address, values: block });
    }
    block = [];
    bytes = 0;
    top = nextTop;
  };
  plan.values.forEach((row, r) => {
    const out: OfficeWriteValue[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      out.push(
        v instanceof Date
          ? dateToSerial(v, dateSystem)
          : typeof v === "string" && v !== ""
            ? typedText(v)
            : v
      );
    }
    const rowBytes = jsonBytes(out);
    if (bytes + rowBytes > limits.maxPayloadBytes / 2 && block.length > 0) flush(r);
    block.push(out);
    bytes += rowBytes;
  });
  flush(plan.values.length);
  return ops;
}

function contentOps(
  t: SheetTarget,
  limits: OfficeLimits,
  features: WriteFeatures,
  dateSystem: DateSystem
): WriteOp[] {
  const plan = t.plan;
  const sheet = t.tempName;
  // Hidden while being written, so the user never sees a half-built tab.
  const ops: WriteOp[] = [
    { kind: "addSheet", sheet },
    { kind: "visibility", sheet, visibility: "Hidden" },
  ];
  ops.push(...valueOps(sheet, plan, limits, dateSystem));
  const width = plan.values.reduce((w, row) => Math.max(w, row.length), 0);
  if (width > 0 && plan.values.length > 0) {
    const all = rangeToA1({ top: 0, left: 0, bottom: plan.values.length - 1, right: width - 1 });
    ops.push({
      kind: "style",
      sheet,
      address: all,
      areas: false,
      style: { fontName: DEFAULT_FONT, fontSize: 11 },
    });
  }
  ops.push(...styleOps(sheet, plan, limits, features));
  ops.push(...numberFormatOps(sheet, plan, limits));
  for (const m of plan.merges) ops.push({ kind: "merge", sheet, address: m });
  if (features.hyperlinks) ops.push(...hyperlinkOps(sheet, plan));
  plan.columnWidths.forEach((w, i) =>
    ops.push({ kind: "columnWidth", sheet, column: columnLetter(i), points: widthToPoints(w) })
  );
  for (const [row, h] of Object.entries(plan.rowHeights))
    ops.push({ kind: "rowHeight", sheet, row: Number(row), points: h });
  if (features.dataValidation) ops.push(...validationOps(sheet, plan));
  if (features.conditionalFormats)
    for (const bar of plan.dataBars)
      ops.push({ kind: "dataBar", sheet, address: bar.range, color: bar.color });
  if (plan.tabColor && features.tabColor)
    ops.push({ kind: "tabColor", sheet, color: plan.tabColor });
  return ops;
}

/** In-workbook links, shown with the cell's own text (the target when the cell is blank or a date). */
function hyperlinkOps(sheet: string, plan: SheetPlan): WriteOp[] {
  return plan.hyperlinks.map((link) => {
    const { top: row, left: col } = parseRangeA1(link.cell);
    const v = plan.values[row]?.[col] ?? null;
    const text = v === null ? link.target : v instanceof Date ? link.target : String(v);
    const reference = `${quoteSheetName(link.sheet)}!${link.target}`;
    return {
      kind: "hyperlink",
      sheet,
      cell: toA1(row, col),
      reference,
      text,
      ...(link.tooltip === undefined ? {} : { tooltip: link.tooltip }),
    };
  });
}

/** Drop-down lists: from a range on another sheet (absolute, so it does not shift) or from listed values. */
function validationOps(sheet: string, plan: SheetPlan): WriteOp[] {
  return plan.validations.map((v) => {
    const source = v.source
      ? `=${quoteSheetName(v.source.sheet)}!${v.source.range.replace(/([A-Za-z]+)(\d+)/g, "$$$1$$$2")}`
      : v.values.join(",");
    return {
      kind: "validation",
      sheet,
      address: v.range,
      source,
      ...(v.prompt === undefined ? {} : { prompt: v.prompt }),
    };
  });
}

/**
 * Freeze panes and page layout fail on a hidden sheet (office-js issues #1463, #1860), and the sheet is hidden
 * until the swap: they are set after it, on the final name, and only on sheets that end visible; so are charts.
 */
export function layoutOps(t: SheetTarget, features: WriteFeatures): WriteOp[] {
  const plan = t.plan;
  if (plan.visibility !== "visible") return [];
  const ops: WriteOp[] = [];
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0))
    ops.push({
      kind: "freeze",
      sheet: t.name,
      rows: plan.freeze.rows,
      columns: plan.freeze.columns,
    });
  if (plan.print && features.pageLayout)
    ops.push({ kind: "print", sheet: t.name, print: plan.print });
  // Charts too go on the shown sheet under its final name: their ranges then name the sheet the user sees.
  if (features.charts)
    for (const chart of plan.charts ?? [])
      ops.push({ kind: "chart", sheet: t.name, chart, axisFormat: features.chartAxisFormat });
  return ops;
}

/** Pure: the first cell longer than Excel allows, as a message naming it; null when every cell fits. */
export function overlongCell(plan: WritePlan): OfficeHostError | null {
  for (const sheet of plan.sheets) {
    for (let r = 0; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== "string" || v.length <= MAX_CELL_CHARS) continue;
        const cell = toA1(r, c);
        const what_zh = sheet.kind === "state" ? "（保存的排名历史和设置过多）" : "";
        const what_en =
          sheet.kind === "state" ? " (too much saved ranking history and settings)" : "";
        return new OfficeHostError(
          "cell_too_long",
          `要写入“${sheet.name}”${cell} 的内容有 ${v.length} 个字符${what_zh}，超过 Excel 单元格上限 ${MAX_CELL_CHARS}，本次未写入任何内容。`,
          `The text for ${sheet.name}!${cell} has ${v.length} characters${what_en}, more than the ${MAX_CELL_CHARS} an Excel cell holds; nothing was written.`,
          sheet.name,
          cell
        );
      }
    }
  }
  return null;
}

function swapOps(t: SheetTarget): WriteOp[] {
  const visibility =
    t.plan.visibility === "visible"
      ? "Visible"
      : t.plan.visibility === "hidden"
        ? "Hidden"
        : "VeryHidden";
  // Shown before the old sheet goes: Excel refuses to delete the last visible sheet.
  const ops: WriteOp[] = [{ kind: "visibility", sheet: t.tempName, visibility }];
  if (t.replaces) ops.push({ kind: "deleteSheet", sheet: t.replaces.name });
  ops.push({ kind: "renameSheet", sheet: t.tempName, to: t.name });
  if (t.replaces) ops.push({ kind: "position", sheet: t.name, position: t.replaces.position });
  return ops;
}

/**
 * Every sheet is written into a fresh temporary sheet; one batch alone swaps them in (deletes the owned sheets
 * they replace, renames, restores positions, hides), so a failure before it leaves no half-written sheet. A last
 * batch sets freeze panes and page layout on the visible results.
 */
export function planWrites(
  plan: WritePlan,
  limits: OfficeLimits,
  options: WritePlanOptions = {}
): WriteBatch[] {
  const features = options.features ?? ALL_FEATURES;
  const targets = options.targets ?? resolveTargets([], plan);
  const dateSystem = options.dateSystem ?? 1900;
  const batches: WriteBatch[] = [];
  let ops: WriteOp[] = [];
  let bytes = 0;
  for (const t of targets) {
    for (const op of contentOps(t, limits, features, dateSystem)) {
      const b = bytesOf(op);
      if (bytes + b > limits.maxPayloadBytes && ops.length > 0) {
        batches.push({ ops, bytes, swap: false });
        ops = [];
        bytes = 0;
      }
      ops.push(op);
      bytes += b;
    }
  }
  if (ops.length > 0) batches.push({ ops, bytes, swap: false });
  const swap = targets.flatMap(swapOps);
  const activeTarget = targets.find((t) => t.plan.name === plan.activate);
  // Excel refuses to activate a hidden sheet.
  if (
    plan.activate !== undefined &&
    activeTarget?.plan.visibility !== "hidden" &&
    activeTarget?.plan.visibility !== "veryHidden"
  ) {
    swap.push({ kind: "activate", sheet: activeTarget?.name ?? plan.activate });
  }
  if (swap.length > 0)
    batches.push({ ops: swap, bytes: swap.reduce((n, op) => n + bytesOf(op), 0), swap: true });
  const layout = targets.flatMap((t) => layoutOps(t, features));
  if (layout.length > 0)
    batches.push({
      ops: layout,
      bytes: layout.reduce((n, op) => n + bytesOf(op), 0),
      swap: false,
      layout: true,
    });
  return batches;
}
