/** 推进节点 › 签约 / 开工 / 投产 holding ✓ / × rather than dates: the stage a project reached, not bad dates. */
import { recognizeWorkbook } from "../../../src/core/recognize";
import { workbookGrid, type SheetSpec } from "../../fixtures/grid";

function ledger(a: readonly unknown[], b: readonly unknown[]): SheetSpec {
  return {
    name: "推进台账",
    rows: [
      ["2024年招商项目推进台账"],
      ["序号", "项目名称", "所在街道", "推进节点", null, null],
      [null, null, null, "签约", "开工", "投产"],
      [1, "空港物流园项目", "龙嘉街道", ...a],
      [2, "航空食品项目", "营城街道", ...b],
    ] as SheetSpec["rows"],
    merges: ["A2:A3", "B2:B3", "C2:C3", "D2:F2"],
  };
}

function read(sheet: SheetSpec) {
  const r = recognizeWorkbook(workbookGrid("t.xlsx", [sheet]), {}, { asOf: "2024-09-30" });
  return {
    rows: r.ledgers[0]?.rows.map((row) => ({ stage: row.stage, signed: row.signedDate })) ?? [],
    badDates: r.issues.filter((i) => i.code === "bad_date").length,
  };
}

describe("stage columns of ticks", () => {
  it("reads ✓ under each stage reached as the furthest stage, crosses as not yet", () => {
    const got = read(ledger(["✓", "✔", "×"], ["✓", "×", null]));
    expect(got.badDates).toBe(0);
    expect(got.rows.map((r) => r.stage)).toEqual(["开工", "签约"]);
  });

  it("still reads dates under the same headers as the stages' dates", () => {
    const got = read(ledger(["2024-03-05", "2024-06-01", null], ["2024-05-10", null, null]));
    expect(got.rows[0]?.signed?.toISOString().slice(0, 10)).toBe("2024-03-05");
  });
});
