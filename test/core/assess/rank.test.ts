import { honourLists, indicatorHonour } from "../../../src/core/assess/rank";

const sizes = { red: 3, black: 3 };
const ranked = (scores: readonly number[]) =>
  scores.map((score, i) => ({ unit: `单位${i + 1}`, rank: i + 1, score }));

describe("红榜 / 黑榜", () => {
  it("names at most a third of the units on each list, so three units are never all praised", () => {
    expect(honourLists(ranked([72.9, 66.7, 45.8]), sizes)).toEqual({
      red: ["单位1"],
      black: ["单位3"],
    });
    expect(
      indicatorHonour(
        [
          { unit: "甲", rate: 1 },
          { unit: "乙", rate: 0.5 },
          { unit: "丙", rate: 0 },
        ],
        sizes
      )
    ).toEqual({ red: ["甲"], black: ["丙"] });
  });

  it("keeps the configured size when a third of the units is more", () => {
    const list = honourLists(ranked([99, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 45]), sizes);
    expect(list.red).toEqual(["单位1", "单位2", "单位3"]);
    expect(list.black).toEqual(["单位12", "单位11", "单位10"]);
  });
});
