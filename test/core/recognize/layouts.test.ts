/** The layouts bureaus really send (issue: recognition that generalises), each read into targets and actuals. */
import type { SheetSpec } from "../../fixtures/grid";
import { figures, recognize } from "../../fixtures/recognize-grid";

describe("one table with 目标任务 / 累计完成 / 完成率 under each indicator (通报附表)", () => {
  const sheet: SheetSpec = {
    name: "1-8月通报",
    rows: [
      ["清河县2024年1-8月招商引资目标任务完成情况", null, null, null, null, null, null, null],
      ["序号", "乡镇（街道）", "新签约项目（个）", null, null, "到位资金（万元）", null, null],
      [null, null, "目标任务", "累计完成", "完成率", "目标任务", "累计完成", "完成率"],
      [null, "合计", 30, 21, 0.7, 50000, 30000, 0.6],
      [1, "城关镇", 10, 8, 0.8, 20000, 15000, 0.75],
      [2, "河西街道", 12, 9, 0.75, 18000, 9000, 0.5],
      [3, "柳林乡", 8, 4, 0.5, 12000, 6000, 0.5],
      ["注：完成率=累计完成/目标任务。", null, null, null, null, null, null, null],
    ],
    merges: ["A1:H1", "A2:A3", "B2:B3", "C2:E2", "F2:H2"],
  };
  const r = recognize([sheet]);

  it("is one combined sheet: targets and actuals paired by indicator, 完成率 never summed or scored", () => {
    expect(r.reports[0]).toMatchObject({
      role: "combined",
      headerRows: [2, 3],
      totalRows: [4],
      columns: {
        seq: "A",
        unit: "B",
        signed_total: "C",
        "signed_total:actual": "D",
        "signed_total:rate": "E",
      },
    });
    expect(figures(r.targets)).toEqual({
      城关镇: { signed_total: 10, 到位资金: 20000 },
      河西街道: { signed_total: 12, 到位资金: 18000 },
      柳林乡: { signed_total: 8, 到位资金: 12000 },
    });
    expect(figures(r.actuals)).toEqual({
      城关镇: { signed_total: 8, 到位资金: 15000 },
      河西街道: { signed_total: 9, 到位资金: 9000 },
      柳林乡: { signed_total: 4, 到位资金: 6000 },
    });
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("English 'X Target' / 'X Actual' column pairs", () => {
  it("pairs each target with its actual and never takes them for a ledger", () => {
    const r = recognize([
      {
        name: "Scorecard",
        rows: [
          [
            "District",
            "New Projects Target",
            "New Projects Actual",
            "FDI Target (10k USD)",
            "FDI Actual (10k USD)",
          ],
          ["North", 10, 7, 500, 420],
          ["South", 8, 8, 300, 150],
        ],
      },
    ]);
    expect(r.reports[0]?.role).toBe("combined");
    expect(r.ledgers).toEqual([]);
    expect(r.targets?.indicators.map((i) => [i.key, i.name])).toEqual([
      ["new_projects", "New Projects"],
      ["foreign_capital_usd", "FDI"],
    ]);
    expect(figures(r.actuals)).toEqual({
      North: { new_projects: 7, foreign_capital_usd: 420 },
      South: { new_projects: 8, foreign_capital_usd: 150 },
    });
  });
});

describe("actuals with 本年累计 / 去年同期 / 同比增长 under each indicator", () => {
  it("reads 本年累计 as the actual and keeps 去年同期 for 同比", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["责任单位", "签约项目（个）", "到位资金（亿元）"],
          ["经开区", 20, 10],
          ["高新区", 15, 8],
        ],
      },
      {
        name: "完成情况",
        rows: [
          ["单位", "签约项目", null, null, "到位资金（亿元）", null, null],
          [null, "本年累计", "去年同期", "同比增长", "本年累计", "去年同期", "同比增长"],
          ["经开区", 12, 10, 0.2, 6.5, 5, 0.3],
          ["高新区", 9, 12, -0.25, 4, 4, 0],
        ],
        merges: ["A1:A2", "B1:D1", "E1:G1"],
      },
    ]);
    expect(r.reports.map((s) => s.role)).toEqual(["targets", "actuals"]);
    expect(figures(r.actuals)).toEqual({
      经开区: { signed_total: 12, 到位资金: 65000 },
      高新区: { signed_total: 9, 到位资金: 40000 },
    });
    expect(r.actuals?.lastYear).toEqual({
      signed_total: "signed_total@last_year",
      到位资金: "到位资金@last_year",
    });
    expect(r.actuals?.units[0]?.values["signed_total@last_year"]?.value).toBe(10);
  });
});

