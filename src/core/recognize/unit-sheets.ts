/**
 * One sheet per unit: a bureau collects each county's (乡镇's, 部门's) own report into one workbook, a tab per unit
 * named for it (东城区, 2.西城区, 东城区报表, 朝阳区完成情况) and/or with a 填报单位：XX区 line under the title, and
 * in it one row per indicator: 指标名称 | 单位 | 年度目标 | 1-6月完成 | 完成率 | 备注. Each such sheet is read as a
 * table of one unit (the usual wide layout, a header group per indicator) and every address found on it is taken
 * back to the unit's own cells (long-format-origin.ts); unit-sheets-join.ts joins the units into one table.
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrid } from "../grid";
import type { RecognitionOverrides } from "../model";
import { toA1 } from "../grid";
import { normalizeText } from "../text";
import { isBlankCell, readNumberCell, textOf } from "./cell-values";
import { findHeaderBlock, type HeaderBlock } from "./header-block";
import {
  holdsMeasureUnits,
  INDICATOR_HEADER,
  leafText,
  MEASURE_UNIT_HEADER,
  PER_INDICATOR,
  type LongFormatSheet,
  wideGrid,
} from "./long-format";
import { measureOf } from "./measure-words";
import { MergedCells } from "./merged-cells";
import type { Issue } from "../issues";
import { issueAt } from "./issue";

/** A unit's own report may head its indicators 项目 / 内容 (its items), as well as 指标. */
const ITEM_HEADER = /^(项目|内容|项目名称|指标项目|工作内容|item)s?$/;
/** Columns a unit's report may hold besides the indicator, its measure and its figures. */
const ASIDE_HEADER =
  /^(序号|编号|no\.?|备注|说明|情况说明|备注说明|完成情况说明|存在问题|remarks?|notes?)$/;
/** Lines under the table: notes and sign-offs, not indicators. */
const FOOT_LINE =
  /^(注|备注|说明|填表人|填报人|制表人|审核人|负责人|联系人|联系电话|填报日期|报送日期)/;
const FILL_LINE =
  /(?:填报|报送|上报)单位\s*[:：]\s*([^\s:：]+?)(?=\s|$|(?:单位|统计|截至|日期|时间|填报|联系)[:：\s])/;
