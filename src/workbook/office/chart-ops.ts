/**
 * The 图表 sheet's native charts through the Excel charts API (ExcelApi 1.7: series.add, setValues,
 * setXAxisValues and a line series over columns; 1.8 for the value axis's number format). Where Excel lacks 1.7 the
 * sheet keeps its figures table and says, where each chart would stand, how to insert one by hand.
 */
import { toA1 } from "../../core/grid";
import type { ChartSpec, SheetPlan, WritePlan } from "../../core/plan";
import type { LandingNote } from "../../core/ownership";

/** The name of each chart frame, as the file path's drawing names them (a person's own charts keep theirs). */
export const CHART_NAME = "招商考核图表";

export const CHARTS_UNAVAILABLE_ZH =
  "此版本 Excel 不支持由加载项插入图表（需 ExcelApi 1.7）：选中上表“单位”与数据列，插入 → 柱形图即可。";
const CHARTS_UNAVAILABLE_EN =
  "This Excel cannot insert charts from an add-in (ExcelApi 1.7 is needed): select the table's 单位 and figure columns, then Insert → Column chart.";

/**
 * Pure: the plan as this Excel can write it. Without chart support every planned chart becomes a note in the cell
 * where it would start (so the sheet, its ownership digest and its print say the same thing), plus one note for
 * the pane per sheet.
 */
export function chartsAsWritable(
  plan: WritePlan,
  supported: boolean
): { plan: WritePlan; notes: LandingNote[] } {
  if (supported || !plan.sheets.some((s) => (s.charts ?? []).length > 0))
    return { plan, notes: [] };
  const notes: LandingNote[] = [];
  const sheets = plan.sheets.map((s): SheetPlan => {
    const charts = s.charts ?? [];
    if (charts.length === 0) return s;
    notes.push({
      sheet: s.name,
      message_zh: CHARTS_UNAVAILABLE_ZH,
      message_en: CHARTS_UNAVAILABLE_EN,
    });
    const values = s.values.map((row) => [...row]);
    for (const c of charts) {
      const row = (values[c.from.row] ??= []);
      while (row.length < c.from.col) row.push(null);
      row[c.from.col] = `【${c.title}】${CHARTS_UNAVAILABLE_ZH}`;
    }
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    const { charts: _charts, ...rest } = s;
    void _charts;
    return { ...rest, values };
  });
  return { plan: { ...plan, sheets }, notes };
}

/**
 * Queues one chart on `ws` (no sync): columns from the first series, the other series added and pointed at their
 * cells, reference lines drawn as dashed lines over the columns, per-point status colours, placed over the cells
 * `spec.from`..`spec.to` as the file path anchors it. About 10 + 2 per series + 1 per coloured point calls.
 */
export function queueChart(ws: Excel.Worksheet, spec: ChartSpec, axisFormat: boolean): void {
  const [first] = spec.series;
  if (!first) return;
  const chart = ws.charts.add("ColumnClustered", ws.getRange(first.values), "Columns");
  chart.name = CHART_NAME;
  chart.title.text = spec.title;
  // The file path's anchor ends at the top-left corner of `to`: the last cell covered is the one before it.
  chart.setPosition(
    toA1(spec.from.row, spec.from.col),
    toA1(Math.max(spec.from.row, spec.to.row - 1), Math.max(spec.from.col, spec.to.col - 1))
  );
  chart.legend.position = "Bottom";
  chart.axes.valueAxis.minimum = 0;
  if (axisFormat) chart.axes.valueAxis.numberFormat = spec.valueFormat;
  const categories = ws.getRange(spec.categories);
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i > 0) series.setValues(ws.getRange(s.values));
    series.name = s.name;
    series.setXAxisValues(categories);
    if (s.type === "line") {
      series.chartType = "Line";
      series.markerStyle = "None";
      series.format.line.color = `#${s.color}`;
      series.format.line.weight = 2.25;
      series.format.line.lineStyle = "Dash";
      return;
    }
    series.gapWidth = 60;
    series.format.fill.setSolidColor(`#${s.color}`);
    (s.pointColors ?? []).forEach((c, k) =>
      series.points.getItemAt(k).format.fill.setSolidColor(`#${c}`)
    );
  });
}
