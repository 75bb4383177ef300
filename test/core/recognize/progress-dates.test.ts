/** The date a 项目进展 sentence gives an event, for a 台账 with no date column. */
import { progressDate } from "../../../src/core/recognize/progress-dates";

const iso = (d: Date | null): string | null => d?.toISOString().slice(0, 10) ?? null;

describe("progressDate", () => {
  it("reads the clause that names the event, with its own year or the one given", () => {
    const text = "2023年11月签约，2024年4月开工，设备安装中";
    expect(iso(progressDate(text, "signed", 2024))).toBe("2023-11-01");
    expect(iso(progressDate(text, "started", 2024))).toBe("2024-04-01");
    expect(iso(progressDate("已于5月签约，正在办理开工手续", "signed", 2024))).toBe("2024-05-01");
    expect(iso(progressDate("7月20日签订投资协议，已进场施工", "signed", 2024))).toBe("2024-07-20");
    expect(iso(progressDate("2024.3.12已签约", "signed", null))).toBe("2024-03-12");
  });

  it("dates nothing planned, nothing without a year, and no amount taken for a month", () => {
    expect(progressDate("已于5月签约，正在办理开工手续", "started", 2024)).toBeNull();
    expect(progressDate("正在洽谈，预计10月签约", "signed", 2024)).toBeNull();
    expect(progressDate("计划10月开工", "started", 2024)).toBeNull();
    expect(progressDate("已于5月签约", "signed", null)).toBeNull();
    expect(progressDate("总投资1.5亿元，已签约", "signed", 2024)).toBeNull();
    expect(progressDate("13月签约", "signed", 2024)).toBeNull();
  });
});
