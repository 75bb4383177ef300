import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { planSampleWorkbook } from "../../src/core/samples";
import { loadWorkbook, writePlanToNewFile } from "../../src/workbook/exceljs/file-io";
import { Package } from "../../src/workbook/xlsx-package/opc";
import { writeZip } from "../../src/workbook/xlsx-package/zip";
import { capture } from "./capture";

afterEach(() => jest.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), "scorecard-writeback-"));
const sample = join(dir, "sample.xlsx");

beforeAll(async () => {
  await writePlanToNewFile(planSampleWorkbook(), sample);
});

describe("assess --out and --in-place", () => {
  it("writes a new file and leaves the input untouched; --out naming the input is refused (use --in-place)", async () => {
    const input = join(dir, "in.xlsx");
    await writePlanToNewFile(planSampleWorkbook(), input);
    const before = readFileSync(input);
    const io = capture();
    expect(
      await main(["assess", input, "--as-of", "2008-01-31", "--out", join(dir, "in.out.xlsx")])
    ).toBe(0);
    expect((await loadWorkbook(join(dir, "in.out.xlsx"))).worksheets.map((w) => w.name)).toContain(
      "考核排名"
    );
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(await main(["assess", input, "--as-of", "2008-01-31", "--out", input])).toBe(2);
    expect(io.err()).toMatch(/--in-place/);
    expect(await main(["assess", input, "--as-of", "2008-01-31", "--in-place"])).toBe(0);
    expect((await loadWorkbook(input)).worksheets.map((w) => w.name)).toContain("考核排名");
  });

  it("names an unreadable input and writes nothing", async () => {
    writeFileSync(join(dir, "bad.xlsx"), "nope");
    const io = capture();
    expect(await main(["assess", join(dir, "bad.xlsx"), "--out", join(dir, "o.xlsx")])).toBe(2);
    expect(io.err()).toMatch(/bad\.xlsx/);
    expect(existsSync(join(dir, "o.xlsx"))).toBe(false);
  });

  it("a macro-enabled input keeps .xlsm: --out book.xlsx is refused", async () => {
    const xlsm = join(dir, "macros.xlsm");
    const bytes = readFileSync(sample);
    // The sample with the macro-enabled workbook content type is what Excel checks against the extension.
    const pkg = new Package(bytes);
    const types = pkg.xml("[Content_Types].xml");
    if (!types) throw new Error("no content types");
    pkg.setXml("[Content_Types].xml", {
      ...types,
      text: types.text.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      ),
    });
    writeFileSync(xlsm, writeZip(pkg.archive, pkg.output(), new Uint8Array(0)));
    const io = capture();
    expect(
      await main(["assess", xlsm, "--as-of", "2008-01-31", "--out", join(dir, "m.xlsx")])
    ).toBe(2);
    expect(io.err()).toMatch(/must end in \.xlsm/);
    expect(
      await main(["assess", xlsm, "--as-of", "2008-01-31", "--out", join(dir, "m.xlsm")])
    ).toBe(0);
  });
});

describe("--out never overwrites a file the product did not write", () => {
  it("--out over an existing .docx (any file not ours) is refused with exit 2 and the file is untouched", async () => {
    const docx = join(dir, "report.docx");
    writeFileSync(docx, "PK\u0003\u0004 a user's document");
    const io = capture();
    expect(await main(["assess", sample, "--as-of", "2008-01-31", "--out", docx])).toBe(2);
    expect(io.err()).toMatch(/not written by this tool.*--force/);
    expect(readFileSync(docx, "utf8")).toBe("PK\u0003\u0004 a user's document");
  });

  it("--out over a user's .xlsx is refused, and --force replaces it", async () => {
    const theirs = join(dir, "theirs.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("自己的表").getCell("A1").value = "mine";
    await wb.xlsx.writeFile(theirs);
    capture();
    expect(await main(["assess", sample, "--as-of", "2008-01-31", "--out", theirs])).toBe(2);
    expect((await loadWorkbook(theirs)).worksheets.map((w) => w.name)).toEqual(["自己的表"]);
    expect(
      await main(["assess", sample, "--as-of", "2008-01-31", "--out", theirs, "--force"])
    ).toBe(0);
    expect((await loadWorkbook(theirs)).worksheets.map((w) => w.name)).toContain("考核排名");
  });

  it("--out over its own earlier result is allowed; over that result once edited and saved, it is refused", async () => {
    const out = join(dir, "assessed.xlsx");
    capture();
    expect(await main(["assess", sample, "--as-of", "2008-01-31", "--out", out])).toBe(0);
    expect(await main(["assess", sample, "--as-of", "2008-01-31", "--out", out])).toBe(0);
    const edited = await loadWorkbook(out);
    (edited.getWorksheet("目标分解表") as ExcelJS.Worksheet).getCell("A1").value = "改过的标题";
    await edited.xlsx.writeFile(out);
    expect(await main(["assess", sample, "--as-of", "2008-01-31", "--out", out])).toBe(2);
    expect((await loadWorkbook(out)).getWorksheet("目标分解表")?.getCell("A1").value).toBe(
      "改过的标题"
    );
  });

  it("merge --out over a file not ours is refused unless --force (the flag is checked)", async () => {
    const target = join(dir, "merged.xlsx");
    writeFileSync(target, "not ours");
    const io = capture();
    expect(await main(["merge", sample, "--out", target])).toBe(2);
    expect(io.err()).toMatch(/--force/);
    expect(readFileSync(target, "utf8")).toBe("not ours");
    expect(await main(["merge", sample, "--out", target, "--force"])).toBe(0);
    expect(await main(["merge", sample, "--out", target])).toBe(0);
  });
});

describe("ownership that cannot be forged (CLI)", () => {
  it("assess --in-place on a ledger holding the text [scorecard:ranking] keeps the ledger and writes 考核排名 beside it", async () => {
    const book = join(dir, "forged.xlsx");
    const wb = await loadWorkbook(sample);
    const forged = wb.addWorksheet("考核排名");
    forged.addRow(["项目名称", "责任单位", "投资额(万元)"]);
    forged.addRow(["甲项目", "经开区", 5000]);
    forged.addRow(["[scorecard:ranking] 本表由招商考核助手生成"]);
    await wb.xlsx.writeFile(book);
    const io = capture();
    expect(await main(["assess", book, "--as-of", "2008-01-31", "--in-place"])).toBe(0);
    expect(io.out()).toMatch(/考核排名 \(2\)/);
    const after = await loadWorkbook(book);
    expect(after.getWorksheet("考核排名")?.getCell("A2").value).toBe("甲项目");
    expect(after.getWorksheet("考核排名 (2)")?.getCell("A1").value).toMatch(/考核排名/);
  });

  it("check does not call a sheet with a forged marker product output", async () => {
    const book = join(dir, "forged.xlsx");
    const io = capture();
    await main(["check", book, "--json"]);
    const json = JSON.parse(io.out()) as { sheets: { name: string; role: string }[] };
    expect(json.sheets.find((s) => s.name === "考核排名")?.role).not.toBe("output");
    expect(json.sheets.find((s) => s.name === "考核排名 (2)")?.role).toBe("output");
  });
});
