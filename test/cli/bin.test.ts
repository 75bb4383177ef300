/** The `scorecard` bin itself (the precompiled CLI, built on first use, in a new process); the commands are tested in-process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
});
