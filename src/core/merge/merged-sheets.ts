/**
 * The sheets of a merged workbook (`scorecard merge`): unit tables in the submitted header shape, the ledger, and
 * a carried 考核规则 sheet; every merged row names the file it came from. merge-submissions.ts decides the rows.
 */
import type { SheetGrid } from "../grid";
import { parseA1 } from "../grid";
import type { IndicatorColumn, LedgerRow, UnitRow } from "../model";
import { SheetBuilder, TABLE_HEADER_STYLE } from "../plan/sheet-builder";
import type { SheetPlan, WriteValue } from "../plan/write-plan";
import { LEDGER_HEADERS, ledgerRowCells } from "../samples/ledger-sheet";

export const MERGED_TARGETS_SHEET = "目标分解表";
export const MERGED_ACTUALS_SHEET = "完成情况表";
export const MERGED_LEDGER_SHEET = "项目台账";
// Not "来源": recognition reads that as the investor's origin (省外/境外), which ledger filters use.
const PROVENANCE_HEADER = "报送文件";

/** A merged row and where it came from. */
export interface Kept<T> {
  readonly item: T;
  readonly source: string;
  /** 1-based row in the merged sheet. */
  readonly row: number;
}

function splitName(ind: IndicatorColumn): { group: string; leaf: string } {
  const parts = ind.name.split(" › ");
  const leaf = parts.pop() ?? ind.name;
  const label = !ind.unit || /[(（]/.test(leaf) ? leaf : `${leaf}(${ind.unit.label})`;
  return { group: parts.join(" › "), leaf: label };
}

export function headerRowCount(indicators: readonly IndicatorColumn[]): number {
  return indicators.some((i) => i.name.includes(" › ")) ? 2 : 1;
}

/**
 * The header of a merged unit table: the lead columns, the indicators' leaves under their group labels (merged
 * across their leaves; a leaf without a group spans both rows), and the provenance column.
 */
function writeUnitTableHeader(
  b: SheetBuilder,
  lead: readonly string[],
  indicators: readonly IndicatorColumn[]
): void {
  const names = indicators.map(splitName);
  const headerRows = headerRowCount(indicators);
  const twoRows = headerRows === 2;
  const last = lead.length + indicators.length;
  [...lead, ...names.map((n) => n.leaf), PROVENANCE_HEADER].forEach((text, c) => {
    const fixed = c < lead.length || c === last;
    b.set(twoRows && !fixed ? 1 : 0, c, text);
    if (twoRows && fixed) b.merge(0, c, 1, c);
  });
  if (twoRows) {
    let c = 0;
    while (c < names.length) {
      const group = names[c]?.group ?? "";
      let end = c;
      while (end + 1 < names.length && names[end + 1]?.group === group) end++;
      const col = lead.length + c;
      if (group) {
        b.set(0, col, group);
        b.merge(0, col, 0, lead.length + end);
      } else {
        b.set(0, col, names[c]?.leaf ?? "");
        b.set(1, col, null);
        for (let k = c; k <= end; k++) {
          b.set(0, lead.length + k, names[k]?.leaf ?? "");
          b.set(1, lead.length + k, null);
          b.merge(0, lead.length + k, 1, lead.length + k);
        }
      }
      c = end + 1;
    }
  }
  b.style(TABLE_HEADER_STYLE, 0, 0, headerRows - 1, last);
}

/**
 * A unit table with the submitted header shape: group labels above their leaves where the source had them
 * (签约项目 › 项目总数 means nothing as 项目总数 alone), then one row per unit with the file it came from.
 */
export function unitTableSheet(
  name: string,
  indicators: readonly IndicatorColumn[],
  rows: readonly Kept<UnitRow>[]
): SheetPlan {
  const b = new SheetBuilder(name, "merged", false);
  const hasGroup = rows.some((r) => r.item.group !== null);
  const lead = hasGroup ? ["序号", "责任单位", "类别"] : ["序号", "责任单位"];
  const headerRows = headerRowCount(indicators);
  writeUnitTableHeader(b, lead, indicators);
  rows.forEach((r, i) => {
    const values: WriteValue[] = [i + 1, r.item.name, ...(hasGroup ? [r.item.group] : [])];
    for (const ind of indicators) {
      const v = r.item.values[ind.key];
      values.push(
        v?.notApplicable
          ? "---"
          : v?.value === null || v?.value === undefined
            ? null
            : displayValue(v.value, ind)
      );
    }
    values.push(r.source);
    b.setRow(r.row - 1, 0, values);
  });
  indicators.forEach((ind, i) => {
    const money = ind.unit?.quantity === "money_cny" || ind.unit?.quantity === "money_usd";
    if (rows.length > 0)
      b.style(
        { numberFormat: money ? "0.00" : "0" },
        headerRows,
        lead.length + i,
        headerRows + rows.length - 1,
        lead.length + i
      );
  });
  return b.build({ columnWidths: b.autoWidths(6, 40), freeze: { rows: headerRows, columns: 2 } });
}

function displayValue(base: number, ind: IndicatorColumn): number {
  const factor = ind.unit?.factor ?? 1;
  return Math.round((base / factor) * 1e6) / 1e6;
}

export function ledgerSheet(rows: readonly Kept<LedgerRow>[]): SheetPlan {
  const b = new SheetBuilder(MERGED_LEDGER_SHEET, "merged", false);
  const usd = rows.some((r) => r.item.currency === "USD");
  const head = [...LEDGER_HEADERS, ...(usd ? ["币种"] : []), PROVENANCE_HEADER];
  b.setRow(0, 0, head);
  b.style(TABLE_HEADER_STYLE, 0, 0, 0, head.length - 1);
  rows.forEach((r, i) => {
    const p = r.item;
    b.setRow(r.row - 1, 0, [
      ...ledgerRowCells(i + 1, p),
      ...(usd ? [p.currency === "USD" ? "美元" : "人民币"] : []),
      r.source,
    ]);
  });
  if (rows.length > 0) b.style({ numberFormat: "yyyy-mm-dd" }, 1, 8, rows.length, 10);
  return b.build({ columnWidths: b.autoWidths(6, 40), freeze: { rows: 1, columns: 2 } });
}

/** A verbatim copy of a sheet's values and merges (a 考核规则 sheet carried into the merged workbook). */
export function copySheet(sheet: SheetGrid): SheetPlan {
  const b = new SheetBuilder(sheet.name, "rules", false);
  sheet.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      b.set(r, c, typeof v === "object" && !(v instanceof Date) ? v.code : v);
    })
  );
  sheet.merges.forEach((m) => b.merge(m.top, m.left, m.bottom, m.right));
  for (const [cell, format] of sheet.numberFormats) {
    const { row, col } = parseA1(cell);
    b.style({ numberFormat: format }, row, col);
  }
  return b.build({ columnWidths: b.autoWidths(6, 60) });
}
