import { assessTables } from "../../../src/core/assess/assess-tables";
import type { UnitResult } from "../../../src/core/model";
import { SEED_001_UNITS } from "../../../src/core/samples/seed-001";
import { campaignPreset, defaultRules, type RuleSet } from "../../../src/core/rules";
import { table, U, type Cell } from "./builders";

const SEED_COLUMNS = [
  { key: "foreign_capital_usd", unit: U.亿美元 },
  { key: "domestic_capital_cny", unit: U.亿元 },
  { key: "reserve_packaged", unit: U.个 },
  { key: "reserve_promoted", unit: U.个 },
  { key: "reserve_negotiating", unit: U.个 },
  { key: "signed_total", unit: U.个 },
  { key: "signed_industrial", unit: U.个 },
];

const byUnit = (units: readonly UnitResult[], name: string): UnitResult => {
  const u = units.find((x) => x.unit === name);
  if (!u) throw new Error(name);
  return u;
};

describe("seed 001: 14 units, campaign as of 2008-01-31 (序时进度 7/9 ≈ 77.8%)", () => {
  // Every unit completes the same share k of every target, so each rate is k and (weights rescaled to 100)
  // its score is 100 × min(k, 120%).
  const k: Record<string, number> = {
    经开区: 1.3,
    高新区: 1.0,
    净月区: 0.9,
    汽开区: 0.9,
    朝阳区: 0.8,
    南关区: 0.75,
    宽城区: 0.7,
    二道区: 0.6,
    绿园区: 0.5,
    双阳区: 0.45,
    榆树市: 0.4,
    农安县: 0.3,
    德惠市: 0.2,
    九台市: 0.1,
  };
  const rows = SEED_001_UNITS.map(
    (u) =>
      [
        u.unit,
        u.group,
        u.foreignUsd,
        u.domesticCny,
        u.packaged,
        u.promoted,
        u.negotiating,
        u.signedTotal,
        u.signedIndustrial ?? "---",
      ] as const
  );
  const targets = table(
    "targets",
    SEED_COLUMNS,
    rows.map((r) => [...r] as [string, string, ...Cell[]])
  );
  const actuals = table(
    "actuals",
    SEED_COLUMNS,
    rows.map(
      ([name, group, ...cells]) =>
        [
          name,
          group,
          ...cells.map((c) => (c === "---" ? "---" : (c as number) * (k[name] as number))),
        ] as [string, string, ...Cell[]]
    )
  );
  const { results, issues } = assessTables({
    targets,
    actuals,
    ledgers: [],
    rules: campaignPreset("2008-01-31"),
  });

  it("scores 100 × min(k, 1.2), ties share a rank (净月区 = 汽开区 = 90 → 3, 3, then 5)", () => {
    expect(issues).toEqual([]);
    expect(results.period).toEqual({
      start: "2007-07-01",
      end: "2008-03-31",
      asOf: "2008-01-31",
      timeProgress: 0.777778,
      previousAsOf: null,
    });
    expect(results.units.map((u) => [u.unit, u.rank, Math.round(u.score * 100) / 100])).toEqual([
      ["经开区", 1, 120], // 1.3 capped at 1.2
      ["高新区", 2, 100],
      ["净月区", 3, 90],
      ["汽开区", 3, 90],
      ["朝阳区", 5, 80],
      ["南关区", 6, 75],
      ["宽城区", 7, 70],
      ["二道区", 8, 60],
      ["绿园区", 9, 50],
      ["双阳区", 10, 45],
      ["榆树市", 11, 40],
      ["农安县", 12, 30],
      ["德惠市", 13, 20],
      ["九台市", 14, 10],
    ]);
  });

  it("statuses against 序时进度 77.8%: 30-point band edge between 0.5 and 0.45", () => {
    const status = (n: string) => byUnit(results.units, n).indicators["signed_total"]?.status;
    expect(status("经开区")).toBe("exceeded"); // 130% > 100.5%
    expect(status("高新区")).toBe("completed");
    expect(status("净月区")).toBe("on_pace"); // 90% ≥ 77.8%
    expect(status("朝阳区")).toBe("on_pace"); // 80% ≥ 77.8%
    expect(status("南关区")).toBe("behind"); // 77.8 − 75 = 2.8 points
    expect(status("绿园区")).toBe("behind"); // 77.8 − 50 = 27.8 points
    expect(status("双阳区")).toBe("far_behind"); // 77.8 − 45 = 32.8 points > 30
    expect(byUnit(results.units, "经开区").status).toBe("exceeded"); // composite capped 120%
  });

  it("南关区's 其中工业项目 is “---”: excluded, the six equal weights rescale to 100/6 = 16.67", () => {
    const u = byUnit(results.units, "南关区");
    expect(u.indicators["signed_industrial"]).toMatchObject({
      status: "n_a",
      rate: null,
      score: null,
      weight: 0,
    });
    expect(u.indicators["foreign_capital_usd"]?.weight).toBeCloseTo(16.6667, 4);
    expect(u.indicators["reserve_packaged"]?.weight).toBeCloseTo(16.6667, 4);
    expect(u.score).toBeCloseTo(75, 6);
  });

  it("shows figures in the sheet's units (亿美元, 亿元) with their cells", () => {
    const u = byUnit(results.units, "经开区");
    // 4.72 亿美元 × 1.3 = 6.136
    expect(u.indicators["foreign_capital_usd"]).toMatchObject({
      target: 4.72,
      actual: 6.136,
      targetSource: "目标!C3",
      actualSource: "完成!C3",
    });
    expect(u.indicators["foreign_capital_usd"]?.rate).toBeCloseTo(1.3, 9);
  });

  it("groups rank within 开发区 / 城区 / 县市; grades by score; 红榜 takes the tie, 黑榜 worst first", () => {
    expect(results.grouping).toBe(true);
    expect(
      ["经开区", "高新区", "净月区", "汽开区", "朝阳区", "九台市"].map(
        (n) => byUnit(results.units, n).groupRank
      )
    ).toEqual([1, 2, 3, 3, 1, 4]);
    // 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格 — of the score ÷ 序时进度 (7/9), the campaign not being over.
    expect(
      ["高新区", "净月区", "朝阳区", "二道区", "绿园区"].map((n) => byUnit(results.units, n).grade)
    ).toEqual(["优秀", "优秀", "优秀", "合格", "合格"]);
    expect(results.honour).toMatchObject({
      red: ["经开区", "高新区", "净月区", "汽开区"],
      black: ["九台市", "德惠市", "农安县"],
    });
    // Per indicator by completion rate; 南关区 has no 其中工业项目 target, so it is on neither list there.
    expect(results.honour.byIndicator?.["signed_industrial"]).toEqual({
      red: ["经开区", "高新区", "净月区", "汽开区"],
      black: ["九台市", "德惠市", "农安县"],
    });
    expect(results.honour.byIndicator?.["foreign_capital_usd"]?.black).toEqual([
      "九台市",
      "德惠市",
      "农安县",
    ]);
    expect(results.rulesSummary[0]).toBe(
      "考核期2007-07-01至2008-03-31，截至2008-01-31，序时进度77.8%（已过月数÷考核期月数，截至月按天折算）"
    );
  });
});

