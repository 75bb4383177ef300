/** What a 台账 row says of whether it counts: 是否纳入考核, a 备注 of cancellation, 建设性质 续建. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { StageIndex, DEFAULT_STAGES } from "../../../src/core/rules/stages";
import { workbookGrid } from "../../fixtures/grid";

const stages = new StageIndex(DEFAULT_STAGES);

describe("a ledger row's status columns", () => {
  it("leave out rows 是否纳入考核 marks 否 (one info line), keeping the others", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "项目台账",
          rows: [
            [
              "序号",
              "项目名称",
              "所属区",
              "协议投资额（万元）",
              "签约时间",
              "是否纳入考核",
              "备注",
            ],
            [1, "光电项目", "南关区", 20000, "2024-03-05", "是", null],
            [2, "城市更新项目", "南关区", 50000, "2024-04-11", "否", "市级统筹项目"],
            [3, "食品加工项目", "宽城区", 6000, "2024-07-08", "不纳入", "重复统计"],
            [4, "仓储项目", "宽城区", 30000, "2024-06-30", "是", null],
          ],
        },
      ])
    );
    const ledger = r.ledgers[0];
    expect(ledger?.rows.map((row) => row.name)).toEqual(["光电项目", "仓储项目"]);
    const note = r.issues.find((i) => i.code === "excluded_row" && i.sheet === "项目台账");
    expect(note?.severity).toBe("info");
    expect(note?.message_zh).toContain("2 个项目标注不纳入考核");
  });

  it("read a 备注 of cancellation as the stage, and a 续建 project as carried over", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "推进表",
          rows: [
            ["序号", "项目名称", "镇街", "建设性质", "项目进展", "备注"],
            [1, "肉牛加工项目", "合心镇", "新建", "已开工", "正常推进"],
            [2, "饲料加工项目", "合心镇", "续建", "在建", null],
            [3, "生物质能源项目", "西新镇", "新建", "已签约", "项目已终止"],
            [4, "矿泉水项目", "西新镇", "新建", "已签约", "企业撤资，协议已解除"],
            [5, "冶金项目", "西新镇", "新建", "已签约", "已开工建设"],
          ],
        },
      ])
    );
    const how = r.ledgers[0]?.rows.map((row) => stages.match(row.stage ?? "").how);
    expect(how).toEqual(["synonym", "continuing", "withdrawn", "withdrawn", "synonym"]);
  });

  it("read 投资额 in the 计量单位 typed beside it, row by row (亿元 / 万元 / 元)", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "签约项目",
          rows: [
            ["序号", "项目名称", "县（市、区）", "投资额", "计量单位", "签约日期"],
            [1, "装备项目", "东昌府区", 2.5, "亿元", "2024-03-15"],
            [2, "物流项目", "东昌府区", 8000, "万元", "2024-05-06"],
            [3, "新材料项目", "茌平区", 150000000, "元", "2024-07-21"],
          ],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((row) => row.investment)).toEqual([25000, 8000, 15000]);
  });
});

describe("a 外资 ledger's columns", () => {
  it("take 外方投资者 for who invests, not for a 外方投资 amount", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "外资项目",
          rows: [
            ["序号", "项目名称", "所在县（市、区）", "外方投资者", "总投资（万美元）", "签约日期"],
            [1, "精密零部件项目", "东昌府区", "韩国世一株式会社", 2000, "2024-05-08"],
          ],
        },
      ])
    );
    const ledger = r.ledgers[0];
    expect(ledger?.rows.map((row) => [row.investor, row.investment, row.currency])).toEqual([
      ["韩国世一株式会社", 2000, "USD"],
    ]);
  });

  it("read amounts typed with their words (总投资2.5亿元, 投资额：8000万元, …（其中固定资产投资1亿元）)", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "签约项目",
          rows: [
            ["序号", "县（市）", "项目名称", "投资规模", "签约时间"],
            [1, "永吉县", "化工项目", "总投资2.5亿元", "2024-03-06"],
            [2, "永吉县", "食品项目", "投资额：8000万元", "2024-05-14"],
            [3, "蛟河市", "建筑项目", "计划投资1.2亿元（其中固定资产投资1亿元）", "2024-07-02"],
          ],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((row) => row.investment)).toEqual([25000, 8000, 12000]);
  });
});

describe("是否签约 / 是否开工 columns", () => {
  it("read 是 under them as the stage ticked, the furthest one", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "推进台账",
          rows: [
            ["序号", "项目名称", "镇街", "总投资（万元）", "是否签约", "是否开工"],
            [1, "汽配项目", "奢岭街道", 30000, "是", "是"],
            [2, "鹿业项目", "奢岭街道", 8000, "是", "否"],
            [3, "文旅项目", "云山街道", 20000, "否", "否"],
          ],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((row) => row.stage)).toEqual(["已开工", "已签约", null]);
  });
});

describe("签约情况 / 开工情况 cells", () => {
  it("give the date typed with the event (2024.3.12已签约), and none for 未签约 / 未开工", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "项目推进",
          rows: [
            ["序号", "县", "项目名称", "总投资（亿元）", "签约情况", "开工情况"],
            [1, "高唐县", "制药项目", 3, "2024.3.12已签约", "2024.6.5已开工"],
            [2, "高唐县", "纺织项目", 2, "未签约", "未开工"],
          ],
        },
      ])
    );
    const rows = r.ledgers[0]?.rows ?? [];
    expect(
      rows.map((row) => [
        row.signedDate?.toISOString().slice(0, 10) ?? null,
        row.startedDate?.toISOString().slice(0, 10) ?? null,
      ])
    ).toEqual([
      ["2024-03-12", "2024-06-05"],
      [null, null],
    ]);
    expect(r.issues.filter((i) => i.code === "bad_date")).toEqual([]);
  });
});
