/** Headers holding Chinese over English on two lines are read by their Chinese line. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { headerText } from "../../../src/core/recognize/header-block";
import { workbookGrid } from "../../fixtures/grid";

describe("bilingual headers", () => {
  it("reads the Chinese line, keeping a unit only the English line states", () => {
    expect(headerText("镇街\nTown/Street")).toBe("镇街");
    expect(headerText("Signing Date\n签约日期")).toBe("签约日期");
    expect(headerText("总投资（万元）\nInvestment (RMB 10k)")).toBe("总投资（万元）");
    expect(headerText("总投资\nInvestment (RMB 10k)")).toBe("总投资(RMB 10k)");
  });

  it("leaves a label wrapped within one language alone", () => {
    expect(headerText("实际利用外资\n（万美元）")).toBe("实际利用外资\n（万美元）");
    expect(headerText("Funds in Place\n(10k CNY)")).toBe("Funds in Place\n(10k CNY)");
    expect(headerText("签约项目")).toBe("签约项目");
  });

  it("recognises a targets sheet and a ledger whose headers are bilingual", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "目标 Targets",
          rows: [
            ["序号\nNo.", "镇街\nTown/Street", "签约项目（个）\nSigned Projects"],
            [1, "云山街道", 4],
            [2, "奢岭街道", 3],
          ],
        },
        {
          name: "台账 Ledger",
          rows: [
            [
              "项目名称\nProject",
              "所属镇街\nTown/Street",
              "总投资\nInvestment (RMB 10k)",
              "签约日期\nSigning Date",
            ],
            ["食品加工项目", "云山街道", 3000, "2024-02-01"],
            ["梅花鹿产业园项目", "奢岭街道", 12000, "2024-03-03"],
          ],
        },
      ]),
      {},
      { asOf: "2024-06-30" }
    );
    expect(r.reports.map((s) => [s.name, s.role])).toEqual([
      ["目标 Targets", "targets"],
      ["台账 Ledger", "ledger"],
    ]);
    expect(r.reports[1]?.columns).toMatchObject({ unit: "B", investment: "C", signed_date: "D" });
    expect(r.ledgers[0]?.rows[1]?.investment).toBe(12000);
  });
});

describe("points stated in English headers", () => {
  it("reads (30 pts) and (70 points) as the indicators' weights", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "Annual Review",
          rows: [
            [
              "No.",
              "Town",
              "Projects signed (No.) (30 pts)",
              null,
              "Funds in place (100M RMB) (70 points)",
              null,
            ],
            [null, null, "Target", "Actual", "Target", "Actual"],
            [1, "Xinbei Town", 6, 6, 10, 9],
            [2, "Hexi Town", 4, 5, 6, 6],
          ],
          merges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
        },
      ]),
      {},
      { asOf: "2024-12-31" }
    );
    expect(r.targets?.indicators.map((i) => i.weight)).toEqual([30, 70]);
  });
});
