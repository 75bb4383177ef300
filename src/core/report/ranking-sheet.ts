import { EXCEL_MAX_COLUMNS } from "../grid";
import { incompleteBanner } from "./incomplete";
import type { AssessmentResults, IndicatorMeta, UnitResult } from "../model";
import {
  ELIGIBILITY_ZH,
  bandFor,
  formattedWidth,
  indicatorHeading,
  percent,
  periodPhrase,
  stampTime,
  symbolPercentFormat,
  zhDate,
} from "./format";
import { indicatorTotals } from "./indicator-totals";
import { rankMoves } from "./rank-changes";
import { groupSections } from "./group-sections";
import { ownerMarkerText } from "../plan/product-sheets";
import { SCORING_METHODS } from "../rules/registry";
import { SheetBuilder, columnRange } from "../plan/sheet-builder";
import type { SheetPlan } from "../plan/write-plan";
import { displayWidth } from "../plan/text-width";
import {
  FIRST_DATA,
  HEADER_ROWS,
  HEADER_TOP,
  MAX_RANKED_INDICATORS,
  RATE_WIDTH_FORMAT,
  S,
  YOY_FORMAT,
  planLayout,
  type Layout,
} from "./ranking-layout";

export { MAX_RANKED_INDICATORS };

export const RANKING_SHEET_NAME = "考核排名";

export interface RankingOptions {
  /** Generation time shown in the footer. */
  readonly now: Date;
  /** Offset of the wall clock printed in the footer; Beijing (480) by default. */
  readonly utcOffsetMinutes?: number;
  /** Whole title, when the caller has one; else built from `areaName` and the period. */
  readonly title?: string;
  /** Jurisdiction the workbook names ("清河县"): the title reads "清河县2024年1-8月招商引资考核排名". */
  readonly areaName?: string | null;
  readonly sheetName?: string;
}

/** "清河县2024年1-8月招商引资考核排名". */
export function rankingTitle(results: AssessmentResults, areaName?: string | null): string {
  const p = results.period;
  return `${areaName ?? ""}${periodPhrase(p.start, p.end, p.asOf)}招商引资考核排名`;
}

/** 考核排名 (SPEC §7): one row per unit by rank, indicator target/actual/rate coloured by status band. */
export function planRankingSheet(results: AssessmentResults, options: RankingOptions): SheetPlan {
  const b = new SheetBuilder(options.sheetName ?? RANKING_SHEET_NAME, "ranking", true);
  const inds = results.indicators.slice(0, MAX_RANKED_INDICATORS);
  const L = planLayout(results, inds);
  const banner = incompleteBanner(results);
  writeTitle(b, results, options, inds.length, L.lastCol, banner);
  const formats = writeHeader(b, results, inds, L);
  const totalRow = writeBody(b, results, inds, L);
  b.style(S.grid, FIRST_DATA, 0, totalRow, L.lastCol);
  if (results.units.length > 0)
    b.dataBar({ range: columnRange(L.scoreCol, FIRST_DATA, totalRow - 1), color: "5B9BD5" });
  const legendEnd = writeLegend(b, totalRow + 2, results, L.lastCol);
  const footer = writeFooter(b, legendEnd, results, options, L.lastCol);

  // Widths from the printed text (a 万元 amount with two decimals is wide), with room for bold and padding.
  const widths = b.autoWidths(5, 30, (col, v) => formattedWidth(v, formats.get(col) ?? "0.00") + 1);
  widths[0] = Math.max(widths[0] ?? 0, 6);
  while (widths.length <= L.lastCol) widths.push(8);
  fitWrappedRows(b, footer, widths.slice(0, L.lastCol + 1), FOOTER_FONT_SIZE);

  return b.build({
    columnWidths: widths,
    freeze: { rows: FIRST_DATA, columns: 2 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: [HEADER_TOP + 1, HEADER_TOP + HEADER_ROWS],
      centerHorizontally: true,
      footer: "第 &P 页，共 &N 页",
    },
    tabColor: banner ? "C00000" : "0072B2",
  });
}

