import { calendarYear, parseDay, showDay } from "../../src/ui/dates";

describe("dates as bureaus write them", () => {
  it("reads ISO, 年月日, slashes, dots and full-width digits, whatever the locale", () => {
    for (const text of [
      "2024-08-31",
      "2024年8月31日",
      "2024/8/31",
      "2024.08.31",
      " 2024 年 8 月 31 日 ",
      "２０２４-８-３１",
    ])
      expect(parseDay(text)).toBe("2024-08-31");
  });

  it("refuses days that do not exist and American order", () => {
    for (const text of ["2024-02-30", "08/31/2024", "31.8.2024", "2024-13-01", "", "明天"])
      expect(parseDay(text)).toBeNull();
  });

  it("shows 2024年8月31日 in Chinese and ISO in English", () => {
    expect(showDay("2024-08-31", "zh-CN")).toBe("2024年8月31日");
    expect(showDay("2024-08-31", "en-US")).toBe("2024-08-31");
  });

  it("defaults the period to the as-of date's calendar year", () => {
    expect(calendarYear("2024-08-31")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
  });
});
