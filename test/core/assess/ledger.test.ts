import { assessTables } from "../../../src/core/assess/assess-tables";
import { latestReports } from "../../../src/core/assess/figures";
import { defaultRules, type IndicatorRule, type RuleSet } from "../../../src/core/rules";
import { day, ledger, table, U } from "./builders";

const signedRule = (patch: Partial<IndicatorRule> = {}): RuleSet => {
  const base = defaultRules("2026-06-30"); // period 2026-01-01..2026-12-31, counted up to 2026-06-30
  return {
    ...base,
    indicators: base.indicators.map((i) =>
      i.key === "signed_total" ? { ...i, source: "ledger" as const, ...patch } : i
    ),
  };
};
const targets = table("targets", [{ key: "signed_total", unit: U.个 }], [["甲区", null, 10]]);
const signed = { unit: "甲区", stage: "签约", signedDate: day("2026-03-01") };

describe("ledger aggregates", () => {
  it("签约投资超3000万元: exactly 3000万 is not counted; USD converts; dates in period up to as-of; stage ≥ 签约; each project once", () => {
    const rows = ledger([
      { ...signed, name: "刚好3000万", investment: 3000 }, // not 超3000万
      { ...signed, name: "3000.01万", investment: 3000.01 }, // counted (1)
      { ...signed, name: "美元项目", investment: 500, currency: "USD" }, // 500万美元 × 7.0 = 3500万元: counted (2)
      { ...signed, name: "已开工", investment: 5000, stage: "开工" }, // stage after 签约: counted (3)
      { ...signed, name: "在谈", investment: 5000, stage: "在谈" }, // before 签约
      { ...signed, name: "去年签约", investment: 5000, signedDate: day("2025-12-31") }, // before the period
      { ...signed, name: "截至日后", investment: 5000, signedDate: day("2026-07-01") }, // after as-of
      { ...signed, name: "截至日当天", investment: 5000, signedDate: day("2026-06-30") }, // counted (4)
      { ...signed, name: "已开工", investment: 800, stage: "开工" }, // same project again (增资): not a new one
      { ...signed, name: "未知阶段", investment: 5000, stage: "意向" },
      { ...signed, name: "别区项目", unit: "乙区", investment: 5000 },
    ]);
    const { results } = assessTables({
      targets,
      actuals: null,
      ledgers: [rows],
      rules: signedRule({
        aggregate: {
          kind: "count",
          filter: {
            minStage: "签约",
            dateField: "signedDate",
            threshold: { amount: 3000, inclusive: false },
          },
        },
      }),
    });
    expect(results.units[0]?.indicators["signed_total"]).toMatchObject({
      target: 10,
      actual: 4,
      rate: 0.4,
    });
    expect(results.units[0]?.indicators["signed_total"]?.actualSource).toBe(
      "台账（10行 / 10 rows）"
    ); // 甲区's rows
  });

  it("lets the signing date decide for a progress note no stage can be read from, never for a withdrawn project", () => {
    const rows = ledger([
      { ...signed, name: "调试", stage: "项目推进中" }, // unreadable: the date decides (1)
      { ...signed, name: "摘牌", stage: "已完成土地摘牌，预计10月开工" }, // signed (2)
      { ...signed, name: "终止", stage: "已终止" }, // withdrawn: never
      { ...signed, name: "在谈", stage: "正在洽谈合作细节" }, // readable and before 签约: not counted
    ]);
    const { results } = assessTables({
      targets,
      actuals: null,
      ledgers: [rows],
      rules: signedRule({
        aggregate: { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } },
      }),
    });
    expect(results.units[0]?.indicators["signed_total"]?.actual).toBe(2);
  });

  it("counts a project signed with its 签约日期 left blank only in a ledger of the period's own signings", () => {
    const count = (extra: Parameters<typeof ledger>[0]): number | null | undefined =>
      assessTables({
        targets,
        actuals: null,
        ledgers: [
          ledger([
            { ...signed, name: "有日期" },
            { unit: "甲区", name: "漏填日期", stage: "签约" }, // counted only when the ledger is this period's
            { unit: "甲区", name: "在谈", stage: "在谈" }, // never
            { unit: "甲区", name: "调试", stage: "项目推进中" }, // no stage read: the (blank) date decides
            ...extra,
          ]),
        ],
        rules: signedRule({
          aggregate: { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } },
        }),
      }).results.units[0]?.indicators["signed_total"]?.actual;
    expect(count([])).toBe(2);
    // A project signed last year: the ledger is cumulative, and an undated one may be any year's.
    expect(count([{ ...signed, name: "去年", signedDate: day("2025-11-01") }])).toBe(1);
  });

  it("does not sum a unit's 签约金额 over a signed project whose amount is unreadable (待定 / 面议), and says so", () => {
    const rows = ledger([
      { ...signed, name: "已知", investment: 5000 },
      { ...signed, name: "面议", investment: null, unreadable: ["investment"] },
      { ...signed, name: "在谈待定", stage: "在谈", investment: null, unreadable: ["investment"] },
      { ...signed, name: "乙区已知", unit: "乙区", investment: 3000 },
      {
        ...signed,
        name: "乙区在谈",
        unit: "乙区",
        stage: "在谈",
        investment: null,
        unreadable: ["investment"],
      },
    ]);
    const two = table(
      "targets",
      [{ key: "signed_total", unit: U.万元 }],
      [
        ["甲区", null, 10000],
        ["乙区", null, 6000],
      ]
    );
    const { results, issues } = assessTables({
      targets: two,
      actuals: null,
      ledgers: [rows],
      rules: signedRule({
        aggregate: {
          kind: "sum",
          field: "investment",
          filter: { minStage: "签约", dateField: "signedDate" },
        },
      }),
    });
    const byUnit = new Map(results.units.map((u) => [u.unit, u.indicators["signed_total"]]));
    expect(byUnit.get("甲区")?.actual).toBeNull(); // 5000 + unknown: not 5000
    expect(byUnit.get("乙区")?.actual).toBe(3000); // its unknown amount is a project still 在谈
    expect(results.complete).toBe(false);
    // At the 面议 project's row.
    expect(issues.filter((i) => i.code === "indicator_blocked").map((i) => i.row)).toEqual([3]);
  });

  it("sums each project once when a 签约 sheet and a 开工 sheet both list it", () => {
    const signedSheet = ledger([
      { ...signed, name: "产业园项目", investment: 5000 },
      { ...signed, name: "物流项目", investment: 1200 },
    ]);
    const startedSheet = {
      ...ledger([
        { ...signed, name: "产业园项目", investment: 5000, startedDate: day("2026-05-01") },
      ]),
      sheet: "开工项目",
    };
    const { results } = assessTables({
      targets,
      actuals: null,
      ledgers: [signedSheet, startedSheet],
      rules: signedRule({
        aggregate: {
          kind: "sum",
          field: "investment",
          filter: { minStage: "签约", dateField: "signedDate" },
        },
      }),
    });
    expect(results.units[0]?.indicators["signed_total"]?.actual).toBe(6200);
  });

  it("calls a targets sheet that only repeats the ledger's counts for every unit no targets sheet", () => {
    const rows = ledger([
      { ...signed, name: "甲一" },
      { ...signed, name: "甲二" },
      { ...signed, name: "乙一", unit: "乙区" },
    ]);
    const rules = signedRule({
      aggregate: { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } },
    });
    const summary = (a: number, b: number, sheet = "项目汇总") =>
      table(
        "targets",
        [{ key: "signed_total", unit: U.个 }],
        [
          ["甲区", null, a],
          ["乙区", null, b],
          ["丙区", null, 0],
          ["丁区", null, 0],
        ],
        sheet
      );
    const mirror = assessTables({ targets: summary(2, 1), actuals: null, ledgers: [rows], rules });
    expect(mirror.results.complete).toBe(false);
    expect(mirror.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "no_targets_sheet",
    ]);
    const real = assessTables({ targets: summary(3, 1), actuals: null, ledgers: [rows], rules });
    expect(real.issues.map((i) => i.code)).not.toContain("no_targets_sheet");
    // A sheet named for targets is targets, even when every unit met its small count exactly.
    const met = assessTables({
      targets: summary(2, 1, "2024年目标"),
      actuals: null,
      ledgers: [rows],
      rules,
    });
    expect(met.issues.map((i) => i.code)).not.toContain("no_targets_sheet");
  });

  it("counts by stage a ledger with no date column whose title states the period's year, and says so", () => {
    const full = ledger([
      { unit: "甲区", name: "已签约", stage: "签约" },
      { unit: "甲区", name: "已开工", stage: "开工" },
      { unit: "甲区", name: "在谈", stage: "在谈" },
    ]);
    const { signed_date: _dropped, ...columns } = full.columns;
    const undated = { ...full, columns };
    const rules = signedRule({
      aggregate: { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } },
    });
    const run = (l: typeof undated) =>
      assessTables({ targets, actuals: null, ledgers: [l], rules });
    const stated = run({ ...undated, statedYear: 2026 });
    expect(stated.results.units[0]?.indicators["signed_total"]?.actual).toBe(2);
    expect(stated.issues.filter((i) => i.code === "derived_indicator")).toHaveLength(1);
    // Without a stated year (or another year's ledger) the projects' dates are unknown: nothing is counted.
    for (const l of [undated, { ...undated, statedYear: 2025 }])
      expect(run(l).results.units[0]?.indicators["signed_total"]?.actual ?? null).toBeNull();
  });

  it("leaves out, in such a ledger, a project its 项目进展 sentence dates in another year", () => {
    const full = ledger([
      { unit: "甲区", name: "今年", stage: "签约" },
      { unit: "甲区", name: "去年签约", stage: "开工", signedDate: day("2025-11-01") },
      { unit: "甲区", name: "今年五月", stage: "签约", signedDate: day("2026-05-01") },
    ]);
    const { signed_date: _dropped, ...columns } = full.columns;
    const rules = signedRule({
      aggregate: { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } },
    });
    const run = assessTables({
      targets,
      actuals: null,
      ledgers: [{ ...full, columns, statedYear: 2026 }],
      rules,
    });
    expect(run.results.units[0]?.indicators["signed_total"]?.actual).toBe(2);
  });

  it("says the period is most likely wrong when not one ledger date falls in it", () => {
    const rows = ledger([
      { ...signed, name: "去年一", signedDate: day("2025-03-01") },
      { ...signed, name: "去年二", signedDate: day("2025-11-30") },
    ]);
    const rules = signedRule({
      aggregate: { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } },
    });
    const run = assessTables({ targets, actuals: null, ledgers: [rows], rules });
    expect(run.results.complete).toBe(false);
    const error = run.issues.find((i) => i.code === "no_actual_source");
    expect(error?.message_zh).toContain("2025-03-01 至 2025-11-30");
    // One date in the period: a poor year, not a wrong period.
    const one = ledger([...rows.rows, { ...signed, name: "今年", signedDate: day("2026-02-01") }]);
    expect(assessTables({ targets, actuals: null, ledgers: [one], rules }).results.complete).toBe(
      true
    );
  });

  it("a threshold by project type: 工业项目 超3000万元, 其它 亿元以上 (≥ 1亿)", () => {
    const rule = signedRule({
      aggregate: {
        kind: "count",
        filter: {
          minStage: "签约",
          threshold: {
            amount: 10000,
            inclusive: true,
            industrialAmount: 3000,
            industrialInclusive: false,
          },
        },
      },
    });
    const rows = ledger([
      { ...signed, name: "工业3000", investment: 3000, industrial: true }, // no: not more than 3000
      { ...signed, name: "工业3001", investment: 3001, industrial: true }, // yes
      { ...signed, name: "其它9999", investment: 9999, industrial: false }, // no
      { ...signed, name: "其它1亿", investment: 10000, industrial: false }, // yes: 亿元以上 includes 1亿
      { ...signed, name: "未标注5000", investment: 5000 }, // unknown type → the general threshold: no
    ]);
    const { results } = assessTables({ targets, actuals: null, ledgers: [rows], rules: rule });
    expect(results.units[0]?.indicators["signed_total"]?.actual).toBe(2);
  });

  it("亿元以上省外项目: amount and origin", () => {
    const rule = signedRule({
      aggregate: {
        kind: "count",
        filter: {
          minStage: "签约",
          threshold: { amount: 10000, inclusive: true },
          origins: ["省外"],
        },
      },
    });
    const rows = ledger([
      { ...signed, name: "省外1亿", investment: 10000, origin: "省外" },
      { ...signed, name: "省内2亿", investment: 20000, origin: "省内" },
      { ...signed, name: "省外0.5亿", investment: 5000, origin: "省外" },
    ]);
    expect(
      assessTables({ targets, actuals: null, ledgers: [rows], rules: rule }).results.units[0]
        ?.indicators["signed_total"]?.actual
    ).toBe(1);
  });

  it("签约率 = 签约 ÷ (在谈 + 签约) with a uniform 80% target", () => {
    const base = defaultRules("2026-12-31");
    const rules: RuleSet = {
      ...base,
      indicators: base.indicators.map((i) => (i.key === "signing_rate" ? { ...i, target: 80 } : i)),
    };
    const rows = ledger([
      { unit: "甲区", name: "a", stage: "在谈" },
      { unit: "甲区", name: "b", stage: "签约" },
      { unit: "甲区", name: "c", stage: "注册" },
      { unit: "甲区", name: "d", stage: "线索" }, // neither
    ]);
    const { results } = assessTables({ targets, actuals: null, ledgers: [rows], rules });
    // 2 signed of 3 at 在谈 or later = 66.67%; target 80% → rate 0.8333
    expect(results.units[0]?.indicators["signing_rate"]).toMatchObject({
      target: 80,
      actual: 66.666667,
      rate: 0.833333,
    });
    expect(results.indicators.map((i) => i.key)).toEqual(["signed_total", "signing_rate"]);
  });

  it("both sources: the rule's source is used and a difference beyond tolerance is reported", () => {
    const actuals = table("actuals", [{ key: "signed_total", unit: U.个 }], [["甲区", null, 5]]);
    const rows = ledger([
      { ...signed, name: "x", investment: 5000 },
      { ...signed, name: "y", investment: 5000 },
      { ...signed, name: "z", investment: 5000 },
    ]);
    const fromSheet = assessTables({
      targets,
      actuals,
      ledgers: [rows],
      rules: defaultRules("2026-06-30"),
    });
    expect(fromSheet.results.units[0]?.indicators["signed_total"]).toMatchObject({
      actual: 5,
      actualSource: "完成!C3",
    });
    expect(fromSheet.issues).toEqual([
      expect.objectContaining({
        code: "source_disagreement",
        severity: "warning",
        sheet: "完成",
        cell: "C3",
        message_zh: "甲区“签约项目”：完成情况表为5个，项目台账统计为3个，按规则采用完成情况表",
      }),
    ]);
    const fromLedger = assessTables({ targets, actuals, ledgers: [rows], rules: signedRule() });
    expect(fromLedger.results.units[0]?.indicators["signed_total"]?.actual).toBe(3);
  });

  it("a ledger without the columns an aggregate needs does not count as zero", () => {
    const actuals = table("actuals", [{ key: "signed_total", unit: U.个 }], [["甲区", null, 5]]);
    const rows = {
      ...ledger([{ ...signed, name: "x", investment: 5000 }]),
      columns: { project_name: 0, unit: 1 },
    };
    const { results, issues } = assessTables({
      targets,
      actuals,
      ledgers: [rows],
      rules: defaultRules("2026-06-30"),
    });
    expect(issues).toEqual([]);
    expect(results.units[0]?.indicators["signed_total"]?.actual).toBe(5);
  });
});

