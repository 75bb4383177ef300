/**
 * Issue 14 items 6–7: workbook text never drives the terminal, and a file given as --rules is never echoed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import { jsonErrorOffset, positionOf } from "../../src/cli/json-error";
import {
  escapeControls,
  escapeLine,
  guardStream,
  MAX_FIELD_CHARS,
} from "../../src/cli/terminal-text";
import { editedPackage } from "../workbook/exceljs/read-helpers";
import { capture } from "./capture";

/** What a terminal would act on: C0 but \t and \n, DEL, C1, and the bidi / line-separator marks. */
const ACTIVE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Captures stdout and stderr behind main()'s own guard, as the terminal would receive them. */
const dir = mkdtempSync(join(tmpdir(), "terminal-safety-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Unit names carrying OSC 0 (title), CSI 2J (clear), OSC 52 (clipboard), a C1 CSI and a bidi override. */
const HOSTILE: Readonly<Record<string, string>> = {
  OSC0: "_x001B_]0;pwned_x0007_",
  CLEAR: "_x001B_[2J_x001B_]52;c;ZWNobyBoaQ==_x0007_",
  C1: "\u009b31m\u202e",
  RED: "_x001B_[31m_x000D_",
};

async function hostileWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const targets = wb.addWorksheet("目标分解表");
  targets.addRow(["责任单位", "实际利用外资(亿美元)"]);
  targets.addRow(["高新区OSC0", 10]);
  targets.addRow(["经开区CLEAR", 20]);
  targets.addRow(["城东区C1", 30]);
  const actuals = wb.addWorksheet("完成情况表");
  actuals.addRow(["责任单位", "实际利用外资(亿美元)"]);
  actuals.addRow(["高新区OSC0", 5]);
  actuals.addRow(["未知RED单位", 6]);
  const bytes = await editedPackage(wb, {
    "xl/sharedStrings.xml": (xml) =>
      Object.entries(HOSTILE).reduce((x, [k, v]) => x.split(k).join(v), xml),
  });
  const path = join(dir, "hostile.xlsx");
  writeFileSync(path, bytes);
  return path;
}

describe("human output escapes every control character", () => {
  it.each([
    ["check", []],
    ["assess", []],
    ["check", ["--json"]],
    ["assess", ["--json"]],
  ])("%s %j", async (command, extra) => {
    const path = await hostileWorkbook();
    const io = capture();
    const code = await main([command, path, ...extra]);
    expect([0, 1]).toContain(code);
    expect(io.out()).not.toMatch(ACTIVE);
    expect(io.err()).not.toMatch(ACTIVE);
    if (extra.includes("--json")) {
      // Escaped as \uXXXX inside JSON strings: the data survives, byte for byte.
      const doc = JSON.parse(io.out()) as { issues: { message_zh: string }[] };
      expect(JSON.stringify(doc)).toContain("\\u001b[31m");
    } else expect(io.out()).toContain("未知\\u001b[31m\\u000d单位");
  });

  it("a path or an option with control characters is escaped in the error message too", async () => {
    const io = capture();
    expect(await main(["check", join(dir, "\u001b]0;title\u0007.xlsx")])).toBe(2);
    expect(await main(["check", "--\u001b[2J"])).toBe(2);
    expect(io.err()).not.toMatch(ACTIVE);
    expect(io.err()).toContain("\\u001b]0;title\\u0007.xlsx");
  });

  it("escapeControls keeps line feeds and tabs, escapeLine keeps nothing active; both are JSON-safe", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const free = escapeControls(text);
        expect(free.replace(/[\n\t]/g, "")).not.toMatch(ACTIVE);
        expect(escapeLine(text)).not.toMatch(/[\u0000-\u001f]/);
        expect(escapeLine(text)).not.toMatch(ACTIVE);
        // inside a JSON string, the escapes decode back to the original text
        const json = escapeControls(JSON.stringify(text));
        expect(JSON.parse(json)).toBe(text);
      })
    );
  });

  it("escapeLine cuts a field past its limit with an ellipsis and the full length", () => {
    const long = "长".repeat(MAX_FIELD_CHARS + 5);
    expect(escapeLine(long)).toBe(
      `${"长".repeat(MAX_FIELD_CHARS)}…（共 ${MAX_FIELD_CHARS + 5} 字 / ${MAX_FIELD_CHARS + 5} characters）`
    );
    expect(escapeLine("高新区\n第1名", 3)).toBe("高新区…（共 7 字 / 7 characters）");
    expect(escapeLine("高新区")).toBe("高新区");
  });

  it("guardStream restores the stream it wrapped", () => {
    const io = capture();
    const before = process.stdout.write;
    const restore = guardStream(process.stdout);
    process.stdout.write("a\u001bb\n");
    restore();
    expect(process.stdout.write).toBe(before);
    expect(io.out()).toBe("a\\u001bb\n");
  });
});

describe("--rules names the file and the position, never its content", () => {
  const secret = "root:$6$saltsalt$SECRETHASHVALUE:19000:0:99999:7:::\n";

  it.each([
    ["shadow", secret, /not valid JSON \(line 1, column 1\)/],
    ["binary", "\u0000\u00ff\u00fe", /not UTF-8 text|not valid JSON/],
    ["late.json", '{\n  "period": {\n    "start": 2024-01-01\n  }\n}', /line 3, column 18/],
  ])("%s", async (name, content, why) => {
    const path = join(dir, name);
    writeFileSync(path, name === "binary" ? Buffer.from([0, 0xff, 0xfe, 0x80]) : content);
    const io = capture();
    expect(await main(["assess", join(dir, "none.xlsx"), "--rules", path])).toBe(2);
    expect(io.err()).toMatch(why);
    expect(io.err()).toContain(path);
    expect(io.err()).not.toContain("SECRET");
    expect(io.err()).not.toContain("root:");
    expect(io.err()).not.toContain("2024-01-01");
  });

  it("a FIFO, a device, a directory, a missing file", async () => {
    const fifo = join(dir, "rules.fifo");
    execFileSync("mkfifo", [fifo]);
    for (const [path, why] of [
      [fifo, /not a regular file \(FIFO\)/],
      ["/dev/zero", /not a regular file \(device\)/],
      [dir, /is a directory/],
      [join(dir, "missing.json"), /file not found/],
    ] as const) {
      const io = capture();
      expect(await main(["assess", join(dir, "none.xlsx"), "--rules", path])).toBe(2);
      expect(io.err()).toMatch(why);
      jest.restoreAllMocks();
    }
  });
});

describe("jsonErrorOffset", () => {
  it("agrees with JSON.parse on validity and points inside the text", () => {
    const texts = fc.oneof(
      fc.json(),
      fc.string(),
      fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
      fc.tuple(fc.json(), fc.string({ maxLength: 3 }), fc.nat()).map(([j, s, n]) => {
        const k = n % (j.length + 1);
        return j.slice(0, k) + s + j.slice(k);
      })
    );
    fc.assert(
      fc.property(texts, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = jsonErrorOffset(text);
        expect(offset === -1).toBe(valid);
        expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 }
    );
    expect(positionOf('{\n  "a": x', jsonErrorOffset('{\n  "a": x'))).toEqual({
      line: 2,
      column: 8,
    });
  });
});
