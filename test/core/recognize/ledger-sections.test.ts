/** 在谈 / 签约 / 开工 lists on one sheet, each under its caption and header: each list read by its own header. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { sectionSheets } from "../../../src/core/recognize/ledger-sections";
import { sheetGrid, workbookGrid, type SheetSpec } from "../../fixtures/grid";

const LISTS: SheetSpec = {
  name: "项目清单",
  rows: [
    ["2024年招商引资项目清单"],
    ["一、在谈项目（1个）"],
    ["序号", "县区", "项目名称", "意向投资额（万元）", "预计签约时间"],
    [1, "铁西区", "商贸物流园项目", 20000, "2024-08-30"],
    ["二、签约项目（2个）"],
    ["序号", "县区", "项目名称", "协议投资额（万元）", "签约时间"],
    [1, "铁西区", "装备制造项目", 15000, "2024-03-12"],
    [2, "铁东区", "医药产业园项目", 8000, "2024-05-20"],
    ["三、开工项目（1个）"],
    ["序号", "县区", "项目名称", "总投资（万元）", "开工时间"],
    [1, "铁西区", "装备制造项目", 15000, "2024-06-05"],
  ],
};

describe("several lists of projects on one sheet", () => {
  it("splits the sheet at each list's header, the other lists' rows left blank", () => {
    const parts = sectionSheets(sheetGrid(LISTS)) ?? [];
    expect(parts).toHaveLength(3);
    expect(parts[1]?.rows[0]).toEqual(["2024年招商引资项目清单"]);
    expect(parts[1]?.rows[3]).toEqual([]);
    expect(parts[1]?.rows[6]?.[2]).toBe("装备制造项目");
    expect(parts[1]?.rows[9]).toEqual([]);
  });

  it("leaves a header repeated over pages, and a sheet of one list, as one", () => {
    const rows = LISTS.rows;
    const repeated = [rows[5], rows[6], rows[5], rows[7]] as SheetSpec["rows"];
    expect(sectionSheets(sheetGrid({ name: "台账", rows: repeated }))).toBeNull();
    expect(sectionSheets(sheetGrid({ name: "台账", rows: rows.slice(4, 8) }))).toBeNull();
  });

  it("reads signings from the 签约 list and starts from the 开工 list", () => {
    const r = recognizeWorkbook(workbookGrid("t.xlsx", [LISTS]), {}, { asOf: "2024-09-30" });
    const rows = r.ledgers.flatMap((l) => l.rows);
    const signed = rows.filter((x) => x.signedDate !== null).map((x) => x.name);
    const started = rows.filter((x) => x.startedDate !== null).map((x) => x.name);
    expect(signed.sort()).toEqual(["医药产业园项目", "装备制造项目"]);
    expect(started).toEqual(["装备制造项目"]);
  });
});