/** Title row and subtitle row; an incomplete ranking's banner takes the subtitle's row. */
function writeTitle(
  b: SheetBuilder,
  results: AssessmentResults,
  options: RankingOptions,
  listed: number,
  lastCol: number,
  banner: string | null
): void {
  const { period } = results;
  const cut = results.indicators.length - listed;
  b.set(
    0,
    0,
    `${options.title ?? rankingTitle(results, options.areaName)}${banner ? "（不完整，不得作为正式排名）" : ""}`
  );
  b.merge(0, 0, 0, lastCol);
  b.style(banner ? S.titleIncomplete : S.title, 0, 0);
  b.height(0, 30);
  const subtitle =
    `考核期 ${zhDate(period.start)}—${zhDate(period.end)}　截至 ${zhDate(period.asOf)}　序时进度 ${percent(period.timeProgress)}` +
    `　计分方法：${SCORING_METHODS[results.method].label_zh}` +
    (cut > 0
      ? `　本表只列出前 ${listed} 个指标，另 ${cut} 个超出 Excel 每个工作表 ${EXCEL_MAX_COLUMNS} 列的上限（总分已计入全部指标）` +
        ` / only the first ${listed} indicators are listed: ${cut} more exceed Excel's limit of ${EXCEL_MAX_COLUMNS} columns per sheet (the scores count them all)`
      : "");
  // The banner takes the subtitle's row, so an incomplete ranking can never be printed without it.
  b.set(1, 0, banner ? `${banner}　｜　${subtitle}` : subtitle);
  b.merge(1, 0, 1, lastCol);
  b.style(banner ? S.banner : S.subtitle, 1, 0);
  if (banner) b.height(1, 36);
}

/**
 * Two-row header: fixed columns span both rows; each indicator heads a 目标/完成/完成率(/同比) group. Returns
 * the number format of each column, so widths follow what Excel prints rather than the raw value.
 */
function writeHeader(
  b: SheetBuilder,
  results: AssessmentResults,
  inds: readonly IndicatorMeta[],
  L: Layout
): Map<number, string> {
  const formats = new Map<number, string>([[L.scoreCol, "0.00"]]);
  const h1 = HEADER_TOP;
  const h2 = HEADER_TOP + 1;
  const fixed: [number, string][] = [
    [0, results.grouping ? "组内排名" : "排名"],
    [1, "单位"],
    [L.groupCol, "类别"],
    [L.scoreCol, "总分"],
    [L.gradeCol, "等次"],
    [L.eligCol, "评优资格"],
    [L.changeCol, results.grouping ? "组内名次变化" : "名次变化"],
  ];
  for (const [col, text] of fixed) {
    if (col < 0) continue;
    b.set(h1, col, text);
    b.merge(h1, col, h2, col);
  }
  inds.forEach((ind, i) => {
    const { first, yoy } = L.ind[i] as Layout["ind"][number];
    const last = yoy >= 0 ? yoy : first + 2;
    b.set(h1, first, indicatorHeading(ind.name, ind.unit));
    b.merge(h1, first, h1, last);
    b.setRow(h2, first, ["目标", "完成", "完成率", ...(yoy >= 0 ? ["同比"] : [])]);
    formats.set(first, ind.numberFormat).set(first + 1, ind.numberFormat);
    formats.set(first + 2, RATE_WIDTH_FORMAT);
    if (yoy >= 0) formats.set(yoy, YOY_FORMAT);
  });
  b.style(S.header, h1, 0, h2, L.lastCol);
  b.height(h1, 32);
  return formats;
}

/** Unit rows by rank (under a heading per group when grouped), then the totals row; returns the totals row. */
function writeBody(
  b: SheetBuilder,
  results: AssessmentResults,
  inds: readonly IndicatorMeta[],
  L: Layout
): number {
  let row = FIRST_DATA;
  const moves = rankMoves(results);
  for (const section of groupSections(results)) {
    if (results.grouping) {
      b.set(row, 0, `${section.group}（${section.units.length}个）`);
      b.merge(row, 0, row, L.lastCol);
      b.style(S.section, row, 0, row, L.lastCol);
      row++;
    }
    for (const u of section.units) {
      writeUnitRow(b, row, u, inds, results, L, moves.get(u.unit)?.text ?? "—");
      row++;
    }
  }
  writeTotals(b, row, results, inds, L);
  return row;
}

/** Totals: sums over units where both figures exist, rate of the sums; the average score. */
function writeTotals(
  b: SheetBuilder,
  row: number,
  results: AssessmentResults,
  inds: readonly IndicatorMeta[],
  L: Layout
): void {
  b.set(row, 0, "合计");
  b.merge(row, 0, row, 1);
  inds.forEach((ind, i) => {
    const c = (L.ind[i] as Layout["ind"][number]).first;
    const t = indicatorTotals(results, ind);
    b.setRow(
      row,
      c,
      t
        ? [round(t.target, 6), round(t.actual, 6), t.target > 0 ? t.actual / t.target : null]
        : [null, null, null]
    );
    b.style({ numberFormat: ind.numberFormat }, row, c, row, c + 1);
    b.style(S.rate, row, c + 2);
  });
  if (results.units.length > 0) {
    b.set(
      row,
      L.scoreCol,
      round(results.units.reduce((s, u) => s + u.score, 0) / results.units.length, 2)
    );
    b.set(row, L.gradeCol, "平均分");
    b.style(S.score, row, L.scoreCol);
  }
  b.style(S.total, row, 0, row, L.lastCol);
}

/**
 * Rows of wrapped text in cells merged across the table are as tall as their lines need: hosts do not grow a
 * merged row by themselves, and a rule that wraps would print over the line below it.
 */
