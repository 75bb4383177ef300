import { sheetGrid } from "../../fixtures/grid";
import { noteWeights } from "../../../src/core/recognize/stated-weights";

const sheetWith = (note: string) =>
  sheetGrid({
    name: "目标任务",
    rows: [
      ["2024年目标任务"],
      ["序号", "县（市）", "签约项目（个）", "开工项目（个）", "到位资金（亿元）"],
      [1, "延吉市", 10, 6, 30],
      [note],
    ],
  });

describe("noteWeights — weights stated in a 注 line", () => {
  it("reads each indicator's points from the note, wherever the clause starts", () => {
    const w = noteWeights(
      sheetWith(
        "注：1.考核实行百分制，其中签约项目30分、开工项目30分、到位资金占40分；2.单项完成率超过120%的按120%计算。"
      )
    );
    expect(w.map((x) => [x.name, x.weight])).toEqual([
      ["签约项目", 30],
      ["开工项目", 30],
      ["到位资金", 40],
    ]);
    expect(w[0]?.where).toBe("目标任务!A4");
  });

  it("reads no weight from 加分 / 扣分 rules, 满分 or a row of figures", () => {
    expect(noteWeights(sheetWith("注：引进世界500强项目加5分，每少1个扣2分，满分100分。"))).toEqual(
      []
    );
    const figures = sheetGrid({ name: "t", rows: [["签约项目30分", 5, 6]] });
    expect(noteWeights(figures)).toEqual([]);
  });
});
