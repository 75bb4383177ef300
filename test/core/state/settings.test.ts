import { assessWorkbook } from "../../../src/core/assess";
import type { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { STATE_SHEET_NAME, ownerMarkerText } from "../../../src/core/plan";
import { SETTINGS_KEY, readSettings, signStateValues } from "../../../src/core/state";

function sheet(name: string, rows: CellValue[][], hidden = false): SheetGrid {
  return { name, hidden, rows, merges: [], numberFormats: new Map(), hiddenColumns: new Set() };
}

const TARGETS = sheet("目标", [
  ["责任单位", "签约项目(个)"],
  ["经开区", 10],
  ["高新区", 20],
]);

function withSaved(settings: unknown): WorkbookGrid {
  const state = sheet(
    STATE_SHEET_NAME,
    signStateValues([[ownerMarkerText("state")], [SETTINGS_KEY, JSON.stringify(settings)]]),
    true
  );
  return { source: "t.xlsx", sheets: [TARGETS, state] };
}

const NOW = new Date("2024-06-30T00:00:00Z");

describe("settings saved in the workbook", () => {
  it("are read back, and damaged or foreign values are ignored", () => {
    expect(
      readSettings(withSaved({ overrides: { roles: { 目标: "other" } }, asOf: "2024-06-30" }))
    ).toEqual({
      overrides: { roles: { 目标: "other" } },
      asOf: "2024-06-30",
    });
    expect(
      readSettings(withSaved({ overrides: { roles: { 目标: "boss" } }, asOf: "June" }))
    ).toEqual({ overrides: {} });
    expect(readSettings({ source: "x", sheets: [TARGETS] })).toEqual({ overrides: {} });
  });

  it("steer recognition in every shell: a role the user set in the pane holds for the engine too", () => {
    const grid = withSaved({ overrides: { roles: { 目标: "other" } } });
    const saved = assessWorkbook(grid, { now: NOW });
    expect(saved.recognition.reports.find((r) => r.name === "目标")?.role).toBe("other");
    expect(saved.results).toBeNull();

    // Explicit overrides (the pane passes its current ones) win over what is stored.
    const explicit = assessWorkbook(grid, { now: NOW, overrides: {} });
    expect(explicit.recognition.reports.find((r) => r.name === "目标")?.role).toBe("targets");
  });
});
