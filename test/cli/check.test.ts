import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runAssess } from "../../src/cli/commands/assess";
import { runCheck } from "../../src/cli/commands/check";
import { planSampleWorkbook } from "../../src/core/samples";
import { writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
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
  await writePlanToNewFile(planSampleWorkbook(), join(dir, "sample.xlsx"));
  // The sample with one 签约日期 after its rules sheet's as-of date (2008-01-31), inside the period.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "sample.xlsx"));
  wb.getWorksheet("项目台账")!.getCell("I2").value = new Date(Date.UTC(2008, 1, 20));
  await wb.xlsx.writeFile(join(dir, "late.xlsx"));
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
  it("prints one JSON document with SPEC §9 field names and exits 0 on a clean workbook", async () => {
    const code = await runCheck([join(dir, "sample.xlsx"), "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as {
      sheets: Record<string, unknown>[];
      issues: { severity: string }[];
    };
    expect(doc.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(Object.keys(doc)).toEqual(["sheets", "pairings", "issues"]);
  });

  it("names the seed 001 table's columns by their stable keys", async () => {
    await runCheck([join(dir, "seed.xlsx"), "--json", "--as-of", "2008-03-31"]);
    const doc = JSON.parse(out) as { sheets: Record<string, unknown>[] };
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
    // Every cell-level finding names its cell (sheet-level ones, such as a missing targets sheet, do not).
    for (const i of doc.issues.filter((x) => x.cell !== "A1")) {
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

  it("takes the workbook's as-of date exactly as assess does: same issues, same exit code", async () => {
    const file = join(dir, "late.xlsx");
    const checked = await runCheck([file, "--json"]);
    const checkDoc = JSON.parse(out) as { issues: { code: string; cell: string }[] };
    out = "";
    const assessed = await runAssess([file, "--json"]);
    const assessDoc = JSON.parse(out) as { issues: unknown[] };
    // Signed after the workbook's as-of date (2008-01-31), so not counted: check used to judge it by today.
    expect(checkDoc.issues).toContainEqual(
      expect.objectContaining({ code: "outside_period_rows", sheet: "项目台账", cell: "I2" })
    );
    expect(checkDoc.issues).toEqual(assessDoc.issues);
    expect(checked).toBe(assessed);
  });

  it.each([["check"], ["assess"]])(
    "%s refuses an impossible --as-of (2023-02-30) with exit 2",
    async (command) => {
      const run = command === "check" ? runCheck : runAssess;
      await expect(run([join(dir, "sample.xlsx"), "--as-of", "2023-02-30"])).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining("2023-02-30"),
      });
    }
  );
});
