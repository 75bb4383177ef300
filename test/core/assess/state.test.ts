import { periodKey, planStateSheet, readPreviousRanking } from "../../../src/core/assess";
import { STATE_SHEET_NAME } from "../../../src/core/plan";
import { signStateValues, STATE_SIGNATURE_KEY } from "../../../src/core/state";
import type { WorkbookGrid } from "../../../src/core/grid";
import { withSheets } from "./grid";

const period = (asOf: string) => ({ start: "2026-01-01", end: "2026-12-31", asOf });
const empty: WorkbookGrid = { source: "x", sheets: [] };

describe("previous ranking in the hidden state sheet", () => {
  it("is a veryHidden key/value sheet that keeps other rows", () => {
    const other: WorkbookGrid = {
      source: "x",
      sheets: [
        {
          name: STATE_SHEET_NAME,
          hidden: true,
          rows: signStateValues([["taskpane.settings", "{}"]]),
          merges: [],
          numberFormats: new Map(),
          hiddenColumns: new Set(),
        },
      ],
    };
    const plan = planStateSheet(other, period("2026-01-31"), [{ unit: "甲", rank: 1 }]);
    expect(plan).toMatchObject({
      name: STATE_SHEET_NAME,
      kind: "state",
      owned: true,
      visibility: "veryHidden",
    });
    expect(plan.values.map((r) => r[0])).toEqual([
      STATE_SIGNATURE_KEY,
      "taskpane.settings",
      "ranking:2026-01-01..2026-12-31",
    ]);
  });

  it("gives the latest earlier run for the period, so re-running a month shows the same change", () => {
    let grid = withSheets(empty, [
      planStateSheet(empty, period("2026-01-31"), [
        { unit: "甲", rank: 1 },
        { unit: "乙", rank: 2 },
      ]),
    ]);
    grid = withSheets(grid, [
      planStateSheet(grid, period("2026-02-28"), [
        { unit: "甲", rank: 2 },
        { unit: "乙", rank: 1 },
      ]),
    ]);
    const key = periodKey(period("x"));
    expect(readPreviousRanking(grid, key, "2026-02-28")).toEqual(
      new Map([
        ["甲", 1],
        ["乙", 2],
      ])
    );
    expect(readPreviousRanking(grid, key, "2026-03-31")).toEqual(
      new Map([
        ["甲", 2],
        ["乙", 1],
      ])
    );
    expect(readPreviousRanking(grid, key, "2026-01-31")).toBeNull();
    expect(readPreviousRanking(grid, "2025-01-01..2025-12-31", "2026-03-31")).toBeNull();
    // Re-recording February replaces it rather than adding a second February.
    grid = withSheets(grid, [
      planStateSheet(grid, period("2026-02-28"), [
        { unit: "甲", rank: 1 },
        { unit: "乙", rank: 2 },
      ]),
    ]);
    expect(readPreviousRanking(grid, key, "2026-03-31")).toEqual(
      new Map([
        ["甲", 1],
        ["乙", 2],
      ])
    );
  });

  it("a damaged state cell loses only the rank changes", () => {
    const grid: WorkbookGrid = {
      source: "x",
      sheets: [
        {
          name: STATE_SHEET_NAME,
          hidden: true,
          rows: signStateValues([["ranking:2026-01-01..2026-12-31", "{not json"]]),
          merges: [],
          numberFormats: new Map(),
          hiddenColumns: new Set(),
        },
      ],
    };
    expect(readPreviousRanking(grid, "2026-01-01..2026-12-31", "2026-05-31")).toBeNull();
  });
});
