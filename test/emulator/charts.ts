/**
 * Worksheet charts: the subset of the Excel JavaScript API charts the adapter uses, kept beside the ExcelJS sheet
 * (ExcelJS holds no charts). Requirement sets as the reference pages state them
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection and the Chart, ChartSeries,
 * ChartAxis, ChartDataLabels, ChartPoint pages): charts.add, Chart.name/title/setPosition/legend, series.getItemAt,
 * series.name/format/points are ExcelApi 1.1; series.add, setValues, setXAxisValues, series.chartType, gapWidth,
 * markerStyle, hasDataLabels, ChartLineFormat.weight are 1.7; ChartAxis.numberFormat and ChartSeries.dataLabels 1.8.
 */
import type ExcelJS from "exceljs";
import { parseAddress, sheetAddress, type Rect } from "./addresses";
import { EmuClientObject } from "./client-object";
import type { EmulatorSession } from "./context";
import { EmulatorError } from "./errors";
import type { EmuRange } from "./range";

/** A range a chart reads, resolved when the call ran (a rename of its sheet follows the sheet). */
export interface ChartSource {
  readonly sheet: ExcelJS.Worksheet;
  readonly rect: Rect;
}

export interface SeriesModel {
  name: string;
  chartType: string;
  values: ChartSource | null;
  xValues: ChartSource | null;
  fill: string | null;
  lineColor: string | null;
  lineWeight: number | null;
  lineStyle: string;
  markerStyle: string;
  gapWidth: number;
  hasDataLabels: boolean;
  dataLabels: { showValue: boolean; numberFormat: string | null };
  /** Fill per point index (ChartPoint.format.fill.setSolidColor). */
  readonly pointFills: Map<number, string>;
}

export interface ChartModel {
  name: string;
  readonly chartType: string;
  title: { text: string; visible: boolean };
  /** Cells the chart spans after setPosition; null while it floats where `add` put it. */
  position: { readonly start: Rect; readonly end: Rect | null } | null;
  legend: { visible: boolean; position: string };
  readonly axes: {
    readonly value: AxisModel;
    readonly category: AxisModel;
  };
  readonly series: SeriesModel[];
}

/** Chart types the adapter or a test may ask for; anything else is refused as Excel refuses an unknown one. */
const FLAT_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "LineStacked",
  "Area",
  "AreaStacked",
  "XYScatter",
  "Pie",
  "Doughnut",
]);
/** Only these mix in one plot area ("Create a combo chart": column, bar, line and area series combine). */
const COMBINABLE = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "Line",
  "LineMarkers",
  "LineStacked",
  "Area",
  "AreaStacked",
]);

const store = new WeakMap<ExcelJS.Worksheet, ChartModel[]>();

/** The charts on an ExcelJS sheet the emulator wrote (for tests). */
export function chartsOn(ws: ExcelJS.Worksheet): readonly ChartModel[] {
  return store.get(ws) ?? [];
}

/** "'图表'!B4:B17" for a chart's source, as Excel would report it. */
export function sourceAddress(src: ChartSource | null): string | null {
  return src ? sheetAddress(src.sheet.name, src.rect) : null;
}

function rangeSource(range: EmuRange): ChartSource {
  const { sheet, rects } = range.target;
  const list = rects();
  const rect = list?.[0];
  if (!list || !rect || list.length !== 1)
    throw new EmulatorError("InvalidArgument", "a chart source must be one rectangle");
  return { sheet: sheet(), rect };
}

function isLine(rect: Rect): boolean {
  return rect.top === rect.bottom || rect.left === rect.right;
}

function cellValue(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  return ws.getRow(row + 1).getCell(col + 1).value;
}

function newSeries(name: string, chartType: string): SeriesModel {
  return {
    name,
    chartType,
    values: null,
    xValues: null,
    fill: null,
    lineColor: null,
    lineWeight: null,
    lineStyle: "Continuous",
    markerStyle: "Automatic",
    gapWidth: 150,
    hasDataLabels: false,
    dataLabels: { showValue: false, numberFormat: null },
    pointFills: new Map(),
  };
}

/**
 * Series as Excel derives them from `add`'s source: one per column (or row) of numbers; a first row (column) of
 * text names them and a first column (row) of text gives the categories. Unnamed series are "Series1", "Series2"…
 */
