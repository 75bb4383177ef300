/** A sample of `npm run fuzz` (scripts/fuzz.ts) in the unit suite, and its findings as fixed regression cases. */
import { rmSync } from "node:fs";
import fc from "fast-check";
import { freshDir } from "../hostile/case";
import { runPipeline } from "./pipeline";
import { FUZZ_REGRESSIONS } from "./regressions";
import { workbookArb } from "./workbooks";
import { DEFAULT_SEED } from "../../scripts/fuzz";

let dir: string;
beforeAll(() => {
  dir = freshDir("fuzz-sample-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run fuzz, a sample", () => {
  it("reader and engine: no exception, issues on real cells, competition ranks", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, (workbook) =>
        runPipeline(workbook, dir, { write: false }).then(() => undefined)
      ),
      { numRuns: 30, seed: DEFAULT_SEED }
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