describe("一季度…四季度 under each indicator beside 全年目标", () => {
  const rows = [
    ["专班", "签约项目", null, null, null, null],
    [null, "全年目标", "一季度", "二季度", "三季度", "四季度"],
    ["汽车零部件产业链专班", 12, 3, 4, 2, null],
    ["新兴消费产业链专班", 8, 1, 1, 3, null],
  ];
  const sheet: SheetSpec = { name: "专班考核", rows, merges: ["A1:A2", "B1:F1"] };

  it("sums the quarters so far as the actual", () => {
    const r = recognize([sheet], "2024-09-30");
    expect(r.reports[0]?.role).toBe("combined");
    expect(figures(r.targets)).toEqual({
      汽车零部件产业链专班: { signed_total: 12 },
      新兴消费产业链专班: { signed_total: 8 },
    });
    expect(figures(r.actuals)).toEqual({
      汽车零部件产业链专班: { signed_total: 9 },
      新兴消费产业链专班: { signed_total: 5 },
    });
  });

  it("leaves out quarters not yet begun by the as-of date, and counts the one in progress", () => {
    expect(figures(recognize([sheet], "2024-06-30").actuals)).toEqual({
      汽车零部件产业链专班: { signed_total: 7 },
      新兴消费产业链专班: { signed_total: 2 },
    });
    expect(figures(recognize([sheet], "2024-08-31").actuals)).toEqual({
      汽车零部件产业链专班: { signed_total: 9 },
      新兴消费产业链专班: { signed_total: 5 },
    });
  });
});

describe("a year-end report: 年度目标 | 一季度…四季度 | 全年 under each indicator", () => {
  const rows = [
    ["县区", "签约项目（个）", null, null, null, null, null],
    [null, "年度目标", "一季度", "二季度", "三季度", "四季度", "全年"],
    ["甲县", 20, 3, 5, 6, 4, 18],
    ["乙县", 16, 4, 4, 4, 6, 18],
  ];
  const sheet: SheetSpec = { name: "2024年度考核", rows, merges: ["A1:A2", "B1:G1"] };

  it("reads the bare 全年 beside a stated target as the year's total done, without a duplicate warning", () => {
    const r = recognize([sheet], "2024-12-31");
    expect(figures(r.targets)).toEqual({ 甲县: { signed_total: 20 }, 乙县: { signed_total: 16 } });
    expect(figures(r.actuals)).toEqual({ 甲县: { signed_total: 18 }, 乙县: { signed_total: 18 } });
    expect(r.reports[0]?.columns["signed_total:actual"]).toBe("G");
    expect(r.issues.filter((i) => i.code === "duplicate_column")).toEqual([]);
  });
});

describe("running totals 一季度 / 上半年 / 前三季度 under each indicator", () => {
  const rows = [
    ["专班", "签约项目", null, null, null, null],
    [null, "全年目标", "一季度", "上半年", "前三季度", "全年"],
    ["汽车零部件产业链专班", 12, 3, 7, 11, null],
    ["新兴消费产业链专班", 8, 1, 2, null, null],
  ];
  const sheet: SheetSpec = { name: "推进情况", rows, merges: ["A1:A2", "B1:F1"] };

  it("takes the widest filled running total begun by the as-of date, never their sum", () => {
    expect(figures(recognize([sheet], "2024-09-30").actuals)).toEqual({
      汽车零部件产业链专班: { signed_total: 11 },
      新兴消费产业链专班: { signed_total: 2 },
    });
    expect(figures(recognize([sheet], "2024-05-31").actuals)).toEqual({
      汽车零部件产业链专班: { signed_total: 7 },
      新兴消费产业链专班: { signed_total: 2 },
    });
  });

  it("adds a quarter that follows a half-year subtotal", () => {
    const mixed: SheetSpec = {
      name: "推进情况",
      rows: [
        ["专班", "签约项目", null, null, null],
        [null, "全年目标", "一季度", "上半年", "三季度"],
        ["汽车零部件产业链专班", 12, 3, 7, 4],
      ],
      merges: ["A1:A2", "B1:E1"],
    };
    expect(figures(recognize([mixed], "2024-09-30").actuals)).toEqual({
      汽车零部件产业链专班: { signed_total: 11 },
    });
  });
});

