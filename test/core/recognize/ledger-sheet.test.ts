/** What a ledger sheet states of itself: the year and the as-of date of its snapshot. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

const HEADER = [
  "序号",
  "项目名称",
  "责任单位",
  "总投资（万元）",
  "签约日期",
  "累计到位资金（万元）",
];
const monthly = (m: number): SheetSpec => ({
  name: `${m}月台账`,
  rows: [
    [`2024年${m}月重点招商项目推进台账`],
    HEADER,
    [1, "产业园项目", "城关镇", 5000, "2024-01-10", 1000 * m],
  ],
});

describe("ledger sheets", () => {
  it("state the as-of of their snapshot from the sheet name and title", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [monthly(1), monthly(2)]));
    expect(r.ledgers.map((l) => [l.sheet, l.statedYear, l.statedAsOf])).toEqual([
      ["1月台账", 2024, "2024-01-31"],
      ["2月台账", 2024, "2024-02-29"],
    ]);
  });
});

describe("ledgers kept one sheet per unit", () => {
  const targets: SheetSpec = {
    name: "目标",
    rows: [
      ["序号", "县（市、区）", "签约项目（个）"],
      [1, "梅河口市", 3],
      [2, "集安市", 2],
    ],
  };
  const county = (name: string, title: string): SheetSpec => ({
    name,
    rows: [
      [title],
      ["序号", "项目名称", "总投资（万元）", "签约时间"],
      [1, `${name.slice(0, 2)}产业园项目`, 5000, "2024-03-01"],
      [2, `${name.slice(0, 2)}物流项目`, 3000, "2024-05-01"],
    ],
  });

  it("take every project's unit from the tab or the title, and say so", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        targets,
        county("梅河口市", "梅河口市2024年招商引资项目台账"),
        county("台账2", "集安市2024年招商引资项目台账"),
      ])
    );
    expect(r.ledgers.map((l) => [l.sheet, [...new Set(l.rows.map((row) => row.unit))]])).toEqual([
      ["梅河口市", ["梅河口市"]],
      ["台账2", ["集安市"]],
    ]);
    expect(r.reports.filter((s) => s.role === "ledger").map((s) => s.sheetUnit)).toEqual([
      "梅河口市",
      "集安市",
    ]);
    expect(r.issues.filter((i) => i.code === "unit_column_inferred").map((i) => i.sheet)).toEqual([
      "梅河口市",
      "台账2",
    ]);
  });

  it("name no unit when neither tab nor title begins with one", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [targets, county("项目台账", "2024年招商引资项目台账")])
    );
    expect(r.reports.find((s) => s.name === "项目台账")?.sheetUnit).toBeUndefined();
    expect(r.ledgers[0]?.rows.every((row) => row.unit === "")).toBe(true);
  });
});

describe("a ledger's unit column", () => {
  it("is the column holding the targets' units when the one its header names does not", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "分局目标",
        rows: [
          ["序号", "驻外分局", "签约项目（个）"],
          [1, "驻北京分局", 3],
          [2, "驻上海分局", 4],
        ],
      },
      {
        name: "项目台账",
        rows: [
          ["序号", "项目名称", "引荐单位", "落地县区", "总投资（万元）", "签约日期"],
          [1, "电池项目", "驻北京分局", "南郑区", 5000, "2024-03-01"],
          [2, "物流项目", "驻上海分局", "城固县", 8000, "2024-04-01"],
          [3, "食品项目", "驻上海分局", "洋县", 3000, "2024-05-01"],
        ],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-06-30" });
    expect(r.ledgers[0]?.rows.map((p) => p.unit)).toEqual([
      "驻北京分局",
      "驻上海分局",
      "驻上海分局",
    ]);
  });

  it("is chosen by names that are the targets' units in a short form (北京分局 for 驻北京招商分局)", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "分局目标",
        rows: [
          ["序号", "驻外分局", "签约项目（个）"],
          [1, "驻北京招商分局", 3],
          [2, "驻上海招商分局", 4],
        ],
      },
      {
        name: "项目台账",
        rows: [
          ["序号", "项目名称", "引荐分局", "落地县区", "总投资（万元）", "签约日期"],
          [1, "电池项目", "北京分局", "南郑区", 5000, "2024-03-01"],
          [2, "物流项目", "上海分局", "城固县", 8000, "2024-04-01"],
          [3, "食品项目", "上海分局", "洋县", 3000, "2024-05-01"],
        ],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-06-30" });
    expect(r.ledgers[0]?.rows.map((p) => p.unit)).toEqual(["北京分局", "上海分局", "上海分局"]);
  });
});

describe("a targets table no header word names", () => {
  it("is read by its units agreeing with a ledger's unit column that only the lexicon names (招商单位)", () => {
    const grid = workbookGrid("t.xlsx", [
      {
        name: "2024年目标",
        rows: [
          ["2024年目标"],
          ["序号", "地级", "亿元以上项目（个）", "开工项目数"],
          [1, "宝鸡市", 8, 2],
          [2, "咸阳市", 1, 1],
          [3, "铜川市", 1, 1],
        ],
      },
      {
        name: "台账",
        rows: [
          ["序号", "项目名称", "招商单位", "总投资（万元）", "项目状态", "签约日期"],
          [1, "甲项目", "宝鸡市", 5000, "签约", "2024-03-01"],
          [2, "乙项目", "咸阳市", 12000, "签约", "2024-04-01"],
          [3, "丙项目", "铜川市", 3000, "开工", "2024-02-01"],
        ],
      },
    ]);
    const r = recognizeWorkbook(grid, {}, { asOf: "2024-10-31" });
    expect(r.targets?.units.map((u) => u.name)).toEqual(["宝鸡市", "咸阳市", "铜川市"]);
  });
});

describe("the kind of project a ledger's 所属行业 names", () => {
  it("takes 采矿业, 制造业 and 电力、热力、燃气 供应业 for 工业, as the statistics do, and services for not", () => {
    const sheet: SheetSpec = {
      name: "台账",
      rows: [
        ["序号", "项目名称", "责任单位", "所属行业", "总投资（万元）", "签约日期"],
        [1, "光伏电站项目", "城关镇", "电力、热力生产和供应业", 5000, "2024-01-10"],
        [2, "燃气热电项目", "城关镇", "燃气生产和供应业", 5000, "2024-01-10"],
        [3, "石墨矿项目", "城关镇", "非金属矿采选业", 5000, "2024-01-10"],
        [4, "白酒项目", "城关镇", "酒、饮料和精制茶制造业", 5000, "2024-01-10"],
        [5, "批发市场项目", "城关镇", "批发和零售业", 5000, "2024-01-10"],
        [6, "养老中心项目", "城关镇", "卫生和社会工作", 5000, "2024-01-10"],
      ],
    };
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet]));
    expect(r.ledgers[0]?.rows.map((row) => row.industrial)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("the currency of a ledger amount", () => {
  const ledger = (header: string, rows: (string | number)[][]): SheetSpec => ({
    name: "台账",
    rows: [["序号", "项目名称", "责任单位", header, "币种", "签约日期"], ...rows],
  });

  it("is the one a cell states itself, kept as the 外资 part of a 万元 column", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        ledger("总投资（万元）", [
          [1, "甲项目", "城关镇", "1500万美元", "", "2024-01-10"],
          [2, "乙项目", "城关镇", "USD 30M", "", "2024-01-10"],
          [3, "丙项目", "城关镇", 8000, "", "2024-01-10"],
        ]),
      ])
    );
    expect(
      r.ledgers[0]?.rows.map((p) => [p.currency, p.investment, p.foreignInvestment ?? null])
    ).toEqual([
      ["CNY", 0, 1500],
      ["CNY", 0, 3000],
      ["CNY", 8000, null],
    ]);
  });

  it("is the 币种 column's under a header stating only a magnitude (（万）), without a contradiction", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        ledger("协议投资额（万）", [
          [1, "甲项目", "城关镇", 5000, "美元", "2024-01-10"],
          [2, "乙项目", "城关镇", 8000, "人民币", "2024-01-10"],
        ]),
      ])
    );
    expect(r.ledgers[0]?.rows.map((p) => [p.currency, p.investment])).toEqual([
      ["USD", 5000],
      ["CNY", 8000],
    ]);
    expect(r.issues.filter((i) => i.code === "currency_mismatch")).toEqual([]);
  });

  it("refuses a currency no rate converts (欧元): an error, and the amount is not read as 人民币", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        ledger("投资额（万）", [[1, "甲项目", "城关镇", 1200, "欧元", "2024-01-10"]]),
      ])
    );
    expect(r.ledgers[0]?.rows.map((p) => [p.investment, p.unreadable])).toEqual([
      [null, ["investment"]],
    ]);
    expect(r.issues.filter((i) => i.code === "currency_mismatch").map((i) => i.severity)).toEqual([
      "error",
    ]);
  });
});

describe("a currency beyond 美元 with a rate in the notes", () => {
  it("converts 港元 rows at the stated rate, says where the rate came from, and still refuses 欧元", () => {
    const rows = [
      [1, "甲项目", "城关镇", 10000, "港元", "2024-01-10"],
      [2, "乙项目", "城关镇", 8000, "人民币", "2024-01-10"],
      [3, "丙项目", "城关镇", 1200, "欧元", "2024-01-10"],
      ...Array.from({ length: 40 }, (_, k) => [
        k + 4,
        `项目${k}`,
        "城关镇",
        100,
        "人民币",
        "2024-02-01",
      ]),
      ["注：外币投资额按1美元=7.1元人民币、1港币=0.91元人民币折算。"],
    ];
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "台账",
          rows: [["序号", "项目名称", "责任单位", "投资额（万）", "币种", "签约日期"], ...rows],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.slice(0, 3).map((p) => [p.currency, p.investment])).toEqual([
      ["CNY", 9100],
      ["CNY", 8000],
      ["CNY", null],
    ]);
    const said = r.issues.filter((i) => i.code === "exchange_rate_from_workbook");
    expect(said.map((i) => i.message_zh)).toEqual([expect.stringContaining("1港元=0.91元")]);
    expect(r.issues.filter((i) => i.code === "currency_mismatch")).toHaveLength(1);
  });
});

describe("dates typed without a year (6月8日)", () => {
  const sheet = (title: string, yearColumn: boolean): SheetSpec => ({
    name: "台账",
    rows: [
      [title],
      ["项目名称", "责任单位", ...(yearColumn ? ["年度"] : []), "总投资（万元）", "签约时间"],
      ["甲项目", "城关镇", ...(yearColumn ? [2022] : []), 5000, "6月8日"],
      ["乙项目", "城关镇", ...(yearColumn ? ["2024年"] : []), 8000, "3月1日"],
    ],
  });
  const signed = (r: ReturnType<typeof recognizeWorkbook>): (string | null)[] =>
    r.ledgers[0]?.rows.map((p) => p.signedDate?.toISOString().slice(0, 10) ?? null) ?? [];

  it("are in the year a one-year ledger's title names", () => {
    expect(
      signed(recognizeWorkbook(workbookGrid("t.xlsx", [sheet("2024年签约项目台账", false)])))
    ).toEqual(["2024-06-08", "2024-03-01"]);
  });

  it("take the row's 年度 in a ledger of several years", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet("2022—2024年签约项目台账", true)]));
    expect(signed(r)).toEqual(["2022-06-08", "2024-03-01"]);
    expect(r.issues.filter((i) => i.code === "bad_date")).toEqual([]);
  });

  it("are no date, loudly, in a ledger of several years with no 年度 column", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [sheet("2022-2024年签约项目台账", false)]),
      {},
      { asOf: "2024-09-30" }
    );
    expect(signed(r)).toEqual([null, null]);
    const bad = r.issues.filter((i) => i.code === "bad_date");
    expect(bad.map((i) => i.severity)).toContain("error");
    expect(bad[0]?.message_zh).toContain("没有年份");
  });
});

describe("a printed ledger", () => {
  it("skips its header typed again at the top of each page: no project, no bad date", () => {
    const header = ["序号", "项目名称", "县区", "总投资（万元）", "签约时间"];
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "台账",
          rows: [
            header,
            [1, "甲项目", "汉台区", 5000, "2024-01-10"],
            header,
            [2, "乙项目", "南郑区", 8000, "2024-02-10"],
          ],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((p) => p.name)).toEqual(["甲项目", "乙项目"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("an estimated ledger amount", () => {
  it("reads a range (5-8亿, 5000-8000万) as its lower end, with a warning, in the unit it states", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "台账",
          rows: [
            ["序号", "项目名称", "责任单位", "协议投资额", "签约日期"],
            [1, "甲项目", "城关镇", "5-8亿", "2024-01-10"],
            [2, "乙项目", "城关镇", "5000-8000万", "2024-01-10"],
            [3, "丙项目", "城关镇", "约9000万", "2024-01-10"],
          ],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((p) => p.investment)).toEqual([50000, 5000, 9000]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("a ledger's stage ticked in one of several columns", () => {
  it("is the stage heading the furthest column marked (√, ✓, 是), no column marked none", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "推进表",
          rows: [
            ["序号", "项目名称", "所在街道", "总投资（万元）", "项目所处阶段", null, null, null],
            [null, null, null, null, "在谈", "已签约", "已开工", "已投产"],
            [1, "甲项目", "东站街道", 5000, null, "√", null, null],
            [2, "乙项目", "东站街道", 8000, "✓", "✓", "✓", null],
            [3, "丙项目", "吉林街道", 3000, "√", null, null, null],
            [4, "丁项目", "吉林街道", 6000, null, null, null, "是"],
            [5, "戊项目", "吉林街道", 2000, null, null, null, null],
          ],
          merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:H1"],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((p) => p.stage ?? null)).toEqual([
      "已签约",
      "已开工",
      "在谈",
      "已投产",
      null,
    ]);
    expect(r.issues.filter((i) => i.code === "duplicate_column")).toEqual([]);
  });
});

describe("a project's identity in a ledger with 项目编号", () => {
  it("is its code, so a project renamed between monthly reports stays one; a bare row number is no code", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "调度台账",
          rows: [
            ["报送月份", "项目编号", "县区", "项目名称", "总投资（万元）", "签约日期"],
            ["7月", "YG-01", "阳谷县", "化工新材料项目", 30000, "2024-06-10"],
            ["8月", "YG-01", "阳谷县", "化工新材料项目（一期）", 20000, "2024-06-10"],
            ["8月", "1", "阳谷县", "电缆项目", 12000, "2024-07-22"],
            ["8月", "2", "阳谷县", "纺织项目", 6000, "2024-08-19"],
          ],
        },
      ])
    );
    const keys = r.ledgers[0]?.rows.map((p) => p.nameKey) ?? [];
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe("电缆项目");
  });
});

describe("a 签约日期 holding an Excel serial typed as text", () => {
  const ledger = (dates: (string | number)[]): SheetSpec => ({
    name: "台账",
    rows: [
      ["项目名称", "责任单位", "总投资（万元）", "签约日期"],
      ...dates.map((d, i) => [`项目${i + 1}`, "城关镇", 5000, d]),
    ],
  });

  it("is read as its day, with a warning as numbers stored as text are", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [ledger(["45383", " 45292 ", "45383.0"])]));
    expect(r.ledgers[0]?.rows.map((p) => p.signedDate?.toISOString().slice(0, 10))).toEqual([
      "2024-04-01",
      "2024-01-01",
      "2024-04-01",
    ]);
    const warned = r.issues.filter((i) => i.code === "number_as_text");
    expect(warned.map((i) => [i.severity, i.cell])).toEqual([
      ["warning", "D2"],
      ["warning", "D3"],
      ["warning", "D4"],
    ]);
    expect(warned[0]?.message_zh).toContain("2024-04-01");
    expect(r.issues.filter((i) => i.code === "bad_date")).toEqual([]);
  });

  it("counts from 1904-01-01 in a workbook of the 1904 date system", () => {
    const grid = workbookGrid("t.xlsx", [ledger(["43921"])]);
    const r = recognizeWorkbook({
      ...grid,
      sheets: grid.sheets.map((s) => ({ ...s, dateSystem: 1904 as const })),
    });
    expect(r.ledgers[0]?.rows[0]?.signedDate?.toISOString().slice(0, 10)).toBe("2024-04-01");
  });

  it("stays an error where no ledger's day could be meant (1933, four digits, letters)", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [ledger(["12345", "4538", "45383a"])]));
    expect(r.ledgers[0]?.rows.map((p) => p.signedDate ?? null)).toEqual([null, null, null]);
    expect(r.issues.filter((i) => i.code === "bad_date").map((i) => i.severity)).toContain("error");
    expect(r.issues.filter((i) => i.code === "number_as_text")).toEqual([]);
  });
});
