import {
  campaignPreset,
  defaultRules,
  planRulesSheet,
  readRulesSheet,
  RULES_SECTIONS,
  TIME_PROGRESS_NOTE,
  withTrafficLights,
} from "../../../src/core/rules";
import { aggregateFromName } from "../../../src/core/rules/derive";
import { findRow, planToGrid, setCell } from "./grid";

describe("考核规则 sheet", () => {
  it("is the user's sheet once written, with Chinese labels, dropdowns and the 序时进度 note", () => {
    const plan = planRulesSheet(defaultRules("2026-10-31"));
    expect(plan.kind).toBe("rules");
    expect(plan.owned).toBe(false);
    const firstColumn = plan.values.map((r) => r[0]);
    expect(firstColumn).toEqual(expect.arrayContaining(Object.values(RULES_SECTIONS)));
    expect(firstColumn).toContain("计分方法");
    expect(plan.values.some((r) => r[1] === TIME_PROGRESS_NOTE)).toBe(true);
    const methodRow = firstColumn.indexOf("计分方法");
    expect(plan.validations).toContainEqual(
      expect.objectContaining({ range: `B${methodRow + 1}`, values: ["按比例计分", "达标计分"] })
    );
    for (const v of plan.validations) expect(v.values.join(",").length).toBeLessThan(255);
  });

  it.each([
    ["defaults", defaultRules("2026-10-31")],
    ["campaign preset", campaignPreset("2008-01-31")],
    [
      "traffic lights + threshold",
      {
        ...withTrafficLights(defaultRules("2026-06-30")),
        method: "threshold",
        tieBreak: "signed_total",
      },
    ],
  ])("round-trips: plan → grid → read (%s)", (_name, rules) => {
    const { rules: read, issues } = readRulesSheet(
      planToGrid(planRulesSheet(rules)),
      defaultRules("1999-01-01")
    );
    expect(issues).toEqual([]);
    expect(read).toEqual(rules);
  });

  it("reads an edited sheet: labels, percents as text, dates as text, a typed threshold per project type", () => {
    let grid = planToGrid(planRulesSheet(defaultRules("2026-10-31")));
    grid = setCell(grid, findRow(grid, "计分方法"), 1, "达标计分");
    grid = setCell(grid, findRow(grid, "完成率封顶"), 1, "150%");
    grid = setCell(grid, findRow(grid, "考核期开始"), 1, "2026年7月1日");
    const r = findRow(grid, "signed_total");
    grid = setCell(grid, r, 10, 10000); // 其它项目: 亿元以上 (≥)
    grid = setCell(grid, r, 11, "是");
    grid = setCell(grid, r, 12, 3000); // 工业项目: 3000万元以上 (>)
    grid = setCell(grid, r, 13, "否");
    const { rules, issues } = readRulesSheet(grid, defaultRules("2026-10-31"));
    expect(issues).toEqual([]);
    expect(rules.method).toBe("threshold");
    expect(rules.cap).toBe(1.5);
    expect(rules.period.start).toBe("2026-07-01");
    expect(
      rules.indicators.find((i) => i.key === "signed_total")?.aggregate?.filter.threshold
    ).toEqual({
      amount: 10000,
      inclusive: true,
      industrialAmount: 3000,
      industrialInclusive: false,
    });
  });

  it("writes and reads back a cap the rules do not set (不封顶)", () => {
    const uncapped = { ...defaultRules("2026-10-31"), cap: null };
    const grid = planToGrid(planRulesSheet(uncapped));
    expect(grid.rows[findRow(grid, "完成率封顶")]?.[1]).toBe("不封顶");
    const { rules, issues } = readRulesSheet(grid, defaultRules("2026-10-31"));
    expect(issues).toEqual([]);
    expect(rules.cap).toBeNull();
    const typed = setCell(grid, findRow(grid, "完成率封顶"), 1, "不设上限");
    expect(readRulesSheet(typed, defaultRules("2026-10-31")).rules.cap).toBeNull();
  });

  it("keeps defaults for what it cannot read and names the cell", () => {
    let grid = planToGrid(planRulesSheet(defaultRules("2026-10-31")));
    const capRow = findRow(grid, "完成率封顶");
    const methodRow = findRow(grid, "计分方法");
    const indRow = findRow(grid, "signed_total");
    grid = setCell(grid, capRow, 1, "很高");
    grid = setCell(grid, methodRow, 1, "随便计分");
    grid = setCell(grid, indRow, 7, "洽谈"); // not a stage
    grid = setCell(grid, findRow(grid, "exceeded"), 3, "blue");
    const { rules, issues } = readRulesSheet(grid, defaultRules("2026-10-31"));
    expect(rules.cap).toBe(1.2);
    expect(rules.method).toBe("proportional");
    expect(rules.indicators.find((i) => i.key === "signed_total")).toEqual(
      defaultRules("2026-10-31").indicators.find((i) => i.key === "signed_total")
    );
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["invalid_rule", "warning", `H${indRow + 1}`],
      ["invalid_rule", "warning", `B${methodRow + 1}`],
      ["invalid_rule", "warning", `B${capRow + 1}`],
      ["invalid_rule", "warning", `A${findRow(grid, "exceeded") + 1}`],
    ]);
    expect(issues[2]?.message_zh).toContain("已改用默认值 120%");
  });

  it("adds an indicator a user typed under the table", () => {
    const plan = planRulesSheet(defaultRules("2026-10-31"));
    let grid = planToGrid(plan);
    const last = grid.rows.length;
    [
      "fortune500",
      "世界500强项目",
      "个",
      5,
      "项目台账",
      "计数",
      null,
      "签约",
      null,
      "签约日期",
      null,
      null,
      null,
      null,
      null,
      "世界500强、央企",
    ].forEach((v, c) => (grid = setCell(grid, last, c, v)));
    const { rules, issues } = readRulesSheet(grid, defaultRules("2026-10-31"));
    expect(issues).toEqual([]);
    expect(rules.indicators.at(-1)).toEqual({
      key: "fortune500",
      name: "世界500强项目",
      unit: "个",
      weight: 5,
      source: "ledger",
      aggregate: {
        kind: "count",
        filter: { minStage: "签约", dateField: "signedDate", investorTypes: ["世界500强", "央企"] },
      },
    });
  });
});

describe("indicators derived from their names", () => {
  it("round-trip through the rules sheet with their keys, thresholds and stage words", () => {
    const base = defaultRules("2024-06-30");
    const rules = {
      ...base,
      stageSynonyms: { ...base.stageSynonyms, 签约: ["已签约", "签约落地"] },
      indicators: [
        ...base.indicators,
        {
          key: "新签约项目›其中10亿元以上",
          name: "新签约项目 › 其中10亿元以上",
          unit: "个",
          weight: 10,
          source: "actuals" as const,
          aggregate: aggregateFromName("新签约项目 › 其中10亿元以上") ?? {
            kind: "count",
            filter: {},
          },
        },
      ],
    };
    const { rules: read, issues } = readRulesSheet(
      planToGrid(planRulesSheet(rules)),
      defaultRules("1999-01-01")
    );
    expect(issues).toEqual([]);
    expect(read).toEqual(rules);
    expect(read.indicators.at(-1)?.aggregate?.filter).toEqual({
      minStage: "签约",
      dateField: "signedDate",
      threshold: { amount: 100000, inclusive: true },
    });
  });
});
