/** The meeting pack from the two meeting workbooks, end to end through the engine (no file, no LibreOffice). */
import { assessWorkbook } from "../../../src/core/assess";
import {
  formatRankingText,
  honourText,
  moneyText,
  periodPhrase,
  planOutputs,
  workbookContext,
  areaNameOf,
  areaWord,
} from "../../../src/core/report";
import type { SheetPlan } from "../../../src/core/plan";
import { workbookGrid } from "../../fixtures/grid";
import {
  COUNTY_AS_OF,
  GROUPED_AS_OF,
  countyMonthlySheets,
  groupedQuarterlySheets,
} from "../../fixtures/meeting/meeting-workbooks";

const NOW = new Date("2024-09-05T02:00:00Z");

function pack(sheets: ReturnType<typeof countyMonthlySheets>, asOf: string) {
  const grid = workbookGrid("meeting.xlsx", sheets);
  const a = assessWorkbook(grid, { now: NOW, asOf });
  const context = workbookContext(grid, a.recognition.reports);
  const plan = planOutputs({ results: a.results, issues: a.issues }, { now: NOW, ...context });
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name) as SheetPlan;
  return {
    a,
    context,
    ranking: sheet("考核排名"),
    notice: sheet("通报稿"),
    chart: sheet("图表"),
  };
}

const texts = (s: SheetPlan): string[] =>
  s.values.flat().filter((v): v is string => typeof v === "string");

describe("county monthly workbook (清河县, 1-8月)", () => {
  const { a, context, ranking, notice } = pack(countyMonthlySheets(), COUNTY_AS_OF);

  it("names the county and the months in the titles", () => {
    expect(context).toEqual({ areaName: "清河县", area: "全县", previousTerm: "上月" });
    expect(ranking.values[0]?.[0]).toBe("清河县2024年1-8月招商引资考核排名");
    expect(notice.values[0]?.[0]).toBe("清河县2024年1-8月招商引资考核情况通报");
  });

  it("reads the 上月排名 column of the actuals sheet as the previous rank", () => {
    const byUnit = new Map(a.results?.units.map((u) => [u.unit, u]));
    expect(byUnit.get("谢炉镇")?.previousRank).toBe(3);
    const row = ranking.values.find((r) => r[1] === "谢炉镇") ?? [];
    expect(row[row.length - 1]).toBe("↑2");
  });

  it("keeps qualifiers, states units once and adds 同比 where last year is known", () => {
    expect(ranking.values[2]).toContain("签约亿元以上项目（个）");
    expect(ranking.values[2]).toContain("实际到位资金（万元）");
    expect(ranking.values[3]?.filter((v) => v === "同比")).toHaveLength(3);
    // No 类别 without groups, no 评优资格 without threshold scoring, no internal keys.
    expect(ranking.values[2]).not.toContain("类别");
    expect(ranking.values[2]).not.toContain("评优资格");
    expect(texts(ranking).some((t) => /[a-z]+_[a-z]+/.test(t) && !/Generated/.test(t))).toBe(false);
  });

  it("sizes every column for what it prints (a 万元 amount with decimals is wide)", () => {
    const money = ranking.values[3]?.indexOf("目标", 6) ?? -1;
    expect(ranking.columnWidths[money]).toBeGreaterThanOrEqual("60000.00".length + 1);
  });

  it("writes the notice in the register bureaus use", () => {
    const body = texts(notice).join("\n");
    expect(body).toContain("全县签约亿元以上项目42个，完成目标56个的75.0%，同比增长27.3%");
    expect(body).toContain("实际到位资金18.60亿元，完成目标26.00亿元的71.5%，同比增长19.2%");
    expect(body).toContain("谢炉镇较上月上升2位");
    expect(body).toContain("葛仙庄镇综合完成进度严重滞后于序时进度（66.7%）");
    expect(body).not.toMatch(/\d{6,}万元/);
  });

  it("grades a unit exactly on pace as on pace, not failing", () => {
    const onPace = a.results?.units.find((u) => u.unit === "上庄镇");
    expect(onPace?.status).toBe("on_pace");
    expect(onPace?.grade).toBe("优秀");
  });
});

