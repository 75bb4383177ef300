/** --map and --role (SPEC §9): one parser for check and assess, and the corrections saved like the pane's. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, parseOverrides } from "../../src/cli/args";
import { runAssess } from "../../src/cli/commands/assess";
import { runCheck } from "../../src/cli/commands/check";
import { planSampleWorkbook } from "../../src/core/samples";
import { readSettings } from "../../src/core/state";
import { writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";

let dir: string;
let sample: string;
let out: string;

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
  jest.spyOn(process.stderr, "write").mockImplementation(() => true);
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

  it("check applies them, saves them in the workbook, and the next run (check or assess) agrees", async () => {
    const file = copy("checked.xlsx");
    const code = await runCheck([file, "--json", "--role", "项目台账=other"]);
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
    await runCheck([file, "--role", "考核规则=rules"]);
    out = "";
    await runCheck([file, "--json", "--map", "目标分解表!实际利用外资(亿美元)=ignore"]);
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
