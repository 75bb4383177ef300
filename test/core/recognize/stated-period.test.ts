import type { SheetGrid } from "../../../src/core/grid";
import { sheetGrid } from "../../fixtures/grid";
import { statedPeriod } from "../../../src/core/recognize/stated-period";

const sheet = (name: string, texts: string[]): SheetGrid =>
  sheetGrid({ name, rows: texts.map((t) => [t]) });

describe("statedPeriod", () => {
  it("reads a 考核期限 sentence with days, on any sheet", () => {
    const p = statedPeriod([
      sheet("考核办法", [
        "招商引资攻坚考核验收办法",
        "一、考核期限：2007年7月1日至2008年3月31日（九个月攻坚行动）。",
      ]),
    ]);
    expect(p).toMatchObject({
      start: "2007-07-01",
      end: "2008-03-31",
      sheet: "考核办法",
      cell: "A2",
    });
  });

  it("reads a month range in the title of targets, to the end of its last month", () => {
    expect(
      statedPeriod([sheet("目标", ["招商引资九个月攻坚目标分解表（2007年7月—2008年3月）"])])
    ).toMatchObject({
      start: "2007-07-01",
      end: "2008-03-31",
    });
    expect(statedPeriod([sheet("任务", ["2024年6月至11月百日攻坚任务分解"])])).toMatchObject({
      start: "2024-06-01",
      end: "2024-11-30",
    });
  });

  it("takes no period from how far an actuals report runs, a calendar year or a single month", () => {
    expect(statedPeriod([sheet("完成情况", ["2024年1月-8月招商引资完成情况"])])).toBeNull();
    expect(statedPeriod([sheet("目标", ["考核期限：2024年1月1日至2024年12月31日"])])).toBeNull();
    expect(statedPeriod([sheet("目标", ["2024年8月目标任务（2024年8月）"])])).toBeNull();
  });

  it("ignores hidden sheets", () => {
    const hidden = {
      ...sheet("考核办法", ["考核期限：2007年7月1日至2008年3月31日"]),
      hidden: true,
    };
    expect(statedPeriod([hidden])).toBeNull();
  });
});
