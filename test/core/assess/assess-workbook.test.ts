import { assessWorkbook, toCliJson } from "../../../src/core/assess";
import type { WorkbookGrid } from "../../../src/core/grid";
import { planOutputs } from "../../../src/core/report";
import { defaultRules, planRulesSheet, RULES_SHEET_NAME } from "../../../src/core/rules";
import { planSampleWorkbook, SAMPLE_AS_OF } from "../../../src/core/samples";
import { gridFromPlan, withSheets } from "./grid";
import { workbookGrid } from "../../fixtures/grid";

const NOW = new Date("2008-02-03T08:00:00Z");
const sample = gridFromPlan(planSampleWorkbook(), "sample.xlsx");
const withoutRules: WorkbookGrid = {
  ...sample,
  sheets: sample.sheets.filter((s) => s.name !== RULES_SHEET_NAME),
};

describe("assessWorkbook on the sample workbook (seed 001 campaign)", () => {
  const a = assessWorkbook(sample, { asOf: SAMPLE_AS_OF, now: NOW });

  it("recognises, reads the rules sheet and ranks the 14 units", () => {
    expect(a.recognition.targets?.units).toHaveLength(14);
    expect(a.rules.period).toEqual({ start: "2007-07-01", end: "2008-03-31", asOf: "2008-01-31" });
    expect(a.results?.units).toHaveLength(14);
    expect(a.results?.period.timeProgress).toBeCloseTo(7 / 9, 6);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(a.rulesSheet).toBeNull(); // the workbook has one: it is the user's
    expect(a.stateSheet?.visibility).toBe("veryHidden");
    expect(a.results?.units.every((u) => u.previousRank === null)).toBe(true);
  });

  it("projects to exactly the SPEC §9 JSON", () => {
    const json = toCliJson(a);
    expect(Object.keys(json)).toEqual(["complete", "sheets", "pairings", "issues", "results"]);
    expect(json.sheets[0]).toMatchObject({
      name: "目标分解表",
      role: "targets",
      confidence: expect.any(Number),
      headerRows: [3, 4],
      columns: expect.objectContaining({ unit: "B", signed_total: "H" }),
    });
    expect(Object.keys(json.results?.period ?? {})).toEqual([
      "start",
      "end",
      "asOf",
      "timeProgress",
    ]);
    const unit = json.results?.units[0];
    expect(unit).toMatchObject({
      unit: expect.any(String),
      group: null,
      rank: 1,
      score: expect.any(Number),
      grade: expect.any(String),
    });
    expect(Object.keys(unit?.indicators ?? {})).toEqual([
      "foreign_capital_usd",
      "domestic_capital_cny",
      "reserve_packaged",
      "reserve_promoted",
      "reserve_negotiating",
      "signed_total",
      "signed_industrial",
    ]);
    expect(unit?.indicators["signed_total"]).toMatchObject({
      target: expect.any(Number),
      actual: expect.any(Number),
      rate: expect.any(Number),
      status: expect.stringMatching(/^(exceeded|completed|on_pace|behind|far_behind|n_a)$/),
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("a second month shows rank changes from the state sheet written by the first", () => {
    const after = withSheets(sample, a.stateSheet ? [a.stateSheet] : []);
    const feb = assessWorkbook(after, { asOf: "2008-02-29", now: NOW });
    expect(feb.results?.units.every((u) => u.previousRank !== null)).toBe(true);
    expect(feb.results?.period.previousAsOf).toBe("2008-01-31");
    const again = assessWorkbook(after, { asOf: SAMPLE_AS_OF, now: NOW });
    expect(again.results?.units.every((u) => u.previousRank === null)).toBe(true); // no earlier run than January
  });

  it("its output plan carries the state sheet and, without a rules sheet, a new 考核规则 sheet", () => {
    const b = assessWorkbook(withoutRules, { asOf: SAMPLE_AS_OF, now: NOW });
    expect(b.rules.period).toEqual({ start: "2008-01-01", end: "2008-12-31", asOf: "2008-01-31" }); // calendar year of as-of
    expect(b.rulesSheet?.kind).toBe("rules");
    const plan = planOutputs(b, { now: NOW });
    expect(plan.sheets.map((s) => s.kind)).toEqual(
      expect.arrayContaining(["ranking", "issues", "rules", "state"])
    );
  });
});

describe("rules precedence: options > 考核规则 sheet > defaults", () => {
  it("the sheet's method applies unless the options say otherwise; invalid sheet rules become warnings", () => {
    const sheetRules = {
      ...defaultRules("2008-01-31"),
      method: "threshold",
      period: { start: "2007-07-01", end: "2008-03-31", asOf: "2008-01-31" },
    };
    const plan = planRulesSheet(sheetRules);
    const rows = plan.values.map((r) => [...r]);
    const capRow = rows.findIndex((r) => r[0] === "完成率封顶");
    (rows[capRow] as unknown[])[1] = "abc";
    const grid = withSheets(withoutRules, [{ ...plan, values: rows }]);
    const fromSheet = assessWorkbook(grid, { now: NOW });
    expect(fromSheet.results?.method).toBe("threshold");
    expect(fromSheet.rules.period.asOf).toBe("2008-01-31"); // the sheet's as-of when none is given
    expect(fromSheet.issues).toContainEqual(
      expect.objectContaining({
        code: "invalid_rule",
        severity: "warning",
        sheet: RULES_SHEET_NAME,
        cell: `B${capRow + 1}`,
      })
    );
    const overridden = assessWorkbook(grid, {
      now: NOW,
      asOf: new Date("2008-03-31T00:00:00Z"),
      rules: { method: "proportional" },
    });
    expect(overridden.results?.method).toBe("proportional");
    expect(overridden.results?.period.timeProgress).toBe(1);
  });
});

describe("a workbook without a targets sheet", () => {
  it("has no results and an error saying why", () => {
    const grid: WorkbookGrid = {
      source: "x.xlsx",
      sheets: [
        {
          name: "Sheet1",
          hidden: false,
          rows: [["hello"]],
          merges: [],
          numberFormats: new Map(),
          hiddenColumns: new Set(),
        },
      ],
    };
    const a = assessWorkbook(grid, { now: NOW });
    expect(a.results).toBeNull();
    expect(a.issues).toContainEqual(
      expect.objectContaining({ code: "no_targets_sheet", severity: "error" })
    );
    expect(toCliJson(a).results).toBeNull();
  });
});

describe("a campaign period the workbook states", () => {
  const campaign = workbookGrid("c.xlsx", [
    {
      name: "目标",
      rows: [
        ["招商引资攻坚目标分解表（考核期限：2007年7月1日至2008年3月31日）"],
        ["责任单位", "签约项目"],
        ["经开区", 10],
      ],
    },
    {
      name: "完成",
      rows: [
        ["责任单位", "签约项目"],
        ["经开区", 6],
      ],
    },
  ]);
  const periodOf = (asOf: string) => assessWorkbook(campaign, { asOf, now: NOW });

  it("applies through the campaign and a few months after it", () => {
    expect(periodOf("2008-01-31").rules.period.start).toBe("2007-07-01");
    expect(periodOf("2008-06-30").rules.period).toMatchObject({
      start: "2007-07-01",
      end: "2008-03-31",
    });
  });

  it("is last campaign's title once it ended half a year before the as-of date, and says so", () => {
    const a = periodOf("2009-01-31");
    expect(a.rules.period).toMatchObject({ start: "2009-01-01", end: "2009-12-31" });
    expect(
      a.issues.find((i) => i.code === "period_from_workbook" && i.severity === "warning")
    ).toBeDefined();
  });
});