describe("targets of two years side by side", () => {
  it("scores against the as-of year's 目标 group only, whatever the indicator", () => {
    const r = recognize(
      [
        {
          name: "目标任务",
          rows: [
            ["县区", "2023年目标", null, "2024年度目标", null],
            [null, "签约项目（个）", "到位资金（亿元）", "签约项目（个）", "到位资金（亿元）"],
            ["东昌府区", 10, 35, 12, 40],
            ["茌平区", 9, 28, 10, 32],
          ],
          merges: ["A1:A2", "B1:C1", "D1:E1"],
        },
      ],
      "2024-06-30"
    );
    expect(figures(r.targets)).toEqual({
      东昌府区: { signed_total: 12, 到位资金: 400000 },
      茌平区: { signed_total: 10, 到位资金: 320000 },
    });
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("a 权重 row under the header", () => {
  it("weighs the indicators (shares as points out of 100) and is no unit", () => {
    const r = recognize([
      {
        name: "目标任务",
        rows: [
          ["单位", "引进项目", "到位资金", "对接洽谈企业"],
          ["权重", 0.4, 0.4, 0.2],
          ["市商务局", 8, 12, 40],
          ["市科技局", 3, "/", 15],
        ],
      },
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["市商务局", "市科技局"]);
    expect(r.targets?.indicators.map((i) => i.weight)).toEqual([40, 40, 20]);
  });

  it("reads 权重30% on a header's second line as the weight, not as a 权重 column", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["序号", "区", "签约项目（个）\n权重30%", "到位资金（亿元）\n（权重70%）"],
          [1, "南关区", 10, 20],
          [2, "宽城区", 8, 16],
        ],
      },
    ]);
    expect(r.targets?.units.map((u) => u.name)).toEqual(["南关区", "宽城区"]);
    expect(r.targets?.indicators.map((i) => i.weight)).toEqual([30, 70]);
  });

  it("keeps a name wrapped with Alt+Enter on one line", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["单位", "签约项目"],
          ["两车配套\n产业小组", 5],
        ],
      },
    ]);
    expect(r.targets?.units[0]?.name).toBe("两车配套产业小组");
  });
});

describe("header rows under a 文号 and title block", () => {
  it("finds the header above the first figures, not the title", () => {
    const r = recognize([
      {
        name: "附件1",
        rows: [
          ["长府发〔2007〕19号"],
          ["招商引资攻坚目标分解表"],
          ["项目单位：个"],
          ["序号", "责任单位", "包装项目", "在谈项目"],
          [null, "合 计", 300, 150],
          [1, "经开区", 150, 80],
          [2, "高新区", 150, 70],
        ],
        merges: ["A2:D2"],
      },
    ]);
    expect(r.reports[0]).toMatchObject({ role: "targets", headerRows: [4], totalRows: [5] });
    expect(r.targets?.units.map((u) => u.name)).toEqual(["经开区", "高新区"]);
  });
});