describe("snapshot ledgers, one sheet per month", () => {
  const month = (sheet: string, statedAsOf: string | null, funds: number[]) => ({
    ...ledger(funds.map((f, k) => ({ ...signed, name: `项目${k + 1}`, fundsInPlace: f }))),
    sheet,
    ...(statedAsOf ? { statedAsOf } : {}),
  });

  it("count each project once, as its latest sheet up to the as-of reports it", () => {
    const sheets = [
      month("1月台账", "2026-01-31", [100]),
      month("2月台账", "2026-02-28", [200, 50]),
      month("3月台账", "2026-03-31", [300, 80]),
    ];
    const rows = latestReports(sheets, "2026-02-28");
    expect(rows.map((r) => [r.name, r.fundsInPlace])).toEqual([
      ["项目1", 200],
      ["项目2", 50],
    ]);
  });

  it("keep every row of a single dated ledger, and of ledgers that state no date", () => {
    expect(latestReports([month("3月台账", "2026-03-31", [1, 2])], "2026-06-30")).toHaveLength(2);
    expect(
      latestReports([month("台账", null, [1, 2]), month("续表", null, [3])], "2026-06-30")
    ).toHaveLength(3);
  });

  const report = (
    sheet: string,
    statedAsOf: string,
    rows: readonly { name: string; unit: string; nameKey?: string }[]
  ) => ({ ...ledger(rows.map((r) => ({ ...signed, ...r }))), sheet, statedAsOf });

  it("count a project moved to another unit once, for the unit of its latest report", () => {
    const rows = latestReports(
      [
        report("6月台账", "2026-06-30", [{ name: "智能装备项目", unit: "南关区" }]),
        report("8月台账", "2026-08-31", [{ name: "智能装备项目", unit: "宽城区" }]),
      ],
      "2026-08-31"
    );
    expect(rows.map((r) => [r.name, r.unit])).toEqual([["智能装备项目", "宽城区"]]);
  });

  it("keep a name one report lists under two units as two projects", () => {
    const both = [
      { name: "食品加工项目", unit: "宽城区" },
      { name: "食品加工项目", unit: "二道区" },
    ];
    const rows = latestReports(
      [report("7月台账", "2026-07-31", both), report("8月台账", "2026-08-31", both)],
      "2026-08-31"
    );
    expect(rows.map((r) => r.unit).sort()).toEqual(["二道区", "宽城区"]);
  });

  it("link a sheet without 项目编号 to the coded sheets by name, so a project renamed under its code is one", () => {
    const rows = latestReports(
      [
        report("1-6月台账", "2026-06-30", [{ name: "冷链物流项目", unit: "平湖街道" }]),
        report("7月台账", "2026-07-31", [
          { name: "冷链物流项目", unit: "平湖街道", nameKey: "#SY-05" },
        ]),
        report("8月台账", "2026-08-31", [
          { name: "平湖冷链物流园项目", unit: "平湖街道", nameKey: "#SY-05" },
        ]),
      ],
      "2026-08-31"
    );
    expect(rows.map((r) => r.name)).toEqual(["平湖冷链物流园项目"]);
  });
});
