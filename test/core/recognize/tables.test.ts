import { recognizeWorkbook } from "../../../src/core/recognize";
import { ownerMarkerText } from "../../../src/core/plan/product-sheets";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const recognize = (...sheets: SheetSpec[]) => recognizeWorkbook(workbookGrid("t.xlsx", sheets));

describe("unit tables", () => {
  it("reads the 类别 column as each unit's group and keeps totals apart", () => {
    const r = recognize({
      name: "目标",
      rows: [
        ["类别", "责任单位", "签约项目数"],
        ["开发区", "经开区", 110],
        ["城区", "朝阳区", 52],
        ["总 计", null, 162],
      ],
    });
    expect(r.targets?.units.map((u) => [u.name, u.group])).toEqual([
      ["经开区", "开发区"],
      ["朝阳区", "城区"],
    ]);
    expect(r.targets?.totals.map((t) => t.row)).toEqual([3]);
  });

  it("says so when a row has figures but no unit name, instead of dropping them quietly", () => {
    const r = recognize({
      name: "目标",
      rows: [
        ["序号", "责任单位", "签约项目数"],
        [1, "经开区", 110],
        [2, null, 52],
        [3, "朝阳区", 40],
      ],
    });
    expect(r.targets?.units.map((u) => u.name)).toEqual(["经开区", "朝阳区"]);
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toContain("unit_name_blank@B3");
  });

  it("prefers a visible column over a hidden one claiming the same field, and says so", () => {
    const r = recognize({
      name: "目标",
      rows: [
        ["责任单位", "签约项目数", "签约项目数"],
        ["经开区", 1, 110],
      ],
      hiddenColumns: [1],
    });
    expect(r.reports[0]?.columns).toEqual({ unit: "A", signed_total: "C" });
    expect(r.reports[0]?.hiddenColumns).toEqual(["B"]);
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["duplicate_column@B1"]);
    expect(r.targets?.units[0]?.values["signed_total"]?.value).toBe(110);
  });

  it("keeps 去年同期 columns (for 同比) but not growth rates, ranks or scores as indicators", () => {
    const r = recognize({
      name: "目标",
      rows: [
        ["责任单位", "签约项目数", "去年同期签约项目", "同比增长", "排名", "签约率"],
        ["经开区", 110, 90, 0.2, 1, 0.5],
      ],
    });
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total", "签约率"]);
    expect(r.targets?.lastYear).toEqual({ signed_total: "signed_total@last_year" });
    expect(r.targets?.units[0]?.values["signed_total@last_year"]?.value).toBe(90);
    expect(r.reports[0]?.unrecognisedColumns).toEqual([]);
    expect(r.reports[0]?.columns).toMatchObject({ "signed_total:yoy": "D", rank: "E" });
  });

  it("reports a hidden column it reads", () => {
    const r = recognize({
      name: "目标",
      rows: [
        ["责任单位", "签约项目数"],
        ["经开区", 3],
      ],
      hiddenColumns: [1],
    });
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["hidden_column@B1"]);
  });
});