describe("threshold method (seed 000)", () => {
  const columns = [
    { key: "a", name: "甲", unit: U.个 },
    { key: "b", name: "乙", unit: U.个 },
  ];
  const targets = table("targets", columns, [
    ["超额单位", null, 10, 10],
    ["完成单位", null, 10, 10],
    ["未完成单位", null, 10, 10],
  ]);
  const actuals = table("actuals", columns, [
    ["超额单位", null, 12, 11], // 120%, 110%: both exceed
    ["完成单位", null, 10, 10], // 100%, 100%
    ["未完成单位", null, 10, 8], // 100%, 80%
  ]);
  const rules: RuleSet = { ...defaultRules("2026-12-31"), method: "threshold" };

  it("完成 earns full marks, 未完成 none; eligibility priority / eligible / ineligible; ties 1, 1, 3", () => {
    const { results } = assessTables({ targets, actuals, ledgers: [], rules });
    // weights of unknown indicators default to 10 each → rescaled 50 / 50
    expect(results.units.map((u) => [u.unit, u.score, u.rank, u.eligibility])).toEqual([
      ["超额单位", 100, 1, "priority"],
      ["完成单位", 100, 1, "eligible"],
      ["未完成单位", 50, 3, "ineligible"], // 甲 complete 50 + 乙 80% → 0
    ]);
    expect(results.method).toBe("threshold");
  });

  it("a tie-break indicator orders equal scores by its rate", () => {
    const { results } = assessTables({
      targets,
      actuals,
      ledgers: [],
      rules: { ...rules, tieBreak: "a" },
    });
    expect(results.units.map((u) => [u.unit, u.rank])).toEqual([
      ["超额单位", 1], // 甲 120% > 100%
      ["完成单位", 2],
      ["未完成单位", 3],
    ]);
  });
});

