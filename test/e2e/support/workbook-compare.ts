import ExcelJS from "exceljs";

/** Generation times differ between two runs by design; everything else must match. */
const TIME =
  /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?( ?\(UTC[+-]\d+(:\d{2})?\))?|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:：]\d{2}/g;

function normalise(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value.replace(TIME, "<time>");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .replace(TIME, "<time>");
  if (typeof value === "object" && "formula" in value) return { formula: value.formula };
  return value;
}

/** Every sheet's name, state and cell values, in order: the part of a workbook a person reads. */
export async function workbookContents(
  bytes: ArrayBuffer | Uint8Array
): Promise<Array<{ name: string; state: string; cells: Record<string, unknown> }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = normalise(cell.value);
        if (v !== null) cells[cell.address] = v;
      });
    });
    return { name: ws.name, state: ws.state, cells };
  });
}
