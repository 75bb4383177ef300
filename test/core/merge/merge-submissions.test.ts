import { mergeSubmissions, ownerOf, type Submission } from "../../../src/core/merge";
import type { LedgerRow, Recognition, UnitRow, UnitTable } from "../../../src/core/model";

const YI = { quantity: "money_cny", label: "亿元", factor: 10_000 } as const;

function unitRow(name: string, row: number, domestic: number | null): UnitRow {
  return {
    name,
    key: name,
    row,
    group: null,
    values: {
      domestic_capital_cny: {
        value: domestic,
        notApplicable: false,
        blocked: false,
        sheet: "完成情况表",
        cell: `C${row + 1}`,
      },
    },
  };
}

function table(units: UnitRow[]): UnitTable {
  return {
    role: "actuals",
    sheet: "完成情况表",
    headerRows: [0],
    unitColumn: 1,
    groupColumn: null,
    indicators: [{ key: "domestic_capital_cny", name: "实际利用内资(亿元)", col: 2, unit: YI }],
    units,
    totals: [],
  };
}

function project(name: string, unit: string, row: number): LedgerRow {
  return {
    sheet: "项目台账",
    row,
    name,
    nameKey: name,
    unit,
    unitKey: unit,
    investor: null,
    industry: "新材料",
    investment: 5000,
    currency: "CNY",
    foreignShare: null,
    fundsInPlace: 1200,
    stage: "签约",
    signedDate: new Date(Date.UTC(2007, 9, 1)),
    registeredDate: null,
    startedDate: null,
    producedDate: null,
    industrial: true,
    investorType: null,
    origin: null,
    remarks: null,
    columns: {},
    provenance: null,
  };
}

function submission(source: string, units: UnitRow[], projects: LedgerRow[]): Submission {
  const recognition: Recognition = {
    reports: [],
    targets: null,
    actuals: table(units),
    ledgers: [
      { sheet: "项目台账", headerRows: [0], columns: {}, investmentUnit: null, rows: projects },
    ],
    rulesSheet: null,
    issues: [],
  };
  return { source, recognition };
}

describe("mergeSubmissions", () => {
  const a = submission(
    "经开区.xlsx",
    [unitRow("经开区", 4, 312_600)],
    [project("甲项目", "经开区", 1), project("乙项目", "经开区", 2)]
  );
  const b = submission(
    "高新区.xlsx",
    [unitRow("高新区", 4, 233_500)],
    [project("丙项目", "高新区", 1), project("甲项目", "经开区", 2)]
  );
  const c = submission("高新区-补报.xlsx", [unitRow("高新区", 4, 240_000)], []);

  it("unions actuals and ledger rows with their source, in display units", () => {
    const { plan, counts } = mergeSubmissions([a, b]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["完成情况表", "项目台账"]);
    const actuals = plan.sheets[0]?.values ?? [];
    expect(actuals).toEqual([
      ["序号", "责任单位", "实际利用内资(亿元)", "报送文件"],
      [1, "经开区", 31.26, "经开区.xlsx › 完成情况表!B5"],
      [2, "高新区", 23.35, "高新区.xlsx › 完成情况表!B5"],
    ]);
    expect(counts).toEqual({ targets: 0, actuals: 2, ledger: 3 });
    const ledger = plan.sheets[1]?.values ?? [];
    expect(ledger.map((r) => [r[1], r[3], r[r.length - 1]])).toEqual([
      ["项目名称", "责任单位", "报送文件"],
      ["甲项目", "经开区", "经开区.xlsx › 项目台账!2"],
      ["乙项目", "经开区", "经开区.xlsx › 项目台账!3"],
      ["丙项目", "高新区", "高新区.xlsx › 项目台账!2"],
    ]);
  });

  it("reports a project submitted twice and a unit submitting another unit's row", () => {
    const { issues } = mergeSubmissions([a, b]);
    expect(issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["merge_conflict", "warning", "项目台账", "B2"],
    ]);
    expect(issues[0]?.message_zh).toContain("高新区.xlsx › 项目台账!3");
    const swapped = mergeSubmissions([b, a]);
    expect(swapped.issues.map((i) => [i.code, i.cell])).toEqual([
      ["foreign_unit_submission", "D3"],
      ["merge_conflict", "B3"],
    ]);
  });

  it("keeps every row without a project name: none is another's duplicate", () => {
    const nameless = (row: number) => ({ ...project("", "经开区", row), name: "" });
    const d = submission("经开区.xlsx", [], [nameless(1), nameless(2)]);
    const { counts, issues } = mergeSubmissions([d]);
    expect(counts.ledger).toBe(2);
    expect(issues.filter((i) => i.code === "merge_conflict")).toEqual([]);
  });

  it("keeps the first of two different actuals for one unit and says so", () => {
    const { issues, plan } = mergeSubmissions([b, c]);
    expect(plan.sheets[0]?.values.length).toBe(2);
    expect(issues.find((i) => i.sheet === "完成情况表")).toEqual(
      expect.objectContaining({ code: "merge_conflict", severity: "warning", cell: "B2" })
    );
  });

  it("names a file's owner only when exactly one unit fits", () => {
    expect(ownerOf("/x/2008-01 经开区台账.xlsx", ["经开区", "高新区"])).toBe("经开区");
    expect(ownerOf("开发区.xlsx", ["经开区", "高新区"])).toBeNull();
    expect(ownerOf("经开区与高新区.xlsx", ["经开区", "高新区"])).toBeNull();
  });
});
