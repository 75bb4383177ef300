/** Targets typed as something other than one figure: a range (确保～力争 in one cell) and a growth rate. */
import { readNumberCell } from "../../../src/core/recognize";
import type { SheetSpec } from "../../fixtures/grid";
import { figures, recognize } from "../../fixtures/recognize-grid";

const combined = (sub: string, rows: (string | number)[][]): SheetSpec => ({
  name: "通报",
  rows: [
    ["序号", "县区", "签约项目（个）", null, "到位资金（亿元）", null],
    [null, null, sub, "1-6月完成", sub, "1-6月完成"],
    ...rows,
  ],
  merges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
});

describe("a range or a growth rate typed where a target goes", () => {
  it.each([
    ["8～10", { low: 8, high: 10 }],
    ["30-36", { low: 30, high: 36 }],
    // A money unit after the range is both ends' (as factorToWan); each end may state its own.
    ["2.5—3亿元", { low: 2.5, high: 3, factorToWan: 10000 }],
    ["5000-8000万", { low: 5000, high: 8000, factorToWan: 1 }],
    ["5000万-1.2亿", { low: 5000, high: 1.2, factorToWan: 1 }],
    ["5至6个", { low: 5, high: 6 }],
  ])("reads %s as a range, no number", (text, range) => {
    expect(readNumberCell(text)).toEqual({ kind: "invalid", text, range });
  });

  it("reads 增长15% as a growth rate, and a backwards range or a date as neither", () => {
    expect(readNumberCell("增长15%")).toEqual({ kind: "invalid", text: "增长15%", growth: true });
    expect(readNumberCell("10-8")).toEqual({ kind: "invalid", text: "10-8" });
    expect(readNumberCell("2亿-8000万")).toEqual({ kind: "invalid", text: "2亿-8000万" });
    expect(readNumberCell("2024-03")).toEqual({ kind: "invalid", text: "2024-03" });
  });

  it("takes a range's first figure where the header says it runs 确保～力争", () => {
    const r = recognize([
      combined("全年目标（确保～力争）", [
        [1, "汉台区", "8～10", 9, "30～36", 28.5],
        [2, "南郑区", "6～8", 5, "24～28.8", 26.4],
      ]),
    ]);
    expect(figures(r.targets)).toEqual({
      汉台区: { signed_total: 8, 到位资金: 300000 },
      南郑区: { signed_total: 6, 到位资金: 240000 },
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.issues).toContainEqual(
      expect.objectContaining({ code: "number_as_text", severity: "warning", cell: "C3" })
    );
  });

  it("keeps a column of ranges or growth rates as the indicator's targets, each cell an error naming it", () => {
    const r = recognize([
      combined("全年目标", [
        [1, "汉台区", "8-10", 9, "增长15%", 28.5],
        [2, "南郑区", "6-8", 5, "增长10%", 26.4],
      ]),
    ]);
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total", "到位资金"]);
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => [i.code, i.cell])).toEqual([
      ["wrong_type", "C3"],
      ["wrong_type", "E3"],
      ["wrong_type", "C4"],
      ["wrong_type", "E4"],
    ]);
    expect(errors[0]?.message_en).toMatch(/range/);
    expect(errors[1]?.message_en).toMatch(/growth rate/);
  });
});

describe("an indicator's sub-columns headed only 全年 / 1-9月 / 占比", () => {
  it("reads 全年 as the target, 1-9月 as the actual and 占比 as the bureau's rate", () => {
    const r = recognize([
      {
        name: "Sheet1",
        rows: [
          ["序号", "城区", "签约项目（个）", null, null, "到位资金（亿元）", null, null],
          [null, null, "全年", "1-9月", "占比", "年度", "1-9月", "占比"],
          [1, "南关区", 10, 11, 1.1, 25, 22.5, 0.9],
          [2, "宽城区", 8, 7, 0.875, 20, 23, 1.15],
        ],
        merges: ["A1:A2", "B1:B2", "C1:E1", "F1:H1"],
      },
    ]);
    expect(figures(r.targets)).toEqual({
      南关区: { signed_total: 10, 到位资金: 250000 },
      宽城区: { signed_total: 8, 到位资金: 200000 },
    });
    expect(figures(r.actuals)).toEqual({
      南关区: { signed_total: 11, 到位资金: 225000 },
      宽城区: { signed_total: 7, 到位资金: 230000 },
    });
    expect(r.reports[0]?.columns).toMatchObject({ "signed_total:rate": "E", "到位资金:rate": "H" });
  });
});