function seriesFromSource(src: ChartSource, by: string, chartType: string): SeriesModel[] {
  const r = src.rect;
  const byRows = by === "Rows" || (by === "Auto" && r.right - r.left > r.bottom - r.top);
  const text = (row: number, col: number) => typeof cellValue(src.sheet, row, col) === "string";
  // Transposed view: "lines" are the series, "points" run along each.
  const lines = byRows ? [r.top, r.bottom] : [r.left, r.right];
  const points = byRows ? [r.left, r.right] : [r.top, r.bottom];
  const at: At = (line, point) => (byRows ? [line, point] : [point, line]);
  const [l0, l1] = lines as [number, number];
  const [p0, p1] = points as [number, number];
  const namesFirst = l1 > l0 || p1 > p0 ? isTextLine(text, at, p0, l0, l1) : false;
  const labelsFirst = l1 > l0 && isTextPoint(text, at, l0, p0 + (namesFirst ? 1 : 0), p1);
  const firstPoint = p0 + (namesFirst ? 1 : 0);
  const out: SeriesModel[] = [];
  for (let line = l0 + (labelsFirst ? 1 : 0); line <= l1; line++) {
    const name = namesFirst ? String(cellValue(src.sheet, ...at(line, p0)) ?? "") : "";
    const s = newSeries(name || `Series${out.length + 1}`, chartType);
    const rect = (a: number, b: number, l: number): Rect =>
      byRows ? { top: l, bottom: l, left: a, right: b } : { top: a, bottom: b, left: l, right: l };
    s.values = { sheet: src.sheet, rect: rect(firstPoint, p1, line) };
    if (labelsFirst) s.xValues = { sheet: src.sheet, rect: rect(firstPoint, p1, l0) };
    out.push(s);
  }
  return out;
}

type At = (line: number, point: number) => readonly [number, number];
type IsText = (row: number, col: number) => boolean;

function isTextLine(text: IsText, at: At, point: number, l0: number, l1: number): boolean {
  for (let l = l0; l <= l1; l++) if (text(...at(l, point))) return true;
  return false;
}

function isTextPoint(text: IsText, at: At, line: number, p0: number, p1: number): boolean {
  if (p1 < p0) return false;
  for (let p = p0; p <= p1; p++) if (!text(...at(line, p))) return false;
  return true;
}

function pointCount(s: SeriesModel): number {
  const r = s.values?.rect;
  return r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;
}

function color(value: string): string {
  return value.replace(/^#/, "").toUpperCase();
}

/** Resolves the model a proxy stands for when its queued call runs (after the `add` that made it). */
type Get<T> = () => T;

class ChartTitleProxy implements Pick<Excel.ChartTitle, "text" | "visible"> {
  constructor(
    private readonly session: EmulatorSession,
    private readonly chart: Get<ChartModel>
  ) {}
  get text(): string {
    throw notLoaded("text");
  }
  set text(text: string) {
    this.session.queue(text, () => (this.chart().title.text = text));
  }
  get visible(): boolean {
    throw notLoaded("visible");
  }
  set visible(visible: boolean) {
    this.session.queue(visible, () => (this.chart().title.visible = visible));
  }
}

class ChartLegendProxy implements Pick<Excel.ChartLegend, "visible" | "position"> {
  constructor(
    private readonly session: EmulatorSession,
    private readonly chart: Get<ChartModel>
  ) {}
  get visible(): boolean {
    throw notLoaded("visible");
  }
  set visible(visible: boolean) {
    this.session.queue(visible, () => (this.chart().legend.visible = visible));
  }
  get position(): Excel.ChartLegendPosition {
    throw notLoaded("position");
  }
  set position(position: Excel.ChartLegendPosition | "Top" | "Bottom" | "Left" | "Right") {
    this.session.queue(position, () => (this.chart().legend.position = position));
  }
}

interface AxisModel {
  numberFormat: string;
  title: string | null;
  minimum?: number | null;
}

class ChartAxisProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly axis: Get<AxisModel>
  ) {}
  set minimum(value: number) {
    this.session.queue(value, () => (this.axis().minimum = value));
  }
  set numberFormat(format: string) {
    this.session.require("1.8", "ChartAxis.numberFormat");
    this.session.queue(format, () => (this.axis().numberFormat = format));
  }
  get title(): { text: string } {
    const { session, axis } = this;
    return {
      set text(text: string) {
        session.queue(text, () => (axis().title = text));
      },
      get text(): string {
        throw notLoaded("text");
      },
    };
  }
}

class ChartFillProxy implements Pick<Excel.ChartFill, "setSolidColor"> {
  constructor(
    private readonly session: EmulatorSession,
    private readonly apply: (color: string) => void
  ) {}
  setSolidColor(value: string): void {
    this.session.queue(value, () => this.apply(color(value)));
  }
}

class ChartLineProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly series: Get<SeriesModel>
  ) {}
  set color(value: string) {
    this.session.queue(value, () => (this.series().lineColor = color(value)));
  }
  set lineStyle(style: string) {
    this.session.require("1.7", "ChartLineFormat.lineStyle");
    this.session.queue(style, () => (this.series().lineStyle = style));
  }
  set weight(points: number) {
    this.session.require("1.7", "ChartLineFormat.weight");
    this.session.queue(points, () => (this.series().lineWeight = points));
  }
}

class ChartPointsProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly series: Get<SeriesModel>
  ) {}
  getItemAt(index: number): { format: { fill: ChartFillProxy } } {
    const fill = new ChartFillProxy(this.session, (c) => {
      const s = this.series();
      // Points exist only where the series has values (the error code is the emulator's choice).
      if (index < 0 || index >= pointCount(s))
        throw new EmulatorError("ItemNotFound", `point ${index} of a series of ${pointCount(s)}`);
      s.pointFills.set(index, c);
    });
    return { format: { fill } };
  }
}

class ChartDataLabelsProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly labels: Get<{ showValue: boolean; numberFormat: string | null }>
  ) {}
  set showValue(show: boolean) {
    this.session.queue(show, () => (this.labels().showValue = show));
  }
  set numberFormat(format: string) {
    this.session.require("1.8", "ChartDataLabels.numberFormat");
    this.session.queue(format, () => (this.labels().numberFormat = format));
  }
}

export class EmuChartSeries extends EmuClientObject {
  protected readonly loadable = ["name", "chartType"];
  constructor(
    session: EmulatorSession,
    private readonly model: Get<SeriesModel>
  ) {
    super(session);
  }
  protected fetchProperty(name: string): unknown {
    const s = this.model();
    if (name === "name") return s.name;
    if (name === "chartType") return s.chartType;
    throw new EmulatorError("InvalidArgument", name);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.session.queue(name, () => (this.model().name = name));
  }
  get chartType(): string {
    return this.loadedValue("chartType");
  }
  set chartType(type: string) {
    this.session.require("1.7", "ChartSeries.chartType");
    this.session.queue(type, () => {
      if (!COMBINABLE.has(type))
        throw new EmulatorError("InvalidArgument", `a series cannot be drawn as ${type} here`);
      this.model().chartType = type;
    });
  }
  set gapWidth(width: number) {
    this.session.require("1.7", "ChartSeries.gapWidth");
    this.session.queue(width, () => {
      if (width < 0 || width > 500)
        throw new EmulatorError("InvalidArgument", "gapWidth is 0..500");
      this.model().gapWidth = width;
    });
  }
  set markerStyle(style: string) {
    this.session.require("1.7", "ChartSeries.markerStyle");
    this.session.queue(style, () => (this.model().markerStyle = style));
  }
  set hasDataLabels(has: boolean) {
    this.session.require("1.7", "ChartSeries.hasDataLabels");
    this.session.queue(has, () => (this.model().hasDataLabels = has));
  }
  get dataLabels(): ChartDataLabelsProxy {
    this.session.require("1.8", "ChartSeries.dataLabels");
    return new ChartDataLabelsProxy(this.session, () => this.model().dataLabels);
  }
  get format(): { fill: ChartFillProxy; line: ChartLineProxy } {
    return {
      fill: new ChartFillProxy(this.session, (c) => (this.model().fill = c)),
      line: new ChartLineProxy(this.session, this.model),
    };
  }
  get points(): ChartPointsProxy {
    return new ChartPointsProxy(this.session, this.model);
  }
  setValues(range: EmuRange): void {
    this.session.require("1.7", "ChartSeries.setValues");
    this.session.queue("setValues", () => {
      const src = rangeSource(range);
      if (!isLine(src.rect))
        throw new EmulatorError("InvalidArgument", "series values are one row or one column");
      this.model().values = src;
    });
  }
  setXAxisValues(range: EmuRange): void {
    this.session.require("1.7", "ChartSeries.setXAxisValues");
    this.session.queue("setXAxisValues", () => {
      const src = rangeSource(range);
      if (!isLine(src.rect))
        throw new EmulatorError("InvalidArgument", "category labels are one row or one column");
      this.model().xValues = src;
    });
  }
}