/** What a tab's name says besides the unit: its number, its period, 报表 / 完成情况 / 目标任务. */
const SHEET_NUMBER =
  /^\s*(?:[（(][0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９]{1,3}(?![0-9０-９年月])[.、．,，\-_\s]*|[一二三四五六七八九十]+[.、．,，\-_\s]+)/;
/** 填报单位：某区人民政府（盖章）: the seal note is no part of the name. */
const SEAL = /[（(](?:盖章|公章|签章|章|签字|签名)[)）]$/;
const SHEET_WORDS =
  /(?:\d{4}年)|(?:\d{1,2}[-—~至]\d{1,2}月)|(?:\d{1,2}月)|(?:上半年|前三季度|全年|年度)|(?:招商引资)?(?:主要指标)?(?:报表|报送表|统计表|完成情况表?|情况表|目标任务|任务完成情况|完成表|情况|报送|数据)$/g;
/** Tab names a copied template keeps (Sheet1, 表2, 工作表3): they name no unit. */
const GENERIC_SHEET =
  /^(sheet|表|工作表|附表|附件|报表|汇总|汇总表|合计|总表|目标|完成|模板|样表)?\d*$|^(全市|全县|全区|全省|全州|全盟|封面|目录|说明|填报说明|考核办法|考核细则|评分办法|评分标准|计分办法)$/i;
const COPY_SUFFIX = /\s*[(（]\d{1,2}[)）]$/;
/** Too long for a unit name: a title, not a tab named for a unit. */
const MAX_NAME = 20;

/** A unit's own report read off its sheet. */
export interface UnitReport {
  readonly sheet: SheetGrid;
  readonly unit: string;
  /** 0-based (row, col) of the cell naming the unit: the 填报单位 line, else A1. */
  readonly nameAt: { readonly row: number; readonly col: number };
  /** Whether the name came from the tab's name (else from the 填报单位 line). */
  readonly fromSheetName: boolean;
  /** The other name, when the tab and the 填报单位 line disagree. */
  readonly otherName: string | null;
  readonly block: HeaderBlock;
  readonly indicatorCol: number;
  readonly measureUnitCol: number | null;
  readonly measureCols: readonly number[];
  /** Indicator rows, 0-based, in the sheet's order. */
  readonly rows: readonly number[];
}

/** "2.西城区报表" → 西城区, "朝阳区完成情况" → 朝阳区; null for a name a copied template keeps (Sheet1). */
export function unitOfSheetName(name: string): string | null {
  // "东城区 (2)": Excel's name for a copied tab — the unit is the one copied (two tabs of it are then reported).
  let bare = normalizeText(name).replace(COPY_SUFFIX, "").replace(SHEET_NUMBER, "");
  for (let i = 0; i < 3; i++) bare = bare.replace(SHEET_WORDS, "");
  bare = bare.replace(/[-_\s()（）]+$/, "");
  if (bare === "" || GENERIC_SHEET.test(bare) || bare.length > MAX_NAME) return null;
  if (/\d{3,}/.test(bare)) return null;
  return bare;
}

/** The 填报单位：XX区 line above the header, with its cell. */
function fillLineOf(
  merged: MergedCells,
  block: HeaderBlock
): { name: string; row: number; col: number } | null {
  for (let r = 0; r < block.top; r++)
    for (let c = 0; c < block.width; c++) {
      const m = FILL_LINE.exec(textOf(merged.value(r, c)).replace(/\u3000/g, " ") + " ");
      const name = m?.[1]?.trim().replace(SEAL, "");
      if (name) return { name, row: r, col: c };
    }
  return null;
}

interface ReportShape {
  readonly indicatorCol: number;
  readonly measureUnitCol: number | null;
  readonly measureCols: readonly number[];
}

/** 指标 | 单位 | figures, and nothing else but 序号 / 备注: no unit column, so the sheet is one unit's. */
function shapeOf(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  indicatorCol: number,
  rows: readonly number[]
): ReportShape | null {
  const measureCols: number[] = [];
  let measureUnitCol: number | null = null;
  for (const c of block.columns) {
    if (c.col === indicatorCol) continue;
    const m = measureOf(c.leafNorm);
    if (m !== null && PER_INDICATOR.has(m)) measureCols.push(c.col);
    else if (
      MEASURE_UNIT_HEADER.test(c.leafNorm) &&
      holdsMeasureUnits(sheet, merged, block, c.col, rows)
    )
      measureUnitCol = c.col;
    else if (!ASIDE_HEADER.test(c.leafNorm)) return null;
  }
  const measures = measureCols.map((c) => measureOf(leafOfCol(block, c)));
  if (!measures.includes("target") && !measures.includes("actual")) return null;
  return { indicatorCol: indicatorCol, measureUnitCol, measureCols };
}

/** What shapeOf asks of the header alone: every other column a measure, a 单位 column or an aside, with a 目标 or 完成. */
function columnsMayFit(block: HeaderBlock, indicatorCol: number): boolean {
  let figures = false;
  for (const c of block.columns) {
    if (c.col === indicatorCol) continue;
    const m = measureOf(c.leafNorm);
    if (m !== null && PER_INDICATOR.has(m)) figures ||= m === "target" || m === "actual";
    else if (!MEASURE_UNIT_HEADER.test(c.leafNorm) && !ASIDE_HEADER.test(c.leafNorm)) return false;
  }
  return figures;
}

const leafOfCol = (block: HeaderBlock, col: number): string =>
  block.columns.find((c) => c.col === col)?.leafNorm ?? "";

/** The indicator rows: a name once each, down to the first blank name or a note under the table. */
function indicatorRows(
  sheet: SheetGrid,
  merged: MergedCells,
  block: HeaderBlock,
  indicatorCol: number
): number[] | null {
  const rows: number[] = [];
  const seen = new Set<string>();
  for (let r = block.bottom + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || cells.every(isBlankCell)) {
      if (rows.length > 0) break;
      continue;
    }
    const name = normalizeText(textOf(merged.value(r, indicatorCol)));
    if (name === "" || FOOT_LINE.test(name)) break;
    // A name that is a number is a figure row, not an indicator: no unit report.
    if (readNumberCell(name).kind === "number") return null;
    if (seen.has(name)) return null;
    seen.add(name);
    rows.push(r);
  }
  return rows.length > 0 ? rows : null;
}

