/** A sample of `npm run fuzz` (scripts/fuzz.ts) in the unit suite, and its findings as fixed regression cases. */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assessWorkbook } from "../../src/core/assess";
import { planOutputs } from "../../src/core/report";
import { STATE_SHEET_NAME } from "../../src/core/plan/product-sheets";
import { readWorkbookFile } from "../../src/workbook/exceljs/read-file";
import { createFileHost } from "../../src/workbook/exceljs/file-host";
import fc from "fast-check";
import { freshDir } from "../hostile/case";
import { runPipeline } from "./pipeline";
import { FUZZ_REGRESSIONS } from "./regressions";
import { fuzzXlsx, workbookArb, type FuzzWorkbook } from "./workbooks";
import { DEFAULT_SEED } from "../../scripts/fuzz";

let dir: string;
beforeAll(() => {
  dir = freshDir("fuzz-sample-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run fuzz, a sample", () => {
  it("read → assess → write → re-read: no exception, issues on real cells, competition ranks, sources kept", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, (workbook) => runPipeline(workbook, dir).then(() => undefined)),
      { numRuns: 20, seed: DEFAULT_SEED }
    );
  });
});

describe("fuzz findings, fixed as regression cases", () => {
  for (const r of FUZZ_REGRESSIONS) {
    const body = async (): Promise<void> => {
      await runPipeline(r.workbook, dir);
    };
    if (r.open) it.failing(`${r.title} [open: ${r.open}]`, body);
    else it(r.title, body);
  }
});

describe("the product's reserved state-sheet name", () => {
  // seed 20240614, case 5: a user's sheet named _scorecard_state is taken for the product's state sheet: hidden and
  // given the product's rows. Accepted (the name is reserved), as long as nothing of the user's is lost.
  it("a user's sheet named _scorecard_state keeps every row it held", async () => {
    const workbook: FuzzWorkbook = {
      asOf: "2024-03-31",
      sheets: [
        {
          name: STATE_SHEET_NAME,
          hidden: false,
          rows: [["我的数据", 1]],
          merges: [],
          formats: {},
        },
      ],
    };
    const input = join(dir, "state-name.xlsx");
    writeFileSync(input, await fuzzXlsx(workbook));
    const host = createFileHost(input);
    const assessment = assessWorkbook(await host.readGrid(), {
      asOf: workbook.asOf,
      now: new Date(),
    });
    const out = join(dir, "state-name.out.xlsx");
    await host.applyPlan(planOutputs(assessment, { now: new Date() }));
    await host.save(out);
    const back = await readWorkbookFile(out);
    const mine = back.sheets.filter((s) => s.rows.some((r) => r.includes("我的数据")));
    expect(mine).toHaveLength(1);
  });
});
