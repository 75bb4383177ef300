/** Actuals naming districts by 区划代码 only: read by the workbook's own code → name pairs, else refused loudly. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const DISTRICTS: [string, string, number, number][] = [
  ["南关区", "220102", 10, 9],
  ["宽城区", "220103", 10, 12],
  ["朝阳区", "220104", 12, 10],
];

const targets = (withCodes: boolean): SheetSpec => ({
  name: "目标任务",
  rows: [
    ["长春市2024年各区招商引资目标任务"],
    ["序号", "区", ...(withCodes ? ["区划代码"] : []), "签约项目（个）"],
    ...DISTRICTS.map(([name, code, t], k) => [k + 1, name, ...(withCodes ? [code] : []), t]),
  ],
});

const exported: SheetSpec = {
  name: "导出数据",
  rows: [
    ["招商引资主要指标（2024年1-9月）"],
    ["区划代码", "签约项目数"],
    ...[...DISTRICTS].reverse().map(([, code, , a]) => [code, a]),
  ],
};

function read(sheets: SheetSpec[]) {
  const r = recognizeWorkbook(workbookGrid("t.xlsx", sheets), {}, { asOf: "2024-09-30" });
  return {
    r,
    actuals: r.actuals?.units.map((u) => [u.name, u.values["signed_total"]?.value]) ?? [],
    targetKeys: r.targets?.indicators.map((i) => i.key) ?? [],
  };
}

describe("actuals named by 区划代码", () => {
  it("read as the names a 区划代码 column of the targets pairs with the codes", () => {
    const { r, actuals, targetKeys } = read([targets(true), exported]);
    expect(actuals).toEqual([
      ["朝阳区", 10],
      ["宽城区", 12],
      ["南关区", 9],
    ]);
    expect(targetKeys).toEqual(["signed_total"]);
    expect(r.actuals?.units[0]?.values["signed_total"]?.cell).toBe("B3");
    expect(r.issues.some((i) => i.code === "unit_column_inferred" && i.sheet === "导出数据")).toBe(
      true
    );
  });

  it("read by a 对照表 sheet of codes and names", () => {
    const table: SheetSpec = {
      name: "区划对照",
      rows: [["行政区划代码", "区名称"], ...DISTRICTS.map(([name, code]) => [code, name])],
    };
    const { actuals } = read([targets(false), exported, table]);
    expect(actuals.map(([n]) => n)).toEqual(["朝阳区", "宽城区", "南关区"]);
  });

  it("are refused, naming both sheets and the code column, when nothing pairs codes with names", () => {
    const { r } = read([targets(false), exported]);
    expect(r.actuals).toBeNull();
    const e = r.issues.find((i) => i.code === "unit_missing_from_actuals");
    expect(e).toMatchObject({ severity: "error", sheet: "导出数据", cell: "A2" });
    expect(e?.message_zh).toContain("区划代码");
    expect(e?.message_zh).toContain("目标任务");
    expect(e?.message_en).toContain("region code");
  });

  it("leave a ledger whose 区划代码 sits beside the district names alone", () => {
    const ledger: SheetSpec = {
      name: "项目台账",
      rows: [
        ["序号", "项目名称", "所属区", "区划代码", "总投资（万元）", "签约日期"],
        [1, "光电项目", "南关区", "220102", 20000, "2024-03-05"],
        [2, "物流项目", "南关区", "220102", 8000, "2024-04-05"],
        [3, "医药项目", "朝阳区", "220104", 12000, "2024-05-05"],
      ],
    };
    const { r } = read([targets(false), ledger]);
    expect(r.issues.filter((i) => i.code === "unit_missing_from_actuals")).toEqual([]);
    expect(r.ledgers[0]?.rows.map((row) => row.unit)).toEqual(["南关区", "南关区", "朝阳区"]);
  });
});
