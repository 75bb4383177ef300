/** 到位资金 typed per month or quarter in a 台账: the periods so far add up, a 累计 column beside them wins. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const MONTHS = Array.from({ length: 12 }, (_, k) => `${k + 1}月`);

/** A 台账 whose last columns are `group` › `leaves`, with two projects' cells under them. */
function ledger(group: string, leaves: readonly string[], a: unknown[], b: unknown[]): SheetSpec {
  const last = String.fromCharCode(65 + 4 + leaves.length - 1);
  return {
    name: "项目台账",
    rows: [
      ["2024年招商引资项目台账"],
      ["序号", "项目名称", "所在县区", "签约时间", group, ...leaves.slice(1).map(() => null)],
      [null, null, null, null, ...leaves],
      [1, "新材料项目", "汉台区", "2024-03-01", ...a],
      [2, "食品加工项目", "勉县", "2024-05-01", ...b],
    ] as SheetSpec["rows"],
    merges: ["A2:A3", "B2:B3", "C2:C3", "D2:D3", `E2:${last}2`],
  };
}

function funds(sheet: SheetSpec, asOf = "2024-09-30") {
  const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet]), {}, { asOf });
  return {
    funds: r.ledgers[0]?.rows.map((row) => row.fundsInPlace) ?? [],
    column: r.reports.find((s) => s.name === "项目台账")?.columns["funds_in_place"],
    notes: r.issues.filter((i) => i.code === "funds_summed").map((i) => i.message_zh),
    unrecognised: r.reports.find((s) => s.name === "项目台账")?.unrecognisedColumns ?? [],
  };
}

describe("到位资金 by month in a ledger", () => {
  const months = (m: Record<number, number>) => MONTHS.map((_, k) => m[k + 1] ?? null);

  it("is the sum of the months up to the as-of month, and says so", () => {
    const got = funds(
      ledger(
        "2024年到位资金（万元）",
        MONTHS,
        months({ 3: 2000, 5: 3000, 10: 900 }),
        months({ 8: 1500, 9: 500 })
      )
    );
    expect(got.funds).toEqual([5000, 2000]);
    expect(got.column).toBe("E");
    expect(got.unrecognised).toEqual([]);
    expect(got.notes).toEqual([expect.stringContaining("计到9月")]);
  });

  it("counts every month of a ledger kept for an earlier year", () => {
    const got = funds(
      ledger("2024年到位资金（万元）", MONTHS, months({ 3: 2000, 11: 900 }), months({})),
      "2025-03-31"
    );
    expect(got.funds[0]).toBe(2900);
  });

  it("converts the months by the group's unit", () => {
    const got = funds(ledger("到位资金（亿元）", MONTHS, months({ 1: 0.5, 2: 0.3 }), months({})));
    expect(got.funds[0]).toBeCloseTo(8000);
  });

  it("reads a 累计 column beside the months instead of adding them again", () => {
    const leaves = ["累计", ...MONTHS];
    const got = funds(
      ledger(
        "到位资金（万元）",
        leaves,
        [5000, ...months({ 3: 2000, 5: 3000 })],
        [0, ...months({})]
      )
    );
    expect(got.funds).toEqual([5000, 0]);
    expect(got.column).toBe("E");
    expect(got.notes).toEqual([expect.stringContaining("不再相加")]);
  });

  it("reads the year's months, not a 累计到位资金 since the project began, beside them", () => {
    const sheet: SheetSpec = {
      name: "项目台账",
      rows: [
        [
          "序号",
          "项目名称",
          "所在县区",
          "签约时间",
          "累计到位资金（万元）",
          "2024年到位资金（万元）",
          null,
        ],
        [null, null, null, null, null, "1月", "2月"],
        [1, "新材料项目", "汉台区", "2023-11-05", 8000, 1500, 3000],
        [2, "食品加工项目", "勉县", "2024-05-01", 0, null, null],
      ],
      merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1"],
    };
    const got = funds(sheet);
    expect(got.funds).toEqual([4500, null]);
    expect(got.column).toBe("F");
    expect(got.notes).toEqual([
      expect.stringContaining("往年"),
      expect.stringContaining("计到9月"),
    ]);
  });

  it("reads a 本年到位资金 column of its own beside the month group", () => {
    const sheet: SheetSpec = {
      name: "项目台账",
      rows: [
        [
          "序号",
          "项目名称",
          "所在县区",
          "签约时间",
          "本年到位资金（万元）",
          "到位资金（万元）",
          null,
        ],
        [null, null, null, null, null, "1月", "2月"],
        [1, "新材料项目", "汉台区", "2024-01-05", 4500, 1500, 3000],
        [2, "食品加工项目", "勉县", "2024-05-01", 0, null, null],
      ],
      merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1"],
    };
    const got = funds(sheet);
    expect(got.funds).toEqual([4500, 0]);
    expect(got.column).toBe("E");
  });

  it("adds 一季度…四季度 columns up to the quarter of the as-of month", () => {
    const got = funds(
      ledger(
        "到位资金（万元）",
        ["一季度", "二季度", "三季度", "四季度"],
        [1000, 2000, 3000, 4000],
        [null, 500, null, null]
      ),
      "2024-08-31"
    );
    expect(got.funds).toEqual([6000, 500]);
  });
});
