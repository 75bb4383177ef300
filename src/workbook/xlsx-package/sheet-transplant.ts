/**
 * A worksheet part rendered for one of our sheets (sheet-xml.ts), made to live in the user's package: its style
 * indices point into the user's merged stylesheet, and its tab stays selected only where the sheet it replaces was.
 */

export interface TransplantOptions {
  /** Our cellXfs index → the user's. */
  readonly xfMap: ReadonlyMap<number, number>;
  /** Keep the tab selected (the sheet replaced was the selected one). */
  readonly selected: boolean;
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
  const { xfMap } = options;
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
  if (!options.selected) out = out.replace(/\stabSelected="(1|true)"/g, "");
  return out;
}
