/**
 * Each column of a recognised sheet as the user sees it — its letter, its own header text and a sample value —
 * so the pane can list every column (not only the mapped ones) when the user corrects a recognition.
 */
import { columnCount, columnLetter, isCellError, type CellValue, type SheetGrid } from "../grid";
import type { SheetReport } from "../model/recognition";
import { MergedCells } from "./merged-cells";

export interface ColumnDescription {
  /** Column letter ("C"). */
  readonly column: string;
  /** The header cells above it, top to bottom ("签约项目 › 项目总数"); "" when the header is blank. */
  readonly header: string;
  /** The first non-empty value in its data rows (totals skipped), as text; null when there is none. */
  readonly sample: string | null;
}

/** Columns past this are not listed (a stray value far to the right is not a column anyone maps). */
const MAX_COLUMNS = 80;
/** Data rows looked at for a sample. */
const SAMPLE_ROWS = 60;
const SAMPLE_LENGTH = 40;

function text(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.code;
  return String(value).replace(/\s+/g, " ").trim();
}

/** The sheet's columns under its header block; empty when the report names no header rows. */
export function describeColumns(sheet: SheetGrid, report: SheetReport): ColumnDescription[] {
  if (report.headerRows.length === 0) return [];
  const merged = new MergedCells(sheet);
  const totals = new Set(report.totalRows);
  const width = Math.min(columnCount(sheet), MAX_COLUMNS);
  const out: ColumnDescription[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of report.headerRows) {
      const t = text(merged.value(row - 1, c));
      if (t !== "" && parts[parts.length - 1] !== t) parts.push(t);
    }
    let sample: string | null = null;
    if (report.dataRows) {
      const last = Math.min(report.dataRows.last, report.dataRows.first + SAMPLE_ROWS - 1);
      for (let row = report.dataRows.first; row <= last && sample === null; row++) {
        if (totals.has(row)) continue;
        const t = text(merged.value(row - 1, c));
        if (t !== "") sample = t.length > SAMPLE_LENGTH ? `${t.slice(0, SAMPLE_LENGTH)}…` : t;
      }
    }
    if (parts.length === 0 && sample === null) continue;
    out.push({ column: columnLetter(c), header: parts.join(" › "), sample });
  }
  return out;
}
