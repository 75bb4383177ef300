/** Columns and rows around the figures of unit tables that are neither units nor indicators, and headers that name both. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import type { Recognition } from "../../../src/core/model";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const recognize = (sheets: SheetSpec[], asOf?: string): Recognition =>
  recognizeWorkbook(workbookGrid("t.xlsx", sheets), {}, asOf ? { asOf } : {});

/** unit → indicator key → value, for one table. */
function figures(table: Recognition["targets"]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const u of table?.units ?? []) {
    out[u.name] = {};
    for (const ind of table?.indicators ?? [])
      out[u.name]![ind.key] = u.values[ind.key]?.value ?? null;
  }
  return out;
}

const flat = (name: string, header: string[], rows: (string | number)[][]): SheetSpec => ({
  name,
  rows: [header, ...rows],
});

describe("a 合计 column adding the indicators up across each row", () => {
  it("is no indicator of its own", () => {
    const header = ["序号", "镇街", "签约项目", "开工项目", "合计"];
    const r = recognize([
      flat("目标", header, [
        [1, "合心镇", 6, 4, 10],
        [2, "西新镇", 5, 3, 8],
      ]),
      flat("1-9月", header, [
        [1, "合心镇", 7, 3, 10],
        [2, "西新镇", 5, 4, 9],
      ]),
    ]);
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["签约项目", "开工项目"]);
    expect(figures(r.actuals)).toEqual({
      合心镇: { signed_total: 7, 开工项目: 3 },
      西新镇: { signed_total: 5, 开工项目: 4 },
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("headers that join the indicator and 任务数 / 完成数", () => {
  it("pairs 签约项目任务数（个） with 签约项目完成数（个）", () => {
    const r = recognize([
      flat(
        "任务分解",
        ["序号", "镇街", "签约项目任务数（个）", "到位资金任务数（亿元）"],
        [[1, "九郊街道", 5, 2]]
      ),
      flat(
        "完成情况",
        ["序号", "镇街", "签约项目完成数（个）", "到位资金完成数（亿元）"],
        [[1, "九郊街道", 6, 1.8]]
      ),
    ]);
    expect(figures(r.targets)).toEqual({ 九郊街道: { signed_total: 5, 到位资金: 20000 } });
    expect(figures(r.actuals)).toEqual({ 九郊街道: { signed_total: 6, 到位资金: 18000 } });
  });

  it("still reads 累计完成数 alone as the measure of the indicator on its left", () => {
    const r = recognize([
      flat("通报", ["序号", "镇街", "签约项目", "累计完成数"], [[1, "九郊街道", 5, 6]]),
    ]);
    expect(figures(r.targets)).toEqual({ 九郊街道: { signed_total: 5 } });
    expect(figures(r.actuals)).toEqual({ 九郊街道: { signed_total: 6 } });
  });
});

describe("the bureau's own 基础分 / 总分 beside the figures", () => {
  it("are scores, not indicators", () => {
    const r = recognize([
      {
        name: "年度考核",
        rows: [
          ["序号", "分局", "签约项目（个）", null, "基础分", "加分", "总分"],
          [null, null, "目标", "完成", null, null, null],
          [1, "驻北京招商分局", 8, 9, 112.5, null, 112.5],
          [2, "驻上海招商分局", 8, 6, 75, 3, 78],
        ],
        merges: ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2", "G1:G2"],
      },
    ]);
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total"]);
    expect(r.reports[0]?.columns).toMatchObject({ bonus: "F" });
  });
});

describe("one indicator named under two groups (内资 / 外资)", () => {
  it("is two indicators, each shown with its group", () => {
    const header: SheetSpec["rows"] = [
      ["序号", "城区", "内资", null, "外资", null],
      [
        null,
        null,
        "签约项目（个）",
        "到位资金（亿元）",
        "签约项目（个）",
        "实际利用外资（万美元）",
      ],
    ];
    const merges = ["A1:A2", "B1:B2", "C1:D1", "E1:F1"];
    const r = recognize([
      { name: "目标", rows: [...header, [1, "南关区", 6, 10, 2, 800]], merges },
      { name: "完成", rows: [...header, [1, "南关区", 7, 9, 1, 880]], merges },
    ]);
    expect(r.targets?.indicators.map((i) => i.name)).toEqual([
      "内资 › 签约项目",
      "到位资金",
      "外资 › 签约项目",
      "实际利用外资",
    ]);
    const actual = r.actuals?.units[0]?.values;
    const byName = (n: string) => r.actuals?.indicators.find((i) => i.name === n)?.key ?? "";
    expect(actual?.[byName("内资 › 签约项目")]?.value).toBe(7);
    expect(actual?.[byName("外资 › 签约项目")]?.value).toBe(1);
    expect(r.issues.filter((i) => i.code === "duplicate_column")).toEqual([]);
  });
});
