/**
 * Offline checks of the add-in manifest, for machines without the network `office-addin-manifest validate`
 * needs: it parses, children appear in the schema's order, every resid resolves, icons exist at their
 * stated pixel size, URLs are https, the Id is a GUID and a requirement set is declared.
 *
 * CLI: `npx tsx scripts/check-manifest.ts [manifest.xml]` — prints problems, exits 1 if any.
 */
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
/** Child order the schema fixes for the elements we use (xs:sequence). */
const SEQUENCES: Record<string, readonly string[]> = {
  OfficeApp: OFFICE_APP_ORDER,
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "EquivalentAddins",
    "WebApplicationInfo",
  ],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

function walk(el: XmlElement, visit: (e: XmlElement) => void): void {
  visit(el);
  for (const c of children(el)) walk(c, visit);
}

function checkOrder(el: XmlElement, order: readonly string[], problems: string[]): void {
  let last = -1;
  for (const child of children(el)) {
    const index = order.indexOf(child.localName ?? "");
    if (index === -1) {
      problems.push(`<${child.localName}> is not allowed inside <${el.localName}>`);
    } else if (index < last) {
      problems.push(`<${child.localName}> is out of schema order inside <${el.localName}>`);
    } else {
      last = index;
    }
  }
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
function pngSize(path: string): { width: number; height: number } | null {
  const buf = readFileSync(path);
  if (buf.length < 24 || buf.toString("ascii", 1, 4) !== "PNG") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Maps a manifest URL to a file of the project: https://host/assets/x.png → assets/x.png. */
function localAsset(url: string, root: string): string {
  const path = new URL(url).pathname.replace(/^\//, "");
  return join(root, path);
}

export function checkManifest(xml: string, root: string): string[] {
  const problems: string[] = [];
  const errors: string[] = [];
  let app: XmlElement | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(xml, "text/xml");
    app = doc.documentElement;
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
  }
  if (errors.length > 0 || !app || app.localName !== "OfficeApp") {
    return [`manifest does not parse as an OfficeApp: ${errors.join("; ") || "no OfficeApp root"}`];
  }
  const top = children(app);
  for (const name of REQUIRED)
    if (!top.some((c) => c.localName === name)) problems.push(`missing <${name}>`);

  walk(app, (el) => {
    const order = SEQUENCES[el.localName ?? ""];
    if (order) checkOrder(el, order, problems);
  });

  const id = top.find((c) => c.localName === "Id")?.textContent?.trim() ?? "";
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);

  const sets: XmlElement[] = [];
  walk(app, (el) => {
    if (
      el.localName === "Set" &&
      el.parentNode &&
      (el.parentNode as XmlElement).localName === "Sets"
    )
      sets.push(el);
  });
  if (!sets.some((s) => s.getAttribute("Name") === "ExcelApi" && s.getAttribute("MinVersion"))) {
    problems.push("no ExcelApi requirement set with MinVersion declared");
  }

  const resources = new Map<string, XmlElement>();
  walk(app, (el) => {
    const parent = el.parentNode as XmlElement | null;
    const id = el.getAttribute("id");
    if (
      id &&
      parent &&
      ["Images", "Urls", "ShortStrings", "LongStrings"].includes(parent.localName ?? "")
    ) {
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      resources.set(id, el);
    }
  });

  const urls: string[] = [];
  walk(app, (el) => {
    const resid = el.getAttribute("resid");
    if (resid !== null && resid !== "" && !resources.has(resid))
      problems.push(`resid "${resid}" does not resolve`);
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
    if (el.localName === "AppDomain" && el.textContent) urls.push(el.textContent.trim());
  });
  for (const url of urls)
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);

  // Icons: every image resource and icon URL must be a PNG of the size it claims.
  const iconChecks: Array<{ url: string; size: number }> = [];
  walk(app, (el) => {
    if (el.localName === "Image" && el.getAttribute("resid")) {
      const res = resources.get(el.getAttribute("resid") ?? "");
      const url = res?.getAttribute("DefaultValue");
      if (url) iconChecks.push({ url, size: Number(el.getAttribute("size")) });
    }
  });
  const iconUrl = top.find((c) => c.localName === "IconUrl")?.getAttribute("DefaultValue");
  const hiRes = top
    .find((c) => c.localName === "HighResolutionIconUrl")
    ?.getAttribute("DefaultValue");
  if (iconUrl) iconChecks.push({ url: iconUrl, size: 32 });
  if (hiRes) iconChecks.push({ url: hiRes, size: 64 });
  for (const { url, size } of iconChecks) {
    let file: string;
    try {
      file = localAsset(url, root);
    } catch {
      problems.push(`icon URL does not parse: ${url}`);
      continue;
    }
    if (!existsSync(file)) {
      problems.push(`icon ${url} has no file ${file}`);
      continue;
    }
    const dims = pngSize(file);
    if (!dims) problems.push(`icon ${file} is not a PNG`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(`icon ${file} is ${dims.width}×${dims.height}, manifest says ${size}`);
    }
  }
  return problems;
}

if (require.main === module) {
  const file = resolve(process.argv[2] ?? "manifest.xml");
  const problems = checkManifest(readFileSync(file, "utf8"), resolve(__dirname, ".."));
  for (const p of problems) process.stdout.write(`${file}: ${p}\n`);
  process.stdout.write(problems.length === 0 ? `${file}: manifest OK\n` : "");
  process.exitCode = problems.length === 0 ? 0 : 1;
}
