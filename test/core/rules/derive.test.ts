/** What a ledger-derived indicator counts, read from the indicator's name. */
import { aggregateFromName } from "../../../src/core/rules/derive";

describe("aggregateFromName", () => {
  it.each([
    ["新签约项目", { kind: "count", filter: { minStage: "签约", dateField: "signedDate" } }],
    [
      "引进亿元以上项目",
      { kind: "count", filter: { minStage: "签约", threshold: { amount: 10000 } } },
    ],
    ["招引项目数", { kind: "count", filter: { minStage: "签约" } }],
    ["签约金额", { kind: "sum", field: "agreedInvestment", filter: { minStage: "签约" } }],
    ["签约总额（万元）", { kind: "sum", field: "agreedInvestment", filter: { minStage: "签约" } }],
    [
      "协议投资额",
      {
        kind: "sum",
        field: "agreedInvestment",
        filter: { minStage: "签约", dateField: "signedDate" },
      },
    ],
    ["新开工项目", { kind: "count", filter: { minStage: "开工", dateField: "startedDate" } }],
    [
      "亿元以上开工项目",
      { kind: "count", filter: { minStage: "开工", threshold: { amount: 10000 } } },
    ],
    ["到位资金", { kind: "sum", field: "fundsInPlace" }],
    // Any name ending in 额 is an amount; 招商引资 in a project count's name is not.
    ["协议引资额", { kind: "sum", field: "agreedInvestment", filter: { minStage: "签约" } }],
    ["合同额（亿元）", { kind: "sum", field: "agreedInvestment", filter: { minStage: "签约" } }],
    ["招商引资签约项目", { kind: "count", filter: { minStage: "签约" } }],
    // What was signed is the 协议投资额 (agreedInvestment); a name saying 总投资 asks for the project's size.
    ["签约项目总投资（亿元）", { kind: "sum", field: "investment", filter: { minStage: "签约" } }],
    // 外资 names: 合同外资 is the amount signed; a 新设 enterprise is one registered (设立) in the period.
    // 合同外资 sums the ledger's 外资 column, not its 投资总额.
    [
      "合同外资（亿美元）",
      { kind: "sum", field: "foreignInvestment", filter: { minStage: "签约" } },
    ],
    ["新设外资企业", { kind: "count", filter: { minStage: "注册", dateField: "registeredDate" } }],
    // Funds brought in are counted as they arrive: 引进内资, 利用外资, 内资到位 are 到位 sums, not what was signed.
    ["引进内资", { kind: "sum", field: "fundsInPlace", filter: { currency: "CNY" } }],
    ["实际利用外资", { kind: "sum", field: "fundsInPlace", filter: { currency: "USD" } }],
    ["实际使用外资", { kind: "sum", field: "fundsInPlace", filter: { currency: "USD" } }],
    // 外资 names the amount only when it is the amount (合同外资), not when it names the projects (外资企业投资总额).
    ["新设外资企业投资总额（亿美元）", { kind: "sum", field: "investment" }],
    ["内资到位", { kind: "sum", field: "fundsInPlace", filter: { currency: "CNY" } }],
    ["引进资金（亿元）", { kind: "sum", field: "fundsInPlace" }],
  ])("%s", (name, expected) => expect(aggregateFromName(name)).toMatchObject(expected));

  it("reads 省外资金 as money from outside the province, not foreign capital", () => {
    const rule = aggregateFromName("引进省外资金");
    expect(rule).toMatchObject({ kind: "sum", field: "fundsInPlace" });
    expect(rule && "filter" in rule ? rule.filter?.currency : undefined).toBeUndefined();
  });

  it("takes the threshold from the workbook's definition when the name states none", () => {
    const definition = "2024年1月1日以后正式签订投资协议、单体投资额5000万元以上的项目";
    expect(aggregateFromName("签约项目", definition)).toMatchObject({
      kind: "count",
      filter: { minStage: "签约", threshold: { amount: 5000, inclusive: true } },
    });
    // The name's own threshold wins.
    expect(aggregateFromName("亿元以上签约项目", definition)).toMatchObject({
      filter: { threshold: { amount: 10000 } },
    });
  });

  it("leaves the bound out where the name or its definition says 不含", () => {
    const exclusive = { filter: { threshold: { amount: 30000, inclusive: false } } };
    expect(aggregateFromName("3亿元以上（不含3亿元）签约项目")).toMatchObject(exclusive);
    expect(
      aggregateFromName("3亿元以上签约项目", "协议投资额超过3亿元（不含3亿元）的签约项目")
    ).toMatchObject(exclusive);
    // A definition of another amount does not touch the name's bound.
    expect(aggregateFromName("3亿元以上签约项目", "协议投资额超过5亿元的签约项目")).toMatchObject({
      filter: { threshold: { amount: 30000, inclusive: true } },
    });
  });

  it("counts projects signed at the size a name states with no event word (亿元以上项目)", () => {
    expect(aggregateFromName("亿元以上项目（个）")).toMatchObject({
      kind: "count",
      filter: {
        minStage: "签约",
        dateField: "signedDate",
        threshold: { amount: 10000, inclusive: true },
      },
    });
  });

  it("reads a bound said to be included in brackets, and an amount word qualifying counted projects", () => {
    const inclusive = (amount: number) => ({
      kind: "count",
      filter: { minStage: "签约", dateField: "signedDate", threshold: { amount, inclusive: true } },
    });
    expect(aggregateFromName("10亿元（含）以上项目")).toMatchObject(inclusive(100000));
    expect(aggregateFromName("投资额1亿元以上（含1亿元）项目（个）")).toMatchObject(
      inclusive(10000)
    );
    expect(aggregateFromName("5亿元及以上签约项目")).toMatchObject(inclusive(50000));
    // 亿元以上项目的签约金额 is still a sum.
    expect(aggregateFromName("亿元以上项目签约金额")).toMatchObject({
      kind: "sum",
      field: "agreedInvestment",
    });
  });

  it("counts the projects signed from the investors a name states with no event word", () => {
    expect(aggregateFromName("500强企业项目（个）")).toMatchObject({
      kind: "count",
      filter: { minStage: "签约", dateField: "signedDate", investorTypes: ["500强"] },
    });
    expect(aggregateFromName("省外项目")).toMatchObject({
      kind: "count",
      filter: { minStage: "签约", origins: ["省外"] },
    });
  });

  it("reads 合同利用外资 as the contracted 外资, not the funds that arrived as 利用外资 alone is", () => {
    expect(aggregateFromName("合同利用外资")).toMatchObject({ field: "foreignInvestment" });
    expect(aggregateFromName("实际利用外资")).toMatchObject({ field: "fundsInPlace" });
  });

  it("counts 工业项目 / 外资项目 / 招商引资项目 as signed, 市外资金 as funds from outside, 注册资本 as nothing", () => {
    expect(aggregateFromName("工业项目（个）")?.filter).toMatchObject({
      industrial: true,
      minStage: "签约",
    });
    expect(aggregateFromName("外资项目")?.filter).toMatchObject({ currency: "USD" });
    expect(aggregateFromName("招商引资项目数")?.filter.minStage).toBe("签约");
    // A stage the name states is the event; 重点 / 重大 are a kind a 台账 cannot tell (no source, loudly).
    expect(aggregateFromName("招商引资项目开工数")?.filter.minStage).toBe("开工");
    expect(aggregateFromName("招商项目投产")?.filter.minStage).toBe("投产");
    expect(aggregateFromName("招商引资项目个数")?.filter.minStage).toBe("签约");
    expect(aggregateFromName("重点招商项目")).toBeNull();
    expect(aggregateFromName("市外资金（亿元）")).toMatchObject({
      field: "fundsInPlace",
      filter: { origins: ["市外"] },
    });
    expect(aggregateFromName("注册资本")).toBeNull();
  });

  it("counts the stage named after 项目, not the signing before it (签约项目开工数)", () => {
    expect(aggregateFromName("签约项目开工数")?.filter).toMatchObject({ minStage: "开工" });
    expect(aggregateFromName("引进项目投产数（个）")?.filter).toMatchObject({ minStage: "投产" });
    expect(aggregateFromName("新签约项目")?.filter).toMatchObject({ minStage: "签约" });
    expect(aggregateFromName("签约项目投资额")?.filter).toMatchObject({ minStage: "签约" });
  });

  it("derives nothing from a name that names neither event nor size", () => {
    expect(aggregateFromName("接待客商")).toBeNull();
    expect(aggregateFromName("项目数")).toBeNull();
  });

  it("counts 外资签约项目 over the projects in 美元 and 内资签约项目 over those in 元; 签约项目 over all", () => {
    expect(aggregateFromName("外资签约项目")?.filter.currency).toBe("USD");
    expect(aggregateFromName("内资签约项目（个）")?.filter.currency).toBe("CNY");
    expect(aggregateFromName("签约项目")?.filter.currency).toBeUndefined();
    // 合同外资 sums the 外资 column, whatever currency the row is kept in.
    expect(aggregateFromName("合同外资")?.filter.currency).toBeUndefined();
  });
});
