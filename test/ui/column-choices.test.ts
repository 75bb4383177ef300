import type { SheetReport } from "../../src/core/model/recognition";
import {
  indicatorChoices,
  recognisedMeanings,
  withColumn,
} from "../../src/ui/screens/column-choices";
import { TARGETS } from "./fixtures";

describe("column choices", () => {
  it("reads a report's columns as structural, target, actual and last-year columns", () => {
    const combined: SheetReport = {
      ...TARGETS,
      role: "combined",
      columns: {
        seq: "A",
        unit: "B",
        signed_total: "C",
        "signed_total:actual": "D",
        "signed_total:last_year": "E",
        bonus: "F",
        reason_2: "G",
      },
    };
    expect(Object.fromEntries(recognisedMeanings(combined))).toEqual({
      A: { structural: "seq" },
      B: { structural: "unit" },
      C: { key: "signed_total", measure: "target" },
      D: { key: "signed_total", measure: "actual" },
      E: { key: "signed_total", measure: "last_year" },
      F: { structural: "bonus" },
      G: { structural: "reason" },
    });
    expect(recognisedMeanings({ ...combined, role: "actuals" }).get("C")).toEqual({
      key: "signed_total",
      measure: "actual",
    });
  });

  it("offers the workbook's own indicators first, then the dictionary's, each once", () => {
    expect(
      indicatorChoices(
        [{ key: "x", name: "新开工项目" }],
        [
          { key: "x", label_zh: "X", label_en: "X" },
          { key: "unit", label_zh: "责任单位", label_en: "Unit" },
          { key: "signed_total", label_zh: "签约项目", label_en: "Signed projects" },
        ],
        "en-US"
      )
    ).toEqual([
      { key: "x", name: "新开工项目" },
      { key: "signed_total", name: "Signed projects" },
    ]);
  });

  it("sets and clears one column, keeping the rest", () => {
    const saved = { 目标: { C: "ignore" }, 完成: { D: "actual:x" } };
    expect(withColumn(saved, "目标", "E", "unit")).toEqual({
      目标: { C: "ignore", E: "unit" },
      完成: { D: "actual:x" },
    });
    expect(withColumn(saved, "目标", "C", "")).toEqual({ 完成: { D: "actual:x" } });
  });
});