describe("n/a, zero and blocked targets", () => {
  const columns = [
    { key: "signed_total", unit: U.个 },
    { key: "signed_industrial", unit: U.个 },
  ];
  const rules = defaultRules("2026-12-31"); // weights 20 and 10
  it("zero target: no rate (no Infinity/NaN), info issue, weight moves to the rest", () => {
    const targets = table("targets", columns, [["甲", null, 10, 0]]);
    const actuals = table("actuals", columns, [["甲", null, 8, 3]]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    const u = results.units[0] as UnitResult;
    expect(u.indicators["signed_industrial"]).toMatchObject({
      target: 0,
      actual: 3,
      rate: null,
      status: "n_a",
      score: null,
    });
    expect(u.indicators["signed_total"]).toMatchObject({ rate: 0.8, weight: 100, score: 80 }); // 20/20 × 100 × 0.8
    expect(issues).toEqual([
      expect.objectContaining({
        code: "zero_target",
        severity: "info",
        sheet: "目标",
        cell: "D3",
        row: 3,
      }),
    ]);
    expect(JSON.stringify(results)).not.toMatch(/Infinity|NaN/);
  });

  it("blocked cell: indicator not scored for that unit, warning names the cell", () => {
    const targets = table("targets", columns, [
      ["甲", null, 10, { blocked: 5 }],
      ["乙", null, 10, 5],
    ]);
    const actuals = table("actuals", columns, [
      ["甲", null, 5, 5],
      ["乙", null, { blocked: 5 }, 5],
    ]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["indicator_blocked", "目标", "D3"],
      ["indicator_blocked", "完成", "C4"],
    ]);
    // 甲: only 签约 counts: 100 × 50% = 50; 乙: only 工业 counts: 100 × 100% = 100
    expect(results.units.map((u) => [u.unit, u.score])).toEqual([
      ["乙", 100],
      ["甲", 50],
    ]);
  });

  it("a target cell with an error and no value (a negative figure, 增长15%) blocks, never passes as n/a", () => {
    const targets = table("targets", columns, [
      ["甲", null, { blocked: null }, 10],
      ["乙", null, 10, 10],
    ]);
    const actuals = table("actuals", columns, [
      ["甲", null, 5, 5],
      ["乙", null, 5, 5],
    ]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toContainEqual([
      "indicator_blocked",
      "目标",
      "C3",
    ]);
    expect(results.complete).toBe(false);
  });

  it("a unit with every indicator n/a scores 0 with status n_a", () => {
    const targets = table("targets", columns, [["甲", null, "---", "---"]]);
    const { results } = assessTables({ targets, actuals: null, ledgers: [], rules });
    expect(results.units[0]).toMatchObject({ score: 0, status: "n_a", rank: 1 });
  });

  it("missing actual counts as 0 and says so", () => {
    const targets = table("targets", columns, [
      ["甲", null, 10, 10],
      ["乙", null, 10, 10],
    ]);
    const actuals = table("actuals", columns, [
      ["甲", null, 10, null],
      ["乙", null, 10, 5],
    ]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(
      results.units.find((u) => u.unit === "甲")?.indicators["signed_industrial"]
    ).toMatchObject({
      actual: null,
      rate: 0,
      status: "far_behind",
      score: 0,
    });
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["missing_actual", "D3"]]);
  });

  it("an actuals column no unit has a usable figure in leaves the indicator unscored and the ranking incomplete", () => {
    const targets = table("targets", columns, [
      ["甲", null, 10, 10],
      ["乙", null, 10, 10],
    ]);
    const actuals = table("actuals", columns, [
      ["甲", null, 10, null],
      ["乙", null, 10, null],
    ]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(results.complete).toBe(false);
    expect(results.units[0]?.indicators["signed_industrial"]).toMatchObject({ rate: null });
    expect(issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "no_actual_source",
    ]);
  });
});

