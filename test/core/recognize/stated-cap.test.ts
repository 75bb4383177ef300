import type { SheetGrid } from "../../../src/core/grid";
import { sheetGrid } from "../../fixtures/grid";
import { statedCap } from "../../../src/core/recognize/stated-cap";

const sheet = (texts: string[], hidden = false): SheetGrid =>
  sheetGrid({ name: "考核办法", hidden, rows: texts.map((t) => [t]) });

describe("statedCap", () => {
  it.each([
    ["三、计分方法：各项指标得分按完成率计算，完成率超过100%的按100%计算。", 1],
    ["超额完成的，超出120%的部分按120%计分", 1.2],
    ["完成率最高按150%计", 1.5],
    ["各项指标完成率封顶１１０％。", 1.1],
    ["得分以100%封顶", 1],
  ])("reads %s", (text, cap) => {
    expect(statedCap([sheet(["考核办法", text])])).toMatchObject({ cap, cell: "A2" });
  });

  it("reads a rule setting no cap as null", () => {
    for (const text of [
      "三、计分方法：各项指标得分按完成率计算，超额完成的按实际完成率计算，不设上限。",
      "完成率上不封顶",
      "超额部分按实际完成率计分，不封顶",
    ])
      expect(statedCap([sheet([text])])).toMatchObject({ cap: null, cell: "A1" });
    expect(statedCap([sheet(["招引世界500强项目的，每个加2分，加分上不封顶"])])).toBeNull();
  });

  it("reads a 注 under a long table", () => {
    const rows: string[] = Array.from({ length: 100 }, (_, k) => `单位${k}`);
    rows.push("注：完成率超过100%的按100%计。");
    expect(statedCap([sheet(rows)])).toMatchObject({ cap: 1, cell: "A101" });
  });

  it("takes no cap from other percentages or from hidden sheets", () => {
    expect(statedCap([sheet(["签约项目权重30%，到位资金权重40%"])])).toBeNull();
    expect(statedCap([sheet(["序时进度75%，完成率低于60%的通报批评"])])).toBeNull();
    expect(statedCap([sheet(["完成率最高按50%计"])])).toBeNull();
    expect(statedCap([sheet(["完成率超过100%的按100%计算"], true)])).toBeNull();
  });
});