describe("unit names merged over two rows", () => {
  it("takes a unit with a 目标 row and a 完成 row as one unit, not a section", () => {
    const r = recognize([
      {
        name: "完成情况",
        rows: [
          ["单位", "类别", "签约项目", "到位资金"],
          ["城关镇", "目标", 10, 2000],
          [null, "完成", 7, 1500],
          ["河西街道", "目标", 8, 1000],
          [null, "完成", 8, 1200],
        ],
        merges: ["A2:A3", "A4:A5"],
      },
    ]);
    expect(r.reports[0]?.role).toBe("combined");
    expect(figures(r.targets)).toEqual({
      城关镇: { signed_total: 10, 到位资金: 2000 },
      河西街道: { signed_total: 8, 到位资金: 1000 },
    });
    expect(figures(r.actuals)).toEqual({
      城关镇: { signed_total: 7, 到位资金: 1500 },
      河西街道: { signed_total: 8, 到位资金: 1200 },
    });
    expect(r.targets?.units.every((u) => u.group === null)).toBe(true);
  });

  it("reads a 项目 column of 目标 / 完成 / 完成率 lines as line kinds, not as a project ledger", () => {
    const r = recognize([
      {
        name: "考核表",
        rows: [
          ["序号", "镇（街道）", "项目", "签约项目", "签约金额"],
          [1, "紫柏街道", "目标", 6, 10],
          [null, null, "完成", 7, 9.5],
          [null, null, "完成率", 1.167, 0.95],
          [2, "留侯镇", "目标", 5, 8],
          [null, null, "完成", 4, 9.2],
          [null, null, "完成率", 0.8, 1.15],
        ],
        merges: ["A2:A4", "B2:B4", "A5:A7", "B5:B7"],
      },
    ]);
    expect(r.reports[0]?.role).toBe("combined");
    expect(figures(r.actuals)).toEqual({
      紫柏街道: { signed_total: 7, 签约金额: 9.5 },
      留侯镇: { signed_total: 4, 签约金额: 9.2 },
    });
  });

  it("reads a long name merged over two rows as one unit, never renaming the group of later units", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["责任单位", "签约项目"],
          ["长春汽车经济技术开发区管理委员会", 10],
          [null, null],
          ["高新区", 8],
        ],
        merges: ["A2:A3", "B2:B3"],
      },
    ]);
    expect(r.targets?.units.map((u) => [u.name, u.group])).toEqual([
      ["长春汽车经济技术开发区管理委员会", null],
      ["高新区", null],
    ]);
  });
});

describe("rows that are not units", () => {
  it("skips section rows, 不参与考核 rows and notes, and leaves them out of 合计", () => {
    const r = recognize([
      {
        name: "目标分解",
        rows: [
          ["序号", "镇街", "签约项目", "备注"],
          ["一、街道", null, null, null],
          [1, "同心街道", 10, null],
          [2, "春城街道", 8, null],
          ["二、乡镇", null, null, null],
          [3, "合心镇", 12, null],
          [4, "西新镇", 6, "新设，不参与考核"],
          [null, "合计", 30, null],
          ["注：西新镇本年度不参与考核。", null, null, null],
        ],
      },
    ]);
    expect(r.targets?.units.map((u) => [u.name, u.group])).toEqual([
      ["同心街道", "街道"],
      ["春城街道", "街道"],
      ["合心镇", "乡镇"],
    ]);
    expect(r.reports[0]?.totalRows).toEqual([8]);
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toContain("excluded_row@D7");
  });
});

describe("加分 / 扣分 columns under a merged 加减分项 header", () => {
  it("keeps them apart from the indicators, with their 事由", () => {
    const r = recognize([
      {
        name: "年终考核",
        rows: [
          ["考核对象", "签约项目", "到位资金", "加减分项", null, null],
          [null, null, null, "加分", "扣分", "事由"],
          ["驻沪招商分局", 10, 5000, 2, null, "引进世界500强项目"],
          ["驻深招商分局", 8, 4000, null, 1, "信息报送不及时"],
        ],
        merges: ["A1:A2", "B1:B2", "C1:C2", "D1:F1"],
      },
    ]);
    expect(r.targets?.indicators.map((i) => i.key)).toEqual(["signed_total", "到位资金"]);
    expect(r.targets?.units.map((u) => u.adjustment)).toEqual([
      { bonus: 2, penalty: 0, reason: "引进世界500强项目", cells: ["年终考核!D3"] },
      { bonus: 0, penalty: 1, reason: "信息报送不及时", cells: ["年终考核!E4"] },
    ]);
  });
});

