/**
 * 图表 (issue 16): the ranking as people would rather look at it — total scores by unit coloured by status with
 * the 序时进度 line, and each indicator's completion rate across units with the same line. The figures sit in a
 * table on the sheet (the charts draw from it, and a host that cannot draw a chart still shows them).
 */
import type { AssessmentResults, IndicatorMeta, UnitResult } from "../model";
import { columnLetter } from "../grid/address";
import { ownerMarkerText } from "../plan/product-sheets";
import { SheetBuilder } from "../plan/sheet-builder";
import type { ChartSpec, SheetPlan } from "../plan/write-plan";
import { groupSections, UNGROUPED } from "./group-sections";
import { bandFor, indicatorHeading, percent, periodPhrase, zhDate } from "./format";

export const CHART_SHEET_NAME = "图表";

export interface ChartSheetOptions {
  /** Jurisdiction the workbook names ("清河县"), for the title. */
  readonly areaName?: string | null;
  readonly sheetName?: string;
}

/** Okabe–Ito: told apart by colour-blind readers, distinct in greyscale by order. */
const SERIES_COLORS = [
  "0072B2",
  "E69F00",
  "009E73",
  "CC79A7",
  "56B4E9",
  "D55E00",
  "F0E442",
  "000000",
];
const PACE_COLOR = "C00000";
/** Rows each chart takes, and columns (at the table's widths). */
const CHART_ROWS = 20;
const MIN_CHART_COLUMNS = 10;
/** Charts past this many indicators would be unreadable; the table keeps them all. */
const MAX_CHARTED_INDICATORS = 8;
const HEADER_ROW = 3;

const ref = (col: number, top: number, bottom: number): string =>
  `${columnLetter(col)}${top + 1}:${columnLetter(col)}${bottom + 1}`;

/**
 * Where the figures table lies: its first and last unit rows, the 总分 column (序时进度（分） and the 完成率 columns
 * follow it) and its last column (the 序时进度 column).
 */
interface ChartTable {
  readonly first: number;
  readonly last: number;
  readonly scoreCol: number;
  readonly lastCol: number;
}

/** The 图表 sheet, or null when there is nothing to draw (no unit or no scored indicator). */
export function planChartSheet(
  results: AssessmentResults,
  options: ChartSheetOptions = {}
): SheetPlan | null {
  if (results.units.length === 0) return null;
  const name = options.sheetName ?? CHART_SHEET_NAME;
  const b = new SheetBuilder(name, "chart", true);
  // Grouped: each 类别 together, by rank within it, as the 考核排名 sheet prints them.
  const units: UnitResult[] = groupSections(results).flatMap((s) => s.units);
  const inds = results.indicators
    .filter((ind) => units.some((u) => (u.indicators[ind.key]?.rate ?? null) !== null))
    .slice(0, MAX_CHARTED_INDICATORS);
  const table = writeChartTable(b, results, units, inds, options.areaName ?? "");
  const span = Math.max(MIN_CHART_COLUMNS, table.lastCol + 1);
  const top = table.last + 2;
  const charts = chartSpecs(results, units, inds, table, top, span);
  const markerRow = top + 2 * CHART_ROWS + 3;
  b.set(markerRow, 0, ownerMarkerText("chart"));
  b.style({ fontSize: 8, fontColor: "808080", italic: true }, markerRow, 0);
  b.exemptFromWidth(markerRow, 0);

  const widths = b.autoWidths(6, 24);
  while (widths.length < span) widths.push(9);
  return {
    ...b.build({
      columnWidths: widths,
      print: {
        orientation: "portrait",
        paperSize: "A4",
        fitToWidth: 1,
        fitToHeight: 0,
        centerHorizontally: true,
      },
      tabColor: "E69F00",
    }),
    charts,
  };
}

/**
 * Title, subtitle and the table the charts draw from: 排名 (组内排名 and 类别 when grouped), 单位, 总分, 序时进度（分）,
 * one 完成率 per indicator, 序时进度.
 */
