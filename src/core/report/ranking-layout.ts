/** The 考核排名 sheet's grid: which column holds what, where the header and body start, and its cell styles. */

import { EXCEL_MAX_COLUMNS } from "../grid";
import type { AssessmentResults, IndicatorMeta } from "../model";
import type { CellStyle } from "../plan/write-plan";

/** Columns besides the indicators' at most (排名, 单位, 类别 and 总分, 等次, 评优资格, 名次变化); 3 per indicator. */
const FIXED_COLUMNS = 7;
/** Indicators that fit in one sheet; beyond them the sheet lists the first ones and says so (results keep all). */
export const MAX_RANKED_INDICATORS = Math.floor((EXCEL_MAX_COLUMNS - FIXED_COLUMNS) / 3);

/** Where each column of the sheet is; optional columns are absent (-1 / empty) when they would stay empty. */
export interface Layout {
  readonly groupCol: number;
  /** Per indicator: first column (目标), and the 同比 column or -1. */
  readonly ind: readonly { readonly first: number; readonly yoy: number }[];
  readonly scoreCol: number;
  readonly gradeCol: number;
  readonly eligCol: number;
  readonly changeCol: number;
  readonly lastCol: number;
}

export function planLayout(results: AssessmentResults, inds: readonly IndicatorMeta[]): Layout {
  let col = 2;
  const groupCol = results.grouping ? col++ : -1;
  const withYoy = inds.map((m) =>
    results.units.some((u) => (u.indicators[m.key]?.yoy ?? null) !== null)
  );
  // 同比 columns are the first thing to give up when the sheet would pass Excel's last column.
  const yoyFits =
    FIXED_COLUMNS + inds.length * 3 + withYoy.filter(Boolean).length <= EXCEL_MAX_COLUMNS;
  const ind = inds.map((_, i) => {
    const first = col;
    col += 3;
    return { first, yoy: yoyFits && withYoy[i] ? col++ : -1 };
  });
  const scoreCol = col++;
  const gradeCol = col++;
  const eligCol = results.units.some((u) => u.eligibility !== null) ? col++ : -1;
  const changeCol = col;
  return { groupCol, ind, scoreCol, gradeCol, eligCol, changeCol, lastCol: changeCol };
}

export const HEADER_TOP = 2;
export const HEADER_ROWS = 2;
export const FIRST_DATA = HEADER_TOP + HEADER_ROWS;

export const S = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" },
  subtitle: { fontSize: 10, horizontal: "center", fontColor: "404040" },
  titleIncomplete: {
    bold: true,
    fontSize: 16,
    horizontal: "center",
    vertical: "middle",
    fontColor: "C00000",
  },
  banner: {
    bold: true,
    fontSize: 10,
    horizontal: "left",
    wrap: true,
    fontColor: "C00000",
    fill: "FFF2CC",
  },
  header: {
    bold: true,
    fill: "D9E1F2",
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: "thin",
  },
  grid: { border: "thin", vertical: "middle" },
  center: { horizontal: "center" },
  section: { bold: true, fill: "EDEDED", horizontal: "left" },
  total: { bold: true, fill: "F2F2F2" },
  rate: { numberFormat: "0.0%", horizontal: "right" },
  score: { numberFormat: "0.00", bold: true },
  up: { fontColor: "0072B2", bold: true, horizontal: "center" },
  down: { fontColor: "D55E00", bold: true, horizontal: "center" },
  footer: { fontSize: 9, fontColor: "404040", horizontal: "left", vertical: "top", wrap: true },
  marker: { fontSize: 8, fontColor: "808080", italic: true },
  legendLabel: { bold: true, horizontal: "right" },
} satisfies Record<string, CellStyle>;

/** The widest a rate cell prints: a band symbol, a space and a three-digit percentage. */
export const RATE_WIDTH_FORMAT = '"▲ "0.0%';
export const YOY_FORMAT = "+0.0%;-0.0%;0.0%";
