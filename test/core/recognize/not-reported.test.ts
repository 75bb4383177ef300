/** Figures a unit did not send, and a 完成 column nobody filled in: missing, never a confident 0. */
import { isNotReportedText } from "../../../src/core/recognize/cell-values";
import { figures, recognize } from "../../fixtures/recognize-grid";

const HEADER = ["序号", "县区", "签约项目（个）", "签约金额（亿元）"];
const targets = {
  name: "目标",
  rows: [HEADER, [1, "梨树县", 8, 20], [2, "伊通县", 6, 15], [3, "双辽市", 6, 15]],
};

describe("未报送 in an actuals column", () => {
  it.each(["未报送", "未报", "暂未上报", "未填报", "待报", " 未 报 送 "])(
    "%s is a missing figure",
    (t) => expect(isNotReportedText(t)).toBe(true)
  );
  it.each(["已完成", "正在推进", "无", "—", "报送"])("%s is not", (t) =>
    expect(isNotReportedText(t)).toBe(false)
  );

  it("keeps the column (one in three cells 未报送) and names each cell as a missing actual, an error", () => {
    const r = recognize([
      targets,
      {
        name: "1-9月",
        rows: [
          HEADER,
          [1, "梨树县", 7, 18],
          [2, "伊通县", "未报送", "未报送"],
          [3, "双辽市", 4, 12],
        ],
      },
    ]);
    expect(r.actuals?.indicators.map((i) => i.key)).toEqual(["signed_total", "签约金额"]);
    const missing = r.issues.filter((i) => i.code === "missing_actual");
    expect(missing.map((i) => [i.severity, i.cell])).toEqual([
      ["error", "C3"],
      ["error", "D3"],
    ]);
    expect(r.actuals?.units[1]?.values["signed_total"]).toMatchObject({
      value: null,
      blocked: true,
    });
  });
});

describe("a 完成 column with no figure at all", () => {
  it("is no actuals column: the indicator is left without a source", () => {
    const r = recognize([
      {
        name: "通报附表",
        rows: [
          ["序号", "县区", "签约项目（个）", null, "开工项目（个）", null],
          [null, null, "目标", "1-9月完成", "目标", "1-9月完成"],
          [1, "梨树县", 8, 7, 4, null],
          [2, "伊通县", 6, 6, 3, null],
          [3, "双辽市", 6, 4, 3, null],
        ],
        merges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
      },
    ]);
    expect(r.targets?.indicators.map((i) => i.name)).toEqual(["签约项目", "开工项目"]);
    expect(r.actuals?.indicators.map((i) => i.name)).toEqual(["签约项目"]);
    expect(figures(r.actuals)).toEqual({
      梨树县: { signed_total: 7 },
      伊通县: { signed_total: 6 },
      双辽市: { signed_total: 4 },
    });
  });
});
