/** SECURITY.md lists exactly the hostile cases that run (regenerate with `npx tsx scripts/hostile-table.ts`). */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HOSTILE_CASES } from "./cases";
import { securityTable, TABLE_END, TABLE_START } from "./security-table";

/** The table's cells, row by row: Prettier pads the columns of the file, the generator does not. */
const tableCells = (markdown: string): string[][] =>
  markdown
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.replace(/\s+/g, " ").trim())
    );

describe("SECURITY.md", () => {
  const text = readFileSync(join(__dirname, "..", "..", "SECURITY.md"), "utf8");

  it("holds the generated table of every hostile case, and at least 60 of them", () => {
    const table = text.slice(text.indexOf(TABLE_START), text.indexOf(TABLE_END) + TABLE_END.length);
    expect(tableCells(table)).toEqual(tableCells(securityTable(HOSTILE_CASES)));
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it("every case is proved: by its own run or by a named test", () => {
    const unproved = HOSTILE_CASES.filter((c) => !c.run && !c.proof).map((c) => c.id);
    expect(unproved).toEqual([]);
    const ids = HOSTILE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every test file a case names exists", () => {
    const root = join(__dirname, "..", "..");
    const named = HOSTILE_CASES.flatMap((c) => c.proof?.match(/test\/[\w./-]+\.tsx?/g) ?? []);
    expect(named.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
