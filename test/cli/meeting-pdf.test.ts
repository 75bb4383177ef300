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
const texts = new Map<string, { layout: string; flow: string; pages: number }>();

function pdfText(path: string): { layout: string; flow: string; pages: number } {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return {
    layout: execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" }),
    flow: execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, ""),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
  };
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

  it("prints every figure (no ### from a column too narrow)", () => {
    for (const t of texts.values()) expect(t.layout).not.toContain("###");
    expect(texts.get("county")?.layout).toMatch(/60000\.00/);
  });

  it("shows rank changes within each group and 红黑榜 per group", () => {
    const grouped = texts.get("grouped");
    // 汉台区 leads 县区 after being 3rd there: ↑2 on its row, and in the notice.
    expect(grouped?.layout).toMatch(/1\s+汉台区.*↑2/);
    expect(grouped?.flow).toContain("汉台区较上季度上升2位");
    expect(grouped?.flow).toContain("县区：红榜汉台区；黑榜洋县。");
    expect(grouped?.flow).toContain("园区：红榜航空智慧新城；黑榜兴汉新区。");
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
