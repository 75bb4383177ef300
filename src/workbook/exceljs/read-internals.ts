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
export const parseSax = exceljsRequire("./lib/utils/parse-sax") as (
  chunks: AsyncIterable<string>
) => AsyncIterable<unknown>;
export const WorkbookXform = exceljsRequire(
  "./lib/xlsx/xform/book/workbook-xform"
) as new () => XformLike<WorkbookModelLike | undefined>;
export const RelationshipsXform = exceljsRequire(
  "./lib/xlsx/xform/core/relationships-xform"
) as new () => XformLike<RelLike[] | undefined>;
export const SharedStringsXform = exceljsRequire(
  "./lib/xlsx/xform/strings/shared-strings-xform"
) as new () => XformLike<{ values: unknown[] } | undefined>;
export const StylesXform = exceljsRequire(
  "./lib/xlsx/xform/style/styles-xform"
) as new () => StyleManagerLike;
