/** What a sub-column under an indicator holds, in the words clerks use. */
import { measureOf } from "../../../src/core/recognize/measure-words";

describe("measure words", () => {
  it.each([
    ["已完成数", "actual"],
    ["年度任务数", "target"],
    ["达成值", "actual"],
    ["进度", "rate"],
    ["完成进度", "rate"],
    ["序时进度", "progress"],
    ["序时目标", "progress"],
    ["累计完成", "actual"],
  ])("%s is %s", (word, measure) => {
    expect(measureOf(word)).toBe(measure);
  });

  it("leaves words that are no measure alone", () => {
    expect(measureOf("签约项目数")).toBeNull();
    expect(measureOf("到位资金额")).toBeNull();
  });
});
