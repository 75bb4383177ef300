/** The 图表 sheet's native charts in the written package: well-formed parts, wired up, replaced on a re-run. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { main } from "../../../src/cli/main";
import { isOurDrawing } from "../../../src/workbook/xlsx-package/chart-xml";
import { packageShowingOnly } from "../../../src/workbook/xlsx-package";
import { buildXlsx } from "../../fixtures/build-xlsx";
import { groupedQuarterlySheets } from "../../fixtures/meeting/meeting-workbooks";
import { capture } from "../../cli/capture";
import { partText, partsOf } from "./package-parts";

const dir = mkdtempSync(join(tmpdir(), "scorecard-charts-"));
const input = join(dir, "grouped.xlsx");
const out = join(dir, "assessed.xlsx");

function wellFormed(xml: string): boolean {
  let bad = false;
  const onError = () => {
    bad = true;
  };
  new DOMParser({ onError }).parseFromString(xml, "text/xml");
  return !bad;
}

beforeAll(async () => {
  writeFileSync(input, await buildXlsx(groupedQuarterlySheets()));
  capture();
  expect(await main(["assess", input, "--out", out])).toBe(0);
});

afterAll(() => jest.restoreAllMocks());

describe("图表 in the written package", () => {
  it("adds a drawing with two charts to the 图表 sheet, every part declared and well formed", () => {
    const bytes = new Uint8Array(readFileSync(out));
    const names = [...partsOf(bytes).keys()];
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const types = partText(bytes, "[Content_Types].xml");
    for (const part of [...charts, "xl/drawings/drawing1.xml"]) {
      expect(types).toContain(`PartName="/${part}"`);
      expect(wellFormed(partText(bytes, part))).toBe(true);
    }
    const drawing = partText(bytes, "xl/drawings/drawing1.xml");
    expect(isOurDrawing(drawing)).toBe(true);
    const chart = partText(bytes, charts[0] as string);
    // Scores by unit, coloured by status, with the 序时进度 line; cached values so viewers draw at once.
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain("'图表'!$B$4:$B$13");
    expect(chart).toContain("<c:v>市商务局</c:v>");
    expect(chart).toContain("<c:v>68.75</c:v>");
    // The sheet refers to its drawing, after the page setup as the schema orders it.
    const sheetRels = names.filter((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n));
    expect(sheetRels).toHaveLength(1);
    const sheetPart = (sheetRels[0] as string).replace("_rels/", "").replace(/\.rels$/, "");
    const sheet = partText(bytes, sheetPart);
    expect(sheet).toMatch(/<pageSetup[^>]*\/>.*<drawing r:id="rId1"\/>.*<\/worksheet>/s);
    expect(wellFormed(sheet)).toBe(true);
  });

  it("replaces the charts on a re-run instead of adding a second 图表", async () => {
    const again = join(dir, "again.xlsx");
    writeFileSync(again, readFileSync(out));
    capture();
    expect(await main(["assess", again, "--in-place"])).toBe(0);
    const bytes = new Uint8Array(readFileSync(again));
    const names = [...partsOf(bytes).keys()];
    expect(names.filter((n) => n.startsWith("xl/charts/"))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith("xl/drawings/") && n.endsWith(".xml"))).toHaveLength(1);
    const workbook = partText(bytes, "xl/workbook.xml");
    expect(workbook).toContain('name="图表"');
    expect(workbook).not.toContain("图表 (2)");
    const types = partText(bytes, "[Content_Types].xml");
    for (const n of names.filter((x) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(x)))
      expect(types).toContain(`PartName="/${n}"`);
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(2);
  });

  it("prints only the meeting sheets, the first of them active", () => {
    const bytes = packageShowingOnly(new Uint8Array(readFileSync(out)), [
      "考核排名",
      "通报稿",
      "图表",
    ]);
    const workbook = partText(bytes, "xl/workbook.xml");
    expect(workbook).toMatch(/name="目标任务"[^>]*state="hidden"/);
    expect(workbook).toMatch(/name="校验结果"[^>]*state="hidden"/);
    expect(workbook).not.toMatch(/name="考核排名"[^>]*state=/);
    expect(workbook).toContain('<workbookView activeTab="2" firstSheet="2"/>');
  });
});