describe("units of measure and currencies", () => {
  it("亿元 target vs 万元 actual, 亿美元 vs 万美元, and a USD actual against a CNY target at the rule's rate", () => {
    const targets = table(
      "targets",
      [
        { key: "domestic_capital_cny", unit: U.亿元 },
        { key: "foreign_capital_usd", unit: U.亿美元 },
        { key: "total_cny", name: "内外资合计", unit: U.亿元 },
      ],
      [["甲", null, 2, 1, 7]]
    );
    const actuals = table(
      "actuals",
      [
        { key: "domestic_capital_cny", unit: U.万元 },
        { key: "foreign_capital_usd", unit: U.万美元 },
        { key: "total_cny", unit: U.亿美元 },
      ],
      [["甲", null, 15000, 8000, 0.5]]
    );
    const { results, issues } = assessTables({
      targets,
      actuals,
      ledgers: [],
      rules: defaultRules("2026-12-31"),
    });
    expect(issues).toEqual([]);
    const ind = results.units[0]?.indicators ?? {};
    expect(ind["domestic_capital_cny"]).toMatchObject({ target: 2, actual: 1.5, rate: 0.75 }); // 15000万元 = 1.5亿元
    expect(ind["foreign_capital_usd"]).toMatchObject({ target: 1, actual: 0.8, rate: 0.8 }); // 8000万美元 = 0.8亿美元
    expect(ind["total_cny"]).toMatchObject({ target: 7, actual: 3.5, rate: 0.5 }); // 0.5亿美元 × 7.0 = 3.5亿元
    expect(results.indicators.map((i) => [i.key, i.unit, i.numberFormat])).toEqual([
      ["domestic_capital_cny", "亿元", "0.00"],
      ["foreign_capital_usd", "亿美元", "0.00"],
      ["total_cny", "亿元", "0.00"],
    ]);
  });

  it("同比 from a 去年同期 column", () => {
    const targets = table("targets", [{ key: "signed_total", unit: U.个 }], [["甲", null, 10]]);
    const actuals = table(
      "actuals",
      [
        { key: "signed_total", unit: U.个 },
        { key: "signed_total_last_year", unit: U.个 },
      ],
      [["甲", null, 12, 8]]
    );
    const { results } = assessTables({
      targets,
      actuals,
      ledgers: [],
      rules: defaultRules("2026-12-31"),
    });
    expect(results.units[0]?.indicators["signed_total"]?.yoy).toBe(0.5); // 12 / 8 − 1
  });

  it("同比 from 去年同期 columns named either way; a 去年同期 column in the targets sheet is not scored", () => {
    const targets = table(
      "targets",
      [
        { key: "signed_total", name: "签约项目", unit: U.个 },
        { key: "domestic_capital_cny", name: "实际利用内资(亿元)", unit: U.亿元 },
        { key: "去年同期签约项目", name: "去年同期签约项目", unit: U.个 },
      ],
      [["甲", null, 10, 5, 8]]
    );
    const actuals = table(
      "actuals",
      [
        { key: "signed_total", name: "签约项目", unit: U.个 },
        { key: "domestic_capital_cny", name: "实际利用内资(亿元)", unit: U.亿元 },
        { key: "实际利用内资›上年同期", name: "实际利用内资 › 上年同期(亿元)", unit: U.万元 },
      ],
      [["甲", null, 12, 6, 40000]]
    );
    const { results } = assessTables({
      targets,
      actuals,
      ledgers: [],
      rules: defaultRules("2026-12-31"),
    });
    expect(results.indicators.map((i) => i.key)).toEqual(["signed_total", "domestic_capital_cny"]);
    const ind = results.units[0]?.indicators ?? {};
    expect(ind["signed_total"]?.yoy).toBe(0.5); // 12 / 8 (targets sheet's 去年同期) − 1
    expect(ind["domestic_capital_cny"]?.yoy).toBe(0.5); // 6亿元 / 4亿元 (40000万元) − 1
  });
});

