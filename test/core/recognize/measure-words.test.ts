/** What a sub-column under an indicator holds, in the words clerks use. */
import { measureOf, splitMeasureAffix } from "../../../src/core/recognize/measure-words";
import { normalizeText } from "../../../src/core/text";

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
    ["下达任务", "target"],
    ["年计划", "target"],
    ["分解目标", "target"],
    ["1-10月累计", "actual"],
    ["累计实现", "actual"],
    ["实现", "actual"],
    ["截至9月底", "actual"],
    ["截止9月30日累计完成", "actual"],
    ["截至2024年9月末", "actual"],
    ["截至目前", "actual"],
    ["今年以来", "actual"],
    ["年初至今", "actual"],
    ["Plan 2024", "target"],
    ["Target FY2024", "target"],
    ["YTD", "actual"],
    ["% Achieved", "rate"],
    ["年度計畫", "target"],
    ["達成率", "rate"],
  ])("%s is %s", (word, measure) => {
    expect(measureOf(normalizeText(word))).toBe(measure);
  });

  it("leaves words that are no measure alone", () => {
    expect(measureOf("签约项目数")).toBeNull();
    expect(measureOf("到位资金额")).toBeNull();
    expect(measureOf("指标")).toBeNull();
  });
});

describe("a measure joined to an indicator's name", () => {
  it.each([
    ["签约项目任务", "签约项目", "target"],
    ["签约项目计划", "签约项目", "target"],
    ["到位资金累计", "到位资金", "actual"],
    ["签约项目实绩", "签约项目", "actual"],
  ])("%s is %s's %s", (header, phrase, measure) => {
    expect(splitMeasureAffix(normalizeText(header))).toEqual({ phrase, measure });
  });

  it.each(["计划总投资", "实际利用外资", "累计到位资金", "实现税收"])(
    "%s is an indicator of its own, not a measure before one",
    (header) => {
      expect(splitMeasureAffix(normalizeText(header))).toBeNull();
    }
  );
});
