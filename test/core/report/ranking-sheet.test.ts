import { planNoticeSheet, planRankingSheet } from "../../../src/core/report";
import { coalesce, displayWidth, ownerMarkerText, type SheetPlan } from "../../../src/core/plan";
import { NOW, indicator, results, unit } from "./builders";
import { sampleResults } from "./sample-results";

function cell(plan: SheetPlan, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return plan.values[Number(m[2]) - 1]?.[col];
}

function styleOf(plan: SheetPlan, a1: string) {
  return plan.styles.filter((s) => s.ranges.includes(a1)).map((s) => s.style);
}

describe("planRankingSheet", () => {
  const plan = planRankingSheet(results(), { now: NOW });

  it("titles the sheet with the period and the as-of date", () => {
    expect(cell(plan, "A1")).toBe("2007年7月—2008年1月招商引资考核排名");
    const named = planRankingSheet(results(), { now: NOW, areaName: "长春市" });
    expect(cell(named, "A1")).toBe("长春市2007年7月—2008年1月招商引资考核排名");
    expect(cell(plan, "A2")).toMatch(
      /考核期 2007年7月1日—2008年3月31日　截至 2008年1月31日　序时进度 77\.8%/
    );
  });

  it("has a two-row header with merged indicator groups and fixed columns spanning both rows", () => {
    // No 类别 column without groups.
    expect(plan.values[2]?.slice(0, 5)).toEqual([
      "排名",
      "单位",
      "实际利用外资（亿美元）",
      null,
      null,
    ]);
    expect(plan.values[3]?.slice(2, 8)).toEqual([
      "目标",
      "完成",
      "完成率",
      "目标",
      "完成",
      "完成率",
    ]);
    expect(plan.values[2]?.slice(14, 18)).toEqual(["总分", "等次", "评优资格", "名次变化"]);
    expect(plan.merges).toEqual(
      expect.arrayContaining(["A3:A4", "B3:B4", "C3:E3", "F3:H3", "O3:O4", "R3:R4"])
    );
    expect(plan.freeze).toEqual({ rows: 4, columns: 2 });
  });

  it("writes one row per unit by rank with rank changes, grade and eligibility", () => {
    const rows = plan.values.slice(4, 7).map((r) => [r[0], r[1], r[14], r[15], r[16], r[17]]);
    expect(rows).toEqual([
      [1, "经开区", 95.5, "优秀", "优先评优", "↑2"],
      [2, "高新区", 81.25, "良好", "具备评优资格", "↓1"],
      [3, "南关区", 40, "不合格", "取消评优资格", "新"],
    ]);
  });

  it("shows — rather than 新 for every unit on a period's first run", () => {
    const base = results();
    const first = {
      ...base,
      period: { ...base.period, previousAsOf: null },
      units: base.units.map((u) => ({ ...u, previousRank: null })),
    };
    const firstPlan = planRankingSheet(first, { now: NOW });
    expect(firstPlan.values.slice(4, 7).map((r) => r[17])).toEqual(["—", "—", "—"]);
  });

  it("colours every rate by its band and prints the band symbol in the number format", () => {
    expect(cell(plan, "E5")).toBeCloseTo(5.1 / 4.72);
    expect(styleOf(plan, "E5")).toContainEqual(
      expect.objectContaining({ fill: "0072B2", numberFormat: '"▲ "0.0%' })
    );
    expect(styleOf(plan, "N7")).toContainEqual(expect.objectContaining({ fill: "D9D9D9" }));
    expect(cell(plan, "N7")).toBe("— 不适用");
    expect(cell(plan, "L7")).toBe("—");
  });

  it("uses the indicator number formats for targets and actuals", () => {
    expect(styleOf(plan, "C5:D5")).toContainEqual(
      expect.objectContaining({ numberFormat: "0.00" })
    );
    expect(styleOf(plan, "I5:J5")).toContainEqual(expect.objectContaining({ numberFormat: "0" }));
  });

  it("adds a totals row summing applicable figures", () => {
    const total = plan.values[7] ?? [];
    expect(total[0]).toBe("合计");
    expect(total[2]).toBeCloseTo(4.72 + 4.45 + 0.24);
    expect(total[11]).toBe(84 + 84);
    expect(total[13]).toBeCloseTo(100 / 168);
  });

  it("groups every style into one entry with many ranges", () => {
    const keys = plan.styles.map((s) => JSON.stringify(s.style));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("ends with a legend, the rules summary, the generation time and the owner marker", () => {
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    for (const label of [
      "▲ 超额完成",
      "● 完成",
      "◆ 达到序时进度",
      "▼ 滞后",
      "✕ 严重滞后",
      "— 不适用",
    ])
      expect(texts).toContain(label);
    expect(texts).toContain("考核规则：按比例计分：得分 = 权重 × min(完成率, 120%)");
    expect(texts.some((t) => t.startsWith("生成时间：2008-02-03 09:30 (UTC+8)"))).toBe(true);
    expect(plan.values[plan.values.length - 1]?.[0]).toBe(ownerMarkerText("ranking"));
    expect(plan.owned).toBe(true);
    expect(plan.kind).toBe("ranking");
  });

  it("prints landscape A4, one page wide, repeating the header rows", () => {
    expect(plan.print).toEqual(
      expect.objectContaining({
        orientation: "landscape",
        paperSize: "A4",
        fitToWidth: 1,
        fitToHeight: 0,
        repeatRows: [3, 4],
      })
    );
  });

  it("sizes columns counting CJK characters double", () => {
    expect(displayWidth("经开区")).toBe(6);
    expect(displayWidth("A1")).toBe(2);
    expect(plan.columnWidths[16]).toBeGreaterThanOrEqual(displayWidth("具备评优资格"));
    expect(plan.columnWidths).toHaveLength(18);
  });

  it("writes a section per group, ranked within the group, when grouping is on", () => {
    const grouped = planRankingSheet(results({ grouping: true }), { now: NOW });
    const firstCol = grouped.values.slice(4, 10).map((r) => [r[0], r[1]]);
    expect(firstCol).toEqual([
      ["开发区（2个）", null],
      [1, "经开区"],
      [2, "高新区"],
      ["城区（1个）", null],
      [1, "南关区"],
      ["合计", null],
    ]);
    expect(grouped.merges).toContain("A5:S5");
  });

  it("sorts by rank whatever order the units arrive in, ties sharing a rank", () => {
    const r = results({
      units: [
        unit({ unit: "乙", rank: 2, indicators: { signed_total: indicator(10, 5) } }),
        unit({ unit: "甲", rank: 1, indicators: {} }),
        unit({ unit: "丙", rank: 1, indicators: {} }),
      ],
    });
    const p = planRankingSheet(r, { now: NOW });
    expect(p.values.slice(4, 7).map((row) => [row[0], row[1]])).toEqual([
      [1, "甲"],
      [1, "丙"],
      [2, "乙"],
    ]);
  });

  it("lays out the sample campaign: 14 units in three groups, 7 indicators, one page wide", () => {
    const p = planRankingSheet(sampleResults(), { now: NOW });
    expect(p.columnWidths).toHaveLength(3 + 7 * 3 + 4);
    expect(p.values[2]?.[0]).toBe("组内排名");
    const units = p.values.filter((r) => typeof r[0] === "number" && typeof r[1] === "string");
    expect(units).toHaveLength(14);
    expect(
      p.values
        .filter((r) => typeof r[0] === "string" && /^(开发区|城区|县市)（\d+个）$/.test(r[0]))
        .map((r) => r[0])
    ).toEqual(["开发区（4个）", "城区（6个）", "县市（4个）"]);
    const widths = p.columnWidths.reduce((a, b) => a + b, 0);
    expect(widths).toBeLessThan(300);
  });
});

describe("planRankingSheet edge cases", () => {
  it("still writes a valid sheet with no units and no indicators", () => {
    const p = planRankingSheet(
      results({ units: [], indicators: [], honour: { red: [], black: [] } }),
      { now: NOW }
    );
    // Without groups or threshold scoring, 类别 and 评优资格 would stay empty: they are left out.
    expect(p.values[2]).toEqual(["排名", "单位", "总分", "等次", "名次变化"]);
    expect(p.values[4]?.[0]).toBe("合计");
    expect(p.dataBars).toEqual([]);
    for (const row of p.values) expect(row).toHaveLength(5);
  });
});

describe("coalesce", () => {
  it("joins stacked single cells of a style into column runs", () => {
    expect(coalesce(["F5", "F6", "B2:C3", "F7", "F9", "G5", "F8"])).toEqual([
      "F5:F9",
      "B2:C3",
      "G5",
    ]);
    expect(coalesce(["A1", "A3"])).toEqual(["A1", "A3"]);
  });
});

describe("an incomplete ranking", () => {
  const incomplete = results({
    complete: false,
    incomplete: [
      {
        kind: "indicator",
        key: "signed_total",
        name: "签约项目",
        message_zh: "目标!C3：指标“签约项目”找不到完成数",
        message_en: 'indicator "签约项目" has no actual',
      },
    ],
  });

  it("says so in its title and in a banner that prints with it", () => {
    const plan = planRankingSheet(incomplete, { now: NOW });
    expect(plan.values[0]?.[0]).toContain("不完整，不得作为正式排名");
    expect(String(plan.values[1]?.[0])).toMatch(/^排名不完整：指标“签约项目”找不到完成数/);
    expect(plan.tabColor).toBe("C00000");
  });

  it("puts a do-not-publish line at the top of the 通报稿", () => {
    const texts = planNoticeSheet(incomplete, { now: NOW }).values.map((r) => String(r[0] ?? ""));
    expect(texts.slice(0, 4).some((t) => t.startsWith("【请勿印发】排名不完整"))).toBe(true);
  });

  it("leaves a complete ranking alone", () => {
    const plan = planRankingSheet(results(), { now: NOW });
    expect(plan.values[0]?.[0]).not.toContain("不完整");
  });
});
