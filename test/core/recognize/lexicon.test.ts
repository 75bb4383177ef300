import { indicatorCore } from "../../../src/core/recognize/lexicon";
import { normalizeText } from "../../../src/core/text";

const core = (s: string): string => indicatorCore(normalizeText(s));

describe("indicatorCore", () => {
  it("pairs headers that differ only in quantity words, period, 新/实际 and the verb before 外资/内资", () => {
    expect(core("新开工项目个数")).toBe(core("开工项目数"));
    expect(core("2024年1-9月签约金额")).toBe(core("签约额"));
    expect(core("合同利用外资")).toBe(core("合同外资"));
    expect(core("实际使用外资")).toBe(core("利用外资"));
  });

  it("keeps indicators apart that count different things", () => {
    expect(core("合同外资")).not.toBe(core("实际利用外资"));
    expect(core("签约项目")).not.toBe(core("开工项目"));
  });
});
