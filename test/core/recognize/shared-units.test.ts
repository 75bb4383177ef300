import { recognizeWorkbook } from "../../../src/core/recognize";
import { firstNamedUnit } from "../../../src/core/recognize/shared-units";
import { workbookGrid } from "../../fixtures/grid";

describe("a project several units brought in together", () => {
  it.each([
    ["南关区、宽城区", "南关区"],
    ["宽城区，绿园区", "宽城区"],
    ["驻北京分局/驻上海分局", "驻北京分局"],
    ["汽车专班+装备专班", "汽车专班"],
  ])("%s counts for the first unit named", (text, first) => {
    expect(firstNamedUnit(text)).toBe(first);
  });

  it.each(["南关区", "皓月产业园区(西新镇)", "和平区", "A、"])("%s names one unit", (text) => {
    expect(firstNamedUnit(text)).toBeNull();
  });

  it("is counted once in a ledger, for the first unit, with a note saying so", () => {
    const r = recognizeWorkbook(
      workbookGrid("t.xlsx", [
        {
          name: "台账",
          rows: [
            ["序号", "项目名称", "责任单位", "总投资（万元）", "签约日期"],
            [1, "甲项目", "南关区、宽城区", 5000, "2024-01-10"],
            [2, "乙项目", "宽城区", 8000, "2024-02-10"],
          ],
        },
      ])
    );
    expect(r.ledgers[0]?.rows.map((p) => p.unit)).toEqual(["南关区", "宽城区"]);
    expect(r.issues.filter((i) => i.code === "unit_name_variant").map((i) => i.cell)).toEqual([
      "C2",
    ]);
  });
});
