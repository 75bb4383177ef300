/**
 * Office.js parses strings written to `values` as if typed (Excel.Range.values: "If the value starts with a plus,
 * minus, or equal sign, Excel interprets this value as a formula"; ISO dates become dates). Beyond = + - @ it also
 * turns typed error literals (#N/A, #REF!) into errors, "1E+5" and "1,200" into numbers, eats a leading
 * apostrophe, and reads full-width ＝ and digits as their half-width forms. Which strings a given locale parses
 * cannot be listed, so every string is written with a leading apostrophe, which makes Excel store the rest
 * verbatim as text and is not part of the value ("Format numbers as text", support.microsoft.com).
 */
export function typedText(text: string): string {
  return `'${text}`;
}

/**
 * "Excel specifications and limits": at most 32,767 characters in a cell
 * (https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const MAX_CELL_CHARS = 32_767;
