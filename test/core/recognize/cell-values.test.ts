import { readBooleanCell, readDateCell, readNumberCell } from "../../../src/core/recognize";

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe("cell values", () => {
  it.each([
    [12, { kind: "number", value: 12, fromText: false }],
    ["1,200", { kind: "number", value: 1200, fromText: true }],
    ["１２", { kind: "number", value: 12, fromText: true }],
    ["3.5亿", { kind: "number", value: 3.5, fromText: true, factorToWan: 10000, unitText: "亿" }],
    ["800万元", { kind: "number", value: 800, fromText: true, factorToWan: 1, unitText: "万元" }],
    ["约13亿", { kind: "number", value: 13, fromText: true, factorToWan: 10000, unitText: "亿" }],
    [
      "1.2亿元左右",
      { kind: "number", value: 1.2, fromText: true, factorToWan: 10000, unitText: "亿元" },
    ],
    [
      "13,800萬元",
      { kind: "number", value: 13800, fromText: true, factorToWan: 1, unitText: "万元" },
    ],
    ["2000余万", { kind: "number", value: 2000, fromText: true, factorToWan: 1, unitText: "万" }],
    // A target stated as a floor is that figure.
    ["≥12", { kind: "number", value: 12, fromText: true }],
    [
      "不低于25亿元",
      { kind: "number", value: 25, fromText: true, factorToWan: 10000, unitText: "亿元" },
    ],
    // ... typed after the figure too.
    ["10以上", { kind: "number", value: 10, fromText: true }],
    [
      "2亿元及以上",
      { kind: "number", value: 2, fromText: true, factorToWan: 10000, unitText: "亿元" },
    ],
    // A breakdown noted after the figure: the figure.
    ["10（其中工业6个）", { kind: "number", value: 10, fromText: true }],
    [
      "25亿元(含外资3亿元)",
      { kind: "number", value: 25, fromText: true, factorToWan: 10000, unitText: "亿元" },
    ],
    ["50%", { kind: "number", value: 0.5, fromText: true, percent: true }],
    // 美元 written the English way, in 万美元.
    [
      "USD 30M",
      { kind: "number", value: 30, fromText: true, factorToWan: 100, unitText: "百万美元" },
    ],
    [
      "US$1.5 million",
      { kind: "number", value: 1.5, fromText: true, factorToWan: 100, unitText: "百万美元" },
    ],
    ["$800k", { kind: "number", value: 800, fromText: true, factorToWan: 0.1, unitText: "千美元" }],
    ["30M", { kind: "invalid", text: "30M" }],
    [
      "1200万美金",
      { kind: "number", value: 1200, fromText: true, factorToWan: 1, unitText: "万美元" },
    ],
    ["3千万", { kind: "number", value: 3, fromText: true, factorToWan: 1000, unitText: "千万" }],
    ["---", { kind: "na" }],
    ["—", { kind: "na" }],
    ["/", { kind: "na" }],
    ["无", { kind: "na" }],
    ["-", { kind: "na" }],
    ["", { kind: "empty" }],
    [null, { kind: "empty" }],
    ["#REF!", { kind: "error", code: "#REF!" }],
    [
      { kind: "error", code: "#DIV/0!" },
      { kind: "error", code: "#DIV/0!" },
    ],
    ["十二", { kind: "invalid", text: "十二" }],
    [true, { kind: "invalid", text: "true" }],
  ] as const)("number %p", (input, expected) => {
    expect(readNumberCell(input)).toEqual(expected);
  });

  it.each([
    [45000, day(2023, 3, 15)],
    [day(2022, 3, 5), day(2022, 3, 5)],
    ["2022年3月5日", day(2022, 3, 5)],
    ["2022.3.5", day(2022, 3, 5)],
    ["2022/3/5", day(2022, 3, 5)],
    ["2022-03", day(2022, 3, 1)],
    ["2022-03-05", day(2022, 3, 5)],
    ["２０２２年３月", day(2022, 3, 1)],
    ["20220305", day(2022, 3, 5)],
    ["2022-03-05 00:00:00", day(2022, 3, 5)],
    ["2022/3/5 14:20", day(2022, 3, 5)],
    ["2024年6月18号", day(2024, 6, 18)],
    ["Mar 5, 2024", day(2024, 3, 5)],
    ["September 30 2024", day(2024, 9, 30)],
    ["Sept. 3, 2024", day(2024, 9, 3)],
    ["5-Mar-2024", day(2024, 3, 5)],
    ["05 March, 2024", day(2024, 3, 5)],
    // Known only to the quarter, the half-year or the month: its first day, as 2024年3月 is read.
    ["2024年一季度", day(2024, 1, 1)],
    ["2024年第三季度", day(2024, 7, 1)],
    ["2024Q2", day(2024, 4, 1)],
    ["2024 q4", day(2024, 10, 1)],
    ["2024年上半年", day(2024, 1, 1)],
    ["2024下半年", day(2024, 7, 1)],
    ["24年7月", day(2024, 7, 1)],
    ["24年7月15日", day(2024, 7, 15)],
    ["24.03.05", day(2024, 3, 5)],
    ["24-3-5", day(2024, 3, 5)],
    ["2024年3月份", day(2024, 3, 1)],
    ["2024年3月中旬", day(2024, 3, 11)],
    ["2024.03.05.", day(2024, 3, 5)],
  ] as const)("date %p", (input, expected) => {
    const cell = readDateCell(input);
    expect(cell.kind).toBe("date");
    if (cell.kind === "date") expect(cell.value.toISOString()).toBe(expected.toISOString());
  });

  it("rejects impossible dates and keeps n/a apart", () => {
    expect(readDateCell("2023-13-45").kind).toBe("invalid");
    expect(readDateCell("2023-02-30").kind).toBe("invalid");
    // March to April is no day: not 4 March.
    expect(readDateCell("2024年3-4月").kind).toBe("invalid");
    // An American month first is never read as a two-digit year.
    expect(readDateCell("3/5/24").kind).toBe("invalid");
    // Nor a European day first with slashes.
    expect(readDateCell("15/03/24").kind).toBe("invalid");
    expect(readDateCell("下月").kind).toBe("invalid");
    expect(readDateCell("Feb 30, 2024").kind).toBe("invalid");
    expect(readDateCell("Mai 5, 2024").kind).toBe("invalid");
    expect(readDateCell("2024年五季度").kind).toBe("invalid");
    expect(readDateCell("24年13月").kind).toBe("invalid");
    expect(readDateCell("—").kind).toBe("na");
  });

  it.each(["未开工", "尚未签约", "暂 未 投产", "在谈", "计划2024年10月开工", "预计年底投产"])(
    "reads %s in a date column as no date yet, not an error",
    (text) => expect(readDateCell(text).kind).toBe("na")
  );

  it("leaves not-yet words in figure columns to validation: 未到位 is no number", () => {
    expect(readNumberCell("未到位").kind).toBe("invalid");
  });

  it("reads yes/no", () => {
    expect(readBooleanCell("是")).toBe(true);
    expect(readBooleanCell("否")).toBe(false);
    expect(readBooleanCell("√")).toBe(true);
    expect(readBooleanCell(null)).toBeNull();
    expect(readBooleanCell("也许")).toBe("invalid");
  });
});
