import { EXCEL_MAX_COLUMNS } from "../../../src/core/grid";
import { MAX_RANKED_INDICATORS, planRankingSheet } from "../../../src/core/report/ranking-sheet";
import { NOW } from "./builders";
import { sampleResults } from "./sample-results";

/** Issue 14 item 10: 6,000 indicators made the ExcelJS writer fail on column 16,387; the sheet lists what fits. */
describe("考核排名 with more indicators than Excel has columns", () => {
  it("lists the first ones, says how many more there are and why, and stays within 16,384 columns", () => {
    const base = sampleResults();
    const template = base.indicators[0];
    if (!template) throw new Error("sample has no indicator");
    const indicators = Array.from({ length: 6000 }, (_, i) => ({
      ...template,
      key: `ind_${i}`,
      name: `指标${i + 1}`,
    }));
    const results = { ...base, indicators };
    const plan = planRankingSheet(results, { now: NOW });
    const width = Math.max(...plan.values.map((r) => r.length));
    expect(width).toBeLessThanOrEqual(EXCEL_MAX_COLUMNS);
    expect(MAX_RANKED_INDICATORS).toBe(5459);
    const subtitle = String(plan.values[1]?.[0]);
    expect(subtitle).toContain(
      `本表只列出前 ${MAX_RANKED_INDICATORS} 个指标，另 ${6000 - MAX_RANKED_INDICATORS} 个`
    );
    expect(subtitle).toContain("Excel's limit of 16384 columns per sheet");
    expect(plan.values[2]).toContain(`指标${MAX_RANKED_INDICATORS}（${template.unit}）`);
    expect(plan.values[2]).not.toContain(`指标${MAX_RANKED_INDICATORS + 1}（${template.unit}）`);
  });

  it("says nothing when everything fits", () => {
    expect(String(planRankingSheet(sampleResults(), { now: NOW }).values[1]?.[0])).not.toContain(
      "本表只列出"
    );
  });
});
