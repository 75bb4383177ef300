/** 累计到位资金 beside 其中：本年到位资金 in a 台账: this year's funds are the year's actual. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

function ledger(heads: readonly string[], a: readonly number[], b: readonly number[]): SheetSpec {
  return {
    name: "项目台账",
    rows: [
      ["2024年招商引资项目台账"],
      ["序号", "项目名称", "所在县区", "签约时间", ...heads],
      [1, "新材料项目", "汉台区", "2023-09-15", ...a],
      [2, "食品加工项目", "勉县", "2024-05-01", ...b],
    ],
  };
}

function funds(sheet: SheetSpec) {
  const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet]), {}, { asOf: "2024-09-30" });
  return {
    funds: r.ledgers[0]?.rows.map((row) => row.fundsInPlace) ?? [],
    column: r.reports.find((s) => s.name === "项目台账")?.columns["funds_in_place"],
  };
}

describe("到位资金 typed as a running total and as this year's", () => {
  it("reads 其中：本年到位资金, not the 累计到位资金 before it", () => {
    const got = funds(
      ledger(["累计到位资金（万元）", "其中：本年到位资金（万元）"], [15000, 9000], [3000, 3000])
    );
    expect(got.column).toBe("F");
    expect(got.funds).toEqual([9000, 3000]);
  });

  it("reads 2024年到位资金 when it comes first too", () => {
    const got = funds(
      ledger(["2024年到位资金（万元）", "累计到位资金（万元）"], [9000, 15000], [3000, 3000])
    );
    expect(got.column).toBe("E");
  });

  it("keeps a lone 累计到位资金, and the first of two columns neither of which is this year's", () => {
    expect(funds(ledger(["累计到位资金（万元）"], [15000], [3000])).column).toBe("E");
    expect(
      funds(ledger(["累计到位资金（万元）", "上年到位资金（万元）"], [15000, 6000], [3000, 0]))
        .column
    ).toBe("E");
  });
});
