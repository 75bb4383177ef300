import { columnIndex, columnLetter, parseA1, parseRangeA1, toA1 } from "../../src/core/grid";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("converts cells and ranges", () => {
    expect(toA1(2, 1)).toBe("B3");
    expect(parseA1("$B$3")).toEqual({ row: 2, col: 1 });
    expect(parseRangeA1("D9:B3")).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
  });
});
