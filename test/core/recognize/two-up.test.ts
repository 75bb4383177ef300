/** A list of units printed two-up — two blocks side by side under one header typed twice — is one table. */
import { twoUpSheet } from "../../../src/core/recognize/two-up";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";
import { figures, recognize } from "../../fixtures/recognize-grid";

const block = ["序号", "镇（街道）", "签约项目（个）", null, "到位资金（万元）", null];
const sub = [null, null, "目标", "完成", "目标", "完成"];
const twoUp: SheetSpec = {
  name: "1-9月完成情况",
  rows: [
    ["德惠市2024年1-9月各镇（街道）招商引资完成情况"],
    [...block, ...block],
    [...sub, ...sub],
    [1, "胜利街道", 4, 5, 2000, 1800, 4, "天台镇", 3, 3, 1500, 1200],
    [2, "建设街道", 4, 3, 2000, 2100, 5, "菜园子镇", 3, 2, 1500, 1500],
    [3, "惠发街道", 4, 4, 2000, 1500, 6, "同太乡", 2, 2, 1000, 800],
  ],
  merges: ["A1:L1", "A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:G3", "H2:H3", "I2:J2", "K2:L2"],
};

describe("units printed two-up", () => {
  it("reads the right block's units under the left block's, each figure at the user's own cell", () => {
    const r = recognize([twoUp]);
    const table = r.targets;
    expect(table?.units.map((u) => u.name)).toEqual([
      "胜利街道",
      "建设街道",
      "惠发街道",
      "天台镇",
      "菜园子镇",
      "同太乡",
    ]);
    expect(figures(r.actuals)).toMatchObject({ 菜园子镇: { signed_total: 2, 到位资金: 1500 } });
    const caiyuanzi = r.actuals?.units.find((u) => u.name === "菜园子镇");
    expect(caiyuanzi?.values["signed_total"]?.cell).toBe("J5");
    expect(caiyuanzi?.row).toBe(4);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("leaves alone a header that is not typed twice, and two blocks naming the same units", () => {
    const one: SheetSpec = { ...twoUp, rows: twoUp.rows.map((row) => row.slice(0, 6)), merges: [] };
    expect(twoUpSheet(workbookGrid("t.xlsx", [one]).sheets[0]!)).toBeNull();
    const same: SheetSpec = {
      ...twoUp,
      rows: twoUp.rows.map((row, r) => (r < 3 ? row : [...row.slice(0, 6), ...row.slice(0, 6)])),
    };
    expect(twoUpSheet(workbookGrid("t.xlsx", [same]).sheets[0]!)).toBeNull();
  });
});
