import * as fsp from "node:fs/promises";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { Interrupted } from "../../src/cli/interrupt";
import { planSampleWorkbook } from "../../src/core/samples";
import { writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { capture } from "./capture";

const root = mkdtempSync(join(tmpdir(), "scorecard-interrupt-"));
const sample = join(root, "sample.xlsx");
let sampleBytes: Buffer;
let n = 0;

beforeAll(async () => {
  await writePlanToNewFile(planSampleWorkbook(), sample);
  sampleBytes = readFileSync(sample);
});

/** A folder of its own holding a copy of the sample, so leftovers are easy to see. */
async function freshDir(): Promise<{ dir: string; input: string }> {
  const dir = join(root, `run-${n++}`);
  await fsp.mkdir(dir);
  const input = join(dir, "in.xlsx");
  await fsp.writeFile(input, sampleBytes);
  return { dir, input };
}

/** Aborts `controller` the moment a temporary output file starts being written: the run is inside the write. */
function abortWhenWriting(controller: AbortController): void {
  // The module object itself: an `import * as` namespace is a copy the code under test never calls through.
  const shared = jest.requireActual<typeof fsp>("node:fs/promises");
  const real = shared.writeFile;
  jest.spyOn(shared, "writeFile").mockImplementation((async (...args: Parameters<typeof real>) => {
    if (String(args[0]).endsWith(".tmp")) controller.abort(new Interrupted("SIGINT"));
    return real(...args);
  }) as typeof real);
}

function expectOneLine(err: string): void {
  expect(err.trimEnd().split("\n")).toHaveLength(1);
  expect(err).toContain("cancelled (SIGINT)");
}

describe("Ctrl-C", () => {
  it("before anything is read: exit 130, one line, no output", async () => {
    const io = capture();
    const { dir, input } = await freshDir();
    const controller = new AbortController();
    controller.abort(new Interrupted("SIGINT"));
    const out = join(dir, "out.xlsx");
    expect(await main(["assess", input, "--out", out], controller.signal)).toBe(130);
    expectOneLine(io.err());
    expect(io.out()).toBe("");
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("while the output is being written: no output file, no temporary file", async () => {
    const io = capture();
    const { dir, input } = await freshDir();
    const controller = new AbortController();
    abortWhenWriting(controller);
    const out = join(dir, "out.xlsx");
    expect(
      await main(["assess", input, "--as-of", "2008-01-31", "--out", out], controller.signal)
    ).toBe(130);
    expectOneLine(io.err());
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("while writing in place: the input keeps every byte", async () => {
    capture();
    const { dir, input } = await freshDir();
    const controller = new AbortController();
    abortWhenWriting(controller);
    expect(
      await main(["assess", input, "--as-of", "2008-01-31", "--in-place"], controller.signal)
    ).toBe(130);
    expect(readFileSync(input).equals(sampleBytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  it("the process's own SIGINT cancels the run and the handler is removed after it", async () => {
    const io = capture();
    const { dir, input } = await freshDir();
    const before = process.listenerCount("SIGINT");
    const run = main(["template", "--out", join(dir, "blank.xlsx")]);
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    process.emit("SIGINT", "SIGINT");
    expect(await run).toBe(130);
    expectOneLine(io.err());
    expect(existsSync(join(dir, "blank.xlsx"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
    expect(process.listenerCount("SIGINT")).toBe(before);
    void input;
  });

  it("SIGTERM exits 143", async () => {
    capture();
    const { dir, input } = await freshDir();
    const controller = new AbortController();
    controller.abort(new Interrupted("SIGTERM"));
    expect(await main(["check", input], controller.signal)).toBe(143);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });
});
