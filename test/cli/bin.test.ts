/** The `scorecard` bin itself (the precompiled CLI, built on first use, in a new process); the commands are tested in-process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "scorecard-bin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bin/scorecard.cjs", () => {
  it("runs a command: exit 2 and a one-line message for a missing file, no stack trace", () => {
    const bin = join(__dirname, "..", "..", "bin", "scorecard.cjs");
    const result = spawnSync(process.execPath, [bin, "check", join(dir, "missing.xlsx")], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing\.xlsx/);
    expect(result.stderr).not.toMatch(/\bat .*\(/);
  });

  it("runs the precompiled CLI, built from the sources it lists (so an edit rebuilds it)", () => {
    const bin = join(__dirname, "..", "..", "bin", "scorecard.cjs");
    const result = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/scorecard assess/);
    // Where bin/cli-bundle.cjs keeps it: ignored by git, and gone with a fresh `npm ci`.
    const BUNDLE = join(
      __dirname,
      "..",
      "..",
      "node_modules",
      ".cache",
      "scorecard-cli",
      "scorecard.cjs"
    );
    const inputs = JSON.parse(readFileSync(join(BUNDLE, "..", "inputs.json"), "utf8")) as [
      string,
      number,
      number,
    ][];
    const files = inputs.map(([file]) => file);
    expect(files).toEqual(
      expect.arrayContaining(["src/cli/main.ts", "src/core/assess/assess-workbook.ts"])
    );
    expect(readFileSync(BUNDLE, "utf8")).toMatch(/function main\(/);
  });
});
