/**
 * --map and --role (SPEC §9): one parser for check and assess, and the corrections saved like the pane's, but only
 * where --in-place or --out says: a reviewer's `check` never changes the file it reads.
 */
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs, parseOverrides } from "../../src/cli/args";
import { runAssess } from "../../src/cli/commands/assess";
import { runCheck } from "../../src/cli/commands/check";
import { main } from "../../src/cli/main";
import { planSampleWorkbook } from "../../src/core/samples";
import { readSettings } from "../../src/core/state";
import { writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";

let dir: string;
let sample: string;
let out: string;
let err: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scorecard-overrides-"));
  sample = join(dir, "sample.xlsx");
  await writePlanToNewFile(planSampleWorkbook(), sample);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  out = "";
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  err = "";
  jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});

function copy(name: string): string {
  const file = join(dir, name);
  copyFileSync(sample, file);
  return file;
}

interface Doc {
  sheets: { name: string; role: string; columns: Record<string, string> }[];
  issues: { code: string; severity: string }[];
}

const doc = (): Doc => JSON.parse(out) as Doc;

describe("--map and --role", () => {
  it("parse into the overrides the pane saves: column letters or header text, repeatable", () => {
    const parsed = parseArgs(
      "check",
      [
        "--role",
        "项目台账=other",
        "--map",
        "目标分解表!c=domestic_capital_cny",
        "--map=目标分解表!实际利用内资(亿元)=",
        "--role=考核规则=rules",
      ],
      { repeatable: ["map", "role"] }
    );
    expect(parseOverrides(parsed)).toEqual({
      roles: { 项目台账: "other", 考核规则: "rules" },
      columns: { 目标分解表: { C: "domestic_capital_cny", "实际利用内资(亿元)": "" } },
    });
  });

  it.each([
    ["a role that does not exist", ["--role", "项目台账=boss"], /--role/],
    ["a role without a sheet", ["--role", "=ledger"], /--role/],
    ["a mapping without a column", ["--map", "目标分解表=unit"], /--map/],
  ])("refuse %s with exit 2 in check and assess alike", async (_what, flags, pattern) => {
    for (const run of [runCheck, runAssess])
      await expect(run([sample, ...flags])).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(pattern),
      });
  });

  it("check applies them to its report and leaves the file byte for byte, saying they were not saved", async () => {
    const file = copy("reviewed.xlsx");
    const before = readFileSync(file);
    await runCheck([file, "--json", "--role", "项目台账=other", "--map", "目标分解表!C=ignore"]);
    expect(doc().sheets.find((s) => s.name === "项目台账")?.role).toBe("other");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(err).toMatch(/未保存.*--in-place.*not saved/s);
  });

  it("assess without --out or --in-place leaves the file byte for byte as well", async () => {
    const file = copy("printed.xlsx");
    const before = readFileSync(file);
    await runAssess([file, "--json", "--role", "项目台账=other"]);
    expect(doc().sheets.find((s) => s.name === "项目台账")?.role).toBe("other");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(err).toMatch(/not saved/);
  });

  it("check --out saves them in a copy; the input is untouched and a foreign file is not replaced", async () => {
    const file = copy("submitted.xlsx");
    const before = readFileSync(file);
    const corrected = join(dir, "corrected.xlsx");
    await runCheck([file, "--out", corrected, "--role", "项目台账=other"]);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readSettings(await readWorkbookFile(corrected)).overrides).toEqual({
      roles: { 项目台账: "other" },
    });
    expect(err).toContain(`saved in ${corrected}`);
    // A file the product did not write needs --force; the product's own copy may be replaced.
    const foreign = join(dir, "foreign.txt");
    writeFileSync(foreign, "notes");
    await expect(
      runCheck([file, "--out", foreign, "--role", "项目台账=other"])
    ).rejects.toMatchObject({
      exitCode: 2,
    });
    expect(readFileSync(foreign, "utf8")).toBe("notes");
    await runCheck([file, "--out", corrected, "--role", "考核规则=rules"]);
    expect(readSettings(await readWorkbookFile(corrected)).overrides).toEqual({
      roles: { 考核规则: "rules" },
    });
  });

  it.each([
    ["--in-place without corrections", ["--in-place"]],
    ["--out without corrections", ["--out", "x.xlsx"]],
    ["both --in-place and --out", ["--in-place", "--out", "x.xlsx", "--role", "项目台账=other"]],
  ])("check refuses %s with exit 2 and writes nothing", async (_what, flags) => {
    const file = copy("refused.xlsx");
    const before = readFileSync(file);
    await expect(runCheck([file, ...flags])).rejects.toMatchObject({ exitCode: 2 });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("check --in-place saves them in the workbook, and the next run (check or assess) agrees", async () => {
    const file = copy("checked.xlsx");
    const code = await runCheck([file, "--json", "--in-place", "--role", "项目台账=other"]);
    expect(err).toContain(`saved in ${file}`);
    expect(doc().sheets.find((s) => s.name === "项目台账")?.role).toBe("other");
    expect(readSettings(await readWorkbookFile(file)).overrides).toEqual({
      roles: { 项目台账: "other" },
    });
    out = "";
    expect(await runCheck([file, "--json"])).toBe(code);
    const again = doc();
    out = "";
    expect(await runAssess([file, "--json"])).toBe(code);
    const assessed = doc();
    expect(again.sheets.find((s) => s.name === "项目台账")?.role).toBe("other");
    expect(assessed.sheets).toEqual(again.sheets);
    expect(assessed.issues).toEqual(again.issues);
  });

  it("a column mapping by header text is saved and used; the user's other corrections stay", async () => {
    const file = copy("mapped.xlsx");
    await runCheck([file, "--in-place", "--role", "考核规则=rules"]);
    out = "";
    await runCheck([
      file,
      "--json",
      "--in-place",
      "--map",
      "目标分解表!实际利用外资(亿美元)=ignore",
    ]);
    expect(doc().sheets[0]?.columns).not.toHaveProperty("foreign_capital_usd");
    expect(readSettings(await readWorkbookFile(file)).overrides).toEqual({
      roles: { 考核规则: "rules" },
      columns: { 目标分解表: { "实际利用外资(亿美元)": "ignore" } },
    });
  });

  it("assess --out saves them in the output and leaves the input byte for byte", async () => {
    const file = copy("input.xlsx");
    const before = readFileSync(file);
    const result = join(dir, "result.xlsx");
    await runAssess([file, "--out", result, "--role", "项目台账=other"]);
    expect(readFileSync(file).equals(before)).toBe(true);
    const grid = await readWorkbookFile(result);
    expect(readSettings(grid).overrides).toEqual({ roles: { 项目台账: "other" } });
    expect(grid.sheets.map((s) => s.name)).toContain("考核排名");
  });
});

