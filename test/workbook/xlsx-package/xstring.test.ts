import { upperEscapes } from "../../../src/workbook/exceljs/read-workbook-parts";
import {
  decodeXstring,
  encodeXstring,
  upperXstring,
} from "../../../src/workbook/xlsx-package/xstring";

describe("OOXML _xHHHH_ escapes", () => {
  it("decodes either case, left to right, so an escaped underscore leaves the rest literal", () => {
    expect(decodeXstring("a_x000D_b_x000d_c")).toBe("a\rb\rc");
    expect(decodeXstring("_x005F_x000D_")).toBe("_x000D_");
    expect(decodeXstring("_x005f_x000d_")).toBe("_x000d_");
    expect(decodeXstring("_xD83D__xDE00_")).toBe("😀");
    expect(decodeXstring("_x12G4_ _x12_")).toBe("_x12G4_ _x12_");
  });

  it("encodes what decodes back to the text", () => {
    for (const text of ["\r\n", "\u0001", "_x000D_", "_x005f_", "a_b", "😀", "\ud800"])
      expect(decodeXstring(encodeXstring(text))).toBe(text);
  });

  it("upper-cases escapes where they stand, chunk by chunk alike", async () => {
    const text = "_x005f_x000d_ 甲_x000d_乙 _x00_ _x0041__x0042_";
    const whole = upperXstring(text);
    expect(whole).toBe("_x005F_x000d_ 甲_x000D_乙 _x00_ _x0041__x0042_");
    for (let size = 1; size <= 9; size++) {
      async function* chunks() {
        for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
      }
      let out = "";
      for await (const chunk of upperEscapes(chunks())) out += chunk;
      expect({ size, out }).toEqual({ size, out: whole });
    }
  });
});
