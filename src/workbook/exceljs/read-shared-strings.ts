/**
 * sharedStrings.xml read by the fast scanner (read-xml.ts) when it holds what spreadsheet programs write — each
 * `<si>` one `<t>`, or runs `<r>` of `<rPr>` and `<t>`, with phonetic parts — giving exactly the values ExcelJS's
 * SharedStringsXform does after plainValue: the text, or the runs' texts joined, `_xHHHH_` escapes decoded per
 * `<t>`. Anything else (an unknown element, a prefixed name, an empty `<si>`) returns null, and the caller reads
 * the part with the xform as before. A 100k-row ledger's strings are read in a fraction of the xform's time.
 */
import { scanSheet } from "./read-xml-scan";
import {
  NeedSaxes,
  XmlDamage,
  type ChunkSource,
  type ScanLimits,
  type XmlHandler,
} from "./read-xml";
import { decodeXstring } from "../xlsx-package/xstring";

/** The part holds something only the xform reads as ExcelJS does. */
class Unusual extends Error {}

/** TextXform.model: the `_xHHHH_` escapes of each `<t>` decoded (either case, as Excel reads them). */
function textOf(parts: readonly string[]): string {
  return decodeXstring(parts.length === 1 ? (parts[0] as string) : parts.join(""));
}

class SharedStringsHandler implements XmlHandler {
  readonly values: string[] = [];
  /** Element names open from the root down. */
  private readonly path: string[] = [];
  /** Depth of a subtree whose content is ignored (rPr, rPh, phoneticPr); 0 when none. */
  private skipping = 0;
  private chars: string[] | null = null;
  /** The `<si>`'s value so far: its `<t>`, or its runs' texts; null before either. */
  private plain: string | null = null;
  private runs: string[] | null = null;
  private runText: string | null = null;

  open(name: string): void {
    const depth = this.path.length;
    this.path.push(name);
    if (this.skipping) {
      this.skipping++;
      return;
    }
    const parent = this.path[depth - 1];
    if (depth === 0 && name === "sst") return;
    if (depth === 1 && name === "si") {
      this.plain = null;
      this.runs = null;
      return;
    }
    if (depth === 2 && parent === "si") return this.openInSi(name);
    if (depth === 3 && parent === "r") {
      if (name === "rPr") this.skipping = 1;
      else if (name === "t" && this.runText === null) this.chars = [];
      else throw new Unusual(name);
      return;
    }
    throw new Unusual(name);
  }

  private openInSi(name: string): void {
    if (name === "rPh" || name === "phoneticPr") this.skipping = 1;
    else if (name === "t" && this.plain === null && this.runs === null) this.chars = [];
    else if (name === "r" && this.plain === null) {
      this.runs ??= [];
      this.runText = null;
    } else throw new Unusual(name);
  }

  text(text: string): void {
    this.chars?.push(text);
  }

  wantsText(): boolean {
    return this.chars !== null;
  }

  /** `<si><t>text</t></si>` read whole by the scanner: the value open, text and close give it, at the top. */
  plainString(text: string): boolean {
    if (this.path.length !== 1 || this.skipping) return false;
    this.values.push(textOf([text]));
    return true;
  }

  close(name: string): void {
    this.path.pop();
    if (this.skipping) {
      this.skipping--;
      return;
    }
    if (name === "t" && this.chars) {
      const text = textOf(this.chars);
      this.chars = null;
      if (this.path[this.path.length - 1] === "r") this.runText = text;
      else this.plain = text;
    } else if (name === "r") {
      this.runs?.push(this.runText ?? "");
    } else if (name === "si") {
      const value = this.plain ?? this.runs?.join("");
      if (value === undefined) throw new Unusual("empty si");
      this.values.push(value);
    }
  }
}

/** The part's strings, or null when it must be read by the xform (unusual content or XML the scanner declines). */
export async function fastSharedStrings(
  chunks: ChunkSource,
  maxTokenChars: number
): Promise<string[] | null> {
  const handler = new SharedStringsHandler();
  // An overlong text is the xform's to read (it has no such limit), as it was before this path.
  const limits: ScanLimits = { maxTokenChars, tooLong: () => new Unusual("overlong text") };
  try {
    await scanSheet(chunks, handler, limits);
  } catch (err) {
    if (err instanceof Unusual || err instanceof NeedSaxes || err instanceof XmlDamage) return null;
    throw err;
  }
  return handler.values;
}
