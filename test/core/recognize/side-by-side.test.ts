/** 目标 and 完成 as two tables side by side on one sheet are read as one table, every address the user's. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { joinedSheet } from "../../../src/core/recognize/side-by-side";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const sheet: SheetSpec = {
  name: "目标及完成",
  rows: [
    ["公主岭市2024年各镇招商引资目标及1-9月完成情况"],
    ["一、年度目标", null, null, null, null, "二、1-9月完成"],
    [
      "序号",
      "镇",
      "签约项目（个）",
      "到位资金（亿元）",
      null,
      "镇",
      "签约项目（个）",
      "到位资金（亿元）",
    ],
    [1, "范家屯镇", 6, 4, null, "范家屯镇", 7, 3.6],
    [2, "大岭镇", 5, 3, null, "大岭镇", 5, 3.6],
    [3, "响水镇", 4, 2, null, "响水镇", 3, 2.4],
  ],
  merges: ["A1:H1", "A2:D2", "F2:H2"],
};

describe("two tables side by side", () => {
  it("reads the left one as targets and the right one as actuals, at the user's cells", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet]), {}, { asOf: "2024-09-30" });
    expect(r.reports[0]).toMatchObject({
      role: "combined",
      columns: { unit: "B", "signed_total:actual": "G" },
    });
    const daling = (t: typeof r.targets) => t?.units.find((u) => u.name === "大岭镇");
    expect(daling(r.targets)?.values["signed_total"]).toMatchObject({ value: 5, cell: "C5" });
    expect(daling(r.actuals)?.values["到位资金"]).toMatchObject({ value: 36000, cell: "H5" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reads a 目标 table beside a 完成 table of other units alone, and says why", () => {
    const other: SheetSpec = {
      ...sheet,
      rows: sheet.rows.map((row, r) =>
        r >= 3 ? [...row.slice(0, 5), `${String(row[5])}外`, ...row.slice(6)] : row
      ),
    };
    const joined = joinedSheet(workbookGrid("t.xlsx", [other]).sheets[0]!);
    expect(joined?.wide.rows[3]).toEqual([1, "范家屯镇", 6, 4]);
    expect(joined?.issues).toEqual([
      expect.objectContaining({ code: "unit_missing_from_actuals", severity: "error" }),
    ]);
    const r = read(other);
    expect(r.actuals?.units.some((u) => u.name.endsWith("外")) ?? false).toBe(false);
    expect(r.issues.some((i) => i.code === "unit_missing_from_actuals")).toBe(true);
  });

  const DISTRICTS: [string, number, number, number, number][] = [
    ["南关区", 10, 20, 9, 18.4],
    ["宽城区", 10, 20, 12, 16],
    ["朝阳区", 12, 25, 10, 27.5],
    ["二道区", 8, 16, 8, 12],
  ];
  /** 序号 | 区 | figures ‖ 序号 | `rightHeader` | figures, the right table's lines in `order`. */
  const blocks = (order: readonly number[], rightHeader = "区", merged = true): SheetSpec => ({
    name: "目标及完成",
    rows: [
      ["2024年目标任务", null, null, null, null, "1-9月完成情况"],
      [
        "序号",
        "区",
        "签约项目（个）",
        "到位资金（亿元）",
        null,
        "序号",
        rightHeader,
        "签约项目（个）",
        "到位资金（亿元）",
      ],
      ...DISTRICTS.map((d, k) => {
        const o = DISTRICTS[order[k] as number];
        return [
          k + 1,
          d[0],
          d[1],
          d[2],
          null,
          k + 1,
          o?.[0] ?? null,
          o?.[3] ?? null,
          o?.[4] ?? null,
        ];
      }),
    ],
    merges: merged ? ["A1:D1", "F1:I1"] : [],
  });
  const read = (spec: SheetSpec) =>
    recognizeWorkbook(workbookGrid("t.xlsx", [spec]), {}, { asOf: "2024-09-30" });
  const actual = (r: ReturnType<typeof read>, unit: string) =>
    r.actuals?.units.find((u) => u.name === unit)?.values["signed_total"];

  it("reads a right table listing the units in another order by name, never by line", () => {
    const r = read(blocks([3, 2, 1, 0], "单位"));
    expect(actual(r, "南关区")).toMatchObject({ value: 9, cell: "H6" });
    expect(actual(r, "二道区")).toMatchObject({ value: 8, cell: "H3" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("matches a right table naming the units without their 区 (南关 for 南关区)", () => {
    const spec = blocks([3, 2, 1, 0]);
    const rows = spec.rows.map((row, r) =>
      r >= 2 ? [...row.slice(0, 6), String(row[6]).replace(/区$/, ""), ...row.slice(7)] : row
    );
    const r = read({ ...spec, rows });
    expect(actual(r, "南关区")).toMatchObject({ value: 9, cell: "H6" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reads block titles typed in each table's first cell, unmerged, as the tables' headers", () => {
    const r = read(blocks([0, 1, 2, 3], "区", false));
    expect(r.reports[0]).toMatchObject({ role: "combined" });
    expect(actual(r, "宽城区")).toMatchObject({ value: 12, cell: "H4" });
  });

  it("says which unit the right table leaves out, and which it adds, scoring neither", () => {
    const spec = blocks([1, 0, 2, 3]);
    const rows = spec.rows.map((row, r) => (r === 5 ? [...row.slice(0, 6), "双阳区", 3, 3] : row));
    const r = read({ ...spec, rows });
    expect(actual(r, "二道区")?.value ?? null).toBeNull();
    expect(r.issues.find((i) => i.code === "unit_missing_from_actuals")).toMatchObject({
      severity: "error",
      cell: "B6",
    });
    expect(r.issues.find((i) => i.code === "unknown_unit")).toMatchObject({ cell: "G6" });
    expect(r.actuals?.units.map((u) => u.name)).not.toContain("双阳区");
  });
});
