import {
  fieldsForRole,
  HEADER_DICTIONARY,
  matchHeader,
  parseUnitNote,
  splitHeaderUnit,
} from "../../../src/core/recognize";
import { INDUSTRIAL_WORDS } from "../../../src/core/recognize/dictionary-ledgers";
import { normalizeText } from "../../../src/core/text";

const match = (group: string, leaf: string, scope: "table" | "ledger" = "table"): string | null =>
  matchHeader(normalizeText(group), splitHeaderUnit(normalizeText(leaf)).label, scope)?.key ?? null;

describe("header dictionary", () => {
  it("has stable, unique English keys", () => {
    const keys = HEADER_DICTIONARY.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z_]+$/);
  });

  it("lets the group label decide an ambiguous leaf", () => {
    expect(match("签 约 项 目", "项目总数")).toBe("signed_total");
    expect(match("签约项目", "其中工业项目")).toBe("signed_industrial");
    expect(match("储 备 项 目", "在谈项\n目")).toBe("reserve_negotiating");
    expect(match("", "项目总数")).toBeNull();
    // A 外资 ledger: the investor's country is no money; 设立时间 dates a 新设 enterprise.
    expect(match("", "外方投资者国别（地区）", "ledger")).toBe("origin");
    expect(match("", "设立时间", "ledger")).toBe("registered_date");
    expect(match("", "合同外资（万美元）", "ledger")).toBe("investment_foreign");
    expect(match("", "实际到位外资（万美元）", "ledger")).toBe("funds_in_place");
    expect(match("", "实际外资（万美元）", "ledger")).toBe("funds_in_place");
    expect(match("", "实际到资（万美元）", "ledger")).toBe("funds_in_place");
    // Dates headed by their stage alone under a 节点 / 时间 group; the bare stage word elsewhere is no date.
    expect(match("项目推进节点", "签约", "ledger")).toBe("signed_date");
    expect(match("时间节点", "开工", "ledger")).toBe("started_date");
    expect(match("关键时间", "注册", "ledger")).toBe("registered_date");
    expect(match("项目推进节点", "投产", "ledger")).toBe("produced_date");
    expect(match("", "签约", "ledger")).toBeNull();
  });

  it("reads 繁體 區別 / 縣市別 (by district) as the unit column", () => {
    expect(match("", "區別")).toBe("unit");
    expect(match("", "縣市別")).toBe("unit");
  });

  it("reads 第二产业 / 二产 as 工业 and the other sectors as not", () => {
    for (const w of ["第二产业", "二产", "制造业"])
      expect([w, INDUSTRIAL_WORDS.test(w)]).toEqual([w, true]);
    for (const w of ["第一产业", "第三产业", "三产", "一二三产融合", "新能源汽车销售"])
      expect([w, INDUSTRIAL_WORDS.test(w)]).toEqual([w, false]);
  });

  it("matches zh-Hans, zh-Hant and English synonyms and ignores units", () => {
    expect(match("", "实际利用外资(亿美元)")).toBe("foreign_capital_usd");
    expect(match("", "實際利用內資（億元）")).toBe("domestic_capital_cny");
    expect(match("", "Projects under negotiation")).toBe("reserve_negotiating");
    expect(match("", "投资方类型", "ledger")).toBe("investor_type");
    expect(match("", "总投资（万元）", "ledger")).toBe("investment");
    expect(match("", "当前进度", "ledger")).toBe("stage");
  });

  it("never loosely matches last year's figures or rates", () => {
    expect(match("", "去年同期实际利用外资")).toBeNull();
    expect(match("", "实际利用外资完成率")).toBeNull();
  });

  it.each([
    ["(亿元)", "money_cny", 10000],
    ["（万元）", "money_cny", 1],
    ["(亿美元)", "money_usd", 10000],
    ["(个)", "count", 1],
    ["(10k CNY)", "money_cny", 1],
    ["(100M CNY)", "money_cny", 10000],
    ["(100 million yuan)", "money_cny", 10000],
    ["(100M USD)", "money_usd", 10000],
    ["(10k USD)", "money_usd", 1],
    ["(RMB 100 million)", "money_cny", 10000],
    ["(RMB 10,000)", "money_cny", 1],
    ["(in RMB million)", "money_cny", 100],
    ["(USD 10,000)", "money_usd", 1],
    ["(US$ million)", "money_usd", 100],
    ["(yuan)", "money_cny", 0.0001],
    ["(No.)", "count", 1],
  ])("reads the unit %s", (suffix, quantity, factor) => {
    expect(splitHeaderUnit(normalizeText(`Amount ${suffix}`)).unit).toMatchObject({
      quantity,
      factor,
    });
  });

  it("takes count words other than 个 as the column's unit, keeping the word", () => {
    expect(splitHeaderUnit(normalizeText("接待考察客商（批次）"))).toEqual({
      label: "接待考察客商",
      unit: { quantity: "count", label: "批次", factor: 1 },
    });
    expect(splitHeaderUnit(normalizeText("举办推介会(场)")).unit?.label).toBe("场");
  });

  it("keeps brackets that are not units in the label", () => {
    expect(splitHeaderUnit(normalizeText("县(市)区"))).toEqual({ label: "县(市)区", unit: null });
    expect(splitHeaderUnit(normalizeText("Projects (Dept.)")).unit).toBeNull();
  });

  it("reads unit notes and what they speak for", () => {
    expect(parseUnitNote(normalizeText("项目单位:个"))).toMatchObject({
      scope: "count",
      units: [{ label: "个" }],
    });
    expect(parseUnitNote(normalizeText("单位：亿元"))).toMatchObject({
      scope: "any",
      units: [{ label: "亿元" }],
    });
    expect(
      parseUnitNote(normalizeText("金额单位：万元、万美元"))?.units.map((u) => u.label)
    ).toEqual(["万元", "万美元"]);
    expect(parseUnitNote(normalizeText("招商引资攻坚目标分解表"))).toBeNull();
    expect(parseUnitNote(normalizeText("填报单位：经开区"))).toBeNull();
    expect(parseUnitNote(normalizeText("填报单位：经开区    单位：万元"))).toMatchObject({
      scope: "any",
      units: [{ label: "万元" }],
    });
    expect(parseUnitNote(normalizeText("Unit: 100M CNY"))).toMatchObject({
      units: [{ label: "亿元" }],
    });
  });
});

describe("fieldsForRole", () => {
  it("offers table fields for targets and ledger fields for ledgers", () => {
    expect(fieldsForRole("targets").map((f) => f.key)).toContain("signed_industrial");
    expect(fieldsForRole("ledger").map((f) => f.key)).toEqual(
      expect.arrayContaining(["project_name", "unit", "stage"])
    );
    expect(fieldsForRole("ledger").map((f) => f.key)).not.toContain("signed_total");
    expect(fieldsForRole("output")).toEqual([]);
    expect(fieldsForRole("targets")[0]).toEqual({
      key: "unit",
      label_zh: "责任单位",
      label_en: "unit",
    });
  });
});
