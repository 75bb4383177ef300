/**
 * A 专班 ledger scored against 招引亿元以上项目 | 其中：省外项目 | 新开工项目 | 投产项目: the 其中 column counts the part of
 * the indicator before it its name qualifies (是否省外 answered 是), and 投产 counts by the 投产时间 column, so a
 * project that went into production last year is not this year's.
 */
import { assessWorkbook } from "../../../src/core/assess";
import { partOf } from "../../../src/core/rules/derive";
import { workbookGrid } from "../../fixtures/grid";

const NOW = new Date("2024-10-08T08:00:00Z");

const grid = workbookGrid("zhuanban.xlsx", [
  {
    name: "目标任务",
    rows: [
      ["产业链专班", "招引亿元以上项目（个）", "其中：省外项目（个）", "投产项目（个）"],
      ["新能源汽车专班", 4, 2, 2],
      ["生物医药专班", 3, 2, 1],
    ],
  },
  {
    name: "项目台账",
    rows: [
      [
        "序号",
        "专班",
        "项目名称",
        "总投资（亿元）",
        "签约时间",
        "投产时间",
        "当前进展",
        "是否省外",
      ],
      [1, "新能源汽车专班", "电池壳体", 5, "2024-02-03", null, "在建", "是"],
      [2, "新能源汽车专班", "电机项目", 1, "2024-03-01", "2024-08-01", "已投产", "否"],
      [3, "新能源汽车专班", "充电桩", 0.8, "2024-06-01", null, "已签约", "是"],
      [4, "新能源汽车专班", "车灯项目", 2.2, "2024-07-09", null, "已签约", "是"],
      [5, "生物医药专班", "原料药", 3, "2024-01-20", "2024-09-01", "试生产", "是"],
      [6, "生物医药专班", "老厂技改", 1.5, "2023-04-02", "2023-12-01", "已投产", "否"],
    ],
  },
]);

const a = assessWorkbook(grid, { asOf: "2024-09-30", now: NOW });
const actual = (unit: string, key: string) =>
  a.results?.units.find((u) => u.unit === unit)?.indicators[key]?.actual;

describe("a ledger's 其中 columns, 是否 answers and 投产 dates", () => {
  it("reads 投产时间 as the production date and 当前进展 as the stage", () => {
    const report = a.recognition.reports.find((r) => r.name === "项目台账");
    expect(report?.columns).toMatchObject({ produced_date: "F", stage: "G", origin: "H" });
  });

  it("counts 其中：省外项目 among the 亿元以上 projects whose 是否省外 is 是", () => {
    expect(actual("新能源汽车专班", "招引亿元以上项目")).toBe(3);
    expect(actual("新能源汽车专班", "其中:省外项目")).toBe(2);
    expect(actual("生物医药专班", "其中:省外项目")).toBe(1);
  });

  it("counts 投产项目 by the 投产时间 in the period", () => {
    expect(actual("新能源汽车专班", "投产项目")).toBe(1);
    expect(actual("生物医药专班", "投产项目")).toBe(1);
    expect(a.results?.complete).toBe(true);
  });

  it("derives no part from a 其中 name that qualifies nothing a ledger can tell", () => {
    const parent = {
      kind: "count",
      filter: { minStage: "签约", dateField: "signedDate" },
    } as const;
    expect(partOf(parent, "其中：重点项目")).toBeNull();
    expect(partOf(parent, "省外项目")).toBeNull();
    expect(partOf(parent, "其中：工业项目")?.filter).toMatchObject({ industrial: true });
  });
});

describe("where the investor is based", () => {
  const perTown = (header: string) =>
    workbookGrid("towns.xlsx", [
      {
        name: "目标",
        rows: [
          ["乡镇", "签约项目（个）", "省外项目（个）"],
          ["龙湖镇", 2, 1],
          ["金沙镇", 2, 1],
        ],
      },
      ...["龙湖镇", "金沙镇"].map((town, k) => ({
        name: town,
        rows: [
          ["序号", "项目名称", header, "投资额（万元）", "签约日期"],
          [1, `${town}A`, "北京市", 5000, "2024-03-01"],
          ...(k === 1 ? [[2, `${town}B`, "江苏省", 5000, "2024-05-01"]] : []),
        ],
      })),
    ]);

  it("is never the unit: a ledger kept a sheet per town counts its projects to the town", () => {
    const a = assessWorkbook(perTown("投资方所在地"), { asOf: "2024-09-30", now: NOW });
    const signed = (u: string) =>
      a.results?.units.find((x) => x.unit === u)?.indicators["signed_total"]?.actual;
    expect([signed("龙湖镇"), signed("金沙镇")]).toEqual([1, 2]);
  });

  it("cannot say 省外 from place names: the indicator has no source, loudly, rather than 0", () => {
    const a = assessWorkbook(perTown("来源地"), { asOf: "2024-09-30", now: NOW });
    expect(a.results?.complete).toBe(false);
    expect(a.issues.some((i) => i.code === "no_actual_source" && i.severity === "error")).toBe(
      true
    );
  });
});
