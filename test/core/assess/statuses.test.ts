import { assessTables } from "../../../src/core/assess/assess-tables";
import { GRADE_AT_PERIOD_END, gradeOf } from "../../../src/core/assess/rank";
import { defaultRules, withTrafficLights, type RuleSet } from "../../../src/core/rules";
import { table, U } from "./builders";

const cols = [{ key: "signed_total", unit: U.个 }];
const targets = table("targets", cols, [
  ["甲", "开发区", 100],
  ["乙", "县市", 100],
  ["丙", "县市", 100],
]);
const actuals = table("actuals", cols, [
  ["甲", "开发区", 70],
  ["乙", "县市", 40],
  ["丙", "县市", 80],
]);
const statusAt = (rules: RuleSet) =>
  assessTables({ targets, actuals, ledgers: [], rules }).results.units.map((u) => [
    u.unit,
    u.indicators["signed_total"]?.status,
  ]);

describe("statuses as the as-of date moves", () => {
  it("period start: 序时进度 ≈ 0.3%, everything with progress is on pace", () => {
    expect(statusAt(defaultRules("2026-01-01"))).toEqual([
      ["丙", "on_pace"],
      ["甲", "on_pace"],
      ["乙", "on_pace"],
    ]);
  });
  it("middle (2026-09-30, 序时进度 75%): 70% is 5 points behind, 40% is 35 points behind", () => {
    expect(statusAt(defaultRules("2026-09-30"))).toEqual([
      ["丙", "on_pace"],
      ["甲", "behind"],
      ["乙", "far_behind"],
    ]);
  });
  it("end (序时进度 100%): 80% is 20 points behind, 70% 30 points (still 滞后), 40% 60 points", () => {
    expect(statusAt(defaultRules("2026-12-31"))).toEqual([
      ["丙", "behind"],
      ["甲", "behind"],
      ["乙", "far_behind"],
    ]);
  });
  it("红黄绿灯 preset: within 10 points of 序时进度 stays green (on pace), yellow to 30, red beyond", () => {
    const rules = withTrafficLights(defaultRules("2026-09-30")); // 75%
    expect(statusAt(rules)).toEqual([
      ["丙", "on_pace"],
      ["甲", "on_pace"],
      ["乙", "far_behind"],
    ]);
    expect(
      assessTables({ targets, actuals, ledgers: [], rules }).results.bands.find(
        (b) => b.status === "behind"
      )?.label_zh
    ).toBe("黄灯");
  });
});

describe("grouping and grades", () => {
  it("grouping off: no group ranks; auto: ranks within 开发区 / 县市", () => {
    const off = assessTables({
      targets,
      actuals,
      ledgers: [],
      rules: { ...defaultRules("2026-12-31"), grouping: "off" },
    }).results;
    expect(off.grouping).toBe(false);
    expect(off.units.map((u) => u.groupRank)).toEqual([null, null, null]);
    const auto = assessTables({
      targets,
      actuals,
      ledgers: [],
      rules: defaultRules("2026-12-31"),
    }).results;
    expect(auto.units.map((u) => [u.unit, u.rank, u.groupRank])).toEqual([
      ["丙", 1, 1],
      ["甲", 2, 1],
      ["乙", 3, 2],
    ]);
  });

  it("grades by rank share: 优秀 top 20%, 良好 to 50%, 合格 to 90%, the rest 不合格", () => {
    const grades = {
      basis: "rank_share" as const,
      bands: [
        { label: "优秀", value: 0.2 },
        { label: "良好", value: 0.5 },
        { label: "合格", value: 0.9 },
        { label: "不合格", value: 1 },
      ],
    };
    // 10 units: ranks 1–2 → ≤ 20%, 3–5 → ≤ 50%, 6–9 → ≤ 90%, 10 → 100%
    expect([1, 2, 3, 5, 6, 9, 10].map((r) => gradeOf(0, r, 10, grades))).toEqual([
      "优秀",
      "优秀",
      "良好",
      "良好",
      "合格",
      "合格",
      "不合格",
    ]);
  });

  it("grades mid-period against the 序时目标, so a unit exactly on pace is never failing", () => {
    const grades = {
      basis: "score" as const,
      bands: [
        { label: "优秀", value: 90 },
        { label: "良好", value: 80 },
        { label: "合格", value: 60 },
        { label: "不合格", value: 0 },
      ],
    };
    // 序时进度 50%: on pace on every indicator scores 50 → 100% of the 序时目标.
    expect(gradeOf(50, 1, 10, grades, 0.5)).toBe("优秀");
    expect(gradeOf(29, 1, 10, grades, 0.5)).toBe("不合格");
    expect(gradeOf(50, 1, 10, grades, 1)).toBe("不合格");
    // Given the standing against the 序时目标, that score grades (not score ÷ 序时进度).
    expect(gradeOf(40, 1, 10, grades, 0.5, { paceScore: 85, lagging: false })).toBe("良好");
    // 评优 goes to units that keep pace: behind on any indicator, the top band is out of reach mid-period.
    expect(gradeOf(60, 1, 10, grades, 0.5, { paceScore: 110, lagging: true })).toBe("良好");
    expect(gradeOf(60, 1, 10, grades, 0.5, { paceScore: 110, lagging: false })).toBe("优秀");
    expect(gradeOf(30, 1, 10, grades, 0.5, { paceScore: 70, lagging: true })).toBe("合格");
    // At period end the score grades as it stands, lagging or not.
    expect(gradeOf(95, 1, 10, grades, 1, { paceScore: 95, lagging: true })).toBe("优秀");
    // 按全年目标: no grade until the period is over, then the score as it stands.
    const fullYear = { ...grades, midPeriod: "full_year" as const };
    expect(gradeOf(50, 1, 10, fullYear, 0.5)).toBe(GRADE_AT_PERIOD_END);
    expect(gradeOf(95, 1, 10, fullYear, 1)).toBe("优秀");
  });
});
