import type { CellValue, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { sheetGrid } from "../../fixtures/grid";
import { statedAsOf } from "../../../src/core/recognize/as-of";

const figures = (n: number): CellValue[][] =>
  Array.from({ length: n }, (_, k) => [k + 1, `单位${k + 1}`, 10 + k, 20 + k]);

const book = (...sheets: SheetGrid[]): WorkbookGrid => ({ source: "test.xlsx", sheets });

describe("statedAsOf — notes under the table", () => {
  it("reads a 数据截至 note on a line of its own below the figures", () => {
    const sheet = sheetGrid({
      name: "完成情况",
      rows: [
        ["各县区招商引资主要指标完成情况"],
        ["序号", "县区", "签约项目", "到位资金"],
        ...figures(12),
        ["数据截至2024年10月31日，由各县区商务部门报送。"],
      ],
    });
    expect(statedAsOf(book(sheet))).toMatchObject({ asOf: "2024-10-31", cell: "A15" });
  });

  it("reads 统计时间 / 统计截止时间为 / 数据时间 as the as-of, never 报送日期", () => {
    const under = (note: string, top: CellValue[] = []): SheetGrid =>
      sheetGrid({
        name: "完成情况",
        rows: [
          ["各县区招商引资完成情况"],
          top,
          ["序号", "县区", "签约项目", "到位资金"],
          ...figures(12),
          [note],
        ],
      });
    expect(statedAsOf(book(under("备注：统计截止时间为2024年9月30日。")))).toMatchObject({
      asOf: "2024-09-30",
    });
    expect(statedAsOf(book(under("数据时间：2024.6.30")))).toMatchObject({ asOf: "2024-06-30" });
    expect(
      statedAsOf(book(under("", ["统计时间：2024.9.30", null, null, "报送日期：2024年10月8日"])))
    ).toMatchObject({ asOf: "2024-09-30", cell: "A2" });
    expect(statedAsOf(book(under("报送日期：2024年10月8日")))).toBeNull();
  });

  it("does not read 截至 in a cell of a row of figures (a ledger's 项目进展)", () => {
    const sheet = sheetGrid({
      name: "台账",
      rows: [
        ["项目台账"],
        ["序号", "项目名称", "投资额", "进展"],
        ...figures(12),
        [13, "某项目", 5000, "截至2024年9月30日已完成土地摘牌"],
      ],
    });
    expect(statedAsOf(book(sheet))).toBeNull();
  });

  it("does not read a note without 截至 (a deadline for reporting is no as-of)", () => {
    const sheet = sheetGrid({
      name: "完成情况",
      rows: [
        ["完成情况"],
        ["序号", "县区", "签约项目", "到位资金"],
        ...figures(12),
        ["请于2024年10月5日前报送。"],
      ],
    });
    expect(statedAsOf(book(sheet))).toBeNull();
  });

  it("does not read a footnote's 截至 about marked units (②数据截至6月25日) as the sheet's", () => {
    const sheet = sheetGrid({
      name: "完成情况",
      rows: [
        ["各城区招商引资完成情况"],
        ["序号", "城区", "签约项目", "到位资金"],
        ...figures(12),
        ["注：标*的单位到位资金为快报数；①含1个框架协议项目；②数据截至2024年6月25日。"],
      ],
    });
    expect(statedAsOf(book(sheet))).toBeNull();
  });

  it("reads the caption of a table stacked further down (表2 1-6月完成情况)", () => {
    const header = ["序号", "县区", "签约项目", "到位资金"];
    const sheet = sheetGrid({
      name: "招商考核",
      rows: [
        ["汉中市2024年各县区招商引资目标任务及完成情况"],
        ["表1  2024年目标任务"],
        header,
        ...figures(8),
        [],
        ["表2  1-6月完成情况"],
        header,
        ...figures(8),
      ],
    });
    expect(statedAsOf(book(sheet))).toMatchObject({ asOf: "2024-06-30", cell: "A13" });
  });

  it.each([
    ["Investment Promotion Results, Q1–Q3 2024", "2024-09-30"],
    ["Results Q2 2024", "2024-06-30"],
    ["2024 Q1 report", "2024-03-31"],
  ])("reads the quarter an English title names: %s", (title, asOf) => {
    const sheet = sheetGrid({
      name: "Actuals",
      rows: [[title], ["No.", "District", "A", "B"], ...figures(3)],
    });
    expect(statedAsOf(book(sheet))?.asOf).toBe(asOf);
  });
});

describe("statedAsOf — a month named without a year", () => {
  const titled = (title: string, ...rows: CellValue[][]): SheetGrid =>
    sheetGrid({ name: "通报", rows: [[title], ["县区", "签约项目", "签约日期"], ...rows] });

  it("is not dated without today's date to place it", () => {
    expect(statedAsOf(book(titled("各县区招商引资完成情况（1-9月）")))).toBeNull();
  });

  it("takes the year most of the workbook's dates fall in", () => {
    const sheet = titled(
      "1-9月项目台账",
      ["甲镇", 1, new Date(Date.UTC(2024, 2, 5))],
      ["乙镇", 1, "2024-04-18"],
      ["丙镇", 1, new Date(Date.UTC(2023, 11, 30))]
    );
    expect(statedAsOf(book(sheet), "2026-11-28")).toMatchObject({
      asOf: "2024-09-30",
      yearFrom: "dates",
    });
  });

  it("takes the latest year in which the month has ended when the workbook holds no dates", () => {
    const sheet = titled("各县区招商引资完成情况（1-9月）", ["甲镇", 3, null]);
    expect(statedAsOf(book(sheet), "2026-11-28")).toMatchObject({
      asOf: "2026-09-30",
      yearFrom: "latest",
    });
    expect(statedAsOf(book(sheet), "2026-08-15")?.asOf).toBe("2025-09-30");
  });

  it("keeps a year the workbook names", () => {
    const sheet = titled("2023年1-9月完成情况", ["甲镇", 1, new Date(Date.UTC(2024, 2, 5))]);
    expect(statedAsOf(book(sheet), "2026-11-28")).toMatchObject({ asOf: "2023-09-30" });
    expect(statedAsOf(book(sheet), "2026-11-28")?.yearFrom).toBeUndefined();
  });
});

describe("statedAsOf — only a past year named", () => {
  const titled = (title: string, header: CellValue[]): SheetGrid =>
    sheetGrid({ name: "目标", rows: [[title], header, ["甲县", 10, 8]] });

  it("is as of that year's end once the year is over", () => {
    const sheet = titled("2024年招商引资目标任务分解表", ["县区", "签约项目", "到位资金"]);
    expect(statedAsOf(book(sheet), "2026-11-28")).toMatchObject({
      asOf: "2024-12-31",
      yearFrom: "past",
    });
  });

  it("reads the year an English title names (Annual … Review 2024), not last year's column", () => {
    const sheet = titled("Annual Investment Promotion Review 2024", ["Town", "Projects", "Funds"]);
    expect(statedAsOf(book(sheet), "2026-11-28")).toMatchObject({
      asOf: "2024-12-31",
      yearFrom: "past",
    });
    const prior = titled("Results, same period last year 2023", ["Town", "Projects", "Funds"]);
    expect(statedAsOf(book(prior), "2026-11-28")).toBeNull();
  });

  it("leaves this year to today", () => {
    const sheet = titled("2026年招商引资目标任务分解表", ["县区", "签约项目", "到位资金"]);
    expect(statedAsOf(book(sheet), "2026-11-28")).toBeNull();
  });

  it("does not take last year's 同期 column for the workbook's year", () => {
    const sheet = titled("招商引资完成情况", ["县区", "签约项目", "2025年同期"]);
    expect(statedAsOf(book(sheet), "2026-11-28")).toBeNull();
  });
});

describe("statedAsOf — English titles", () => {
  const progress = (title: string | null, name = "Progress Jan-Sep"): SheetGrid =>
    sheetGrid({
      name,
      rows: [
        ...(title === null ? [] : [[title]]),
        ["District", "Signed Projects (No.)"],
        ["Nanguan", 9],
      ],
    });
  const targets = sheetGrid({ name: "2024 Targets", rows: [["District", "Signed Projects"]] });

  it("reads a day written with the month's name after as of / as at", () => {
    expect(statedAsOf(book(progress("Progress as of September 30, 2024")))?.asOf).toBe(
      "2024-09-30"
    );
    expect(statedAsOf(book(progress("Figures as at 31 Oct 2024")))?.asOf).toBe("2024-10-31");
  });

  it("completes a month named alone with the year an English sheet name states", () => {
    expect(statedAsOf(book(targets, progress(null)), "2026-11-28")?.asOf).toBe("2024-09-30");
  });
});
