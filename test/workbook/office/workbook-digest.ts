/** Everything a written workbook shows, as plain data, so the Office and ExcelJS adapters' outputs compare. */
import ExcelJS from "exceljs";
import { readWorkbookBuffer } from "../../../src/workbook/exceljs/read";
import { stateSheetOf } from "../../../src/core/state";
import { comparable } from "./helpers";

function round(n: number | undefined): number | undefined {
  return n === undefined ? undefined : Math.round(n * 1000) / 1000;
}

function cellStyle(cell: ExcelJS.Cell): unknown {
  const f = cell.font ?? {};
  const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
  const b = cell.border ?? {};
  const side = (s: Partial<ExcelJS.Border> | undefined) =>
    s?.style ? `${s.style}/${s.color?.argb ?? ""}` : undefined;
  return {
    font: [f.name, f.size, f.bold ?? false, f.italic ?? false, f.underline ?? false, f.color?.argb],
    fill: fill?.fgColor?.argb,
    numFmt: cell.numFmt || "General",
    align: [
      cell.alignment?.horizontal,
      cell.alignment?.vertical,
      cell.alignment?.wrapText ?? false,
    ],
    border: [side(b.top), side(b.bottom), side(b.left), side(b.right)],
  };
}

function sheetDigest(ws: ExcelJS.Worksheet): unknown {
  const styles: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Non-master cells of a merge are hidden behind the master (the ExcelJS adapter leaves them unstyled).
      if (
        cell.value === null ||
        cell.value === undefined ||
        cell.value === "" ||
        cell.type === ExcelJS.ValueType.Merge
      )
        return;
      styles[cell.address] = cellStyle(cell);
    })
  );
  const widths: Record<number, number | undefined> = {};
  for (let c = 1; c <= ws.columnCount; c++) {
    const w = ws.getColumn(c).width;
    if (w !== undefined) widths[c] = round(w);
  }
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
  });
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const p = ws.pageSetup;
  const validations = (
    ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
  ).dataValidations.model;
  return {
    name: ws.name,
    state: ws.state,
    tab: ws.properties.tabColor?.argb,
    styles,
    widths,
    heights,
    freeze: view?.state === "frozen" ? [view.xSplit ?? 0, view.ySplit ?? 0] : null,
    print: [
      p.orientation,
      p.paperSize,
      p.fitToWidth,
      p.fitToHeight,
      p.printTitlesRow,
      p.horizontalCentered,
      p.margins,
      ws.headerFooter?.oddFooter,
    ],
    dataBars: (
      (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings ?? []
    ).map((cf) => [
      cf.ref,
      cf.rules.map((r) => [r.type, (r as unknown as { color?: { argb?: string } }).color?.argb]),
    ]),
    validations: Object.entries(validations ?? {})
      .map(([ref, v]) => [ref, v.type, v.formulae, v.prompt])
      .sort(),
  };
}

/** Saves and reloads (so number-vs-Date and style sharing settle as in a file), then digests. */
export async function digestWorkbook(
  wb: ExcelJS.Workbook
): Promise<{ grid: unknown; sheets: unknown[] }> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes.buffer as ArrayBuffer);
  // Office.js writes "" as an empty cell; ExcelJS keeps an empty string. Both read as blank to the engine.
  // Ownership records name sheets by the host's own ids ("office:…", "xlsx:…"), which differ by host, and so
  // does the state sheet's signature over them: each must hold for its own host, and is then set aside.
  const read = await readWorkbookBuffer(bytes, "x.xlsx");
  const state = stateSheetOf(read.sheets);
  const unsigned = {
    ...read,
    sheets: read.sheets.map((s) => (s === state ? { ...s, rows: s.rows.slice(1) } : s)),
  };
  const grid = JSON.parse(
    JSON.stringify(comparable(unsigned))
      .replace(/,""(?=[,\]])/g, ",null")
      .replace(/\[""(?=[,\]])/g, "[null")
      .replace(/(\\"ids\\":)\[[^\]]*\]/g, "$1[]")
  );
  return { grid, sheets: back.worksheets.map(sheetDigest) };
}
