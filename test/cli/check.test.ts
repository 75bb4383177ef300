import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCheck } from "../../src/cli/commands/check";
import { buildXlsx } from "../fixtures/build-xlsx";
import { badLedger } from "../fixtures/layouts/ledgers";
import { seed001 } from "../fixtures/layouts/targets-basic";

let dir: string;
let out: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scorecard-check-"));
  writeFileSync(join(dir, "seed.xlsx"), await buildXlsx(seed001.sheets));
  writeFileSync(join(dir, "ledger.xlsx"), await buildXlsx(badLedger.sheets));
  writeFileSync(join(dir, "text.xlsx"), "这不是工作簿");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  out = "";
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
});

describe("scorecard check", () => {
  it("prints one JSON document with SPEC §9 field names and exits 0 on the clean seed 001 table", async () => {
    const code = await runCheck([join(dir, "seed.xlsx"), "--json", "--as-of", "2008-03-31"]);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { sheets: Record<string, unknown>[]; issues: unknown[] };
    expect(doc.issues).toEqual([]);
    expect(doc.sheets[0]).toMatchObject({
      name: "目标分解表",
      role: "targets",
      confidence: 1,
      headerRows: [3, 4],
      columns: { unit: "B", signed_industrial: "I" },
    });
  });

  it("exits 1 and lists every issue with its cell in both languages", async () => {
    const code = await runCheck([join(dir, "ledger.xlsx"), "--json", "--as-of", "2023-12-31"]);
    expect(code).toBe(1);
    const doc = JSON.parse(out) as {
      issues: {
        code: string;
        cell: string;
        message_zh: string;
        message_en: string;
        severity: string;
      }[];
    };
    expect(doc.issues.find((i) => i.code === "start_before_signing")).toMatchObject({
      cell: "H3",
      severity: "error",
      sheet: "项目台账",
    });
    for (const i of doc.issues) {
      expect(i.message_zh).toContain(i.cell);
      expect(i.message_en).toContain(i.cell);
    }
  });

  it("prints a readable summary without --json", async () => {
    await runCheck([join(dir, "ledger.xlsx"), "--as-of", "2023-12-31"]);
    expect(out).toContain("项目台账: 项目台账 / ledger");
    expect(out).toContain("start_before_signing");
  });

  it.each([
    ["a missing file", "nope.xlsx", /nope\.xlsx/],
    ["a file that is not an xlsx", "text.xlsx", /text\.xlsx/],
  ])("rejects %s with exit 2, naming the file", async (_what, name, pattern) => {
    await expect(runCheck([join(dir, name)])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(pattern),
    });
  });

  it("runs through the bin: exit 2 and a one-line message, no stack trace", () => {
    const bin = join(__dirname, "..", "..", "bin", "scorecard.cjs");
    const result = spawnSync(process.execPath, [bin, "check", join(dir, "missing.xlsx")], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing\.xlsx/);
    expect(result.stderr).not.toMatch(/\bat .*\(/);
  });
});