function writeChartTable(
  b: SheetBuilder,
  results: AssessmentResults,
  units: readonly UnitResult[],
  inds: readonly IndicatorMeta[],
  areaName: string
): ChartTable {
  const { period } = results;
  const tp = period.timeProgress;
  const grouped = results.grouping;
  const scoreCol = grouped ? 3 : 2;
  const header = [
    grouped ? "组内排名" : "排名",
    "单位",
    ...(grouped ? ["类别"] : []),
    "总分",
    "序时进度（分）",
    ...inds.map((i) => `${indicatorHeading(i.name, i.unit)}完成率`),
    "序时进度",
  ];
  const lastCol = header.length - 1;
  b.set(0, 0, `${areaName}${periodPhrase(period.start, period.end, period.asOf)}招商引资考核图表`);
  b.merge(0, 0, 0, Math.max(lastCol, MIN_CHART_COLUMNS - 1));
  b.style({ bold: true, fontSize: 16, horizontal: "center" }, 0, 0);
  b.height(0, 28);
  b.set(1, 0, `截至 ${zhDate(period.asOf)}　序时进度 ${percent(tp)}　图中红线为序时进度`);
  b.merge(1, 0, 1, Math.max(lastCol, MIN_CHART_COLUMNS - 1));
  b.style({ fontSize: 10, horizontal: "center", fontColor: "404040" }, 1, 0);
  b.setRow(HEADER_ROW - 1, 0, header);
  b.style(
    { bold: true, fill: "D9E1F2", horizontal: "center", wrap: true, border: "thin" },
    HEADER_ROW - 1,
    0,
    HEADER_ROW - 1,
    lastCol
  );
  const first = HEADER_ROW;
  units.forEach((u, i) => {
    const row = first + i;
    b.setRow(row, 0, [
      grouped ? (u.groupRank ?? u.rank) : u.rank,
      u.unit,
      ...(grouped ? [u.group ?? UNGROUPED] : []),
      Math.round(u.score * 100) / 100,
      Math.round(tp * 10000) / 100,
    ]);
    inds.forEach((ind, k) => b.set(row, scoreCol + 2 + k, u.indicators[ind.key]?.rate ?? null));
    b.set(row, lastCol, tp);
  });
  const last = first + units.length - 1;
  b.style({ border: "thin" }, first, 0, last, lastCol);
  b.style({ numberFormat: "0.00" }, first, scoreCol, last, scoreCol + 1);
  b.style({ numberFormat: "0.0%" }, first, scoreCol + 2, last, lastCol);
  return { first, last, scoreCol, lastCol };
}

/** Total scores coloured by status, then (when an indicator has a rate) each indicator's completion rate. */
function chartSpecs(
  results: AssessmentResults,
  units: readonly UnitResult[],
  inds: readonly IndicatorMeta[],
  { first, last, scoreCol, lastCol }: ChartTable,
  top: number,
  span: number
): ChartSpec[] {
  const charts: ChartSpec[] = [
    {
      title: results.grouping ? "综合得分（按类别、组内名次）" : "综合得分（按名次）",
      categories: ref(1, first, last),
      series: [
        {
          name: "总分",
          values: ref(scoreCol, first, last),
          type: "bar",
          color: "0072B2",
          pointColors: units.map((u) => bandFor(results.bands, u.status).color),
        },
        {
          name: "序时进度",
          values: ref(scoreCol + 1, first, last),
          type: "line",
          color: PACE_COLOR,
        },
      ],
      valueFormat: "0",
      from: { row: top, col: 0 },
      to: { row: top + CHART_ROWS, col: span },
    },
  ];
  if (inds.length > 0)
    charts.push({
      title: "各指标完成率",
      categories: ref(1, first, last),
      series: [
        ...inds.map((ind, k) => ({
          name: indicatorHeading(ind.name, ind.unit),
          values: ref(scoreCol + 2 + k, first, last),
          type: "bar" as const,
          color: SERIES_COLORS[k % SERIES_COLORS.length] as string,
        })),
        { name: "序时进度", values: ref(lastCol, first, last), type: "line", color: PACE_COLOR },
      ],
      valueFormat: "0%",
      from: { row: top + CHART_ROWS + 1, col: 0 },
      to: { row: top + 2 * CHART_ROWS + 1, col: span },
    });
  return charts;
}
