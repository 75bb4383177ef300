import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { formatAssessmentText } from "../../src/cli/commands/assess";
import { assessWorkbook } from "../../src/core/assess";
import { displayWidth } from "../../src/core/plan/text-width";
import { planSampleWorkbook } from "../../src/core/samples";
import { loadWorkbook, writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { gridFromPlan } from "../core/assess/grid";
import { capture } from "./capture";

const dir = mkdtempSync(join(tmpdir(), "scorecard-assess-"));
const sample = join(dir, "sample.xlsx");

beforeAll(async () => {
  await writePlanToNewFile(planSampleWorkbook(), sample);
});

describe("scorecard assess", () => {
  it("--json prints one SPEC §9 document and exits 0 without error issues", async () => {
    const io = capture();
    expect(await main(["assess", sample, "--json", "--as-of", "2008-01-31"])).toBe(0);
    const json = JSON.parse(io.out()) as {
      sheets: unknown[];
      issues: unknown[];
      results: { period: { asOf: string; timeProgress: number }; units: { rank: number }[] };
    };
    expect(Object.keys(json)).toEqual(["complete", "sheets", "pairings", "issues", "results"]);
    expect(json.results.period.asOf).toBe("2008-01-31");
    expect(json.results.units.map((u) => u.rank)[0]).toBe(1);
    expect(json.results.units).toHaveLength(14);
  });

  it("prints an aligned ranking table by default", async () => {
    const io = capture();
    expect(await main(["assess", sample, "--as-of", "2008-01-31"])).toBe(0);
    const lines = io.out().split("\n");
    const head = lines.findIndex((l) => l.startsWith("排名"));
    const table = lines.slice(head, head + 15);
    expect(table).toHaveLength(15);
    // Every row of the table has the same display width (CJK counts two columns).
    expect(new Set(table.map((l) => displayWidth(l.trimEnd()))).size).toBeLessThanOrEqual(2);
    expect(io.out()).toContain("序时进度 77.8%");
  });

  it("--out writes the assessed copy with ranking, issues and state sheets", async () => {
    const io = capture();
    const out = join(dir, "out.xlsx");
    expect(await main(["assess", sample, "--as-of", "2008-01-31", "--out", out])).toBe(0);
    expect(io.out()).toContain(out);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["目标分解表", "考核规则", "考核排名", "校验结果", "_scorecard_state"])
    );
  });

  it("--rules applies a partial override and explains a bad one (exit 2)", async () => {
    const good = join(dir, "rules.json");
    writeFileSync(good, JSON.stringify({ method: "threshold" }));
    let io = capture();
    expect(await main(["assess", sample, "--json", "--rules", good])).toBe(0);
    expect((JSON.parse(io.out()) as { results: { method: string } }).results.method).toBe(
      "threshold"
    );
    jest.restoreAllMocks();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ cap: "high" }));
    io = capture();
    expect(await main(["assess", sample, "--rules", bad])).toBe(2);
    expect(io.err()).toMatch(/invalid rules in .*bad\.json:\n {2}- cap: /);
  });

  it.each([
    [["assess"], /missing input file/],
    [["assess", "a.xlsx", "b.xlsx"], /unexpected argument b\.xlsx/],
    [["assess", "x.xlsx", "--as-of", "2008-02-30"], /valid date/],
    [["assess", "x.xlsx", "--out", "y.xlsx", "--in-place"], /either --out or --in-place/],
    [["assess", "x.xlsx", "--bogus"], /unknown option --bogus/],
    [["assess", "/nonexistent/book.xlsx"], /book\.xlsx/],
  ])("bad usage or unreadable file %j → exit 2 with a clear message", async (args, message) => {
    const io = capture();
    expect(await main(args)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it("exits 1 when the workbook has error issues", async () => {
    const notXlsxTargets = join(dir, "blank.xlsx");
    await writePlanToNewFile(
      {
        sheets: [
          {
            ...planSampleWorkbook().sheets[0]!,
            name: "Sheet1",
            values: [["hello"]],
            merges: [],
            styles: [],
            validations: [],
          },
        ],
      },
      notXlsxTargets
    );
    const io = capture();
    expect(await main(["assess", notXlsxTargets])).toBe(1);
    expect(io.out()).toContain("no targets sheet");
  });

  it("formats issues under the ranking with their cells", () => {
    const a = assessWorkbook(gridFromPlan(planSampleWorkbook()), {
      asOf: "2008-01-31",
      now: new Date("2008-02-01T00:00:00Z"),
    });
    const withIssue = {
      ...a,
      issues: [
        {
          code: "zero_target" as const,
          severity: "warning" as const,
          sheet: "目标分解表",
          cell: "C5",
          row: 5,
          message_zh: "目标为0",
          message_en: "zero",
        },
      ],
    };
    expect(formatAssessmentText(withIssue, "x.xlsx")).toContain("  [警告] 目标分解表!C5  目标为0");
  });
});
