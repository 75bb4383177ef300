import {
  Prng,
  SEED_001_UNITS,
  generateSampleData,
  planSampleWorkbook,
  planTemplate,
  planUnitSubmission,
} from "../../../src/core/samples";
import type { SheetPlan } from "../../../src/core/plan";

function sheet(plan: { sheets: readonly SheetPlan[] }, name: string): SheetPlan {
  return plan.sheets.find((s) => s.name === name) as SheetPlan;
}

describe("sample workbook", () => {
  const plan = planSampleWorkbook();

  it("holds seed 001's 附件1 exactly as published", () => {
    const t = sheet(plan, "目标分解表");
    expect(t.values.slice(0, 2).map((r) => r[0])).toEqual([
      "招商引资攻坚目标分解表",
      "项目单位:个",
    ]);
    expect(t.values[2]).toEqual([
      "序号",
      "责任单位",
      "实际利用内、外资指标",
      null,
      "储备项目",
      null,
      null,
      "签约项目",
      null,
    ]);
    expect(t.values[3]).toEqual([
      null,
      null,
      "实际利用外资(亿美元)",
      "实际利用内资(亿元)",
      "包装项目",
      "重点规划推介项目",
      "在谈项目",
      "项目总数",
      "其中工业项目",
    ]);
    expect(t.merges).toEqual(["A1:I1", "A2:I2", "A3:A4", "B3:B4", "C3:D3", "E3:G3", "H3:I3"]);
    expect(t.values.slice(4)).toEqual([
      [null, "合计", 14, 194, 1000, 400, 600, 800, 400],
      [1, "经开区", 4.72, 31.5, 150, 55, 80, 110, 84],
      [2, "高新区", 4.45, 27.65, 150, 55, 80, 110, 84],
      [3, "净月区", 0.91, 26.35, 100, 45, 70, 90, 10],
      [4, "汽开区", 1.19, 24.05, 100, 45, 70, 90, 66],
      [5, "朝阳区", 0.26, 10.9, 60, 26, 40, 52, 12],
      [6, "南关区", 0.24, 4.9, 40, 15, 20, 30, "---"],
      [7, "宽城区", 0.34, 8.6, 55, 24, 35, 48, 16],
      [8, "二道区", 0.32, 7.25, 45, 18, 25, 36, 10],
      [9, "绿园区", 0.13, 6.75, 55, 19, 35, 38, 16],
      [10, "双阳区", 0.33, 8.25, 45, 18, 25, 36, 14],
      [11, "榆树市", 0.14, 6.55, 45, 18, 25, 36, 20],
      [12, "农安县", 0.34, 9.35, 45, 18, 25, 36, 20],
      [13, "德惠市", 0.41, 12.95, 55, 22, 35, 44, 22],
      [14, "九台市", 0.22, 8.95, 55, 22, 35, 44, 26],
    ]);
    expect(t.owned).toBe(false);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(planSampleWorkbook())).toBe(JSON.stringify(plan));
    expect(JSON.stringify(planSampleWorkbook({ seed: 7 }))).not.toBe(JSON.stringify(plan));
  });

  it("has a ledger consistent with the reported actuals, dated inside the campaign up to the as-of date", () => {
    const data = generateSampleData();
    expect(data.projects.length).toBeGreaterThan(300);
    const asOf = Date.UTC(2008, 0, 31);
    for (const a of data.actuals) {
      const mine = data.projects.filter((p) => p.unit === a.unit.unit);
      const signed = mine.filter((p) => p.signedDate !== null && p.investment > 3000);
      expect(signed.length).toBe(a.values[5]);
      expect(signed.filter((p) => p.industrial).length).toBe(a.values[6] ?? 0);
      expect(mine.filter((p) => p.stage === "在谈").length).toBe(a.values[4]);
      const funds = mine.reduce((s, p) => s + (p.fundsInPlace ?? 0), 0);
      expect(funds).toBe(Math.round((a.values[1] ?? 0) * 10_000));
      for (const p of signed) {
        const t = (p.signedDate as Date).getTime();
        expect(t).toBeGreaterThanOrEqual(Date.UTC(2007, 6, 1));
        expect(t).toBeLessThanOrEqual(asOf);
        if (p.registeredDate) expect(p.registeredDate.getTime()).toBeGreaterThan(t);
        if (p.startedDate) expect(p.startedDate.getTime()).toBeLessThanOrEqual(asOf);
      }
    }
    expect(new Set(data.projects.map((p) => p.name)).size).toBe(data.projects.length);
    expect(data.actuals.find((a) => a.unit.unit === "南关区")?.values[6]).toBeNull();
  });

  it("splits into unit submissions that together hold every project once", () => {
    const data = generateSampleData();
    const groups = [
      SEED_001_UNITS.slice(0, 4),
      SEED_001_UNITS.slice(4, 10),
      SEED_001_UNITS.slice(10),
    ].map((g) => g.map((u) => u.unit));
    const rows = groups.map(
      (g) => sheet(planUnitSubmission(data, g), "项目台账").values.length - 1
    );
    expect(rows.reduce((a, b) => a + b, 0)).toBe(data.projects.length);
  });

  it("has a seeded PRNG independent of Math.random", () => {
    const a = new Prng(1);
    const b = new Prng(1);
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
  });
});

describe("planTemplate", () => {
  it("is the blank standard workbook with dropdowns for units, industries and stages", () => {
    const plan = planTemplate();
    expect(plan.sheets.map((s) => s.name)).toEqual(["目标分解表", "完成情况表", "项目台账"]);
    const ledger = sheet(plan, "项目台账");
    expect(ledger.values[0]).toContain("项目阶段");
    expect(ledger.validations.map((v) => v.range)).toEqual([
      "D2:D1001",
      "E2:E1001",
      "G2:G1001",
      "H2:H1001",
    ]);
    expect(ledger.validations[0]?.source).toEqual({ sheet: "目标分解表", range: "B6:B25" });
    expect(ledger.validations[3]?.values).toEqual(["线索", "在谈", "签约", "注册", "开工", "投产"]);
    for (const v of ledger.validations) expect(v.values.join(",").length).toBeLessThan(255);
  });
});
