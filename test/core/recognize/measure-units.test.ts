import { splitHeaderUnit, unitByLabel } from "../../../src/core/recognize/measure-units";
import { normalizeText } from "../../../src/core/text";

describe("unitByLabel", () => {
  it.each([
    ["万美金", "money_usd", 1],
    ["亿美金", "money_usd", 10000],
    ["千万元", "money_cny", 1000],
    ["百万美元", "money_usd", 100],
    ["千美元", "money_usd", 0.1],
    ["人民币亿元", "money_cny", 10000],
    ["元人民币", "money_cny", 0.0001],
    ["十亿元", "money_cny", 100000],
  ])("reads %s as scale and currency", (label, quantity, factor) => {
    expect(unitByLabel(label)).toMatchObject({ quantity, factor });
  });

  it("keeps counts of visits in their own word", () => {
    expect(unitByLabel("家次")).toEqual({ quantity: "count", label: "家次", factor: 1 });
  });

  it("does not read a currency mixed with 人民币 or a scale alone as money", () => {
    expect(unitByLabel("人民币美元")).toBeNull();
    expect(unitByLabel("千万")).toBeNull();
    expect(unitByLabel("亩")).toBeNull();
  });
});

describe("splitHeaderUnit", () => {
  it("takes a colloquial unit out of the header", () => {
    const { label, unit } = splitHeaderUnit(normalizeText("实际利用外资（万美金）"));
    expect(label).toBe(normalizeText("实际利用外资"));
    expect(unit).toMatchObject({ quantity: "money_usd", factor: 1 });
  });
});