describe("加分 / 扣分 typed with their words", () => {
  it("reads 加2分, 扣0.5分 and +1分 as points, and a sentence as no figure", () => {
    const r = recognize([
      {
        name: "考核结果",
        rows: [
          ["考核对象", "签约项目", "到位资金", "加分", "扣分"],
          ["驻沪招商分局", 10, 5000, "加2分", null],
          ["驻深招商分局", 8, 4000, null, "扣0.5分"],
          ["驻京招商分局", 8, 4000, "+1分", "减1分"],
          ["驻蓉招商分局", 6, 3000, "引进500强项目加2分", null],
          ["驻渝招商分局", 6, 3000, "无", "—"],
        ],
      },
    ]);
    expect(r.targets?.units.map((u) => [u.adjustment?.bonus, u.adjustment?.penalty])).toEqual([
      [2, 0],
      [0, 0.5],
      [1, 1],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    const unread = r.issues.filter((i) => i.code === "wrong_type");
    expect(unread.map((i) => [i.severity, i.cell])).toEqual([["warning", "D5"]]);
  });
});

describe("the unit column by evidence", () => {
  const headers = [
    "乡镇（街道）",
    "镇街",
    "街道",
    "园区",
    "开发区",
    "部门",
    "责任部门",
    "责任属地",
    "牵头单位",
    "牵头部门",
    "产业小组",
    "专班",
    "专班名称",
    "产业链专班",
    "产业招商团组",
    "招商单位",
    "驻外分局",
    "驻外招商分局",
    "考核对象",
    "被考核单位",
    "所属乡镇",
    "所属专班",
    "Responsible Dept.",
  ];
  it.each(headers)("reads %s as the unit column", (header) => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["序号", header, "签约项目", "到位资金"],
          [1, "甲", 10, 100],
          [2, "乙", 8, 80],
        ],
      },
    ]);
    expect(r.reports[0]?.columns["unit"]).toBe("B");
    expect(r.targets?.units.map((u) => u.name)).toEqual(["甲", "乙"]);
  });

  it("takes the 专班 column over a 牵头部门 column that repeats a department, and stays unsure of two lists of distinct names", () => {
    const table = (depts: string[]): SheetSpec[] => [
      {
        name: "通报",
        rows: [
          ["序号", "分管领导", "专班", "牵头部门", "签约项目"],
          [1, "王贺军", "汽车零部件产业链专班", depts[0] ?? "", 12],
          [2, "王贺军", "高端装备产业链专班", depts[1] ?? "", 8],
          [3, "张海波", "肉牛深加工产业链专班", depts[2] ?? "", 6],
        ],
      },
    ];
    const repeated = recognize(table(["区工信局", "区工信局", "区农业农村局"]));
    expect(repeated.reports[0]?.columns["unit"]).toBe("C");
    expect(repeated.issues.some((i) => i.code === "unit_column_uncertain")).toBe(false);
    const distinct = recognize(table(["区工信局", "区发改局", "区农业农村局"]));
    expect(distinct.issues.some((i) => i.code === "unit_column_uncertain")).toBe(true);
  });

  it("takes 保底目标 as the target and leaves 力争目标 out, as neither target nor indicator", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["开发区", "新签约项目（个）", null, "实际到位资金（亿元）", null],
          [null, "保底目标", "力争目标", "基本目标", "奋斗目标"],
          ["经开区", 12, 15, 80, 100],
          ["高新区", 12, 15, 70, 90],
        ],
        merges: ["A1:A2", "B1:C1", "D1:E1"],
      },
      {
        name: "1-9月完成",
        rows: [
          ["开发区", "新签约项目（个）", "实际到位资金（亿元）"],
          ["经开区", 14, 84],
          ["高新区", 10, 77],
        ],
      },
    ]);
    expect(figures(r.targets)).toEqual({
      经开区: { signed_total: 12, 实际到位资金: 800000 },
      高新区: { signed_total: 12, 实际到位资金: 700000 },
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("finds an unlabelled unit column by its shape and by the names the other sheets share", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["序号", null, "签约项目", "到位资金"],
          [1, "城关镇", 10, 100],
          [2, "河西街道", 8, 80],
        ],
      },
      {
        name: "完成",
        rows: [
          ["序号", "名 称", "签约项目", "到位资金"],
          [1, "城关镇", 7, 60],
          [2, "河西街道", 8, 90],
        ],
      },
    ]);
    expect(r.reports.map((s) => [s.role, s.columns["unit"]])).toEqual([
      ["targets", "B"],
      ["actuals", "B"],
    ]);
    expect(figures(r.actuals)).toEqual({
      城关镇: { signed_total: 7, 到位资金: 60 },
      河西街道: { signed_total: 8, 到位资金: 90 },
    });
  });
});

