/**
 * SPEC §9 as a script sees it: bad usage is said on stderr with exit 2 and nothing on stdout; help asked for is
 * the output (exit 0); a correction naming a sheet the workbook lacks is bad usage, not a run that ignores it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { planSampleWorkbook } from "../../src/core/samples";
import { writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { capture } from "./capture";

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scorecard-contract-"));
  sample = join(dir, "sample.xlsx");
  await writePlanToNewFile(planSampleWorkbook(), sample);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => jest.restoreAllMocks());

describe("usage", () => {
  it("no command at all is bad usage: the usage goes to stderr, stdout stays empty, exit 2", async () => {
    const io = capture();
    expect(await main([])).toBe(2);
    expect(io.out()).toBe("");
    expect(io.err()).toContain("scorecard assess <in.xlsx>");
  });

  it("--help after a command prints the usage on stdout and exits 0", async () => {
    for (const args of [
      ["check", sample, "--help"],
      ["assess", "-h"],
      ["merge", "--help"],
    ]) {
      const io = capture();
      expect(await main(args)).toBe(0);
      expect(io.out()).toContain("scorecard check  <in.xlsx>");
      expect(io.err()).toBe("");
      jest.restoreAllMocks();
    }
  });

  it("a file named help is still a file", async () => {
    const io = capture();
    expect(await main(["check", join(dir, "help")])).toBe(2);
    expect(io.err()).toMatch(/cannot read .*help: .*file not found/);
  });
});

describe("--map and --role name the workbook's own sheets", () => {
  it.each([
    ["check", "--role", "目标分解表x=targets"],
    ["check", "--map", "目标表!C=unit"],
    ["assess", "--role", "Sheet1=ledger"],
    ["assess", "--map", "完成情况!B=unit"],
  ])(
    "%s %s %s: exit 2, naming the sheet and the workbook's sheets",
    async (command, flag, value) => {
      const io = capture();
      expect(await main([command, sample, "--json", flag, value])).toBe(2);
      const missing = value.slice(0, value.search(/[!=]/));
      expect(io.err()).toContain(`no worksheet named "${missing}"`);
      expect(io.err()).toContain('"目标分解表", "完成情况表"');
      expect(io.out()).toBe("");
    }
  );

  it("a sheet the workbook has is accepted (exit 0 on the sample)", async () => {
    const io = capture();
    expect(
      await main([
        "check",
        sample,
        "--json",
        "--role",
        "目标分解表=targets",
        "--map",
        "目标分解表!B=unit",
      ])
    ).toBe(0);
    expect(JSON.parse(io.out()).sheets[0].columns.unit).toBe("B");
  });

  it("nothing is saved when a sheet is wrong, even with --out", async () => {
    const io = capture();
    const out = join(dir, "corrected.xlsx");
    expect(await main(["check", sample, "--role", "nope=targets", "--out", out])).toBe(2);
    expect(io.err()).toContain('no worksheet named "nope"');
    expect(() => rmSync(out)).toThrow();
  });
});

describe("--rules", () => {
  it("a misspelt key is bad usage (exit 2) naming it, not a run with the default in force", async () => {
    const rules = join(dir, "rules.json");
    writeFileSync(rules, JSON.stringify({ metod: "threshold" }));
    const io = capture();
    expect(await main(["assess", sample, "--json", "--rules", rules])).toBe(2);
    expect(io.err()).toMatch(/invalid rules in .*rules\.json:\n {2}- metod: .*unknown rule key/);
    expect(io.out()).toBe("");
  });
});

describe("an output path that cannot be written", () => {
  it("says a folder on the way is a file, not a raw system error", async () => {
    const file = join(dir, "plain-file");
    writeFileSync(file, "x");
    const io = capture();
    expect(await main(["assess", sample, "--out", join(file, "out.xlsx")])).toBe(2);
    expect(io.err()).toMatch(/cannot write .*out\.xlsx: .*a part of the path is not a folder/);
    expect(io.err()).not.toMatch(/EEXIST|ENOTDIR/);
    expect(io.out()).toBe("");
  });
});