/** The sheet read as one unit's own report, or null. */
export function unitReportOf(sheet: SheetGrid): UnitReport | null {
  if (sheet.hidden) return null;
  const merged = new MergedCells(sheet);
  const block = findHeaderBlock(sheet, merged);
  if (!block) return null;
  const indicator = block.columns.find(
    (c) => c.group === "" && (INDICATOR_HEADER.test(c.leafNorm) || ITEM_HEADER.test(c.leafNorm))
  );
  if (!indicator) return null;
  // Before the rows are walked: a ledger's header passes the indicator test and has a row per project.
  if (!columnsMayFit(block, indicator.col)) return null;
  const rows = indicatorRows(sheet, merged, block, indicator.col);
  if (!rows) return null;
  const shape = shapeOf(sheet, merged, block, indicator.col, rows);
  if (!shape) return null;
  const byTab = unitOfSheetName(sheet.name);
  const line = fillLineOf(merged, block);
  const named = unitName(byTab, line?.name ?? null);
  if (!named) return null;
  return {
    sheet,
    unit: named.unit,
    nameAt: !named.fromSheetName && line ? { row: line.row, col: line.col } : { row: 0, col: 0 },
    fromSheetName: named.fromSheetName,
    otherName: named.otherName,
    block,
    ...shape,
    rows,
  };
}

/**
 * The tab's name and the 填报单位 line: one naming the other ("东城区" in "东城区投资促进局") gives the shorter;
 * two different names (a template copied from another unit's tab) give the 填报单位 line's, the other kept so
 * the disagreement can be said.
 */
function unitName(
  byTab: string | null,
  byLine: string | null
): { unit: string; fromSheetName: boolean; otherName: string | null } | null {
  if (byTab === null)
    return byLine === null ? null : { unit: byLine, fromSheetName: false, otherName: null };
  if (byLine === null) return { unit: byTab, fromSheetName: true, otherName: null };
  const a = normalizeText(byTab);
  const b = normalizeText(byLine);
  if (b.startsWith(a)) return { unit: byTab, fromSheetName: true, otherName: null };
  if (a.startsWith(b)) return { unit: byLine, fromSheetName: false, otherName: null };
  return { unit: byLine, fromSheetName: false, otherName: byTab };
}

/** The unit's report laid out wide: its titles, a 填报单位 | indicator groups header, and one row of figures. */
export function widenUnitReport(u: UnitReport): LongFormatSheet {
  const { sheet, block, rows: indicatorRowsAt, measureCols } = u;
  const merged = new MergedCells(sheet);
  const top = block.top;
  const rows: CellValue[][] = sheet.rows.slice(0, top).map((r) => [...r]);
  const rowOrigin: number[] = rows.map((_, r) => r);
  const width = 1 + indicatorRowsAt.length * measureCols.length;
  const header: CellValue[] = new Array<CellValue>(width).fill(null);
  const subHeader: CellValue[] = new Array<CellValue>(width).fill(null);
  const data: CellValue[] = [u.unit];
  const cellOrigin: { row: number; col: number }[] = [u.nameAt];
  const colOrigin: number[] = [u.nameAt.col];
  const merges: CellRange[] = [{ top, bottom: top + 1, left: 0, right: 0 }];
  const formats = new Map<string, string>();
  header[0] = "填报单位";
  indicatorRowsAt.forEach((r, i) => {
    const left = 1 + i * measureCols.length;
    header[left] = labelOf(merged, u, r);
    if (measureCols.length > 1)
      merges.push({ top, bottom: top, left, right: left + measureCols.length - 1 });
    measureCols.forEach((c, k) => {
      subHeader[left + k] = leafText(merged, block, c);
      data.push(merged.value(r, c));
      cellOrigin.push({ row: r, col: c });
      colOrigin.push(c);
      const f = sheet.numberFormats.get(toA1(r, c));
      if (f !== undefined) formats.set(toA1(top + 2, left + k), f);
    });
  });
  rows.push(header, subHeader, data);
  rowOrigin.push(block.top, block.bottom, indicatorRowsAt[0] ?? block.bottom + 1);
  const dataRow = top + 2;
  const originRow = (r: number): number => rowOrigin[r] ?? r;
  const originCol = (c: number): number => colOrigin[c] ?? c;
  const firstRow = (indicatorRowsAt[0] ?? 0) + 1;
  return {
    wide: wideGrid(sheet, rows, merges, formats, colOrigin),
    origin: (r, c) =>
      r === dataRow ? (cellOrigin[c] ?? u.nameAt) : { row: originRow(r), col: originCol(c) },
    originRow,
    originCol,
    nameCell: toA1(u.nameAt.row, u.nameAt.col),
    rowsOfReport: {
      headerRows: rangeOf(block.top + 1, block.bottom + 1),
      dataRows: { first: firstRow, last: (indicatorRowsAt[indicatorRowsAt.length - 1] ?? 0) + 1 },
    },
  };
}

