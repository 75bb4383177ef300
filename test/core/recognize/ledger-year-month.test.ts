/** 签约年月 typed as the number 2024.03: March 2024, never the date serial 2024 (July 1905). */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { yearMonthNumber } from "../../../src/core/recognize/ledger-year-month";
import { workbookGrid } from "../../fixtures/grid";

const iso = (d: Date | "ambiguous" | null) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : d;

describe("a year and month typed as a number", () => {
  it("reads 2024.03 / 2024.3 / 2024.12 as months and leaves 2024.1 (January or October) unread", () => {
    expect(iso(yearMonthNumber(2024.03))).toBe("2024-03-01");
    expect(iso(yearMonthNumber(2024.3))).toBe("2024-03-01");
    expect(iso(yearMonthNumber(2024.12))).toBe("2024-12-01");
    expect(yearMonthNumber(2024.1)).toBe("ambiguous");
    expect(yearMonthNumber(45356)).toBeNull();
    expect(yearMonthNumber(2024.13)).toBeNull();
  });

  it("dates a 台账's 签约年月 column typed so", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "签约项目台账",
          rows: [
            ["序号", "县区", "项目名称", "协议投资额（万元）", "签约年月"],
            [1, "汉台区", "航空零部件项目", 50000, 2024.03],
            [2, "南郑区", "茶饮品加工项目", 12000, 2023.11],
          ],
        },
      ]),
      {},
      { asOf: "2024-09-30" }
    );
    expect(r.ledgers[0]?.rows.map((x) => x.signedDate && iso(x.signedDate))).toEqual([
      "2024-03-01",
      "2023-11-01",
    ]);
  });
});
