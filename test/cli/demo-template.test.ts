import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assessWorkbook } from "../../src/core/assess";
import {
  SEED_001_UNITS,
  generateSampleData,
  planSampleWorkbook,
  planUnitSubmission,
} from "../../src/core/samples";
import { loadWorkbook, writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { main } from "../../src/cli/main";
import { capture } from "./capture";

describe("scorecard template", () => {
  it("writes the blank workbook, rewrites its own, and replaces a file of the user's only with --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-cli-"));
    const out = join(dir, "blank.xlsx");
    const io = capture();
    expect(await main(["template", "--out", out])).toBe(0);
    expect(io.out()).toContain(out);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "目标分解表",
      "完成情况表",
      "项目台账",
      "考核规则",
    ]);
    expect(wb.getWorksheet("项目台账")?.getCell("H2").dataValidation?.type).toBe("list");
    // SPEC §9: --out never overwrites a file the product did not write unless --force; its own blank is rewritten.
    expect(await main(["template", "--out", out])).toBe(0);
    const users = join(dir, "mine.xlsx");
    writeFileSync(users, "the user's own file");
    expect(await main(["template", "--out", users])).toBe(2);
    expect(io.err()).toMatch(/mine\.xlsx exists and was not written by this tool.*--force/);
    expect(readFileSync(users, "utf8")).toBe("the user's own file");
    expect(await main(["template", "--out", users, "--force"])).toBe(0);
    expect((await loadWorkbook(users)).worksheets).toHaveLength(4);
  });

  it("rejects unknown options with exit 2", async () => {
    const io = capture();
    expect(await main(["template", "--bogus"])).toBe(2);
    expect(io.err()).toContain("--bogus");
  });
});

describe("scorecard demo", () => {
  it("writes the sample and its assessed copy into the folder given and prints the ranking", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "scorecard-cli-")), "nested");
    const io = capture();
    expect(await main(["demo", "--out", dir])).toBe(0);
    expect(io.out()).toContain(join(dir, "sample.xlsx"));
    expect(io.out()).toContain(join(dir, "sample.assessed.xlsx"));
    expect(io.out()).toMatch(/排名\s+单位\s+总分/);
    const assessed = await loadWorkbook(join(dir, "sample.assessed.xlsx"));
    expect(assessed.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "目标分解表",
        "考核规则",
        "考核排名",
        "校验结果",
        "通报稿",
        "_scorecard_state",
      ])
    );
    const wb = await loadWorkbook(join(dir, "sample.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual([
      "目标分解表",
      "完成情况表",
      "项目台账",
    ]);
    expect(wb.getWorksheet("目标分解表")?.getCell("C5").value).toBe(14);
  });
});

describe("scorecard demo in a folder of the user's", () => {
  it("replaces the demo's own files but never a sample.xlsx of the user's without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-cli-"));
    const io = capture();
    expect(await main(["demo", "--out", dir])).toBe(0);
    expect(await main(["demo", "--out", dir])).toBe(0);
    writeFileSync(join(dir, "sample.assessed.xlsx"), "the user's own file");
    expect(await main(["demo", "--out", dir])).toBe(2);
    expect(io.err()).toMatch(/sample\.assessed\.xlsx exists and was not written by this tool/);
    expect(readFileSync(join(dir, "sample.assessed.xlsx"), "utf8")).toBe("the user's own file");
    expect(await main(["demo", "--out", dir, "--force"])).toBe(0);
    expect(
      (await loadWorkbook(join(dir, "sample.assessed.xlsx"))).worksheets.length
    ).toBeGreaterThan(4);
  });
});

describe("scorecard merge", () => {
  it("merges a bureau workbook and three unit submissions into one that ranks like the combined sample", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-merge-"));
    const sample = planSampleWorkbook();
    const data = generateSampleData();
    await writePlanToNewFile(
      { sheets: sample.sheets.filter((s) => s.name === "目标分解表" || s.name === "考核规则") },
      join(dir, "bureau.xlsx")
    );
    const inputs = [join(dir, "bureau.xlsx")];
    for (const group of ["开发区", "城区", "县市"]) {
      const units = SEED_001_UNITS.filter((u) => u.group === group).map((u) => u.unit);
      inputs.push(join(dir, `${group}.xlsx`));
      await writePlanToNewFile(planUnitSubmission(data, units), join(dir, `${group}.xlsx`));
    }
    await writePlanToNewFile(sample, join(dir, "combined.xlsx"));
    const io = capture();
    expect(await main(["merge", ...inputs, "--out", join(dir, "merged.xlsx")])).toBe(0);
    expect(io.out()).toContain("merged.xlsx");
    const now = new Date(Date.UTC(2008, 1, 3));
    const rank = async (file: string) => {
      const a = assessWorkbook(await readWorkbookFile(join(dir, file)), {
        asOf: "2008-01-31",
        now,
      });
      return a.results?.units.map((u) => [u.unit, u.rank, u.score]);
    };
    const combined = await rank("combined.xlsx");
    expect(combined).toHaveLength(14);
    expect(await rank("merged.xlsx")).toEqual(combined);
  });

  it("needs --out and readable inputs", async () => {
    const io = capture();
    expect(await main(["merge", "a.xlsx"])).toBe(2);
    expect(io.err()).toContain("--out");
    expect(await main(["merge", "/nonexistent/a.xlsx", "--out", join(tmpdir(), "m.xlsx")])).toBe(2);
    expect(io.err()).toMatch(/a\.xlsx/);
  });
});
