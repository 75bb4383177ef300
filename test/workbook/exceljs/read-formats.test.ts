import { CellFormats } from "../../../src/workbook/exceljs/read-formats";

describe("CellFormats", () => {
  it("holds what a Map set in the same order holds, deletes and rewrites included", () => {
    const formats = new CellFormats();
    const expected = new Map<string, string>();
    const set = (row: number, col: number, address: string, format: string) => {
      formats.set(row, col, format);
      expected.set(address, format);
    };
    for (let r = 0; r < 600; r++) set(r, 9, `I${r + 1}`, "yyyy-mm-dd");
    set(2, 28, "AB3", "0.00%");
    set(0, 9, "I1", "0.00");
    formats.delete("I2");
    expected.delete("I2");
    expect([...formats]).toEqual([...expected]);
    expect(formats.size).toBe(expected.size);
    expect(formats.get("AB3")).toBe("0.00%");
    expect(formats.has("I2")).toBe(false);
    // Built once, it goes on as a Map.
    formats.set(700, 1, "0");
    formats.delete("I3");
    expect(formats.get("A701")).toBe("0");
    expect(formats.has("I3")).toBe(false);
    const seen: string[] = [];
    formats.forEach((_, key) => seen.push(key));
    expect(seen).toEqual([...formats.keys()]);
  });
});
