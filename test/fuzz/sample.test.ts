/**
 * A few cases of `npm run fuzz` in the unit suite (`npm test`), so a change that breaks the file path is caught
 * before the integration suite's larger sample (pipeline.test.ts) and the full run (scripts/fuzz.ts).
 */
import { rmSync } from "node:fs";
import fc from "fast-check";
import { DEFAULT_SEED } from "../../scripts/fuzz";
import { freshDir } from "../hostile/case";
import { runPipeline } from "./pipeline";
import { workbookArb } from "./workbooks";

let dir: string;
beforeAll(() => {
  dir = freshDir("fuzz-unit-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("npm run fuzz, five cases: read → assess → write → re-read hold every invariant", async () => {
  let ran = 0;
  await fc.assert(
    fc.asyncProperty(workbookArb, async (workbook) => {
      await runPipeline(workbook, dir);
      ran++;
    }),
    // Another seed than the integration sample's, so the two see different workbooks.
    { numRuns: 5, seed: DEFAULT_SEED + 1 }
  );
  expect(ran).toBe(5);
});