describe("pairing actuals with targets", () => {
  it("pairs '新开工项目 / 个数' with '新开工项目（个）' and says how", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["单位", "新开工项目（个）", "实际利用外资（万美元）"],
          ["经开区", 6, 3000],
        ],
      },
      {
        name: "完成",
        rows: [
          ["单位", "新开工项目", "利用外资"],
          [null, "个数", "万美元"],
          ["经开区", 4, 1800],
        ],
        merges: ["A1:A2"],
      },
    ]);
    expect(figures(r.actuals)).toEqual({ 经开区: { 新开工项目: 4, foreign_capital_usd: 1800 } });
    expect(r.pairings?.map((p) => [p.key, p.by])).toEqual([
      ["新开工项目", "similar_header"],
      ["foreign_capital_usd", "header"],
    ]);
  });
});

describe("本月 beside 累计 under each indicator", () => {
  it("reads 累计 as the actual and leaves 本月 out", () => {
    const r = recognize([
      {
        name: "8月通报",
        rows: [
          ["单位", "签约项目（个）", null, null, "到位资金（亿元）", null, null],
          [null, "全年目标", "本月", "1-8月累计", "全年目标", "本月完成", "累计完成"],
          ["经开区", 20, 2, 12, 10, 0.5, 6.5],
          ["高新区", 15, 1, 9, 8, 0.2, 4],
        ],
        merges: ["A1:A2", "B1:D1", "E1:G1"],
      },
    ]);
    expect(r.reports[0]?.role).toBe("combined");
    expect(figures(r.actuals)).toEqual({
      经开区: { signed_total: 12, 到位资金: 65000 },
      高新区: { signed_total: 9, 到位资金: 40000 },
    });
    expect(r.reports[0]?.columns).toMatchObject({
      "signed_total:current": "C",
      "到位资金:current": "F",
    });
  });
});

describe("unit names across sheets", () => {
  it("pairs an official long form with the targets' short name, and reports it", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["乡镇", "签约项目"],
          ["合心镇", 10],
          ["同心街道", 8],
          ["经开区", 6],
          ["延边州", 5],
          ["湘西州", 4],
        ],
      },
      {
        name: "完成",
        rows: [
          ["乡镇", "签约项目"],
          ["合心镇人民政府", 7],
          ["同心街道办事处", 8],
          ["长春经济技术开发区", 3],
          ["延边朝鲜族自治州", 2],
          ["湘西土家族苗族自治州", 1],
        ],
      },
    ]);
    expect(r.actuals?.units.map((u) => [u.name, u.key])).toEqual([
      ["合心镇人民政府", "合心镇"],
      ["同心街道办事处", "同心街道"],
      ["长春经济技术开发区", "经开区"],
      ["延边朝鲜族自治州", "延边州"],
      ["湘西土家族苗族自治州", "湘西州"],
    ]);
  });
});

describe("several monthly actuals sheets", () => {
  const month = (name: string, signed: number): SheetSpec => ({
    name,
    rows: [
      ["单位", "签约项目"],
      ["经开区", signed],
    ],
  });
  const targets: SheetSpec = {
    name: "目标",
    rows: [
      ["单位", "签约项目"],
      ["经开区", 20],
    ],
  };

  it("uses the latest one up to the as-of date and says which it left alone", () => {
    const r = recognize(
      [targets, month("1-7月完成情况", 10), month("1-8月完成情况", 12), month("1-9月完成情况", 15)],
      "2024-08-31"
    );
    expect(r.actuals?.sheet).toBe("1-8月完成情况");
    expect(r.issues.map((i) => i.code)).toContain("sheet_not_used");
  });
});

