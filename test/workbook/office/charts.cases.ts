import ExcelJS from "exceljs";
import { planOutputs } from "../../../src/core/report";
import { CHART_SHEET_NAME } from "../../../src/core/report/chart-sheet";
import type { ChartSpec, WritePlan } from "../../../src/core/plan";
import {
  chartsAsWritable,
  CHARTS_UNAVAILABLE_ZH,
  createOfficeHost,
  DEFAULT_LIMITS,
  planWrites,
} from "../../../src/workbook/office";
import { NOW, issue } from "../../core/report/builders";
import { sampleResults } from "../../core/report/sample-results";
import { ExcelEmulator, sourceAddress, type ChartModel } from "../../emulator/excel-emulator";

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("目标分解表").addRow(["责任单位", "签约项目"]);
  return wb;
}

function meetingPlan(): WritePlan {
  return planOutputs({ results: sampleResults(), issues: [issue()] }, { now: NOW });
}

function chartSpecs(plan: WritePlan): readonly ChartSpec[] {
  return plan.sheets.find((s) => s.name === CHART_SHEET_NAME)?.charts ?? [];
}

const at = (sheet: string, range: string) => `${sheet}!${range}`;

/** What the emulated Excel holds, read back as the ChartSpec it would take to draw it (the file path's input). */
function specOf(chart: ChartModel): ChartSpec {
  const bare = (src: Parameters<typeof sourceAddress>[0]) =>
    (sourceAddress(src) ?? "").replace(/^.*!/, "");
  const start = chart.position?.start;
  const end = chart.position?.end ?? start;
  return {
    title: chart.title.text,
    categories: bare(chart.series[0]?.xValues ?? null),
    series: chart.series.map((s) => ({
      name: s.name,
      values: bare(s.values),
      type: s.chartType === "Line" ? ("line" as const) : ("bar" as const),
      color: (s.chartType === "Line" ? s.lineColor : s.fill) ?? "",
      ...(s.pointFills.size > 0 ? { pointColors: [...s.pointFills.values()] } : {}),
    })),
    valueFormat: chart.axes.value.numberFormat,
    from: { row: start?.top ?? -1, col: start?.left ?? -1 },
    to: { row: (end?.bottom ?? -2) + 1, col: (end?.right ?? -2) + 1 },
  };
}

describe("图表 through the Office.js charts API (emulated)", () => {
  it("draws every planned chart: columns per unit in status colours, the 序时进度 as a dashed line, placed where the file path anchors it", async () => {
    const excel = new ExcelEmulator(workbook(), { apiVersion: "1.13" });
    const host = createOfficeHost(excel.run, excel.isSetSupported);
    const plan = meetingPlan();
    const applied = await host.applyPlan(plan);
    expect(applied.notes ?? []).toEqual([]);

    const specs = chartSpecs(plan);
    expect(specs.length).toBe(2);
    const charts = excel.charts(CHART_SHEET_NAME);
    expect(charts.map((c) => c.title.text)).toEqual(specs.map((s) => s.title));
    charts.forEach((chart, i) => {
      const spec = specs[i]!;
      expect(chart.chartType).toBe("ColumnClustered");
      expect(chart.name).toBe("招商考核图表");
      expect(chart.position).toEqual({
        start: {
          top: spec.from.row,
          left: spec.from.col,
          bottom: spec.from.row,
          right: spec.from.col,
        },
        end: {
          top: spec.to.row - 1,
          left: spec.to.col - 1,
          bottom: spec.to.row - 1,
          right: spec.to.col - 1,
        },
      });
      expect(chart.axes.value).toMatchObject({ numberFormat: spec.valueFormat, minimum: 0 });
      expect(chart.legend.position).toBe("Bottom");
      expect(
        chart.series.map((s) => ({
          name: s.name,
          values: sourceAddress(s.values),
          categories: sourceAddress(s.xValues),
          type: s.chartType,
        }))
      ).toEqual(
        spec.series.map((s) => ({
          name: s.name,
          values: at(CHART_SHEET_NAME, s.values),
          categories: at(CHART_SHEET_NAME, spec.categories),
          type: s.type === "line" ? "Line" : "ColumnClustered",
        }))
      );
      spec.series.forEach((s, k) => {
        const drawn = chart.series[k]!;
        if (s.type === "line") {
          expect(drawn).toMatchObject({
            lineColor: s.color,
            lineStyle: "Dash",
            markerStyle: "None",
          });
        } else {
          expect(drawn.fill).toBe(s.color);
          expect([...drawn.pointFills.entries()]).toEqual(
            (s.pointColors ?? []).map((c, p) => [p, c])
          );
        }
      });
    });
    // Read back, Excel holds exactly the charts the file path draws from the same plan.
    expect(charts.map(specOf)).toEqual(specs);
    // The score chart's columns wear each unit's status colour, one per unit.
    expect(charts[0]!.series[0]!.pointFills.size).toBe(sampleResults().units.length);
  });

  it("costs no extra round trip: the charts ride in the layout batch", async () => {
    const plan = meetingPlan();
    const bare: WritePlan = {
      ...plan,
      sheets: plan.sheets.map(({ charts: _c, ...s }) => (void _c, s)),
    };
    const syncs = async (p: WritePlan) => {
      const excel = new ExcelEmulator(workbook(), { apiVersion: "1.13" });
      const host = createOfficeHost(excel.run, excel.isSetSupported);
      await host.applyPlan(p);
      return { syncs: host.stats.syncs, charts: excel.charts(CHART_SHEET_NAME).length };
    };
    const withCharts = await syncs(plan);
    const without = await syncs(bare);
    expect(withCharts).toEqual({ syncs: without.syncs, charts: 2 });
    const batches = planWrites(plan, DEFAULT_LIMITS);
    const chartOps = batches.flatMap((b) => b.ops.filter((op) => op.kind === "chart"));
    expect(chartOps).toHaveLength(2);
    expect(batches.at(-1)?.layout).toBe(true);
    expect(batches.at(-1)?.ops.filter((op) => op.kind === "chart")).toHaveLength(2);
  });

  it("a re-run replaces the sheet and its charts in place: never a second set, never 图表 (2)", async () => {
    const excel = new ExcelEmulator(workbook(), { apiVersion: "1.13" });
    const host = createOfficeHost(excel.run, excel.isSetSupported);
    await host.applyPlan(meetingPlan());
    const again = await host.applyPlan(meetingPlan());
    expect(again.sheets.find((s) => s.planned === CHART_SHEET_NAME)).toMatchObject({
      name: CHART_SHEET_NAME,
      replaced: true,
    });
    expect(excel.charts(CHART_SHEET_NAME)).toHaveLength(2);
    expect(excel.workbook.worksheets.map((w) => w.name)).not.toContain(`${CHART_SHEET_NAME} (2)`);
  });

  it("without ExcelApi 1.7 writes the figures and, where each chart would stand, how to insert it; the pane hears it once", async () => {
    const excel = new ExcelEmulator(workbook(), { apiVersion: "1.6" });
    const host = createOfficeHost(excel.run, excel.isSetSupported);
    expect(host.features.charts).toBe(false);
    const plan = meetingPlan();
    const applied = await host.applyPlan(plan);
    expect(excel.charts(CHART_SHEET_NAME)).toEqual([]);
    expect(applied.notes).toEqual([
      expect.objectContaining({ sheet: CHART_SHEET_NAME, message_zh: CHARTS_UNAVAILABLE_ZH }),
    ]);
    const ws = excel.workbook.getWorksheet(CHART_SHEET_NAME)!;
    for (const spec of chartSpecs(plan))
      expect(String(ws.getRow(spec.from.row + 1).getCell(spec.from.col + 1).value)).toBe(
        `【${spec.title}】${CHARTS_UNAVAILABLE_ZH}`
      );
    // The note is part of what the sheet's ownership digest covers: the next run still replaces it in place.
    const again = await host.applyPlan(meetingPlan());
    expect(again.sheets.find((s) => s.planned === CHART_SHEET_NAME)?.name).toBe(CHART_SHEET_NAME);
  });

  it("on ExcelApi 1.7 draws the charts and leaves the axis format (1.8) to Excel", async () => {
    const excel = new ExcelEmulator(workbook(), { apiVersion: "1.7" });
    const host = createOfficeHost(excel.run, excel.isSetSupported);
    await host.applyPlan(meetingPlan());
    const charts = excel.charts(CHART_SHEET_NAME);
    expect(charts).toHaveLength(2);
    expect(charts.map((c) => c.axes.value.numberFormat)).toEqual(["General", "General"]);
  });

  it("chartsAsWritable leaves a plan untouched where charts are supported or none are planned", () => {
    const plan = meetingPlan();
    expect(chartsAsWritable(plan, true).plan).toBe(plan);
    const none: WritePlan = { sheets: [] };
    expect(chartsAsWritable(none, false)).toEqual({ plan: none, notes: [] });
  });
});

