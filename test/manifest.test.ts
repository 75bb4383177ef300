import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "../scripts/check-manifest";

const ROOT = join(__dirname, "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function broken(from: string, to: string): string[] {
  expect(MANIFEST).toContain(from);
  return checkManifest(MANIFEST.replace(from, to), ROOT);
}

describe("manifest.xml, checked offline", () => {
  it("passes every check as committed", () => {
    expect(checkManifest(MANIFEST, ROOT)).toEqual([]);
  });

  it("declares zh-CN with en-US overrides and the Home-tab group", () => {
    expect(MANIFEST).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(MANIFEST).toContain('<Override Locale="en-US" Value="Investment Promotion Scorecard"/>');
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    expect(MANIFEST).toMatch(/DefaultValue="考核助手"/);
    expect(MANIFEST).toMatch(/DefaultValue="一键考核"/);
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.14"/>');
  });

  it("fails on XML that does not parse", () => {
    expect(broken("</OfficeApp>", "")[0]).toMatch(/does not parse/);
  });

  it("fails when elements leave the schema's order", () => {
    const swapped = MANIFEST.replace(
      "<Version>0.1.0.0</Version>\n  <ProviderName>招商考核助手</ProviderName>",
      "<ProviderName>招商考核助手</ProviderName>\n  <Version>0.1.0.0</Version>"
    );
    expect(checkManifest(swapped, ROOT)).toContain(
      "<Version> is out of schema order inside <OfficeApp>"
    );
  });

  it("fails on a resid that resolves to nothing", () => {
    expect(broken('resid="AssessButton.Tooltip"', 'resid="AssessButton.Missing"')).toContain(
      'resid "AssessButton.Missing" does not resolve'
    );
  });

  it("fails when an icon's file has the wrong pixel size or is missing", () => {
    expect(
      broken('size="80" resid="Icon.80x80"', 'size="64" resid="Icon.80x80"').join("\n")
    ).toMatch(/is 80×80, manifest says 64/);
    expect(broken("assets/icon-16.png", "assets/icon-17.png").join("\n")).toMatch(/has no file/);
  });

  it("fails on http URLs, a non-GUID Id and a missing requirement set", () => {
    expect(
      broken(
        'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>'
      )
    ).toContain("URL is not https: http://localhost:3000/taskpane.html");
    expect(broken("<Id>703b42d4-5a34-4171-9b59-ef285cce26bd</Id>", "<Id>scorecard</Id>")).toContain(
      'Id "scorecard" is not a GUID'
    );
    expect(broken('<Set Name="ExcelApi" MinVersion="1.14"/>', "")).toContain(
      "no ExcelApi requirement set with MinVersion declared"
    );
  });
});
