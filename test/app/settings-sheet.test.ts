import { STATE_SHEET_NAME } from "../../src/core/plan";
import {
  EMPTY_SETTINGS,
  parseSettings,
  planSettingsSheet,
  readSettings,
  signStateValues,
} from "../../src/core/state";
import { sheet, sheetFromPlan } from "./memory-host";

describe("settings in the state sheet", () => {
  it("round-trips through the hidden state sheet and keeps other shells' rows", () => {
    const before = {
      source: "x",
      sheets: [
        sheet(
          STATE_SHEET_NAME,
          signStateValues([
            ["previous.ranks", "[1,2]"],
            [null, null],
          ]),
          true
        ),
      ],
    };
    const settings = {
      overrides: { roles: { 台账: "ledger" as const }, columns: { 台账: { D: "investment" } } },
      asOf: "2026-10-31",
      period: { start: "2026-01-01", end: "2026-12-31" },
    };
    const plan = planSettingsSheet(settings, before);
    expect(plan.visibility).toBe("veryHidden");
    expect(plan.values.slice(1)).toEqual([
      ["previous.ranks", "[1,2]"],
      ["taskpane.settings", JSON.stringify(settings)],
    ]);
    const after = { source: "x", sheets: [sheetFromPlan(plan)] };
    expect(readSettings(after)).toEqual(settings);
    // A second save replaces the row instead of adding more.
    expect(planSettingsSheet(EMPTY_SETTINGS, after).values).toHaveLength(3);
  });

  it("ignores what it cannot trust", () => {
    expect(
      readSettings({
        source: "x",
        sheets: [sheet(STATE_SHEET_NAME, signStateValues([["taskpane.settings", "{not json"]]))],
      })
    ).toEqual(EMPTY_SETTINGS);
    expect(
      parseSettings({
        overrides: { roles: { a: "boss", b: "targets" }, columns: { s: { A: 3, B: "unit" } } },
        asOf: "31/10/2026",
        period: { start: "2026-01-01" },
      })
    ).toEqual({
      overrides: { roles: { b: "targets" }, columns: { s: { B: "unit" } } },
    });
    expect(readSettings({ source: "x", sheets: [] })).toEqual(EMPTY_SETTINGS);
  });
});
