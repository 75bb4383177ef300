import { periodMonths, timeProgress } from "../../../src/core/assess/time-progress";

describe("序时进度", () => {
  it.each([
    // annual period: months before the as-of month whole, the as-of month by its days
    ["2026-10-31", 10 / 12], // 9 + 31/31 = 10 months of 12
    ["2026-10-15", (9 + 15 / 31) / 12],
    ["2026-01-01", 1 / 31 / 12], // the period's first day: 1/31 of a month
    ["2026-06-30", 6 / 12], // middle: 5 + 30/30
    ["2026-12-31", 1], // end
    ["2025-12-31", 0], // before the period
    ["2027-02-01", 1], // after the period
  ])("annual 2026, as of %s", (asOf, expected) => {
    expect(timeProgress("2026-01-01", "2026-12-31", asOf)).toBeCloseTo(expected, 12);
  });

  it.each([
    ["2007-07-01", 1 / 31 / 9], // campaign start
    ["2007-11-15", (4 + 15 / 30) / 9], // middle: Jul–Oct whole + half of November = 4.5/9 = 0.5
    ["2008-01-31", 7 / 9], // Jul..Jan = 7 months
    ["2008-03-31", 1], // campaign end
  ])("seed 001 campaign 2007-07..2008-03, as of %s", (asOf, expected) => {
    expect(periodMonths("2007-07-01", "2008-03-31")).toBe(9);
    expect(timeProgress("2007-07-01", "2008-03-31", asOf)).toBeCloseTo(expected, 12);
  });
});
