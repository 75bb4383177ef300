/**
 * A report written by a script (openpyxl) stores its formulas without results: VLOOKUP into another sheet,
 * INDEX/MATCH filled down as a shared formula (clones with no text), 完成率 over a lookup, =DATE(...) in a date
 * cell. Both readers evaluate them alike, and the assessment scores the figures they come to.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookGrid } from "../../../src/core/grid";
import { assessWorkbook } from "../../../src/core/assess";
import { readWorkbookFile, readWorkbookFileDom } from "../../../src/workbook/exceljs/read-file";
import { streamWorkbookFile } from "../../../src/workbook/exceljs/read-stream";
import { featurePython } from "../../fixtures/features";

const SCRIPT = join(__dirname, "..", "..", "fixtures", "formulas", "make_formulas.py");
const python = featurePython();
const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

let dir: string;
let path: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "read-formulas-"));
  path = join(dir, "openpyxl-formulas.xlsx");
  if (python) {
    const run = spawnSync(python, [SCRIPT, path], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// CI installs python3-openpyxl (scripts/install-system-deps.sh); a machine without it skips, as the feature corpus does.
const withPython = python ? it : it.skip;

describe("an openpyxl report whose formulas have no cached results", () => {
  withPython(
    "both readers evaluate the lookups, the shared clones and the dates alike",
    async () => {
      const grids = [
        await streamWorkbookFile(path),
        await readWorkbookFileDom(path),
      ] as WorkbookGrid[];
      for (const grid of grids) {
        const sheet = grid.sheets.find((s) => s.name === "完成情况");
        expect(sheet?.rows.slice(2)).toEqual([
          [1, "高新区", 9, 27, 0.9, d("2024-09-30")],
          [2, "经开区", 4, 25, 1, d("2024-09-30")],
          [3, "城东区", 8, 12.5, 0.625, d("2024-09-30")],
          [4, "城西区", 3, 9.5, 0.5278, d("2024-09-30")],
        ]);
      }
    }
  );

  withPython("the assessment rates each unit on the figures the formulas come to", async () => {
    const grid = await readWorkbookFile(path);
    const { results } = assessWorkbook(grid, { asOf: "2024-09-30", now: d("2024-10-08") });
    const rates = Object.fromEntries(
      (results?.units ?? []).map((u) => [
        u.unit,
        Object.values(u.indicators).map((i) => i?.actual ?? null),
      ])
    );
    expect(rates).toEqual({
      高新区: [9, 27],
      经开区: [4, 25],
      城东区: [8, 12.5],
      城西区: [3, 9.5],
    });
  });
});