class ChartSeriesCollectionProxy {
  constructor(
    private readonly session: EmulatorSession,
    private readonly chart: Get<ChartModel>
  ) {}
  getItemAt(index: number): EmuChartSeries {
    return new EmuChartSeries(this.session, () => {
      const s = this.chart().series[index];
      if (!s) throw new EmulatorError("ItemNotFound", `series ${index}`);
      return s;
    });
  }
  add(name?: string, index?: number): EmuChartSeries {
    this.session.require("1.7", "ChartSeriesCollection.add");
    let made: SeriesModel | null = null;
    this.session.queue({ name, index }, () => {
      const chart = this.chart();
      const s = newSeries(name ?? `Series${chart.series.length + 1}`, chart.chartType);
      const at = index === undefined ? chart.series.length : index;
      if (at < 0 || at > chart.series.length)
        throw new EmulatorError("InvalidArgument", `series index ${at}`);
      chart.series.splice(at, 0, s);
      made = s;
    });
    return new EmuChartSeries(this.session, () => {
      if (!made) throw new EmulatorError("InvalidOperation", "series not added");
      return made;
    });
  }
}

export class EmuChart extends EmuClientObject implements Pick<Excel.Chart, "name"> {
  protected readonly loadable = ["name", "chartType"];
  constructor(
    session: EmulatorSession,
    private readonly model: Get<ChartModel>,
    private readonly sheet: Get<ExcelJS.Worksheet>
  ) {
    super(session);
  }
  protected fetchProperty(name: string): unknown {
    const c = this.model();
    if (name === "name") return c.name;
    if (name === "chartType") return c.chartType;
    throw new EmulatorError("InvalidArgument", name);
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(name: string) {
    this.session.queue(name, () => (this.model().name = name));
  }
  get title(): ChartTitleProxy {
    return new ChartTitleProxy(this.session, this.model);
  }
  get legend(): ChartLegendProxy {
    return new ChartLegendProxy(this.session, this.model);
  }
  get axes(): { valueAxis: ChartAxisProxy; categoryAxis: ChartAxisProxy } {
    return {
      valueAxis: new ChartAxisProxy(this.session, () => this.model().axes.value),
      categoryAxis: new ChartAxisProxy(this.session, () => this.model().axes.category),
    };
  }
  get series(): ChartSeriesCollectionProxy {
    return new ChartSeriesCollectionProxy(this.session, this.model);
  }
  setPosition(startCell: string | EmuRange, endCell?: string | EmuRange): void {
    this.session.queue({ startCell: String(startCell), endCell: String(endCell) }, () => {
      const cell = (c: string | EmuRange): Rect => {
        if (typeof c !== "string") return rangeSource(c).rect;
        try {
          return parseAddress(c);
        } catch {
          throw new EmulatorError("InvalidArgument", `not a cell address: ${c}`);
        }
      };
      const start = cell(startCell);
      const end = endCell === undefined ? null : cell(endCell);
      if (end && (end.bottom < start.top || end.right < start.left))
        throw new EmulatorError("InvalidArgument", "the end cell is above or left of the start");
      void this.sheet();
      this.model().position = { start, end };
    });
  }
  delete(): void {
    this.session.queue("delete", () => {
      const list = store.get(this.sheet()) ?? [];
      const i = list.indexOf(this.model());
      if (i >= 0) list.splice(i, 1);
    });
  }
}

export class EmuChartCollection {
  constructor(
    private readonly session: EmulatorSession,
    private readonly sheet: Get<ExcelJS.Worksheet>
  ) {}

  add(
    type: string,
    sourceData: EmuRange,
    seriesBy: "Auto" | "Columns" | "Rows" = "Auto"
  ): EmuChart {
    let made: ChartModel | null = null;
    this.session.queue({ type, seriesBy }, () => {
      if (!FLAT_TYPES.has(type))
        throw new EmulatorError("InvalidArgument", `chart type ${type} is not emulated`);
      const ws = this.sheet();
      const list = store.get(ws) ?? [];
      const model: ChartModel = {
        name: `Chart ${list.length + 1}`,
        chartType: type,
        title: { text: "", visible: true },
        position: null,
        legend: { visible: true, position: "Right" },
        axes: {
          value: { numberFormat: "General", title: null, minimum: null },
          category: { numberFormat: "General", title: null },
        },
        series: seriesFromSource(rangeSource(sourceData), seriesBy, type),
      };
      list.push(model);
      store.set(ws, list);
      made = model;
    });
    return new EmuChart(
      this.session,
      () => {
        if (!made) throw new EmulatorError("InvalidOperation", "chart not added");
        return made;
      },
      this.sheet
    );
  }
}

function notLoaded(name: string): EmulatorError {
  return new EmulatorError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Call load() and sync() first.`
  );
}
