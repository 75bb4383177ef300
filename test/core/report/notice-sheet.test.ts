import { planNoticeSheet, wholeParagraph, zhMonthSpan } from "../../../src/core/report";
import { NOW, results } from "./builders";

describe("planNoticeSheet", () => {
  it("names the reported months as notices do", () => {
    expect(zhMonthSpan("2022-01-01", "2022-07-31")).toBe("1—7月份");
    expect(zhMonthSpan("2007-07-01", "2008-01-31")).toBe("2007年7月—2008年1月");
    expect(zhMonthSpan("2022-01-01", "2022-01-31")).toBe("1月份");
  });

  it("drafts the whole-area paragraph from the results", () => {
    expect(wholeParagraph(results())).toMatchInlineSnapshot(
      `"2007年7月—2008年1月，全市实际利用外资8.35亿美元，完成目标9.41亿美元的88.7%；实际利用内资57.05亿元，完成目标64.05亿元的89.1%；签约项目170个，完成目标250个的68.0%；其中工业项目100个，完成目标168个的59.5%。本期考核期为2007年7月1日至2008年3月31日，序时进度为77.8%。"`
    );
  });

  it("writes group lines, 红榜/黑榜 and rank changes", () => {
    const plan = planNoticeSheet(results({ grouping: true }), { area: "全区", now: NOW });
    const texts = plan.values.map((r) => r[0]);
    expect(texts).toContain(
      "　　（一）开发区（2个）：经开区95.50分、高新区81.25分；平均得分88.38分，经开区位列第一。经开区较上月上升1位，高新区较上月下降1位。"
    );
    expect(texts).toContain("　　红榜：经开区（综合得分前1名）。");
    expect(texts).toContain("　　黑榜：南关区（综合得分后1名）。");
    expect(texts[0]).toBe("全区2007年7月—2008年1月招商引资考核情况通报");
    expect(plan.kind).toBe("notice");
  });

  it("adds per-indicator 红黑榜 when the results carry them", () => {
    const r = results();
    const withLists = {
      ...r,
      honour: {
        ...r.honour,
        byIndicator: { signed_total: { red: ["经开区"], black: ["南关区", "高新区"] } },
      },
    };
    const texts = planNoticeSheet(withLists).values.map((row) => row[0]);
    expect(texts).toContain("　　签约项目：红榜 经开区；黑榜 南关区、高新区。");
  });
});