describe("check and assess never change their input without --out or --in-place", () => {
  /** Bytes, modification time and mode of the file, and what its folder holds. */
  function footprint(file: string) {
    const stat = statSync(file);
    return {
      bytes: readFileSync(file).toString("base64"),
      mtimeMs: stat.mtimeMs,
      mode: stat.mode,
      folder: readdirSync(dirname(file)).sort(),
    };
  }

  it.each([
    ["check", ["check"]],
    ["check --json", ["check", "--json"]],
    [
      "check with corrections",
      ["check", "--role", "项目台账=other", "--map", "目标分解表!C=ignore"],
    ],
    ["assess", ["assess"]],
    ["assess --json --as-of", ["assess", "--json", "--as-of", "2026-06-30"]],
    ["assess with corrections", ["assess", "--role", "项目台账=other"]],
  ])(
    "%s leaves the file and its folder as they were, an assessed workbook included",
    async (_what, [command, ...flags]) => {
      const folder = mkdtempSync(join(dir, "untouched-"));
      const plain = join(folder, "submitted.xlsx");
      copyFileSync(sample, plain);
      // A workbook the product already wrote: its sheets and state are not replaced by a run without a target.
      const assessed = join(folder, "assessed.xlsx");
      await runAssess([sample, "--out", assessed]);
      for (const file of [plain, assessed]) {
        const before = footprint(file);
        expect(await main([command as string, file, ...flags])).toBeLessThan(2);
        expect(footprint(file)).toEqual(before);
      }
    }
  );

  it("--help says so, in Chinese and English", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(out).toContain("check 和 assess 绝不改动输入文件");
    expect(out).toContain("check and assess never change the input file and save no workbook");
  });
});
