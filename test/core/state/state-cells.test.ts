import { planRankingState, readPreviousRanking, periodKey } from "../../../src/core/assess";
import type { WorkbookGrid } from "../../../src/core/grid";
import { STATE_CELL_CHARS, stateRow, stateValueOf } from "../../../src/core/state";
import { withSheets } from "../assess/grid";

const period = (asOf: string) => ({ start: "2026-01-01", end: "2026-12-31", asOf });

describe("32,767-character cell limit: the state sheet", () => {
  it("splits a long value over several cells, each under Excel's limit, and reads it back whole", () => {
    const value = "甲".repeat(STATE_CELL_CHARS * 2 + 5);
    const row = stateRow("key", value);
    expect(row).toHaveLength(4);
    expect(row.slice(1).every((c) => c.length <= 32_767)).toBe(true);
    expect(stateValueOf([row], "key")).toBe(value);
  });

  it("never splits a surrogate pair (a character outside the BMP stays whole in one cell)", () => {
    const value = "a".repeat(STATE_CELL_CHARS - 1) + "𠀀" + "b";
    const row = stateRow("key", value);
    expect(row[1]?.endsWith("\ud840")).toBe(false);
    expect(stateValueOf([row], "key")).toBe(value);
  });

  it("state sheet over 32,767 characters: 164 units × 24 runs is kept whole, spread over cells", () => {
    let grid: WorkbookGrid = { source: "x", sheets: [] };
    const units = Array.from({ length: 164 }, (_, i) => ({
      unit: `第${i + 1}招商服务中心`,
      rank: i + 1,
    }));
    for (let m = 1; m <= 24; m++) {
      const asOf = `20${String(24 + Math.floor((m - 1) / 12))}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-28`;
      const state = planRankingState(grid, { ...period(asOf), end: "2099-12-31" }, units);
      expect(state.droppedRuns).toBe(0);
      grid = withSheets(grid, [state.sheet]);
    }
    const row = grid.sheets[0]?.rows[1] ?? []; // under the signature row
    expect(row.slice(1).join("").length).toBeGreaterThan(32_767);
    expect(row.length).toBeGreaterThanOrEqual(3);
    expect(row.every((c) => typeof c !== "string" || c.length <= 32_767)).toBe(true);
    const key = periodKey({ start: "2026-01-01", end: "2099-12-31" });
    expect(readPreviousRanking(grid, key, "2099-01-01")?.get("第1招商服务中心")).toBe(1);
  });

  it("drops the oldest runs first when the history passes its cap, and says how many", () => {
    let grid: WorkbookGrid = { source: "x", sheets: [] };
    const units = [{ unit: "经开区", rank: 1 }];
    for (const asOf of ["2026-01-31", "2026-02-28", "2026-03-31"]) {
      const state = planRankingState(grid, period(asOf), units, 100);
      grid = withSheets(grid, [state.sheet]);
      if (asOf === "2026-03-31") expect(state.droppedRuns).toBe(1);
    }
    const key = periodKey(period("x"));
    expect(readPreviousRanking(grid, key, "2026-02-28")).toBeNull();
    expect(readPreviousRanking(grid, key, "2026-03-31")?.get("经开区")).toBe(1);
  });
});