describe("the emulator's charts API", () => {
  function sheet(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.addRow(["单位", "总分", "序时进度"]);
    ws.addRow(["甲", 90, 75]);
    ws.addRow(["乙", 80, 75]);
    ws.addRow(["丙", 70, 75]);
    return wb;
  }

  it("derives series from add's source as Excel does: header row names them, a text column gives categories", async () => {
    const excel = new ExcelEmulator(sheet());
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:C4"), "Columns");
      chart.load("name");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
    });
    const [chart] = excel.charts("数据");
    expect(
      chart!.series.map((s) => [s.name, sourceAddress(s.values), sourceAddress(s.xValues)])
    ).toEqual([
      ["总分", "数据!B2:B4", "数据!A2:A4"],
      ["序时进度", "数据!C2:C4", "数据!A2:A4"],
    ]);
  });

  it("refuses what Excel refuses: series.add before 1.7, a point past the series, a 3-D series in a combo, a block as values", async () => {
    const old = new ExcelEmulator(sheet(), { apiVersion: "1.6" });
    await old.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B2:B4"), "Columns");
      expect(() => chart.series.add("x")).toThrow(/ApiNotFound/);
      await context.sync();
    });
    const excel = new ExcelEmulator(sheet());
    const attempt = async (step: (chart: Excel.Chart, ws: Excel.Worksheet) => void) =>
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("数据");
        const chart = ws.charts.add("ColumnClustered", ws.getRange("B2:B4"), "Columns");
        step(chart, ws);
        await context.sync();
      });
    await expect(
      attempt((c) => c.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor("#FF0000"))
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      attempt((c) => (c.series.getItemAt(0).chartType = "3DColumn"))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      attempt((c, ws) => c.series.add("y").setValues(ws.getRange("B2:C4")))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("holds charts with their sheet: a rename keeps them, a delete takes them", async () => {
    const excel = new ExcelEmulator(sheet());
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("数据");
      ws.charts.add("ColumnClustered", ws.getRange("B2:B4"), "Columns");
      context.workbook.worksheets.add("其他");
      ws.name = "数据2";
      await context.sync();
    });
    expect(excel.charts("数据2")).toHaveLength(1);
    expect(sourceAddress(excel.charts("数据2")[0]!.series[0]!.values)).toBe("数据2!B2:B4");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("数据2").delete();
      await context.sync();
    });
    expect(excel.charts("数据2")).toEqual([]);
  });
});
