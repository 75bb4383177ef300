import { withAddedSheets } from "../../../src/workbook/xlsx-package/app-properties";

const app = (count: number, names: string[]) => ({
  encoding: "utf-8" as const,
  text:
    `<Properties xmlns:vt="x"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant>` +
    `<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`,
});

describe("docProps/app.xml's sheet list", () => {
  it("takes our new sheets after the user's, before the named ranges", () => {
    const edited = withAddedSheets(app(2, ["目标", "台账", "台账!Print_Titles"]), 2, [
      "考核排名",
      "A&B",
    ]);
    expect(edited?.text).toContain("<vt:i4>4</vt:i4>");
    expect(edited?.text).toContain(
      '<vt:vector size="5" baseType="lpstr"><vt:lpstr>目标</vt:lpstr><vt:lpstr>台账</vt:lpstr><vt:lpstr>考核排名</vt:lpstr><vt:lpstr>A&amp;B</vt:lpstr><vt:lpstr>台账!Print_Titles</vt:lpstr></vt:vector>'
    );
  });

  it("leaves a list that does not match the workbook, or nothing to add, as it is", () => {
    expect(withAddedSheets(app(3, ["目标", "台账", "x"]), 2, ["考核排名"])).toBeNull();
    expect(withAddedSheets(app(2, ["目标"]), 2, ["考核排名"])).toBeNull();
    expect(withAddedSheets(app(2, ["目标", "台账"]), 2, [])).toBeNull();
  });
});