const rangeOf = (a: number, b: number): number[] =>
  Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** "签约金额（亿元）": the indicator as written, with its 单位 where the sheet has one. */
function labelOf(merged: MergedCells, u: UnitReport, r: number): string {
  const name = textOf(merged.value(r, u.indicatorCol)).trim();
  const unit = u.measureUnitCol === null ? "" : textOf(merged.value(r, u.measureUnitCol)).trim();
  return unit === "" || name.includes(unit) ? name : `${name}（${unit}）`;
}

/**
 * The workbook's unit reports, when it keeps one per unit: at least two sheets of that shape naming different
 * units. A lone sheet of that shape is one unit's report with nothing to rank it against.
 */
export function unitReportsOf(sheets: readonly SheetGrid[]): UnitReport[] {
  const reports = sheets.flatMap((s) => {
    const r = unitReportOf(s);
    return r ? [r] : [];
  });
  const names = new Set(reports.map((r) => normalizeText(r.unit)));
  return names.size >= 2 ? reports : [];
}

/**
 * A tab named for one unit whose 填报单位 line names another: a template copied from another unit's tab, one of
 * the two left unchanged. Whose figures they are cannot be told, so this is an error, never a guess.
 */
export function unitNameDisagrees(report: UnitReport, tabName: string): Issue {
  return issueAt("unit_name_variant", "error", report.sheet.name, report.nameAt.row, 0, {
    zh: `工作表名“${tabName}”与填报单位“${report.unit}”不一致（可能是复制其他单位的表后未改），按填报单位读取；请核对后改正其一`,
    en: `the tab is named "${tabName}" but its 填报单位 line says "${report.unit}" (a copied template?); it is read as "${report.unit}" — correct one of them`,
  });
}

/**
 * A workbook kept one sheet per unit (each county's own report, unit-sheets.ts): those sheets, each widened to a
 * table of its one unit. Sheets the user has mapped or given another role are left as they are.
 */
export function unitSheetsOf(
  grid: WorkbookGrid,
  overrides: RecognitionOverrides,
  productKinds: ReadonlyMap<string, unknown>,
  widened: Map<string, LongFormatSheet>,
  issues: Issue[]
): Map<string, UnitReport> {
  const open = grid.sheets.filter((s) => {
    const role = overrides.roles?.[s.name];
    const free =
      role === undefined || role === "targets" || role === "actuals" || role === "combined";
    return !s.hidden && !productKinds.has(s.name) && free && !overrides.columns?.[s.name];
  });
  const reports = new Map<string, UnitReport>();
  for (const report of unitReportsOf(open)) {
    widened.set(report.sheet.name, widenUnitReport(report));
    reports.set(report.sheet.name, report);
    if (report.otherName !== null) issues.push(unitNameDisagrees(report, report.otherName));
  }
  return reports;
}