describe("等次 mid-period, against the 序时目标", () => {
  const columns = [
    { key: "signed_total", unit: U.个 },
    { key: "signed_industrial", unit: U.个 },
  ];
  // As of 2026-06-30 the year is half gone: 序时目标 = half the target.
  const rules: RuleSet = {
    ...defaultRules("2026-06-30"),
    indicators: defaultRules("2026-06-30").indicators.map((i) => ({ ...i, weight: 10 })),
  };
  const grade = (done: [number, number]) => {
    const targets = table("targets", columns, [["甲", null, 100, 100]]);
    const actuals = table("actuals", columns, [["甲", null, ...done]]);
    return assessTables({ targets, actuals, ledgers: [], rules }).results.units[0]?.grade;
  };

  it("a unit exactly on pace on every indicator is 优秀, never failing", () => {
    expect(grade([50, 50])).toBe("优秀");
  });

  it("each rate is capped against its 序时目标, so one indicator far ahead cannot carry one far behind", () => {
    // 180% and 20% of the 序时目标: 50 × 1.2 + 50 × 0.2 = 70, 合格. (Dividing the capped year score by 序时进度
    // counted the first at 180%: (45 + 5) ÷ 0.5 = 100.)
    expect(grade([90, 10])).toBe("合格");
  });

  it("评优 needs pace on every indicator: 100 points against the 序时目标 but behind on one is 良好", () => {
    // 150% and 80% of the 序时目标: 50 × 1.2 + 50 × 0.8 = 100.
    expect(grade([75, 40])).toBe("良好");
  });

  it("behind 序时进度 on every indicator by a fifth: 合格", () => {
    expect(grade([40, 35])).toBe("合格");
  });
});

describe("completion rates no achievement explains", () => {
  const columns = [{ key: "到位资金", unit: U.亿元 }];
  const targets = table("targets", columns, [
    ["甲区", null, 30],
    ["乙区", null, 20],
  ]);
  const rules = defaultRules("2026-12-31");

  it("calls a median rate thousands of percent off a units mismatch, and the ranking incomplete", () => {
    // 亿元 targets against figures typed in 万元 under the same header: ×10,000.
    const actuals = table("actuals", columns, [
      ["甲区", null, 250000],
      ["乙区", null, 180000],
    ]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(results.complete).toBe(false);
    expect(issues.find((i) => i.code === "unit_of_measure_mismatch")?.message_zh).toContain(
      "900,000%"
    );
  });

  it("takes a strong or weak year as it is", () => {
    const actuals = table("actuals", columns, [
      ["甲区", null, 90],
      ["乙区", null, 0.2],
    ]);
    expect(assessTables({ targets, actuals, ledgers: [], rules }).results.complete).toBe(true);
  });
});

describe("a targets sheet with no target set (待定 / 待分解 everywhere)", () => {
  const columns = [
    { key: "签约项目", unit: U.个 },
    { key: "到位资金", unit: U.亿元 },
  ];
  const rules = defaultRules("2024-09-30");
  const actuals = table("actuals", columns, [
    ["甲镇", null, 3, 2.5],
    ["乙镇", null, 2, 1.5],
  ]);

  it("says the targets are not set, not that the actuals were not read, and ranks nothing as valid", () => {
    const targets = table("targets", columns, [
      ["甲镇", null, null, null],
      ["乙镇", null, "---", null],
    ]);
    const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(results.complete).toBe(false);
    expect(results.incomplete.map((i) => i.kind)).toEqual(["no_targets"]);
    const errors = issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell]);
    expect(errors).toEqual([["no_target_values", "C2"]]);
  });

  it("stays quiet when one unit has a target", () => {
    const targets = table("targets", columns, [
      ["甲镇", null, 3, null],
      ["乙镇", null, null, null],
    ]);
    const { issues } = assessTables({ targets, actuals, ledgers: [], rules });
    expect(issues.map((i) => i.code)).not.toContain("no_target_values");
  });

  it("says so for one indicator whose targets are all 0 or unreadable while the others are set", () => {
    for (const unset of [0, { blocked: null }] as const) {
      const targets = table("targets", columns, [
        ["甲镇", null, 3, unset],
        ["乙镇", null, 2, unset],
      ]);
      const { results, issues } = assessTables({ targets, actuals, ledgers: [], rules });
      expect(results.complete).toBe(false);
      expect(results.incomplete).toContainEqual(
        expect.objectContaining({ kind: "indicator", key: columns[1]?.key })
      );
      expect(issues).toContainEqual(
        expect.objectContaining({ code: "no_target_values", severity: "error", cell: "D2" })
      );
    }
  });

  it("leaves alone an indicator that is --- for every unit, or 0 for some units only", () => {
    for (const second of [
      ["---", "---"],
      [0, 1.5],
    ] as const) {
      const targets = table("targets", columns, [
        ["甲镇", null, 3, second[0]],
        ["乙镇", null, 2, second[1]],
      ]);
      const { issues } = assessTables({ targets, actuals, ledgers: [], rules });
      expect(issues.map((i) => i.code)).not.toContain("no_target_values");
    }
  });
});