describe("ledgers", () => {
  it("fills a unit merged down over several projects into each of them", () => {
    const r = recognize({
      name: "台账",
      rows: [
        ["项目名称", "责任单位", "总投资(万元)", "项目阶段"],
        ["甲", "经开区", 5000, "签约"],
        ["乙", null, 6000, "在谈"],
        ["丙", "高新区", 7000, "签约"],
      ],
      merges: ["B2:B3"],
    });
    expect(r.ledgers[0]?.rows.map((p) => [p.name, p.unit, p.unitKey])).toEqual([
      ["甲", "经开区", "经开区"],
      ["乙", "经开区", "经开区"],
      ["丙", "高新区", "高新区"],
    ]);
  });

  it("takes the unit of each project from the heading above it when there is no unit column", () => {
    const r = recognize({
      name: "签约项目台账",
      rows: [
        ["序号", "项目名称", "总投资(万元)", "签约时间", "项目进展"],
        ["一、南关区（2个）", null, null, null, null],
        [1, "商业综合体项目", 15000, "2024-01-15", "已签约"],
        [2, "总部楼宇项目", 8000, "2024-04-20", "已开工"],
        ["二、宽城区：", null, null, null, null],
        [1, "冷链物流园项目", 6000, "2024-06-06", "已签约"],
        ["合计", null, 29000, null, null],
      ],
      merges: ["A2:E2", "A5:E5"],
    });
    expect(r.ledgers[0]?.rows.map((p) => [p.name, p.unit])).toEqual([
      ["商业综合体项目", "南关区"],
      ["总部楼宇项目", "南关区"],
      ["冷链物流园项目", "宽城区"],
    ]);
    expect(r.reports[0]?.columns["unit"]).toBe("A");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("takes 小计 rows with a count as totals, and 3月15日 in the year the title names", () => {
    const r = recognize({
      name: "台账",
      rows: [
        ["2024年重点项目台账"],
        ["责任单位", "项目名称", "总投资(万元)", "签约日期"],
        ["总计", "2个", 11000, null],
        ["经开区", "甲", "约5000万", "3月15日"],
        ["经开区", "乙", 6000, "2024-05-06 00:00:00"],
        ["小计", "2个", 11000, null],
      ],
    });
    expect(r.reports[0]?.totalRows).toEqual([3, 6]);
    expect(
      r.ledgers[0]?.rows.map((p) => [
        p.name,
        p.investment,
        p.signedDate?.toISOString().slice(0, 10),
      ])
    ).toEqual([
      ["甲", 5000, "2024-03-15"],
      ["乙", 6000, "2024-05-06"],
    ]);
  });

  it("never reads a heading row as a project, whatever the unit column says", () => {
    const r = recognize({
      name: "台账",
      rows: [
        ["项目名称", "责任单位", "总投资(万元)", "项目阶段"],
        ["一、工业项目", null, null, null],
        ["甲", "经开区", 5000, "签约"],
      ],
      merges: ["A2:D2"],
    });
    expect(r.ledgers[0]?.rows.map((p) => [p.name, p.unit])).toEqual([["甲", "经开区"]]);
  });

  it("converts amounts to 万 of their currency and shares to fractions", () => {
    const r = recognize({
      name: "台账",
      rows: [
        [
          "项目名称",
          "责任单位",
          "总投资(亿美元)",
          "到位资金(万美元)",
          "外资占比",
          "签约日期",
          "是否工业项目",
        ],
        ["甲", "经开区", 1.5, 300, 50, 45000, "是"],
        ["乙", "高新区", "0.2亿", "1,000", "25%", "2023年3月", "否"],
      ],
    });
    const [a, b] = r.ledgers[0]?.rows ?? [];
    expect(a).toMatchObject({
      investment: 15000,
      fundsInPlace: 300,
      foreignShare: 0.5,
      currency: "USD",
      industrial: true,
    });
    expect(a?.signedDate?.toISOString().slice(0, 10)).toBe("2023-03-15");
    expect(b).toMatchObject({
      investment: 2000,
      fundsInPlace: 1000,
      foreignShare: 0.25,
      industrial: false,
    });
    expect(r.issues.filter((i) => i.code === "number_as_text").map((i) => i.cell)).toEqual([
      "C3",
      "D3",
      "E3",
    ]);
  });
});

describe("sheet roles", () => {
  it("knows the product's own rules sheet by its marker even under another name", () => {
    const r = recognize({
      name: "Rules (2)",
      rows: [["【基本设置】"], [ownerMarkerText("rules")]],
    });
    expect(r.reports[0]?.role).toBe("rules");
    expect(r.rulesSheet).toBe("Rules (2)");
  });

  it("lets the user's role win over a marker or a guess", () => {
    const r = recognizeWorkbook(
      workbookGrid("t", [
        {
          name: "目标",
          rows: [
            ["责任单位", "签约项目数"],
            ["经开区", 3],
          ],
        },
      ]),
      { roles: { 目标: "other" } }
    );
    expect(r.reports[0]?.role).toBe("other");
    expect(r.targets).toBeNull();
  });
});

describe("section headings and subtotals", () => {
  it("takes a row with a name and no figures as the group of the units below it", () => {
    const r = recognize({
      name: "目标",
      rows: [
        ["责任单位", "签约项目数"],
        ["一、开发区", null],
        ["经开区", 110],
        ["高新区", 110],
        ["开发区小计", 220],
        ["二、城区", null],
        ["朝阳区", 52],
        ["城区小计", 50],
        ["全市合计", 272],
      ],
    });
    expect(r.targets?.units.map((u) => [u.name, u.group])).toEqual([
      ["经开区", "开发区"],
      ["高新区", "开发区"],
      ["朝阳区", "城区"],
    ]);
    expect(r.reports[0]?.totalRows).toEqual([5, 8, 9]);
  });
});
