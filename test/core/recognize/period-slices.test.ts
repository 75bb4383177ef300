/** Actuals kept one sheet per period: own figures are added up, running totals are not. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import type { Recognition } from "../../../src/core/model";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const HEADER = ["县区", "签约项目（个）", "到位资金（亿元）"];
const targets: SheetSpec = {
  name: "年度目标",
  rows: [["2024年目标任务"], HEADER, ["南郑区", 10, 30], ["城固县", 10, 30]],
};
const quarter = (word: string, note: string | null, figures: [number, number][]): SheetSpec => ({
  name: `第${word}季度`,
  rows: [
    [`2024年第${word}季度各县区招商引资完成情况`],
    ...(note ? [[note]] : []),
    HEADER,
    ["南郑区", ...figures[0]!],
    ["城固县", ...figures[1]!],
  ],
});
const recognize = (sheets: SheetSpec[]): Recognition =>
  recognizeWorkbook(workbookGrid("t.xlsx", sheets), {}, { asOf: "2024-09-30" });
const actual = (r: Recognition, unit: string, key: string) =>
  r.actuals?.units.find((u) => u.name === unit)?.values[key];

describe("actuals kept one sheet per period", () => {
  it("adds up sheets whose titles say each holds its own quarter", () => {
    const note = "（本季度完成数，不含以前季度）";
    const r = recognize([
      targets,
      quarter("一", note, [
        [4, 8],
        [2, 10],
      ]),
      quarter("二", note, [
        [5, 9],
        [3, 11],
      ]),
      quarter("三", note, [
        [3, 10],
        [4, 13],
      ]),
    ]);
    expect(actual(r, "南郑区", "signed_total")).toMatchObject({ value: 12, sheet: "第三季度" });
    expect(actual(r, "城固县", "到位资金")?.value).toBe(340000); // 34亿元 in 万元
    expect(r.issues.find((i) => i.code === "actuals_summed")?.severity).toBe("warning");
  });

  it("adds up sheets whose figures fall from one to the next: they cannot be running totals", () => {
    const r = recognize([
      targets,
      quarter("一", null, [
        [4, 8],
        [2, 10],
      ]),
      quarter("二", null, [
        [5, 9],
        [3, 11],
      ]),
      quarter("三", null, [
        [3, 10],
        [4, 9],
      ]),
    ]);
    expect(actual(r, "南郑区", "signed_total")?.value).toBe(12);
    expect(r.issues.find((i) => i.code === "actuals_summed")?.message_zh).toContain("不是累计数");
  });

  it("takes the latest of running totals with one correction (a signing withdrawn)", () => {
    const r = recognize([
      targets,
      quarter("一", null, [
        [4, 8],
        [2, 10],
      ]),
      quarter("二", null, [
        [9, 17],
        [5, 21],
      ]),
      quarter("三", null, [
        [8, 27],
        [9, 34],
      ]),
    ]);
    expect(actual(r, "南郑区", "signed_total")?.value).toBe(8);
    expect(r.issues.some((i) => i.code === "actuals_summed")).toBe(false);
  });

  it("takes the latest of running totals that never fall", () => {
    const r = recognize([
      targets,
      quarter("一", null, [
        [4, 8],
        [2, 10],
      ]),
      quarter("二", null, [
        [9, 17],
        [5, 21],
      ]),
      quarter("三", null, [
        [12, 27],
        [9, 34],
      ]),
    ]);
    expect(actual(r, "南郑区", "signed_total")?.value).toBe(12);
    expect(r.issues.some((i) => i.code === "actuals_summed")).toBe(false);
  });

  it("takes the latest of sheets that say they are running totals, whatever their figures", () => {
    const r = recognize([
      targets,
      quarter("一", "（1-3月累计）", [
        [4, 8],
        [2, 10],
      ]),
      quarter("二", "（1-6月累计）", [
        [3, 9],
        [3, 11],
      ]),
    ]);
    expect(actual(r, "南郑区", "signed_total")?.value).toBe(3);
  });

  it("says loudly when own-period sheets do not start at the beginning of the year", () => {
    const note = "（本季度完成数，不含以前季度）";
    const r = recognize([
      targets,
      quarter("二", note, [
        [5, 9],
        [3, 11],
      ]),
      quarter("三", note, [
        [3, 10],
        [4, 13],
      ]),
    ]);
    expect(r.issues.find((i) => i.code === "actuals_summed")?.severity).toBe("error");
  });

  it("takes the running total over the month's own figures of the same date (3月 当月 beside 一季度累计)", () => {
    const month = (m: number, figures: [number, number][]): SheetSpec => ({
      name: `${m}月`,
      rows: [
        [`2024年${m}月招商引资完成情况（当月）`],
        HEADER,
        ["南郑区", ...figures[0]!],
        ["城固县", ...figures[1]!],
      ],
    });
    const r = recognize([
      targets,
      month(1, [
        [1, 2],
        [1, 1],
      ]),
      month(2, [
        [2, 3],
        [0, 2],
      ]),
      month(3, [
        [1, 1],
        [2, 2],
      ]),
      {
        name: "一季度累计",
        rows: [["2024年1-3月招商引资累计完成情况"], HEADER, ["南郑区", 4, 6], ["城固县", 3, 5]],
      },
    ]);
    expect(actual(r, "南郑区", "signed_total")).toMatchObject({ value: 4, sheet: "一季度累计" });
    expect(actual(r, "城固县", "signed_total")?.value).toBe(3);
  });
});
