import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  campaignPreset,
  planRulesSheet,
  readRulesSheet,
  withTrafficLights,
} from "../../../src/core/rules";
import { writePlanToNewFile } from "../../../src/workbook/exceljs/file-io";
import { readWorkbookFile } from "../../../src/workbook/exceljs/read-file";

describe("考核规则 sheet through a real .xlsx", () => {
  it("reads back what it wrote (dates, percents, dropdown labels)", async () => {
    const rules = {
      ...withTrafficLights(campaignPreset("2008-01-31")),
      method: "threshold",
      tieBreak: "signed_total",
    };
    const path = join(mkdtempSync(join(tmpdir(), "scorecard-rules-")), "rules.xlsx");
    await writePlanToNewFile({ sheets: [planRulesSheet(rules)] }, path);
    const grid = await readWorkbookFile(path);
    const sheet = grid.sheets.find((s) => s.name === "考核规则");
    if (!sheet) throw new Error("no rules sheet");
    const read = readRulesSheet(sheet, campaignPreset("1999-01-01"));
    expect(read.issues).toEqual([]);
    expect(read.rules).toEqual(rules);
  });
});
