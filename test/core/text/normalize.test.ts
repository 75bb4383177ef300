import {
  closest,
  cleanLabel,
  editDistance,
  normalizeText,
  toHalfWidth,
  toSimplified,
  TRADITIONAL_TABLE_SIZE,
} from "../../../src/core/text";

describe("text normalisation", () => {
  it("turns full-width digits, letters and brackets half-width and unifies brackets", () => {
    expect(toHalfWidth("１２ＡＢ（亿元）：")).toBe("12AB(亿元):");
    expect(toHalfWidth("【万元】〔2007〕")).toBe("(万元)(2007)");
    expect(toHalfWidth("plain")).toBe("plain");
  });

  it("maps the domain's traditional characters to simplified", () => {
    expect(toSimplified("經開區實際利用外資億美元簽約項目萬元")).toBe(
      "经开区实际利用外资亿美元签约项目万元"
    );
    expect(toSimplified("責任單位 合計 開工 註冊 階段")).toBe("责任单位 合计 开工 注册 阶段");
    expect(TRADITIONAL_TABLE_SIZE).toBeGreaterThan(300);
  });

  it("drops spaces and line breaks and lower-cases, so variants compare equal", () => {
    expect(normalizeText("合 计")).toBe("合计");
    expect(normalizeText("實際利用\n外資（億美元）")).toBe("实际利用外资(亿美元)");
    expect(normalizeText("Foreign Capital (100M USD)")).toBe("foreigncapital(100musd)");
    expect(normalizeText("经\u3000开区")).toBe("经开区");
  });

  it("keeps display labels readable", () => {
    expect(cleanLabel("储 备 项 目")).toBe("储备项目");
    expect(cleanLabel("实际利用外\n资(亿美元)")).toBe("实际利用外资(亿美元)");
    expect(cleanLabel("Signed  projects")).toBe("Signed projects");
  });

  it("measures edit distance over code points and finds the closest candidate", () => {
    expect(editDistance("朝阳去", "朝阳区")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(closest("宽城", ["经开区", "宽城区"], 1)).toEqual({ value: "宽城区", distance: 1 });
    expect(closest("月球区", ["经开区", "朝阳区"], 1)).toBeNull();
  });
});
