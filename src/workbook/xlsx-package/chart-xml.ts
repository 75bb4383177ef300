/**
 * DrawingML for the native charts a WritePlan asks for (ExcelJS writes none): one chart part per chart — clustered
 * vertical bars with optional reference lines on the same axes — and the drawing part that anchors them to cells.
 * The caches carry the plotted values, so Excel and LibreOffice draw the chart before recalculating anything.
 */
import { columnLetter, parseRangeA1, quoteSheetName, type CellRange } from "../../core/grid";
import type { ChartSeries, ChartSpec, SheetPlan, WriteValue } from "../../core/plan";
import { escapeAttr, escapeText } from "./xml-text";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CAT_AXIS = 500100;
const VAL_AXIS = 500200;

/** The name every chart frame we draw carries, so a re-run can tell our drawing from one a person added. */
export const CHART_FRAME_NAME = "招商考核图表";

function cellsOf(plan: SheetPlan, range: string): WriteValue[] {
  const r: CellRange = parseRangeA1(range);
  const out: WriteValue[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(plan.values[row]?.[col] ?? null);
  return out;
}

function absolute(sheet: string, range: string): string {
  const r = parseRangeA1(range);
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return `${quoteSheetName(sheet)}!${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

function text(v: WriteValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function strRef(sheet: string, plan: SheetPlan, range: string): string {
  const values = cellsOf(plan, range);
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(text(v))}</c:v></c:pt>`);
  return (
    `<c:strRef><c:f>${escapeText(absolute(sheet, range))}</c:f><c:strCache><c:ptCount val="${values.length}"/>` +
    `${pts.join("")}</c:strCache></c:strRef>`
  );
}

function numRef(sheet: string, plan: SheetPlan, range: string): string {
  const values = cellsOf(plan, range);
  const pts = values.flatMap((v, i) =>
    typeof v === "number" && Number.isFinite(v) ? [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`] : []
  );
  return (
    `<c:numRef><c:f>${escapeText(absolute(sheet, range))}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts.join("")}</c:numCache></c:numRef>`
  );
}

const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${escapeAttr(rgb)}"/></a:solidFill>`;

function series(
  s: ChartSeries,
  index: number,
  spec: ChartSpec,
  sheet: string,
  plan: SheetPlan
): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>`;
  const data = `<c:cat>${strRef(sheet, plan, spec.categories)}</c:cat><c:val>${numRef(sheet, plan, s.values)}</c:val>`;
  if (s.type === "line")
    return (
      `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${fill(s.color)}<a:prstDash val="dash"/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="none"/></c:marker>${data}<c:smooth val="0"/></c:ser>`
    );
  const points = (s.pointColors ?? []).map(
    (c, i) =>
      `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(c)}` +
      `<a:ln><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr></c:dPt>`
  );
  return (
    `<c:ser>${head}<c:spPr>${fill(s.color)}</c:spPr><c:invertIfNegative val="0"/>${points.join("")}` +
    `${data}</c:ser>`
  );
}

function axes(): string {
  return `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;
}

/** The chart part for `spec`, whose ranges are on `sheet` (the values come from `plan`, the sheet's plan). */
export function chartPartXml(spec: ChartSpec, sheet: string, plan: SheetPlan): string {
  const indexed = spec.series.map((s, i) => ({ s, i }));
  const bars = indexed.filter((x) => x.s.type === "bar");
  const lines = indexed.filter((x) => x.s.type === "line");
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  const barChart = bars.length
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      bars.map((x) => series(x.s, x.i, spec, sheet, plan)).join("") +
      `<c:gapWidth val="60"/>${axes()}</c:barChart>`
    : "";
  const lineChart = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines.map((x) => series(x.s, x.i, spec, sheet, plan)).join("") +
      `<c:marker val="1"/>${axes()}</c:lineChart>`
    : "";
  const catAx =
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/>` +
    `</a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escapeAttr(spec.valueFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `${HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${barChart}${lineChart}${catAx}${valAx}` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part anchoring each chart (by its relationship id from the drawing) to its cells. */
export function drawingPartXml(
  charts: readonly { readonly spec: ChartSpec; readonly relId: string }[]
): string {
  const anchors = charts.map(({ spec, relId }, i) => {
    const at = (tag: string, p: { row: number; col: number }) =>
      `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row>` +
      `<xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${at("from", spec.from)}${at("to", spec.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${CHART_FRAME_NAME} ${i + 1}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${escapeAttr(relId)}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}

/** True when a drawing holds only frames we drew (a chart a person added makes the sheet theirs). */
export function isOurDrawing(xml: string): boolean {
  const names = [...xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1] ?? "");
  const anchors = (xml.match(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? [])
    .length;
  return (
    names.length > 0 &&
    names.length === anchors &&
    names.every((n) => n.startsWith(`${CHART_FRAME_NAME} `))
  );
}