function fitWrappedRows(
  b: SheetBuilder,
  rows: ReadonlyMap<number, string>,
  widths: readonly number[],
  fontSize: number
): void {
  // Column widths count characters of the 11-point default font; a smaller font fits proportionally more.
  const perLine = (widths.reduce((s, w) => s + w, 0) * 11) / fontSize;
  for (const [row, text] of rows) {
    const lines = Math.ceil(displayWidth(text) / perLine);
    if (lines > 1) b.height(row, lines * (fontSize + 4) + 2);
  }
}

const FOOTER_FONT_SIZE = S.footer.fontSize;

/** Footer: rules summary, generation time, ownership marker. Returns the wrapped lines by row. */
function writeFooter(
  b: SheetBuilder,
  first: number,
  results: AssessmentResults,
  options: RankingOptions,
  lastCol: number
): Map<number, string> {
  const written = new Map<number, string>();
  let row = first;
  const footerLines = [
    ...results.rulesSummary.map((l, i) => (i === 0 ? `考核规则：${l}` : `　　${l}`)),
    `生成时间：${stampTime(options.now, options.utcOffsetMinutes)}　${results.grouping ? "组内名次变化（与本组单位比较）" : "名次变化"}：↑上升 ↓下降 —持平 新=首次参评`,
  ];
  for (const line of footerLines) {
    b.set(row, 0, line);
    written.set(row, line);
    b.merge(row, 0, row, lastCol);
    b.style(S.footer, row, 0, row, lastCol);
    row++;
  }
  b.set(row, 0, ownerMarkerText("ranking"));
  b.merge(row, 0, row, lastCol);
  b.style(S.marker, row, 0);
  return written;
}

/** Every band with its colour and symbol, so the sheet reads in greyscale; returns the row after it. */
function writeLegend(
  b: SheetBuilder,
  row: number,
  results: AssessmentResults,
  lastCol: number
): number {
  b.set(row, 1, "图例");
  b.style(S.legendLabel, row, 1);
  const per = Math.max(1, Math.min(results.bands.length, Math.floor((lastCol - 1) / 2)));
  results.bands.forEach((band, i) => {
    const r = row + Math.floor(i / per);
    const c = 2 + (i % per) * 2;
    b.set(r, c, `${band.symbol} ${band.label_zh}`);
    b.merge(r, c, r, c + 1);
    b.style(
      {
        fill: band.color,
        fontColor: band.fontColor,
        horizontal: "center",
        border: "thin",
        bold: true,
      },
      r,
      c,
      r,
      c + 1
    );
  });
  return row + Math.ceil(results.bands.length / per) + 1;
}

function writeUnitRow(
  b: SheetBuilder,
  row: number,
  u: UnitResult,
  inds: readonly IndicatorMeta[],
  results: AssessmentResults,
  L: Layout,
  change: string
): void {
  b.setRow(row, 0, [results.grouping ? (u.groupRank ?? u.rank) : u.rank, u.unit]);
  if (L.groupCol >= 0) b.set(row, L.groupCol, u.group ?? "");
  b.style(S.center, row, 0);
  inds.forEach((ind, i) => {
    const { first: col, yoy } = L.ind[i] as Layout["ind"][number];
    const r = u.indicators[ind.key];
    const band = bandFor(results.bands, r?.status ?? "n_a");
    const target = r?.target ?? null;
    const actual = r?.actual ?? null;
    b.setRow(row, col, [target ?? "—", actual ?? "—"]);
    b.style({ numberFormat: ind.numberFormat, horizontal: "right" }, row, col, row, col + 1);
    const rate = r?.rate ?? null;
    b.set(row, col + 2, rate ?? `${band.symbol} ${band.label_zh}`);
    b.style(
      {
        fill: band.color,
        fontColor: band.fontColor,
        numberFormat: symbolPercentFormat(band.symbol),
        horizontal: rate === null ? "center" : "right",
      },
      row,
      col + 2
    );
    if (yoy >= 0) {
      b.set(row, yoy, r?.yoy ?? "—");
      b.style({ numberFormat: YOY_FORMAT, horizontal: "right" }, row, yoy);
    }
  });
  b.set(row, L.scoreCol, round(u.score, 2));
  b.style(S.score, row, L.scoreCol);
  b.set(row, L.gradeCol, u.grade);
  if (L.eligCol >= 0) b.set(row, L.eligCol, u.eligibility ? ELIGIBILITY_ZH[u.eligibility] : "");
  b.style(S.center, row, L.gradeCol, row, L.eligCol >= 0 ? L.eligCol : L.gradeCol);
  b.set(row, L.changeCol, change);
  b.style(
    change.startsWith("↑") ? S.up : change.startsWith("↓") ? S.down : S.center,
    row,
    L.changeCol
  );
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
