/**
 * A worksheet part ExcelJS wrote for one of our sheets, made to live in the user's package: its style indices
 * point into the user's merged stylesheet, its shared strings become inline strings (the user's string table is
 * never touched), and the ids ExcelJS draws at random become ids derived from the sheet, so the same plan gives
 * the same bytes on every run and in every host.
 */
import { textDigest } from "../../core/ownership";

export interface TransplantOptions {
  /** Our cellXfs index → the user's. */
  readonly xfMap: ReadonlyMap<number, number>;
  /** Inner XML of each `<si>` of the stylesheet ExcelJS wrote with the sheet. */
  readonly strings: readonly string[];
  /** Keep the tab selected (the sheet replaced was the selected one). */
  readonly selected: boolean;
  /** Seed for the derived ids (the sheet's final name). */
  readonly seed: string;
}

const GUID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

function derivedGuid(seed: string, n: number): string {
  const h = textDigest([seed, String(n)]) + textDigest([String(n), seed]);
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`.toUpperCase();
}

function mapStyle(attrs: string, name: "s" | "style", xfMap: ReadonlyMap<number, number>): string {
  return attrs.replace(
    new RegExp(`(\\s${name}=")(\\d+)(")`),
    (_, a: string, n: string, b: string) => {
      const mapped = xfMap.get(Number(n));
      return mapped === undefined ? "" : `${a}${mapped}${b}`;
    }
  );
}

export function transplantSheet(xml: string, options: TransplantOptions): string {
  const { xfMap, strings } = options;
  let out = xml.replace(
    /<c(\s[^>]*?)(\/?)>/g,
    (_, attrs: string, slash: string) => `<c${mapStyle(attrs, "s", xfMap)}${slash}>`
  );
  out = out.replace(
    /<row(\s[^>]*?)(\/?)>/g,
    (_, attrs: string, slash: string) => `<row${mapStyle(attrs, "s", xfMap)}${slash}>`
  );
  out = out.replace(
    /<col(\s[^>]*?)(\/?)>/g,
    (_, attrs: string, slash: string) => `<col${mapStyle(attrs, "style", xfMap)}${slash}>`
  );
  out = out.replace(
    /<c(\s[^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_, a: string, b: string, n: string) => {
      const inner = strings[Number(n)];
      if (inner === undefined) throw new Error(`shared string ${n} missing`);
      return `<c${a} t="inlineStr"${b}><is>${inner}</is></c>`;
    }
  );
  if (/\st="s"/.test(out)) throw new Error("a shared-string cell was left");
  // Only ids ExcelJS generated (conditional-format links), never the fixed extension URIs.
  const ids = new Map<string, string>();
  out = out.replace(/(<x14:id>|\sid=")(\{[^}]*\})/g, (m, lead: string, guid: string) => {
    if (!GUID.test(guid)) return m;
    let id = ids.get(guid);
    if (!id) {
      id = derivedGuid(options.seed, ids.size);
      ids.set(guid, id);
    }
    return `${lead}${id}`;
  });
  if (!options.selected) out = out.replace(/\stabSelected="(1|true)"/g, "");
  return out;
}
