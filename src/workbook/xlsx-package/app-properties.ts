/**
 * docProps/app.xml lists the workbook's sheet names (TitlesOfParts, counted under the first HeadingPairs entry,
 * "Worksheets" / "工作表"), which File → Info and file browsers show. Sheets we add join that list after the
 * user's; anything the list does not hold as Excel writes it is left as it is (it is only a description).
 */
import { escapeText, type XmlText } from "./xml-text";

const HEADING_PAIRS =
  /(<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/;
const TITLES =
  /(<TitlesOfParts>\s*<vt:vector\b[^>]*?\ssize=")(\d+)("[^>]*>)([\s\S]*?)(<\/vt:vector>)/;

/**
 * app.xml with `added` sheet names after the `worksheets` the workbook had; null when it needs no change or its
 * lists do not match the workbook (then it is left untouched).
 */
export function withAddedSheets(
  app: XmlText,
  worksheets: number,
  added: readonly string[]
): XmlText | null {
  if (added.length === 0) return null;
  const pairs = HEADING_PAIRS.exec(app.text);
  const titles = TITLES.exec(app.text);
  if (!pairs || !titles || Number(pairs[2]) !== worksheets) return null;
  const names = [...(titles[4] ?? "").matchAll(/<vt:lpstr>[^<]*<\/vt:lpstr>/g)].map((m) => m[0]);
  if (names.length !== Number(titles[2]) || names.length < worksheets) return null;
  const inserted = added.map((n) => `<vt:lpstr>${escapeText(n)}</vt:lpstr>`);
  const list = [...names.slice(0, worksheets), ...inserted, ...names.slice(worksheets)];
  const text = app.text
    .replace(
      TITLES,
      (_m, open: string, _n: string, rest: string, _body: string, close: string) =>
        `${open}${list.length}${rest}${list.join("")}${close}`
    )
    .replace(
      HEADING_PAIRS,
      (_m, open: string, _n: string, close: string) => `${open}${worksheets + added.length}${close}`
    );
  return { ...app, text };
}
