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
import { ownerMarkerText } from "../plan/product-sheets";
import { SCORING_METHODS } from "../rules/registry";
import { SheetBuilder, columnRange } from "../plan/sheet-builder";
import type { CellStyle, SheetPlan } from "../plan/write-plan";

export const RANKING_SHEET_NAME = "考核排名";

/** Columns besides the indicators' at most (排名, 单位, 类别 and 总分, 等次, 评优资格, 名次变化); 3 per indicator. */
const FIXED_COLUMNS = 7;
/** Indicators that fit in one sheet; beyond them the sheet lists the first ones and says so (results keep all). */
export const MAX_RANKED_INDICATORS = Math.floor((EXCEL_MAX_COLUMNS - FIXED_COLUMNS) / 3);

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

/** Where each column of the sheet is; optional columns are absent (-1 / empty) when they would stay empty. */
interface Layout {
  readonly groupCol: number;
  /** Per indicator: first column (目标), and the 同比 column or -1. */
  readonly ind: readonly { readonly first: number; readonly yoy: number }[];
  readonly scoreCol: number;
  readonly gradeCol: number;
  readonly eligCol: number;
  readonly changeCol: number;
  readonly lastCol: number;
}

function planLayout(results: AssessmentResults, inds: readonly IndicatorMeta[]): Layout {
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

/** "清河县2024年1-8月招商引资考核排名". */
export function rankingTitle(results: AssessmentResults, areaName?: string | null): string {
  const p = results.period;
  return `${areaName ?? ""}${periodPhrase(p.start, p.end, p.asOf)}招商引资考核排名`;
}

const HEADER_TOP = 2;
const HEADER_ROWS = 2;
const FIRST_DATA = HEADER_TOP + HEADER_ROWS;

const S = {
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

/** 考核排名 (SPEC §7): one row per unit by rank, indicator target/actual/rate coloured by status band. */
export function planRankingSheet(results: AssessmentResults, options: RankingOptions): SheetPlan {
  const b = new SheetBuilder(options.sheetName ?? RANKING_SHEET_NAME, "ranking", true);
  const inds = results.indicators.slice(0, MAX_RANKED_INDICATORS);
  const cut = results.indicators.length - inds.length;
  const L = planLayout(results, inds);
  const { lastCol } = L;
  const { period } = results;
  // Number format of each column, so widths follow what Excel prints rather than the raw value.
  const formats = new Map<number, string>([[L.scoreCol, "0.00"]]);

  const banner = incompleteBanner(results);
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
      ? `　本表只列出前 ${inds.length} 个指标，另 ${cut} 个超出 Excel 每个工作表 ${EXCEL_MAX_COLUMNS} 列的上限（总分已计入全部指标）` +
        ` / only the first ${inds.length} indicators are listed: ${cut} more exceed Excel's limit of ${EXCEL_MAX_COLUMNS} columns per sheet (the scores count them all)`
      : "");
  // The banner takes the subtitle's row, so an incomplete ranking can never be printed without it.
  b.set(1, 0, banner ? `${banner}　｜　${subtitle}` : subtitle);
  b.merge(1, 0, 1, lastCol);
  b.style(banner ? S.banner : S.subtitle, 1, 0);
  if (banner) b.height(1, 36);

  // Two-row header: fixed columns span both rows; each indicator heads a 目标/完成/完成率(/同比) group.
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
  b.style(S.header, h1, 0, h2, lastCol);
  b.height(h1, 32);

  // Body.
  let row = FIRST_DATA;
  const unitRows: number[] = [];
  const moves = rankMoves(results);
  const sections = results.grouping
    ? groupsInOrder(results.units)
    : [{ group: null, units: byRank(results.units, false) }];
  for (const section of sections) {
    if (section.group !== null) {
      b.set(row, 0, `${section.group}（${section.units.length}个）`);
      b.merge(row, 0, row, lastCol);
      b.style(S.section, row, 0, row, lastCol);
      row++;
    }
    for (const u of section.units) {
      writeUnitRow(b, row, u, inds, results, L, moves.get(u.unit)?.text ?? "—");
      unitRows.push(row);
      row++;
    }
  }
  const lastBody = row - 1;

  // Totals: sums over units where both figures exist, rate of the sums.
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
  b.style(S.total, row, 0, row, lastCol);
  const totalRow = row;
  b.style(S.grid, FIRST_DATA, 0, totalRow, lastCol);
  if (unitRows.length > 0)
    b.dataBar({ range: columnRange(L.scoreCol, FIRST_DATA, lastBody), color: "5B9BD5" });
  row += 2;

  row = writeLegend(b, row, results, lastCol);

  // Footer: rules summary, generation time, ownership marker.
  const footerLines = [
    ...results.rulesSummary.map((l, i) => (i === 0 ? `考核规则：${l}` : `　　${l}`)),
    `生成时间：${stampTime(options.now, options.utcOffsetMinutes)}　${results.grouping ? "组内名次变化（与本组单位比较）" : "名次变化"}：↑上升 ↓下降 —持平 新=首次参评`,
  ];
  for (const line of footerLines) {
    b.set(row, 0, line);
    b.merge(row, 0, row, lastCol);
    b.style(S.footer, row, 0, row, lastCol);
    row++;
  }
  b.set(row, 0, ownerMarkerText("ranking"));
  b.merge(row, 0, row, lastCol);
  b.style(S.marker, row, 0);

  // Widths from the printed text (a 万元 amount with two decimals is wide), with room for bold and padding.
  const widths = b.autoWidths(5, 30, (col, v) => formattedWidth(v, formats.get(col) ?? "0.00") + 1);
  widths[0] = Math.max(widths[0] ?? 0, 6);
  while (widths.length <= lastCol) widths.push(8);

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

/** The widest a rate cell prints: a band symbol, a space and a three-digit percentage. */
const RATE_WIDTH_FORMAT = '"▲ "0.0%';
const YOY_FORMAT = "+0.0%;-0.0%;0.0%";

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

function byRank(units: readonly UnitResult[], inGroup: boolean): UnitResult[] {
  return [...units].sort(
    (a, z) => (inGroup ? (a.groupRank ?? a.rank) - (z.groupRank ?? z.rank) : 0) || a.rank - z.rank
  );
}

/** Groups in the order of their best-ranked unit; units without a group last, under "其他". */
function groupsInOrder(units: readonly UnitResult[]): { group: string; units: UnitResult[] }[] {
  const map = new Map<string, UnitResult[]>();
  for (const u of byRank(units, false)) {
    const g = u.group ?? "其他";
    const list = map.get(g) ?? [];
    list.push(u);
    map.set(g, list);
  }
  return [...map].map(([group, list]) => ({ group, units: byRank(list, true) }));
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