describe("last year's targets kept beside this year's", () => {
  const year = (y: number, signed: number): SheetSpec => ({
    name: `${y}年目标`,
    rows: [
      [`${y}年各区招商引资目标任务`],
      ["区", "签约项目"],
      ["甲区", signed],
      ["乙区", signed / 2],
    ],
  });
  const actuals: SheetSpec = {
    name: "2024年1-9月完成",
    rows: [
      ["区", "签约项目"],
      ["甲区", 12],
      ["乙区", 5],
    ],
  };

  it("assesses against the as-of year's sheet, whichever comes first, and says which it left alone", () => {
    const r = recognize([year(2023, 10), year(2024, 20), actuals], "2024-09-30");
    expect(r.targets?.sheet).toBe("2024年目标");
    expect(figures(r.targets)["甲区"]).toMatchObject({ signed_total: 20 });
    const note = r.issues.find((i) => i.code === "sheet_not_used");
    expect(note?.message_zh).toContain("2023年目标");
  });

  it("without an as-of date takes the latest year named", () => {
    expect(recognize([year(2024, 20), year(2023, 10), actuals]).targets?.sheet).toBe("2024年目标");
  });
});

describe("tables that list indicators down the rows", () => {
  it("never ranks the indicators of a unit's own report as if they were units", () => {
    const r = recognize([
      {
        name: "经开区报送",
        rows: [
          ["经开区2024年1-8月招商引资完成情况"],
          ["指标名称", "全年目标", "1-8月完成", "完成率"],
          ["签约项目", 20, 12, 0.6],
          ["实际利用外资", 5, 3, 0.6],
          ["到位资金", 30, 21, 0.7],
        ],
      },
    ]);
    expect(r.targets).toBeNull();
    expect(r.reports[0]?.role).toBe("other");
  });

  it("reads a targets sheet whose units run across the columns on its side", () => {
    const r = recognize([
      {
        name: "目标",
        rows: [
          ["指标", "经开区", "高新区", "净月区"],
          ["签约项目", 20, 15, 10],
          ["实际利用外资", 5, 4, 1],
        ],
      },
    ]);
    expect(r.targets?.units.map((u) => [u.name, u.values["signed_total"]?.value])).toEqual([
      ["经开区", 20],
      ["高新区", 15],
      ["净月区", 10],
    ]);
    expect(r.targets?.units[1]?.values["signed_total"]?.cell).toBe("C2");
  });
});

describe("one sheet per kind of unit (县区 / 园区)", () => {
  const sheet = (name: string, rows: (string | number)[][]): SheetSpec => ({
    name,
    rows: [["单位", "签约项目", "到位资金"], ...rows],
  });
  it("joins the parts, each unit grouped by its sheet, totals checked per sheet", () => {
    const r = recognize([
      sheet("县区目标", [
        ["南郑区", 10, 100],
        ["城固县", 8, 80],
        ["合计", 18, 180],
      ]),
      sheet("园区目标", [
        ["汉中经开区", 6, 60],
        ["航空智慧新城", 4, 40],
        ["合计", 10, 100],
      ]),
      sheet("县区完成", [
        ["南郑区", 7, 90],
        ["城固县", 8, 50],
      ]),
      sheet("园区完成", [
        ["汉中经开区", 3, 70],
        ["航空智慧新城", 4, 10],
      ]),
    ]);
    expect(r.targets?.units.map((u) => [u.name, u.group])).toEqual([
      ["南郑区", "县区"],
      ["城固县", "县区"],
      ["汉中经开区", "园区"],
      ["航空智慧新城", "园区"],
    ]);
    expect(figures(r.actuals)["航空智慧新城"]).toEqual({ signed_total: 4, 到位资金: 10 });
    const recognition = r;
    expect(recognition.reports.map((s) => s.role)).toEqual([
      "targets",
      "targets",
      "actuals",
      "actuals",
    ]);
  });
});
