/**
 * `scorecard assess --pdf` on the two meeting workbooks, printed by LibreOffice and read back with pdftotext.
 * The one slow LibreOffice test of the meeting pack (an integration test, jest.suites.js): both conversions run
 * once, in beforeAll.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { findSoffice } from "../../src/cli/commands/meeting-pdf";
import { buildXlsx } from "../fixtures/build-xlsx";
import { countyMonthlySheets, groupedQuarterlySheets } from "../fixtures/meeting/meeting-workbooks";
import { capture } from "./capture";

const dir = mkdtempSync(join(tmpdir(), "scorecard-pdf-"));
interface PdfText {
  readonly layout: string;
  readonly flow: string;
  readonly pages: number;
  /** Words printed over other words ("page: a × b"): a row too short for its wrapped text. */
  readonly overprinted: string[];
}
const texts = new Map<string, PdfText>();

function pdfText(path: string): PdfText {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return {
    layout: execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" }),
    flow: execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, ""),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
    overprinted: overprintedWords(
      execFileSync("pdftotext", ["-bbox", path, "-"], { encoding: "utf8" })
    ),
  };
}

/** Pairs of words whose boxes cross by more than a hair sideways and a third of a line's height. */
function overprintedWords(bboxHtml: string): string[] {
  const found: string[] = [];
  bboxHtml
    .split("<page ")
    .slice(1)
    .forEach((page, p) => {
      const words = [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g
        ),
      ].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5] ?? "",
      }));
      words.forEach((a, i) => {
        for (const b of words.slice(i + 1)) {
          const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          if (across > 1 && down > Math.min(a.y1 - a.y0, b.y1 - b.y0) * 0.3)
            found.push(`page ${p + 1}: ${a.text} × ${b.text}`);
        }
      });
    });
  return found;
}

beforeAll(async () => {
  expect(findSoffice()).not.toBeNull();
  for (const [name, sheets] of [
    ["county", countyMonthlySheets()],
    ["grouped", groupedQuarterlySheets()],
  ] as const) {
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, await buildXlsx(sheets));
    const io = capture();
    expect(
      await main(["assess", input, "--out", join(dir, `${name}-assessed.xlsx`), "--pdf"])
    ).toBe(0);
    expect(io.out()).toContain(`meeting pack PDF: ${join(dir, `${name}-assessed.pdf`)}`);
    jest.restoreAllMocks();
    texts.set(name, pdfText(join(dir, `${name}-assessed.pdf`)));
  }
});

describe("the meeting pack PDF", () => {
  it("holds 考核排名, 通报稿 and 图表, one page each, and nothing else", () => {
    for (const t of texts.values()) {
      expect(t.pages).toBe(3);
      expect(t.flow).not.toContain("目标任务分解表");
      expect(t.flow).not.toContain("校验结果");
    }
  });

  it("is titled from the workbook and the period", () => {
    const county = texts.get("county")?.flow ?? "";
    expect(county).toContain("清河县2024年1-8月招商引资考核排名");
    expect(county).toContain("清河县2024年1-8月招商引资考核情况通报");
    expect(county).toContain("清河县2024年1-8月招商引资考核图表");
    expect(texts.get("grouped")?.flow).toContain("汉中市2024年1-6月招商引资考核排名");
  });

  it("prints every figure (no ### from a column too narrow) and no text over other text", () => {
    for (const t of texts.values()) {
      expect(t.layout).not.toContain("###");
      expect(t.overprinted).toEqual([]);
    }
    expect(texts.get("county")?.layout).toMatch(/60000\.00/);
  });

  it("shows rank changes within each group and 红黑榜 per group", () => {
    const grouped = texts.get("grouped");
    // 汉台区 leads 县区 after being 3rd there: ↑2 on its row, and in the notice.
    expect(grouped?.layout).toMatch(/1\s+汉台区.*↑2/);
    expect(grouped?.flow).toContain("汉台区较上季度上升2位");
    expect(grouped?.flow).toContain("县区：红榜汉台区；黑榜洋县。");
    expect(grouped?.flow).toContain("园区：红榜航空智慧新城；黑榜兴汉新区。");
    // Each 类别 where the workbook lists it, in the table, the notice and the chart's table.
    const flow = grouped?.flow ?? "";
    const order = (...marks: string[]) => marks.map((m) => flow.indexOf(m));
    for (const marks of [
      ["县区（4个）", "园区（3个）", "部门（3个）"],
      ["（一）县区", "（二）园区", "（三）部门"],
      ["县区：红榜", "园区：红榜", "部门：红榜"],
    ]) {
      const at = order(...marks);
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
    }
    expect(grouped?.layout).toMatch(/组内排名\s+单位\s+类别\s+总分/);
  });

  it("writes money in 亿元/万元 and quotes 同比", () => {
    const county = texts.get("county")?.flow ?? "";
    expect(county).toContain("实际到位资金18.60亿元，完成目标26.00亿元的71.5%，同比增长19.2%");
    expect(county).toContain("签约亿元以上项目42个，完成目标56个的75.0%，同比增长27.3%");
    expect(county).toContain("谢炉镇较上月上升2位");
    expect(texts.get("grouped")?.flow).toContain("到位资金97.37亿元");
  });
});

describe("--pdf without LibreOffice", () => {
  it("says so in both languages and writes nothing", async () => {
    const input = join(dir, "county.xlsx");
    const before = process.env["SCORECARD_SOFFICE"];
    process.env["SCORECARD_SOFFICE"] = join(dir, "no-such-soffice");
    const io = capture();
    try {
      expect(await main(["assess", input, "--out", join(dir, "nothing.xlsx"), "--pdf"])).toBe(2);
    } finally {
      if (before === undefined) delete process.env["SCORECARD_SOFFICE"];
      else process.env["SCORECARD_SOFFICE"] = before;
    }
    expect(io.err()).toContain("未找到 LibreOffice（soffice）");
    expect(io.err()).toContain("LibreOffice (soffice) was not found");
    expect(() => execFileSync("ls", [join(dir, "nothing.xlsx")], { stdio: "ignore" })).toThrow();
  });
});
