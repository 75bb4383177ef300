import type ExcelJS from "exceljs";
import { plainValue } from "../../../src/workbook/exceljs/read";
import { parseSax, SharedStringsXform } from "../../../src/workbook/exceljs/read-internals";
import { fastSharedStrings } from "../../../src/workbook/exceljs/read-shared-strings";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

async function* chunks(xml: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(xml);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function* text(xml: string): AsyncGenerator<string> {
  yield xml;
}

/** What the DOM reader and the xform path make of the part. */
async function viaXform(xml: string): Promise<unknown[]> {
  const xform = new SharedStringsXform();
  await xform.parse(parseSax(text(xml)));
  return (xform.model?.values ?? []).map((v) => plainValue(v as ExcelJS.CellValue));
}

const sst = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<sst ${NS}>${inner}</sst>`;

describe("fastSharedStrings", () => {
  const usual = sst(
    [
      "<si><t>高新区</t></si>",
      "<si><t>escaped_x0041__x4E2D_</t></si>",
      '<si><t xml:space="preserve"> 前后空格 </t></si>',
      "<si><t>a &amp; b &lt;c&gt; &#x4E2D;&#22269;</t></si>",
      "<si><t>行一\r\n行二_x000D_</t></si>",
      "<si><t/></si>",
      "<si><t></t></si>",
      '<si><r><rPr><b/><sz val="11"/></rPr><t>加粗</t></r><r><t xml:space="preserve"> 普通</t></r></si>',
      "<si><r><rPr><i/></rPr></r><r><t>x</t></r></si>",
      '<si><t>ふりがな</t><rPh sb="0" eb="1"><t>フ</t></rPh><phoneticPr fontId="1"/></si>',
      `<si><t>${"长".repeat(5000)}</t></si>`,
    ].join("\n")
  );

  it.each([7, 64, 100_000])(
    "gives the xform's values, whatever the chunk size (%i bytes)",
    async (size) => {
      const fast = await fastSharedStrings(chunks(usual, size), 1 << 20);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(await viaXform(usual));
    }
  );

  it.each([
    ["an empty si", sst("<si></si>")],
    [
      "a prefixed name",
      `<x:sst ${NS.replace("xmlns", "xmlns:x")}><x:si><x:t>a</x:t></x:si></x:sst>`,
    ],
    ["text and runs in one si", sst("<si><t>a</t><r><t>b</t></r></si>")],
    ["an unknown element", sst("<si><t>a</t></si><extLst/>")],
    ["CDATA", sst("<si><t><![CDATA[a]]></t></si>")],
    ["an unterminated part", "<sst><si><t>a</t></si>"],
    ["an overlong text", sst(`<si><t>${"x".repeat(300)}</t></si>`)],
  ])("leaves %s to the xform", async (_, xml) => {
    const maxTokenChars = xml.includes("x".repeat(300)) ? 100 : 1 << 20;
    expect(await fastSharedStrings(chunks(xml, 32), maxTokenChars)).toBeNull();
  });
});
