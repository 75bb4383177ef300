import { recognizeWorkbook } from "../../../src/core/recognize";
import {
  collectIssues,
  defaultValidationContext,
  validateWorkbook,
} from "../../../src/core/validate";
import { groupIssues } from "../../../src/core/issues";
import { GROUP_SHOWN } from "../../../src/core/issues/group";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";
import { actualsUnknownUnits } from "../../fixtures/layouts/actuals-units";
import { formulaErrors } from "../../fixtures/layouts/targets-values";

const ctx = defaultValidationContext(new Date("2023-12-31T00:00:00Z"));
const check = (sheets: readonly SheetSpec[], context = ctx) => {
  const recognition = recognizeWorkbook(workbookGrid("t.xlsx", sheets));
  return { recognition, issues: collectIssues(recognition, context) };
};

describe("validateWorkbook", () => {
  it("defaults to the calendar year of the as-of date", () => {
    expect(ctx.period.start.toISOString().slice(0, 10)).toBe("2023-01-01");
    expect(ctx.period.end.toISOString().slice(0, 10)).toBe("2023-12-31");
    expect(ctx.stages).toEqual(["线索", "在谈", "签约", "注册", "开工", "投产"]);
    // No threshold applies unless the rules state one (seed 001's 超3000万 is the campaign preset's).
    expect(ctx.signingThresholdWan).toBeNull();
  });

  it("blocks only the cell with an error, not its row or the run", () => {
    const { recognition } = check(formulaErrors.sheets);
    const [first, second] = recognition.targets?.units ?? [];
    expect(first?.values["domestic_capital_cny"]).toMatchObject({
      blocked: true,
      value: null,
      cell: "B2",
    });
    expect(first?.values["signed_total"]).toMatchObject({ blocked: false, value: 110 });
    expect(second?.values["signed_total"]).toMatchObject({ blocked: true });
    expect(second?.values["domestic_capital_cny"]).toMatchObject({ blocked: false, value: 276500 });
  });

  it("warns of a unit no target names when every target unit is reported, and errs when one is missing", () => {
    const sheets = (actualUnits: readonly string[]): SheetSpec[] => [
      {
        name: "目标",
        rows: [
          ["县区", "签约项目（个）"],
          ["南关区", 10],
          ["宽城区", 8],
        ],
      },
      {
        name: "1-9月完成",
        rows: [["县区", "签约项目（个）"], ...actualUnits.map((u, k) => [u, 5 + k])],
      },
    ];
    const unknown = (names: readonly string[]) =>
      check(sheets(names))
        .issues.filter((i) => i.code === "unknown_unit")
        .map((i) => [i.cell, i.severity]);
    expect(unknown(["南关区", "宽城区", "长春新区"])).toEqual([["A4", "warning"]]);
    expect(unknown(["南关区", "长春新区"])).toEqual([["A3", "error"]]);
  });

  it("suggests the closest target unit for a typo and matches script/space variants", () => {
    const { issues } = check(actualsUnknownUnits.sheets);
    const typo = issues.find((i) => i.cell === "A4");
    expect(typo).toMatchObject({
      code: "unknown_unit",
      severity: "error",
      row: 4,
      field: "unit",
      suggestion: "朝阳区",
    });
    expect(typo?.message_zh).toContain("朝阳区");
    expect(typo?.message_en).toContain('did you mean "朝阳区"');
    expect(issues.find((i) => i.cell === "A5")?.suggestion).toBeUndefined();
    expect(issues.find((i) => i.cell === "A3" && i.code !== "duplicate_unit")).toMatchObject({
      code: "unit_name_variant",
      severity: "info",
      suggestion: "经开区",
    });
  });

  it("blocks both rows of a unit listed twice, and only them", () => {
    const { recognition, issues } = check([
      {
        name: "目标",
        rows: [
          ["责任单位", "签约项目数"],
          ["经开区", 110],
          ["高新区", 110],
          ["经开区", 5],
        ],
      },
    ]);
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["duplicate_unit@A4"]);
    expect(recognition.targets?.units.map((u) => u.values["signed_total"]?.blocked)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("reports a unit listed twice in the actuals, and a combined table's duplicate once", () => {
    const targets = {
      name: "目标",
      rows: [
        ["责任单位", "签约项目数"],
        ["经开区", 110],
        ["高新区", 110],
      ],
    };
    const actuals = {
      name: "完成情况",
      rows: [
        ["责任单位", "签约项目数"],
        ["经开区", 100],
        ["高新区", 90],
        ["经开区", 120],
      ],
    };
    expect(
      check([targets, actuals]).issues.map((i) => `${i.code}@${i.sheet}!${i.cell}:${i.severity}`)
    ).toEqual(["duplicate_unit@完成情况!A4:error"]);
    const combined = {
      name: "通报",
      rows: [
        ["责任单位", "签约项目", null],
        [null, "目标", "完成"],
        ["经开区", 110, 100],
        ["高新区", 110, 90],
        ["经开区", 110, 120],
      ],
      merges: ["B1:C1", "A1:A2"],
    };
    expect(
      check([combined])
        .issues.filter((i) => i.code === "duplicate_unit")
        .map((i) => `${i.sheet}!${i.cell}`)
    ).toEqual(["通报!A5"]);
  });

  it("says a unit written two ways (經開區 = 经开区) is one unit listed twice", () => {
    const { issues } = check([
      {
        name: "目标",
        rows: [
          ["责任单位", "签约项目数"],
          ["经开区", 110],
          ["經開區", 5],
        ],
      },
    ]);
    expect(issues.find((i) => i.code === "duplicate_unit")?.message_zh).toBe(
      "目标!A3：责任单位“經開區”与第 2 行“经开区”是同一单位，重复列出"
    );
  });

  it("counts a stage typo as the nearest stage, with a warning; a known synonym passes silently", () => {
    const { issues } = check([
      {
        name: "台账",
        rows: [
          ["项目名称", "责任单位", "项目阶段"],
          ["甲", "经开区", "在淡"],
          ["乙", "经开区", "谈判中"],
          ["丙", "经开区", "已開工"],
        ],
      },
    ]);
    expect(issues.filter((i) => i.code === "unknown_stage")).toEqual([]);
    const mapped = issues.filter((i) => i.code === "stage_mapped");
    expect(mapped.map((i) => [i.cell, i.suggestion])).toEqual([["C2", "在谈"]]);
  });

  it("accepts the stages in English, traditional and with 已/阶段", () => {
    const rows = ["Signed", "Under construction", "簽約", "已投产", "在谈阶段"].map((stage, i) => [
      `项目${i}`,
      "经开区",
      stage,
    ]);
    const { issues } = check([
      { name: "台账", rows: [["项目名称", "责任单位", "项目阶段"], ...rows] },
    ]);
    expect(issues.filter((i) => i.code === "unknown_stage")).toEqual([]);
  });

  it("tells withdrawn projects once, as excluded, not as unknown stages", () => {
    const rows = ["已终止", "已签约", "已撤销"].map((stage, i) => [`项目${i}`, "经开区", stage]);
    const { issues } = check([
      { name: "台账", rows: [["项目名称", "责任单位", "项目阶段"], ...rows] },
    ]);
    expect(issues.filter((i) => i.code === "unknown_stage")).toEqual([]);
    const excluded = issues.filter((i) => i.code === "excluded_row");
    expect(excluded.map((i) => [i.severity, i.cell])).toEqual([["info", "C2"]]);
    expect(excluded[0]?.message_en).toContain("2 projects");
  });

  it("reads 合同签订日期 as the signing date, and an unreadable progress note beside dates as a warning", () => {
    const { recognition, issues } = check([
      {
        name: "台账",
        rows: [
          ["项目名称", "责任单位", "合同签订日期", "项目进展情况"],
          ["A项目", "经开区", "2023-05-01", "项目推进中"],
          ["B项目", "经开区", "2023-06-01", "已签约"],
        ],
      },
    ]);
    expect(recognition.ledgers[0]?.columns["signed_date"]).toBe(2);
    const unknown = issues.filter((i) => i.code === "unknown_stage");
    expect(unknown.map((i) => [i.severity, i.cell])).toEqual([["warning", "D2"]]);
  });

  it("treats the signing threshold as strictly greater than", () => {
    const ledger = (amount: number): SheetSpec => ({
      name: "台账",
      rows: [
        ["项目名称", "责任单位", "总投资(万元)", "项目阶段", "签约日期"],
        ["A项目", "经开区", amount, "注册", "2023-05-01"],
      ],
    });
    const stated = { ...ctx, signingThresholdWan: 3000 };
    expect(check([ledger(3000)], stated).issues.map((i) => i.code)).toContain(
      "below_signing_threshold"
    );
    expect(check([ledger(3000.5)], stated).issues.map((i) => i.code)).not.toContain(
      "below_signing_threshold"
    );
    expect(check([ledger(3000)]).issues.map((i) => i.code)).not.toContain(
      "below_signing_threshold"
    );
  });

  it("tolerates rounding in totals but not a real gap", () => {
    const table = (total: number): SheetSpec => ({
      name: "目标",
      rows: [
        ["单位", "实际利用内资(亿元)"],
        ["合计", total],
        ["甲区", 0.33],
        ["乙区", 0.33],
        ["丙区", 0.33],
      ],
    });
    expect(check([table(1)]).issues).toEqual([]);
    expect(check([table(1.1)]).issues.map((i) => i.code)).toEqual(["total_mismatch"]);
  });

  it("takes a 全市 row above the assessed units' sum, with a unit marked 不参与考核, for a warning, not an error", () => {
    const sheet = (total: number): SheetSpec => ({
      name: "目标",
      rows: [
        ["单位", "签约项目数", "备注"],
        ["全市", total, ""],
        ["甲区", 1, ""],
        ["乙区", 2, ""],
        ["丙区", 4, "不参与考核"],
      ],
    });
    const severities = (total: number) =>
      check([sheet(total)])
        .issues.filter((i) => i.code === "total_mismatch")
        .map((i) => i.severity);
    expect(severities(3)).toEqual([]);
    expect(severities(7)).toEqual(["warning"]);
    expect(severities(2)).toEqual(["error"]);
  });

  it("takes a 合计 that leaves out the figures typed as text, as =SUM() does, for a warning saying so", () => {
    const sheet = (total: number): SheetSpec => ({
      name: "目标",
      rows: [
        ["单位", "到位资金(亿元)"],
        ["甲区", "24.6"],
        ["乙区", 18.2],
        ["合计", total],
      ],
    });
    const mismatches = (total: number) =>
      check([sheet(total)]).issues.filter((i) => i.code === "total_mismatch");
    expect(mismatches(42.8)).toEqual([]);
    const [skipped] = mismatches(18.2);
    expect(skipped?.severity).toBe("warning");
    expect(skipped?.message_zh).toContain("存为文本");
    expect(mismatches(20).map((i) => i.severity)).toEqual(["error"]);
  });

  it("asks a ledger for a stage column only when no date says how far its projects got", () => {
    const missing = (header: string, value: string | number) =>
      check([
        {
          name: "台账",
          rows: [
            ["项目名称", "责任单位", "投资额(万元)", header],
            ["A项目", "经开区", 5000, value],
          ],
        },
      ]).issues.filter((i) => i.code === "missing_column" && i.field === "stage");
    expect(missing("签约日期", "2024-03-05")).toEqual([]);
    expect(missing("备注", "重点项目")).toHaveLength(1);
  });

  it("checks each 小计 against the units above it", () => {
    const { issues } = check([
      {
        name: "目标",
        rows: [
          ["单位", "签约项目数"],
          ["甲区", 1],
          ["乙区", 2],
          ["小计", 3],
          ["丙区", 4],
          ["小计", 5],
          ["合计", 7],
        ],
      },
    ]);
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["total_mismatch@B6"]);
  });

  it("accepts a grand total typed between two sections as the sum of every unit, still catching a wrong one", () => {
    const sheet = (total: number): SheetSpec => ({
      name: "目标",
      rows: [
        ["片区", "县区", "签约项目数"],
        ["东部", "甲区", 1],
        ["东部", "乙区", 2],
        [null, "小计", 3],
        ["西部", "丙区", 4],
        [null, "小计", 4],
        [null, "全市合计", total],
        ["北部", "丁区", 5],
        [null, "小计", 5],
      ],
    });
    expect(check([sheet(12)]).issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
    expect(check([sheet(7)]).issues.filter((i) => i.code === "total_mismatch")).toEqual([]);
    expect(
      check([sheet(13)])
        .issues.filter((i) => i.code === "total_mismatch")
        .map((i) => i.cell)
    ).toEqual(["C7"]);
  });

  it("checks named subtotals (开发区小计) against their section", () => {
    const { issues } = check([
      {
        name: "目标",
        rows: [
          ["责任单位", "签约项目数"],
          ["一、开发区", null],
          ["经开区", 110],
          ["高新区", 110],
          ["开发区小计", 220],
          ["二、城区", null],
          ["朝阳区", 52],
          ["城区小计", 50],
          ["全市合计", 272],
        ],
      },
    ]);
    expect(issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["total_mismatch@B8"]);
  });

  it("applies the user's role and column overrides", () => {
    const sheets: SheetSpec[] = [
      {
        name: "数据",
        rows: [
          ["名单", "数量"],
          ["经开区", 3],
        ],
      },
    ];
    const plain = recognizeWorkbook(workbookGrid("t", sheets));
    expect(plain.reports[0]?.role).toBe("other");
    const fixed = recognizeWorkbook(workbookGrid("t", sheets), {
      roles: { 数据: "targets" },
      columns: { 数据: { 名单: "unit", B: "signed_total" } },
    });
    expect(fixed.reports[0]).toMatchObject({
      role: "targets",
      columns: { unit: "A", signed_total: "B" },
    });
    expect(fixed.targets?.units[0]?.values["signed_total"]?.value).toBe(3);
  });

  it("leaves the recognition's own findings to collectIssues, never repeating them", () => {
    const recognition = recognizeWorkbook(workbookGrid("t.xlsx", formulaErrors.sheets));
    expect(recognition.issues.map((i) => i.code)).toEqual(["formula_error", "formula_error"]);
    expect(validateWorkbook(recognition, ctx)).toEqual([]);
    expect(collectIssues(recognition, ctx)).toEqual(recognition.issues);
  });

  it("builds only the row findings grouping shows, and groups them as if all were built", () => {
    // 30 projects: a start date after today on every one, under the threshold on 5, an unknown stage on 5,
    // and start before signing on 14 of them (so two checks meet at one cell, in the order they are made).
    const rows = Array.from({ length: 30 }, (_, k) => [
      `项目${k}`,
      k % 2 === 0 ? "经开区" : "高新区",
      k % 5 === 0 ? 1000 : 5000,
      k % 6 === 0 ? "未知阶段" : "开工",
      "2024-03-01",
      k % 2 === 0 ? "2024-02-01" : "2024-04-01",
    ]);
    const recognition = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "台账",
          rows: [
            ["项目名称", "责任单位", "总投资(万元)", "项目阶段", "签约日期", "开工日期"],
            ...rows,
          ],
        },
      ])
    );
    const context = { ...ctx, signingThresholdWan: 3000 };
    const all = validateWorkbook(recognition, context);
    const shown = validateWorkbook(recognition, context, GROUP_SHOWN);
    expect(all.length).toBeGreaterThan(80);
    expect(shown.length).toBeLessThan(45);
    expect(groupIssues(shown)).toEqual(groupIssues(all));
    expect(groupIssues(all).find((i) => i.code === "start_before_signing")?.count).toBe(15);
  });

  it("rejects a malformed context", () => {
    const recognition = recognizeWorkbook(workbookGrid("t", []));
    expect(() =>
      validateWorkbook(recognition, {
        ...ctx,
        period: { start: ctx.period.end, end: ctx.period.start },
      })
    ).toThrow();
  });
});
