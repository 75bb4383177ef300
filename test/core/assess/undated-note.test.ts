import { assessTables } from "../../../src/core/assess/assess-tables";
import { undatedCountedNotes } from "../../../src/core/assess/undated-note";
import { defaultRules, type RuleSet } from "../../../src/core/rules";
import { day, ledger, table, U } from "./builders";

// Period 2026-01-01..2026-12-31, counted up to 2026-06-30; 签约项目 from the ledger by 签约日期 at stage ≥ 签约.
const rules: RuleSet = (() => {
  const base = defaultRules("2026-06-30");
  return {
    ...base,
    indicators: base.indicators.map((i) =>
      i.key === "signed_total"
        ? {
            ...i,
            source: "ledger" as const,
            aggregate: {
              kind: "count" as const,
              filter: { minStage: "签约", dateField: "signedDate" as const },
            },
          }
        : i
    ),
  };
})();
const targets = table("targets", [{ key: "signed_total", unit: U.个 }], [["甲区", null, 10]]);
const signed = { unit: "甲区", stage: "签约", signedDate: day("2026-03-01") };

function periodsOwnLedger(extra: Parameters<typeof ledger>[0] = []) {
  return ledger([
    { ...signed, name: "有日期" },
    { unit: "甲区", name: "漏填日期", stage: "已签约" }, // counted: the ledger is the period's own
    { unit: "甲区", name: "在谈", stage: "在谈" }, // before 签约: never
    { unit: "甲区", name: "调试", stage: "项目推进中" }, // no stage read: the (blank) date decides
    { unit: "甲区", name: "漏填已开工", stage: "已开工" }, // counted
    ...extra,
  ]);
}

const counted = (l: ReturnType<typeof ledger>) =>
  assessTables({ targets, actuals: null, ledgers: [l], rules }).results.units[0]?.indicators[
    "signed_total"
  ]?.actual;

describe("the note on undated projects counted by their stage", () => {
  it("is one info issue with the count and first cells of the rows the counting took without a date", () => {
    const l = periodsOwnLedger();
    const notes = undatedCountedNotes([l], rules);
    expect(notes).toEqual([
      expect.objectContaining({
        code: "undated_counted",
        severity: "info",
        sheet: "台账",
        cell: "F3",
        count: 2,
        cells: ["F3", "F6"],
        field: "signed_date",
      }),
    ]);
    expect(notes[0]?.message_zh).toContain("2 个项目签约日期未填");
    expect(notes[0]?.message_zh).toContain("本期台账");
    // The count it speaks of: one dated and two undated projects.
    expect(counted(l)).toBe(3);
  });

  it("is absent when the ledger is cumulative (a date outside the period), and nothing undated counts", () => {
    const l = periodsOwnLedger([{ ...signed, name: "去年", signedDate: day("2025-11-01") }]);
    expect(undatedCountedNotes([l], rules)).toEqual([]);
    expect(counted(l)).toBe(1);
  });

  it("is absent when every project is dated, or no rule counts by a date and a stage", () => {
    expect(undatedCountedNotes([ledger([{ ...signed, name: "有日期" }])], rules)).toEqual([]);
    const byDateOnly: RuleSet = {
      ...rules,
      indicators: rules.indicators.map((i) =>
        i.aggregate
          ? { ...i, aggregate: { ...i.aggregate, filter: { dateField: "signedDate" } } }
          : i
      ),
    };
    expect(undatedCountedNotes([periodsOwnLedger()], byDateOnly)).toEqual([]);
  });

  it("lists the first ten cells of many", () => {
    const many = Array.from({ length: 14 }, (_, k) => ({
      unit: "甲区",
      name: `漏填${k}`,
      stage: "签约",
    }));
    const [note] = undatedCountedNotes([periodsOwnLedger(many)], rules);
    expect(note?.count).toBe(16);
    expect(note?.cells).toHaveLength(10);
    expect(note?.message_en).toContain("16 project(s) have no signing date");
    expect(note?.message_en).toMatch(/…\)$/);
  });
});
