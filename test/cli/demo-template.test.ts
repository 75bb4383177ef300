import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadWorkbook } from "../../src/workbook/exceljs/file-io";
import { main } from "../../src/cli/main";
import { writeAssessedCopy } from "../../src/cli/commands/write-output";
import { planOutputs } from "../../src/core/report";
import { NOW, results } from "../core/report/builders";

function capture(): { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}

describe("scorecard template", () => {
  it("writes the blank workbook and refuses to overwrite without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-cli-"));
    const out = join(dir, "blank.xlsx");
    const io = capture();
    expect(await main(["template", "--out", out])).toBe(0);
    expect(io.out()).toContain(out);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["目标分解表", "完成情况表", "项目台账", "考核规则"]);
    expect(wb.getWorksheet("项目台账")?.getCell("H2").dataValidation?.type).toBe("list");
    expect(await main(["template", "--out", out])).toBe(2);
    expect(io.err()).toMatch(/file exists.*blank\.xlsx/);
    expect(await main(["template", "--out", out, "--force"])).toBe(0);
  });

  it("rejects unknown options with exit 2", async () => {
    const io = capture();
    expect(await main(["template", "--bogus"])).toBe(2);
    expect(io.err()).toContain("--bogus");
  });
});

describe("scorecard demo", () => {
  it("writes the sample workbook into the folder given", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "scorecard-cli-")), "nested");
    const io = capture();
    expect(await main(["demo", "--out", dir])).toBe(0);
    expect(io.out()).toContain(join(dir, "sample.xlsx"));
    const wb = await loadWorkbook(join(dir, "sample.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(["目标分解表", "完成情况表", "项目台账"]);
    expect(wb.getWorksheet("目标分解表")?.getCell("C5").value).toBe(14);
  }, 30_000);
});

describe("writeAssessedCopy", () => {
  it("writes a new file, leaves the input untouched and refuses to overwrite it without --in-place", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-cli-"));
    const input = join(dir, "in.xlsx");
    capture();
    expect(await main(["template", "--out", input])).toBe(0);
    const plan = planOutputs({ results: results(), issues: [] }, { now: NOW });
    const { path } = await writeAssessedCopy(input, { outPath: join(dir, "out.xlsx") }, plan);
    expect((await loadWorkbook(path)).worksheets.map((w) => w.name)).toContain("考核排名");
    expect((await loadWorkbook(input)).worksheets.map((w) => w.name)).not.toContain("考核排名");
    await expect(writeAssessedCopy(input, { outPath: input }, plan)).rejects.toThrow(/--in-place/);
    await writeAssessedCopy(input, { inPlace: true }, plan);
    expect((await loadWorkbook(input)).worksheets.map((w) => w.name)).toContain("考核排名");
  });

  it("names an unreadable input and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-cli-"));
    writeFileSync(join(dir, "bad.xlsx"), "nope");
    const plan = planOutputs({ results: null, issues: [] }, { now: NOW });
    await expect(writeAssessedCopy(join(dir, "bad.xlsx"), { outPath: join(dir, "o.xlsx") }, plan)).rejects.toThrow(/bad\.xlsx/);
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });
});
