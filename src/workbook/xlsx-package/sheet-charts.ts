/**
 * Puts a planned sheet's charts into the package beside its worksheet part (a drawing, its chart parts and the
 * relationships between them), and takes out the ones an earlier run put there when that sheet is replaced.
 */
import type { SheetPlan } from "../../core/plan";
import { chartPartXml, drawingPartXml, isOurDrawing } from "./chart-xml";
import {
  NEW_RELS,
  addRelationships,
  relType,
  relationshipsOf,
  relsPartOf,
  type Package,
} from "./opc";
import { decodeXml } from "./xml-text";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export interface NewPart {
  readonly part: string;
  readonly type: string;
}

function freePart(pkg: Package, taken: Set<string>, dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${dir}/${stem}${n}.xml`;
    if (!pkg.has(name) && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Where a worksheet's child elements that follow <drawing> begin (CT_Worksheet order), to insert before. */
const AFTER_DRAWING =
  /<(?:\w+:)?(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/;

/**
 * The worksheet XML with a <drawing> of `plan.charts`, whose parts are written into `pkg`; the new parts are
 * returned for [Content_Types].xml. A sheet without charts comes back unchanged.
 */
export function addSheetCharts(
  pkg: Package,
  sheetPart: string,
  sheetXml: string,
  sheetName: string,
  plan: SheetPlan,
  taken: Set<string>
): { xml: string; parts: NewPart[] } {
  const charts = plan.charts ?? [];
  if (charts.length === 0) return { xml: sheetXml, parts: [] };
  const drawing = freePart(pkg, taken, "xl/drawings", "drawing");
  const parts: NewPart[] = [{ part: drawing, type: DRAWING_TYPE }];
  const chartRels = charts.map((spec, i) => {
    const part = freePart(pkg, taken, "xl/charts", "chart");
    pkg.set(part, encode(chartPartXml(spec, sheetName, plan)));
    parts.push({ part, type: CHART_TYPE });
    return { spec, relId: `rId${i + 1}`, target: `../charts/${part.slice("xl/charts/".length)}` };
  });
  pkg.set(drawing, encode(drawingPartXml(chartRels)));
  const empty = () => decodeXml(encode(NEW_RELS));
  const drawingRels = addRelationships(
    empty(),
    chartRels.map((c) => ({
      id: c.relId,
      type: relType("chart"),
      target: c.target,
      external: false,
    }))
  );
  pkg.set(relsPartOf(drawing), encode(drawingRels.text));
  // Our worksheet parts are written fresh, so the sheet's own relationships start empty too.
  const sheetRels = addRelationships(empty(), [
    {
      id: "rId1",
      type: relType("drawing"),
      target: `../drawings/${drawing.slice("xl/drawings/".length)}`,
      external: false,
    },
  ]);
  pkg.set(relsPartOf(sheetPart), encode(sheetRels.text));
  const withNs = /\sxmlns:r="/.test(
    sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet")))
  )
    ? sheetXml
    : sheetXml.replace(
        /<worksheet\b/,
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      );
  const at = AFTER_DRAWING.exec(withNs)?.index ?? withNs.length;
  return { xml: `${withNs.slice(0, at)}<drawing r:id="rId1"/>${withNs.slice(at)}`, parts };
}

/** The drawing relationship of a sheet when it holds only charts we drew; null otherwise. */
export function ourDrawingRel(pkg: Package, sheetPart: string): { part: string } | null {
  const rels = relationshipsOf(pkg, sheetPart);
  const drawing = rels.filter((r) => r.type.endsWith("/drawing"));
  if (drawing.length !== 1) return null;
  const rel = drawing[0] as (typeof drawing)[number];
  const xml = pkg.xml(rel.part)?.text ?? "";
  return isOurDrawing(xml) ? { part: rel.part } : null;
}

/** Removes our drawing of a sheet being replaced and its charts; returns the parts removed. */
export function removeSheetCharts(pkg: Package, sheetPart: string): string[] {
  const ours = ourDrawingRel(pkg, sheetPart);
  if (!ours) return [];
  const removed: string[] = [];
  for (const chart of relationshipsOf(pkg, ours.part)) {
    if (!chart.type.endsWith("/chart") || !pkg.has(chart.part)) continue;
    // Style and colour parts Excel adds beside a chart it saved.
    for (const r of relationshipsOf(pkg, chart.part))
      if (!r.external && pkg.has(r.part)) {
        pkg.remove(r.part);
        removed.push(r.part);
      }
    if (pkg.has(relsPartOf(chart.part))) pkg.remove(relsPartOf(chart.part));
    pkg.remove(chart.part);
    removed.push(chart.part);
  }
  if (pkg.has(relsPartOf(ours.part))) pkg.remove(relsPartOf(ours.part));
  pkg.remove(ours.part);
  removed.push(ours.part);
  return removed;
}
