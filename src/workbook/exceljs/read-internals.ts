/**
 * ExcelJS internals (4.4.0) and the libraries it depends on, for the streaming reader. ExcelJS's .d.ts types none
 * of them, so each piece is narrowed through the small interface it is used by. Loaded relative to exceljs itself,
 * so `saxes` is the copy ExcelJS uses, not new dependencies of this project. Node only.
 */
import { createRequire } from "node:module";

export interface SaxTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | undefined>>;
}
export interface SaxesParserLike {
  on(event: "opentag", handler: (tag: SaxTag) => void): void;
  on(event: "closetag", handler: (tag: SaxTag) => void): void;
  on(event: "text", handler: (text: string) => void): void;
  on(event: "error", handler: (err: Error) => void): void;
  write(chunk: string): unknown;
  close(): unknown;
}
export interface ExcelUtils {
  isDateFmt(fmt: string | undefined): boolean;
  /** ExcelJS passes whatever result a formula cached (string, boolean, error object); JS coerces it. */
  excelToDate(value: unknown, date1904?: boolean): Date;
  xmlDecode(text: string): string;
}
export interface RangeLike {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
export interface XformLike<M> {
  parse(events: AsyncIterable<unknown>): Promise<M>;
  readonly model: M;
}
export interface StyleManagerLike extends XformLike<unknown> {
  getStyleModel(id: number): { numFmt?: string } | undefined;
}
export interface RelLike {
  readonly Id: string;
  readonly Target: string;
}
export interface WorkbookModelLike {
  readonly sheets?: ReadonlyArray<{
    readonly id: number;
    readonly name: string;
    readonly rId: string;
    readonly state?: string;
  }>;
  readonly properties?: { readonly date1904?: boolean };
}
// A specifier in a variable: the CLI bundle aliases `exceljs` (bin/cli-bundle.cjs), which would turn
// "exceljs/package.json" into a path inside bin/exceljs-cli.cjs and fail the build; Node resolves it as is.
const EXCELJS_PACKAGE = "exceljs/package.json";
const exceljsRequire = createRequire(require.resolve(EXCELJS_PACKAGE));
export const { SaxesParser } = exceljsRequire("saxes") as {
  SaxesParser: new () => SaxesParserLike;
};
export const utils = exceljsRequire("./lib/utils/utils") as ExcelUtils;
export const Range = exceljsRequire("./lib/doc/range") as new (ref: string) => RangeLike;

/**
 * ExcelJS's parse-sax (lib/utils/parse-sax.js) for text chunks: saxes's events gathered per chunk, as its xforms
 * take them. Its own copy also loads a userland stream library (readable-stream) to adapt old Node streams, about
 * 10–20 ms of every CLI start; this reader only ever gives it text.
 */
export async function* parseSax(chunks: AsyncIterable<string>): AsyncIterable<unknown> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on("error", (err) => {
    error = err;
  });
  let events: { eventType: string; value: unknown }[] = [];
  parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
  parser.on("text", (value) => events.push({ eventType: "text", value }));
  parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (error) throw error;
    yield events;
    events = [];
  }
}

/** A class loaded on first construction: `new` on it builds an instance of the module's class. */
function onFirstUse<T>(path: string): new () => T {
  let loaded: (new () => T) | undefined;
  function Construct(): T {
    loaded ??= exceljsRequire(path) as new () => T;
    return new loaded();
  }
  return Construct as unknown as new () => T;
}

export const WorkbookXform = exceljsRequire(
  "./lib/xlsx/xform/book/workbook-xform"
) as new () => XformLike<WorkbookModelLike | undefined>;
export const RelationshipsXform = exceljsRequire(
  "./lib/xlsx/xform/core/relationships-xform"
) as new () => XformLike<RelLike[] | undefined>;
/** Only for shared strings the fast path declines (read-shared-strings.ts): loaded then, not at every start. */
export const SharedStringsXform = onFirstUse<XformLike<{ values: unknown[] } | undefined>>(
  "./lib/xlsx/xform/strings/shared-strings-xform"
);
export const StylesXform = exceljsRequire(
  "./lib/xlsx/xform/style/styles-xform"
) as new () => StyleManagerLike;