describe("grouped quarterly workbook (汉中市 县区 / 园区 / 部门 打擂)", () => {
  const { a, context, ranking, notice, chart } = pack(groupedQuarterlySheets(), GROUPED_AS_OF);

  it("titles from the workbook and ranks within groups", () => {
    expect(context.areaName).toBe("汉中市");
    expect(context.previousTerm).toBe("上季度");
    expect(ranking.values[0]?.[0]).toBe("汉中市2024年1-6月招商引资考核排名");
    expect(ranking.values[2]?.[0]).toBe("组内排名");
  });

  it("compares a unit's rank with its own group's earlier ranks", () => {
    // 汉台区 was 3rd of 县区 last quarter and leads it now: ↑2, though it is 2nd overall.
    const row = ranking.values.find((r) => r[1] === "汉台区") ?? [];
    expect(row[0]).toBe(1);
    expect(row[row.length - 1]).toBe("↑2");
    expect(texts(notice).join("\n")).toContain("汉台区较上季度上升2位");
  });

  it("puts 红榜 and 黑榜 per group, one paragraph per group", () => {
    expect(a.results?.honour.byGroup).toEqual({
      部门: { red: ["市商务局"], black: ["市工信局"] },
      县区: { red: ["汉台区"], black: ["洋县"] },
      园区: { red: ["航空智慧新城"], black: ["兴汉新区"] },
    });
    const lines = texts(notice);
    expect(lines).toContain("　　县区：红榜 汉台区；黑榜 洋县。");
    expect(lines.filter((l) => /^　　（[一二三]）/.test(l))).toHaveLength(3);
  });

  it("keeps the workbook's order of 类别 (县区, 园区, 部门) in the table, the notice and the chart", () => {
    expect(a.results?.groupOrder).toEqual(["县区", "园区", "部门"]);
    const sections = texts(ranking).filter((t) => /^(县区|园区|部门)（\d个）$/.test(t));
    expect(sections).toEqual(["县区（4个）", "园区（3个）", "部门（3个）"]);
    const paragraphs = texts(notice).filter((l) => /^　　（[一二三]）/.test(l));
    expect(paragraphs.map((l) => l.slice(5, 7))).toEqual(["县区", "园区", "部门"]);
    expect(texts(notice).filter((l) => /：红榜 /.test(l))).toEqual([
      "　　县区：红榜 汉台区；黑榜 洋县。",
      "　　园区：红榜 航空智慧新城；黑榜 兴汉新区。",
      "　　部门：红榜 市商务局；黑榜 市工信局。",
    ]);
    // The chart's table lists each 类别 together by rank within it, never an overall rank the meeting did not use.
    expect(chart.values[2]?.slice(0, 4)).toEqual(["组内排名", "单位", "类别", "总分"]);
    const rows = chart.values.slice(3, 13).map((r) => [r[0], r[1], r[2]]);
    expect(rows.slice(0, 5)).toEqual([
      [1, "汉台区", "县区"],
      [2, "城固县", "县区"],
      [3, "南郑区", "县区"],
      [4, "洋县", "县区"],
      [1, "航空智慧新城", "园区"],
    ]);
    expect(chart.charts?.[0]?.series[0]?.values).toBe("D4:D13");
  });

  it("gives a wrapped rule line the height of its lines, so it never prints over the next", () => {
    const rule = ranking.values.findIndex((r) => String(r[0]).includes("排名：按总分"));
    const widths = ranking.columnWidths.reduce((s, w) => s + w, 0);
    expect(String(ranking.values[rule]?.[0]).length * 2).toBeGreaterThan(widths * (11 / 9));
    expect(ranking.rowHeights[rule + 1]).toBeGreaterThanOrEqual(2 * 13);
    // The exchange rate is not a rule of this ranking: no indicator is in dollars, none counts ledger amounts.
    expect(texts(ranking).some((t) => t.includes("汇率"))).toBe(false);
  });

  it("prints the terminal table by 类别, ranks within the group, 红榜 and 黑榜 per group", () => {
    const results = a.results as NonNullable<typeof a.results>;
    const lines = formatRankingText(results).split("\n");
    expect(lines[0]).toMatch(/^组内排名/);
    expect(lines.filter((l) => l.startsWith("【"))).toEqual([
      "【县区】（4个）",
      "【园区】（3个）",
      "【部门】（3个）",
    ]);
    expect(lines[2]).toMatch(/^\s+1\s+汉台区\s.*↑2$/);
    expect(honourText(results)).toEqual([
      "县区 红榜 / top: 汉台区",
      "县区 黑榜 / bottom: 洋县",
      "园区 红榜 / top: 航空智慧新城",
      "园区 黑榜 / bottom: 兴汉新区",
      "部门 红榜 / top: 市商务局",
      "部门 黑榜 / bottom: 市工信局",
    ]);
  });

  it("writes amounts under 1亿 in 万元", () => {
    expect(moneyText(0.45, "亿元")).toBe("4500万元");
    expect(moneyText(3853500, "万元")).toBe("385.35亿元");
    expect(moneyText(12, "亿美元")).toBe("12.00亿美元");
    expect(moneyText(7, "个")).toBe("7个");
  });
});

describe("workbook context", () => {
  it("finds the jurisdiction a title names", () => {
    expect(areaNameOf("清河县2024年招商引资目标任务分解表")).toBe("清河县");
    expect(areaNameOf("长春市绿园区2024年招商引资目标")).toBe("长春市绿园区");
    expect(areaNameOf("汉中经济技术开发区招商引资考核")).toBe("汉中经济技术开发区");
    expect(areaNameOf("全省开发区2024年招商引资目标任务")).toBeNull();
    expect(areaWord("汉中经济技术开发区")).toBe("全区");
    expect(areaWord(null, "全省开发区2024年")).toBe("全省");
    expect(areaWord(null)).toBe("全市");
  });

  it("names the period as titles do", () => {
    expect(periodPhrase("2024-01-01", "2024-12-31", "2024-08-31")).toBe("2024年1-8月");
    expect(periodPhrase("2024-01-01", "2024-12-31", "2024-01-31")).toBe("2024年1月");
    expect(periodPhrase("2024-01-01", "2024-12-31", "2024-12-31")).toBe("2024年");
    expect(periodPhrase("2007-07-01", "2008-03-31", "2008-01-31")).toBe("2007年7月—2008年1月");
  });
});
