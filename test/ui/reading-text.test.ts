import { MESSAGES } from "../../src/ui/i18n";
import { readingText } from "../../src/ui/reading-text";

describe("readingText", () => {
  const m = MESSAGES["zh-CN"];
  it("names the sheet and rows while reading, says it is finishing once every row is read", () => {
    expect(readingText({ fraction: 0.4 }, m)).toBeUndefined();
    expect(readingText({ fraction: 0.4, detail: { sheet: "项目台账", rows: 52000 } }, m)).toBe(
      "正在读取“项目台账”，已读 52,000 行…"
    );
    expect(readingText({ fraction: 1, detail: { sheet: "项目台账", rows: 80001 } }, m)).toBe(
      "已读完 80,001 行，正在整理…"
    );
  });
});
