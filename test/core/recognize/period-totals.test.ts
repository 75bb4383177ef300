/** A 合计 beside an indicator's quarter columns, and a quarter one unit left blank under a 1-9月 report. */
import { figures, recognize } from "../../fixtures/recognize-grid";

const merges = ["A1:A2", "B1:B2", "C1:F1"];
const header = [
  ["序号", "镇街", "签约项目（个）", null, null, null],
  [null, null, "一季度", "二季度", "三季度", "合计"],
];
const targets = {
  name: "目标任务",
  rows: [
    ["序号", "镇街", "签约项目（个）"],
    [1, "合心镇", 10],
    [2, "西新镇", 8],
  ],
};

describe("合计 beside period columns", () => {
  it("reads the 合计 as the periods' sum, not a target or an indicator of its own", () => {
    const r = recognize(
      [
        targets,
        {
          name: "1-9月完成",
          rows: [...header, [1, "合心镇", 2, 3, 4, 9], [2, "西新镇", 1, 2, 3, 6]],
          merges,
        },
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 9 },
      西新镇: { signed_total: 6 },
    });
    expect(r.actuals?.indicators.map((i) => i.key)).toEqual(["signed_total"]);
  });

  it("says so when a unit left a begun quarter and the 合计 blank while others filled them", () => {
    const r = recognize(
      [
        targets,
        {
          name: "1-9月完成",
          rows: [...header, [1, "合心镇", 2, 3, 4, 9], [2, "西新镇", 1, 2, null, null]],
          merges,
        },
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 9 },
      西新镇: { signed_total: 3 },
    });
    const gaps = r.issues.filter((i) => i.code === "missing_actual");
    expect(gaps.map((i) => [i.severity, i.cell])).toEqual([["warning", "E4"]]);
  });

  it("stays quiet about a quarter no unit has reported yet", () => {
    const r = recognize(
      [
        targets,
        {
          name: "1-9月完成",
          rows: [...header, [1, "合心镇", 2, 3, null, 5], [2, "西新镇", 1, 2, null, 3]],
          merges,
        },
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 5 },
      西新镇: { signed_total: 3 },
    });
    expect(r.issues.filter((i) => i.code === "missing_actual")).toEqual([]);
  });
});

describe("last month's running total beside this month's figure", () => {
  const sheet = (rows: (string | number | null)[][]) => ({
    name: "9月",
    rows: [
      ["序号", "镇街", "签约项目（个）", null, null],
      [null, null, "全年目标", "1-8月", "9月"],
      ...rows,
    ],
    merges: ["A1:A2", "B1:B2", "C1:E1"],
  });

  it("adds the 9月 to the 1-8月 when no 1-9月 column is given", () => {
    const r = recognize(
      [
        sheet([
          [1, "合心镇", 12, 8, 2],
          [2, "西新镇", 10, 9, 0],
        ]),
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 10 },
      西新镇: { signed_total: 9 },
    });
  });

  it("reads the 1-8月 alone as of August", () => {
    const r = recognize(
      [
        sheet([
          [1, "合心镇", 12, 8, 2],
          [2, "西新镇", 10, 9, 0],
        ]),
      ],
      "2024-08-31"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 8 },
      西新镇: { signed_total: 9 },
    });
  });
});

describe("last month's running total beside this month's", () => {
  const sheet = (leaves: string[], rows: (string | number | null)[][]) => ({
    name: "完成情况",
    rows: [["序号", "镇街", "签约项目（个）", null, null, null], [null, null, ...leaves], ...rows],
    merges: ["A1:A2", "B1:B2", `C1:${"CDEF"[leaves.length - 1] ?? "F"}1`],
  });

  it("reads the 1-9月累计, not the 1-8月累计 before it, beside a 9月 column", () => {
    const r = recognize(
      [
        sheet(
          ["全年目标", "1-8月累计", "9月", "1-9月累计"],
          [
            [1, "合心镇", 12, 8, 2, 10],
            [2, "西新镇", 10, 9, 0, 9],
          ]
        ),
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 10 },
      西新镇: { signed_total: 9 },
    });
    expect(r.issues.filter((i) => i.code === "duplicate_column")).toEqual([]);
  });

  it("reads the 1-9月 beside a 1-8月 with no 9月 column", () => {
    const r = recognize(
      [
        sheet(
          ["全年目标", "1-8月", "1-9月"],
          [
            [1, "合心镇", 12, 8, 10],
            [2, "西新镇", 10, 9, 9],
          ]
        ),
      ],
      "2024-09-30"
    );
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 10 },
      西新镇: { signed_total: 9 },
    });
  });
});
